import { startPollingLoop, PollingLoop } from './polling-loop';
import { syncConnections, SyncOptions, SyncResult } from '../domain/connectors/sync-engine';

export type { SyncOptions, SyncResult };
/** One pass of the sync (docs/connectors.md): tests call it instead of waiting for the loop. */
export const runConnectorSyncPass = syncConnections;

/** The sync as a loop on the shared polling loop: a pass, then a pause, until stopped. */
export function startConnectorWorker(options: Omit<SyncOptions, 'signal'> & { intervalMs?: number }): PollingLoop {
  return startPollingLoop('connector sync', (signal) => syncConnections({ ...options, signal }), {
    intervalMs: options.intervalMs ?? 5000,
    logger: options.logger,
    didSomething: (result) => result.attempts > 0 || result.recordsQueued > 0,
  });
}
