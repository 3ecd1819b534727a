import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus figures (served at GET /metrics with TARIFF_METRICS=1, src/http/metrics.route.ts).
 * One registry per process: jobs and services record billing runs here without being handed
 * anything, so this module imports nothing of GraphQL or HTTP.
 */
export const metricsRegistry = new Registry();

const requests = new Counter({
  name: 'tariff_graphql_requests_total',
  help: 'GraphQL requests answered, by operation name, operation type and outcome (ok: no errors)',
  labelNames: ['operation', 'type', 'outcome'] as const,
  registers: [metricsRegistry],
});

const latency = new Histogram({
  name: 'tariff_graphql_request_duration_seconds',
  help: 'Time from a GraphQL request reaching Apollo to its response, by operation name',
  labelNames: ['operation'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [metricsRegistry],
});

const errors = new Counter({
  name: 'tariff_graphql_errors_total',
  help: 'Errors sent to clients, by extensions.code (a request with two errors counts two)',
  labelNames: ['code'] as const,
  registers: [metricsRegistry],
});

let countPendingDeliveries: (() => Promise<number>) | null = null;

new Gauge({
  name: 'tariff_webhook_deliveries_pending',
  help: 'Webhook deliveries waiting for their next attempt, counted at scrape time',
  registers: [metricsRegistry],
  async collect() {
    if (countPendingDeliveries) this.set(await countPendingDeliveries());
  },
});

const billingRuns = new Counter({
  name: 'tariff_billing_runs_total',
  help: 'Billing runs finished, by status',
  labelNames: ['status'] as const,
  registers: [metricsRegistry],
});

const billingInvoices = new Counter({
  name: 'tariff_billing_run_invoices_total',
  help: 'Invoices created by billing runs',
  registers: [metricsRegistry],
});

const billingDuration = new Histogram({
  name: 'tariff_billing_run_duration_seconds',
  help: 'How long billing runs took, by status',
  labelNames: ['status'] as const,
  buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600],
  registers: [metricsRegistry],
});

export interface BillingRunRecord {
  status: 'SUCCEEDED' | 'FAILED';
  invoicesCreated: number;
  durationSeconds: number;
}

/** Called once per finished billing run, whoever started it (the API, the CLI, a scheduler). */
export function recordBillingRun(run: BillingRunRecord): void {
  billingRuns.inc({ status: run.status });
  if (run.invoicesCreated > 0) billingInvoices.inc(run.invoicesCreated);
  billingDuration.observe({ status: run.status }, run.durationSeconds);
}

/** One error sent to a client, by its extensions.code. */
export function recordError(code: string): void {
  errors.inc({ code });
}

/** One GraphQL request answered: `operation` is already a bounded label (src/http/metrics.plugin.ts). */
export function recordRequest(request: { operation: string; type: string; failed: boolean; durationSeconds: number }): void {
  requests.inc({ operation: request.operation, type: request.type, outcome: request.failed ? 'error' : 'ok' });
  latency.observe({ operation: request.operation }, request.durationSeconds);
}

let defaultsCollected = false;

/** Turns on what only a scraped process needs: the pending-delivery count and Node's own figures. */
export function enableMetrics(options: { countPendingDeliveries: () => Promise<number> }): void {
  countPendingDeliveries = options.countPendingDeliveries;
  if (!defaultsCollected) {
    collectDefaultMetrics({ register: metricsRegistry, prefix: 'tariff_' });
    defaultsCollected = true;
  }
}
