import type { ConnectedSystem } from './connection.entity';
import type { Connector, ConnectorRegistry } from './connector';

let wired: Map<ConnectedSystem, Connector> | null = null;

/**
 * The vendors this deployment ships (src/connectors/index.ts), set once by each entry point, as the
 * projectors are: the domain names the interface, the vendors' folders implement it.
 */
export function wireConnectors(connectors: readonly Connector[]): void {
  wired = new Map(connectors.map((c) => [c.system, c]));
}

export function wiredConnectors(): ConnectorRegistry {
  return wired ?? new Map();
}
