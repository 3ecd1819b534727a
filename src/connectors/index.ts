import type { Connector } from '../domain/connectors/connector';
import { hubspotConnector } from './hubspot/hubspot.connector';
import { sapS4HanaConnector } from './sap-s4hana/sap-s4hana.connector';

/** The vendors this release ships, one folder each (docs/connectors.md); Salesforce and Dynamics follow on the same interface. */
export const shippedConnectors: readonly Connector[] = [hubspotConnector, sapS4HanaConnector];
