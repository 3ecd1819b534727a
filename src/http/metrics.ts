import type { ApolloServerPlugin } from '@apollo/server';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus figures (served at GET /metrics with TARIFF_METRICS=1). One registry per process:
 * jobs record billing runs here without being handed anything.
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

/** Counts errors answered outside Apollo's request pipeline (an unreadable body). */
export function recordError(code: string): void {
  errors.inc({ code });
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

/**
 * Operation names are the client's to choose: past this many distinct names, further ones are
 * counted as "other", so a client cannot grow the label set (and the scrape) without bound.
 */
const MAX_OPERATION_NAMES = 200;
const operationNames = new Set<string>();

function operationLabel(name: string | null | undefined, resolved: boolean): string {
  if (!resolved) return 'invalid';
  if (!name) return 'anonymous';
  if (operationNames.has(name)) return name;
  if (operationNames.size >= MAX_OPERATION_NAMES) return 'other';
  operationNames.add(name);
  return name;
}

/** Requests, latency and error codes of every GraphQL request, rejected ones included. */
export function metricsPlugin(): ApolloServerPlugin {
  return {
    async contextCreationDidFail({ error }) {
      const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
      errors.inc({ code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR' });
    },
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operation, operationName, response }) {
          const label = operationLabel(operationName, operation !== undefined);
          const body = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
          const failed = body.errors ?? [];
          for (const e of failed) {
            const code = e.extensions?.code;
            errors.inc({ code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR' });
          }
          requests.inc({ operation: label, type: operation?.operation ?? 'unknown', outcome: failed.length ? 'error' : 'ok' });
          latency.observe({ operation: label }, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
}
