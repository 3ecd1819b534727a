import { Worker } from 'node:worker_threads';

/**
 * A closed-loop HTTP load generator: `concurrency` clients, each sending its next request as
 * soon as the previous one answers. It runs on a worker thread, so the clients do not share
 * the event loop of the server they measure.
 */
export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  failures: number;
}

export interface LoadOptions {
  concurrency: number;
  seconds: number;
  /** A prefix every successful response body starts with. */
  expectPrefix?: string;
}

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, headers, body, concurrency, seconds, expectPrefix } = workerData;
(async () => {
  const deadline = performance.now() + seconds * 1000;
  let requests = 0, failures = 0;
  const started = performance.now();
  const client = async () => {
    while (performance.now() < deadline) {
      const res = await fetch(url, { method: 'POST', headers, body });
      const text = await res.text();
      requests++;
      if (!res.ok || (expectPrefix && !text.startsWith(expectPrefix))) failures++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const elapsed = (performance.now() - started) / 1000;
  parentPort.postMessage({ requests, seconds: elapsed, perSecond: requests / elapsed, failures });
})();
`;

export function runLoad(url: string, init: { headers: Record<string, string>; body: string }, options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource, { eval: true, workerData: { url, ...init, ...options } });
    worker.once('message', (result: LoadResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
