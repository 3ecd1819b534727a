import { Worker } from 'node:worker_threads';

/**
 * Load for bench/usage.bench.ts, on a worker thread so the clients do not share the event loop
 * of the server they measure (as bench/http-load.ts). Unlike that closed loop of one constant
 * request, it sends a fixed number of distinct batches, either as recordUsage requests or as
 * the bare multi-row insert they are compared with; both modes send exactly the same events.
 * Batches are generated before the clock starts (a million events is ~200 MB of request
 * bodies): on a 2-core machine the generator would otherwise take CPU from what it measures.
 */
export interface UsageLoadOptions {
  mode: 'http' | 'sql';
  /** http: the GraphQL endpoint and an ADMIN key. */
  url?: string;
  adminKey?: string;
  /** sql: the database holding usage_event_baseline. */
  dbUrl?: string;
  customers: string[];
  batches: number;
  batchSize: number;
  /** Per batch, events of the previous batch sent again (of the same batch for the first one). */
  resentPerBatch: number;
  concurrency: number;
  /** Prefix of every event id, so that runs never collide and rows can be counted per run. */
  tag: string;
}

export interface LoadResult {
  sent: number;
  accepted: number;
  duplicates: number;
  failures: number;
  firstError?: string;
  seconds: number;
  perSecond: number;
}

/** What a run must come to: every batch has its fresh events and its resent ones. */
export function loadPlan(batches: number, batchSize: number, resentPerBatch: number): { sent: number; unique: number; duplicates: number } {
  return { sent: batches * batchSize, unique: batches * (batchSize - resentPerBatch), duplicates: batches * resentPerBatch };
}

const workerSource = `
const { parentPort, workerData: w } = require('node:worker_threads');
const fresh = w.batchSize - w.resentPerBatch;
const epoch = Date.now();
const event = (u) => ({
  id: w.tag + '-' + u,
  customerId: w.customers[u % w.customers.length],
  metric: 'api_calls',
  value: (u % 500) + '.' + String(u % 100).padStart(2, '0'),
  timestamp: new Date(epoch - (u % 2592000) * 1000).toISOString(),
  uniqueKey: 'user-' + (u % 10000),
});
const batch = (b) => {
  const events = new Array(w.batchSize);
  for (let j = 0; j < fresh; j++) events[j] = event(b * fresh + j);
  const from = b === 0 ? 0 : (b - 1) * fresh;
  for (let j = 0; j < w.resentPerBatch; j++) events[fresh + j] = event(from + j);
  return events;
};
let accepted = 0, duplicates = 0, failures = 0, firstError;
const fail = (message) => { failures++; firstError ??= String(message).slice(0, 300); };

const query = 'mutation($events: [UsageEventInput!]!) { recordUsage(events: $events) { accepted duplicates } }';
const headers = { 'content-type': 'application/json', authorization: 'Bearer ' + w.adminKey };
async function viaHttp(body) {
  const res = await fetch(w.url, { method: 'POST', headers, body });
  const text = await res.text();
  let result;
  try { result = JSON.parse(text).data.recordUsage; } catch { result = null; }
  if (!res.ok || !result) return fail(text);
  accepted += result.accepted;
  duplicates += result.duplicates;
}

let insert;
function insertText(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const p = i * 7;
    rows.push('(gen_random_uuid(), $' + (p + 1) + ', $' + (p + 2) + ', $' + (p + 3) + ', $' + (p + 4) + ', $' + (p + 5) + ', $' + (p + 6) + ', $' + (p + 7) + ')');
  }
  return 'insert into usage_event_baseline (id, customer_id, event_id, metric, value, "timestamp", unique_key, received_at) values '
    + rows.join(',') + ' on conflict (customer_id, event_id) do nothing returning event_id, customer_id';
}
async function viaSql(client, params) {
  const res = await client.query(insert ??= insertText(params.length / 7), params);
  accepted += res.rowCount;
  duplicates += params.length / 7 - res.rowCount;
}
/** What each mode sends for batch b: a request body, or the insert's parameters. */
function prepare(b) {
  const events = batch(b);
  if (w.mode === 'http') return JSON.stringify({ query, variables: { events } });
  const receivedAt = new Date().toISOString();
  const params = [];
  for (const e of events) params.push(e.customerId, e.id, e.metric, e.value, e.timestamp, e.uniqueKey, receivedAt);
  return params;
}

(async () => {
  const clients = [];
  if (w.mode === 'sql') {
    const { Client } = require('pg');
    for (let i = 0; i < w.concurrency; i++) {
      const c = new Client({ connectionString: w.dbUrl });
      await c.connect();
      clients.push(c);
    }
  }
  const prepared = Array.from({ length: w.batches }, (_, b) => prepare(b));
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: w.concurrency }, async (_, i) => {
    for (let b = next++; b < w.batches; b = next++) {
      try {
        await (w.mode === 'http' ? viaHttp(prepared[b]) : viaSql(clients[i], prepared[b]));
      } catch (err) {
        fail(err && err.message);
      } finally {
        prepared[b] = null;
      }
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(clients.map((c) => c.end()));
  const sent = w.batches * w.batchSize;
  parentPort.postMessage({ sent, accepted, duplicates, failures, firstError, seconds, perSecond: sent / seconds });
})().catch((err) => { throw err; });
`;

export function runUsageLoad(options: UsageLoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource, { eval: true, workerData: options });
    worker.once('message', (result: LoadResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
