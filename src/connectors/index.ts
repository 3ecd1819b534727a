import type { Connector } from '../domain/connectors/connector';
import { dynamicsConnector } from './dynamics-365/dynamics.connector';
import { hubspotConnector } from './hubspot/hubspot.connector';

/** The vendors this release ships, one folder each (docs/connectors.md); Salesforce and SAP follow on the same interface. */
export const shippedConnectors: readonly Connector[] = [hubspotConnector, dynamicsConnector];
