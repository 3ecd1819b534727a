import type { Connector } from '../domain/connectors/connector';
import { hubspotConnector } from './hubspot/hubspot.connector';
import { salesforceConnector } from './salesforce/salesforce.connector';

/** The vendors this release ships, one folder each (docs/connectors.md); SAP and Dynamics follow on the same interface. */
export const shippedConnectors: readonly Connector[] = [hubspotConnector, salesforceConnector];
