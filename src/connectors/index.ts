import type { Connector } from '../domain/connectors/connector';
import { dynamicsConnector } from './dynamics-365/dynamics.connector';
import { hubspotConnector } from './hubspot/hubspot.connector';
import { salesforceConnector } from './salesforce/salesforce.connector';
import { sapS4HanaConnector } from './sap-s4hana/sap-s4hana.connector';

/** The vendors this release ships, one folder each (docs/connectors.md). */
export const shippedConnectors: readonly Connector[] = [hubspotConnector, salesforceConnector, dynamicsConnector, sapS4HanaConnector];
