import { Role } from '../../src/domain/auth/actor';
import { ApiKeyService } from '../../src/domain/auth/api-key.service';
import { fanOutEvents } from '../../src/domain/webhooks/fan-out';
import { NO_PAYMENT_PROVIDERS } from '../../src/domain/payments/providers';
import { recordBillingRun } from '../../src/metrics/metrics';
import { systemClock } from '../../src/system-clock';
import { startTestApp, TestApp } from '../support/app';

// Without TARIFF_METRICS=1, /metrics is 404: test/graphql/http-audit.test.ts (one app per file is cheaper).
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { TARIFF_METRICS: '1' } });
});
afterAll(async () => {
  await t.close();
});

async function scrape(key: string | null = t.adminKey): Promise<Response> {
  return fetch(`${t.url}/metrics`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
}

/** The value of one series in Prometheus text, or undefined. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('metrics (TARIFF_METRICS=1)', () => {
  it('needs an ADMIN key', async () => {
    expect((await scrape(null)).status).toBe(401);
    expect((await scrape('trf_not_a_key')).status).toBe(401);
    const service = new ApiKeyService({
      em: t.app.db.orm.em.fork(),
      actor: { keyId: 'test', name: 'test', role: Role.ADMIN, customerId: null },
      clock: systemClock,
      providers: NO_PAYMENT_PROVIDERS,
    });
    const sales = (await service.create({ role: Role.SALES, name: 'scraper?' })).secret;
    const res = await scrape(sales);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ errors: [{ message: 'metrics need an ADMIN API key', extensions: { code: 'FORBIDDEN' } }] });
  });

  it('counts requests and latency per operation, and errors per code', async () => {
    for (let i = 0; i < 3; i++) await t.gql('query Viewer { viewer { role } }');
    await t.gql('query Broken { nothingHere }');
    await t.gql('{ viewer { role } }', undefined, null);
    const res = await scrape();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(sample(text, 'tariff_graphql_requests_total{operation="Viewer",type="query",outcome="ok"}')).toBe(3);
    expect(sample(text, 'tariff_graphql_request_duration_seconds_count{operation="Viewer"}')).toBe(3);
    expect(sample(text, 'tariff_graphql_requests_total{operation="invalid",type="unknown",outcome="error"}')).toBe(1);
    expect(sample(text, 'tariff_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
    expect(sample(text, 'tariff_graphql_errors_total{code="UNAUTHENTICATED"}')).toBe(1);
    expect(text).toContain('tariff_process_cpu_seconds_total');
  });

  it('counts pending webhook deliveries when scraped', async () => {
    const before = sample(await (await scrape()).text(), 'tariff_webhook_deliveries_pending');
    expect(before).toBe(0);
    const endpoint = await t.gql(
      'mutation { createWebhookEndpoint(input: { url: "http://127.0.0.1:9/hook", eventTypes: ["*"] }) { endpoint { id } } }',
    );
    expect(endpoint.errors).toBeUndefined();
    const customer = await t.gql(
      'mutation { createCustomer(input: { name: "Hooked", email: "a@hooked.example", currency: "EUR", taxStatus: EXEMPT }) { id } }',
    );
    expect(customer.errors).toBeUndefined();
    // The worker (not running here) fans events out once no older transaction can still commit:
    // another test file's may hold the horizon back, so fan out until the delivery exists.
    let pending: number | undefined = 0;
    for (let i = 0; i < 200 && pending === 0; i++) {
      await fanOutEvents(() => t.app.db.orm.em.fork(), new Date(), 100);
      pending = sample(await (await scrape()).text(), 'tariff_webhook_deliveries_pending');
      if (pending === 0) await new Promise((r) => setTimeout(r, 50));
    }
    expect(pending).toBeGreaterThanOrEqual(1);
  });

  it('exposes billing runs recorded by recordBillingRun', async () => {
    recordBillingRun({ status: 'SUCCEEDED', invoicesCreated: 12, durationSeconds: 1.5 });
    recordBillingRun({ status: 'FAILED', invoicesCreated: 0, durationSeconds: 0.2 });
    const text = await (await scrape()).text();
    expect(sample(text, 'tariff_billing_runs_total{status="SUCCEEDED"}')).toBe(1);
    expect(sample(text, 'tariff_billing_runs_total{status="FAILED"}')).toBe(1);
    expect(sample(text, 'tariff_billing_run_invoices_total')).toBe(12);
    expect(sample(text, 'tariff_billing_run_duration_seconds_sum{status="SUCCEEDED"}')).toBe(1.5);
  });
});
