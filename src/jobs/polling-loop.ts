import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../logger';

export interface PollingLoop {
  /** Aborts the signal the passes were given and waits for the pass under way to finish. */
  stop(): Promise<void>;
}

/**
 * A worker as a loop (the webhook and e-mail workers): a pass, then a pause of `intervalMs`, until
 * stopped. A failed pass is logged and the loop goes on; one that did something is logged at
 * debug level as `<name> pass`.
 */
export function startPollingLoop<R extends object>(
  name: string,
  pass: (signal: AbortSignal) => Promise<R>,
  options: { intervalMs: number; logger?: Logger; didSomething: (result: R) => boolean },
): PollingLoop {
  const controller = new AbortController();
  const { signal } = controller;
  const loop = (async () => {
    while (!signal.aborted) {
      try {
        const result = await pass(signal);
        if (options.didSomething(result)) {
          const fields: object = result;
          options.logger?.debug(fields, `${name} pass`);
        }
      } catch (err) {
        if (!signal.aborted) options.logger?.error({ err }, `${name} pass failed`);
      }
      await sleep(options.intervalMs, undefined, { signal }).catch(() => undefined);
    }
  })();
  return {
    async stop() {
      controller.abort();
      await loop;
    },
  };
}
