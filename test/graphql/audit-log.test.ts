import { startTestApp, TestApp, type Untyped } from '../support/app';
import { createPrice, createProduct, must } from '../support/catalog';

let t: TestApp;
const statements: string[] = [];
beforeAll(async () => {
  t = await startTestApp({ onQuery: (sql) => statements.push(sql) });
  await createProduct(t, 'plan');
  await createPrice(t, 'calls', {
    kind: 'usage',
    config: { metric: 'api_calls', aggregation: 'sum', pricing: { kind: 'per_unit', config: { unitAmount: '0.01' } } },
  });
});
afterAll(async () => {
  await t.close();
});

const log = `query($first: Int, $after: String, $r: ID) {
  auditLog(first: $first, after: $after, recordId: $r) {
    edges { cursor node { id at actor { apiKeyId name role } operation recordType recordId changes } }
    pageInfo { hasNextPage endCursor }
  }
}`;
type Entry = {
  id: string;
  at: string;
  actor: { apiKeyId: string; name: string; role: string };
  operation: string;
  recordType: string;
  recordId: string | null;
  changes: Record<string, { before: unknown; after: unknown }>;
};
async function entries(recordId?: string, first = 100): Promise<Entry[]> {
  const data = await must(t, log, { first, r: recordId });
  return data.auditLog.edges.map((e: { node: Entry }) => e.node);
}
const count = async () => (await t.app.db.orm.em.fork().execute<{ n: number }[]>('select count(*)::int as n from audit_entry'))[0].n;
async function newCustomer(name = 'Acme'): Promise<string> {
  const data = await must(
    t,
    'mutation($n: String!) { createCustomer(input: { name: $n, email: "a@example.com", currency: "EUR", taxStatus: EXEMPT }) { id } }',
    { n: name },
  );
  return data.createCustomer.id;
}
async function keyFor(role: string, customerId?: string): Promise<string> {
  const data = await must(t, 'mutation($r: Role!, $c: ID) { createApiKey(input: { role: $r, customerId: $c, name: "k" }) { secret } }', {
    r: role,
    c: customerId,
  });
  return data.createApiKey.secret;
}

describe('auditLog', () => {
  it('records a created customer with its actor and operation, and an update with the changed fields only, before and after', async () => {
    const id = await newCustomer('Acme');
    const viewer = (await must(t, '{ viewer { keyId } }')).viewer.keyId;
    const [created] = await entries(id);
    expect(created).toMatchObject({
      actor: { apiKeyId: viewer, name: 'TARIFF_ADMIN_KEY', role: 'ADMIN' },
      operation: 'createCustomer',
      recordType: 'Customer',
      recordId: id,
    });
    expect(created.changes.name).toEqual({ before: null, after: 'Acme' });
    expect(new Date(created.at).getTime()).not.toBeNaN();

    await must(t, 'mutation($id: ID!) { updateCustomer(id: $id, input: { name: "Acme Holding", email: "ap@acme.example" }) { id } }', {
      id,
    });
    const [updated, first] = await entries(id);
    expect(first.id).toBe(created.id);
    expect(updated.operation).toBe('updateCustomer');
    // The customer's own updatedAt moves too: a real change of the record, kept.
    expect(Object.keys(updated.changes).sort()).toEqual(['email', 'name', 'updatedAt']);
    expect(updated.changes).toMatchObject({
      name: { before: 'Acme', after: 'Acme Holding' },
      email: { before: 'a@example.com', after: 'ap@acme.example' },
    });
  });

  it('writes nothing for a mutation that changes nothing, and for reads', async () => {
    const id = await newCustomer('Same');
    const before = await count();
    await must(t, 'mutation($id: ID!) { updateCustomer(id: $id, input: { name: "Same" }) { id } }', { id });
    await must(t, '{ customers(first: 5) { edges { node { id } } } }');
    expect(await count()).toBe(before);
  });

  it('leaves no entry when a mutation fails: CONFLICT, and a refused input', async () => {
    const made = (await must(t, 'mutation { createApiKey(input: { role: SALES, name: "once" }) { apiKey { id } } }')).createApiKey.apiKey
      .id;
    await must(t, 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: made });
    const before = await count();
    const again = await t.gql('mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: made });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    const bad = await t.gql(
      'mutation { createCustomer(input: { name: "x", email: "not an e-mail", currency: "EUR", taxStatus: EXEMPT }) { id } }',
    );
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await count()).toBe(before);
    expect((await entries(made)).map((e) => e.operation)).toEqual(['revokeApiKey', 'createApiKey']);
  });

  it('never shows a secret: an API key’s hash, a webhook endpoint’s signing secret, a payment token', async () => {
    const key = (await must(t, 'mutation { createApiKey(input: { role: SALES, name: "sales desk" }) { secret apiKey { id } } }'))
      .createApiKey;
    const hook = (
      await must(
        t,
        'mutation { createWebhookEndpoint(input: { url: "http://127.0.0.1:9/audit", eventTypes: ["*"] }) { secret endpoint { id } } }',
      )
    ).createWebhookEndpoint;
    const customer = await newCustomer('Payer');
    await must(
      t,
      'mutation($c: ID!) { attachPaymentMethod(input: { customerId: $c, provider: "sandbox", token: "pm_sandbox_ok" }) { id } }',
      { c: customer },
    );
    const all = JSON.stringify(await entries());
    const [keyEntry] = await entries(key.apiKey.id);
    expect(keyEntry.changes.secretHash).toEqual({ before: null, after: '[REDACTED]' });
    expect(keyEntry.changes.name).toEqual({ before: null, after: 'sales desk' });
    const [hookEntry] = await entries(hook.endpoint.id);
    expect(hookEntry.changes.secret).toEqual({ before: null, after: '[REDACTED]' });
    expect(all).toContain('PaymentMethod');
    const hashOf = (
      await t.app.db.orm.em.fork().execute<{ h: string }[]>('select secret_hash as h from api_key where id = ?', [key.apiKey.id])
    )[0].h;
    for (const secret of [key.secret, key.secret.slice(8), hashOf, hook.secret, 'pm_sandbox_ok']) expect(all).not.toContain(secret);
    const stored = JSON.stringify(await t.app.db.orm.em.fork().execute('select changes from audit_entry'));
    for (const secret of [hashOf, hook.secret, 'pm_sandbox_ok']) expect(stored).not.toContain(secret);
  });

  it('filters by record and pages newest first', async () => {
    const id = await newCustomer('Paged');
    for (const name of ['P1', 'P2', 'P3'])
      await must(t, 'mutation($id: ID!, $n: String!) { updateCustomer(id: $id, input: { name: $n }) { id } }', { id, n: name });
    const mine = await entries(id);
    expect(mine.map((e) => e.changes.name.after)).toEqual(['P3', 'P2', 'P1', 'Paged']);
    expect(mine.every((e) => e.recordId === id)).toBe(true);
    const ids = mine.map((e) => Number(e.id));
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);

    const pages: string[] = [];
    let after: string | null = null;
    for (;;) {
      const data: any = await must(t, log, { first: 3, after, r: id });
      pages.push(...data.auditLog.edges.map((e: { node: Entry }) => e.node.id));
      if (!data.auditLog.pageInfo.hasNextPage) break;
      after = data.auditLog.pageInfo.endCursor;
    }
    expect(pages).toEqual(mine.map((e) => e.id));
    expect(await entries('00000000-0000-4000-8000-000000000000')).toEqual([]);
  });

  it('sums a billing cycle up in one entry with its counts, and a started run with its id', async () => {
    const customer = await newCustomer('Billed');
    await must(
      t,
      'mutation($c: ID!) { createSubscription(input: { customerId: $c, items: [{ priceCode: "calls", quantity: "1" }] }) { id } }',
      { c: customer },
    );
    const before = await count();
    const at = new Date().toISOString();
    const result = (await must(t, 'mutation($at: DateTime!) { runBilling(at: $at) { invoicesCreated } }', { at })).runBilling;
    expect(await count()).toBe(before + 1);
    const [summary] = await entries(undefined, 1);
    expect(summary).toMatchObject({ operation: 'runBilling', recordType: 'BillingRun', recordId: null });
    expect(summary.changes.at).toEqual({ before: null, after: at });
    expect(summary.changes.invoicesCreated).toEqual({ before: null, after: result.invoicesCreated });

    const run = (await must(t, 'mutation { startBillingRun { id } }')).startBillingRun.id;
    const [started] = await entries(run);
    expect(started).toMatchObject({ operation: 'startBillingRun', recordType: 'BillingRun', recordId: run });
    expect(started.changes.status).toEqual({ before: null, after: 'RUNNING' });
  });

  describe('a test clock advance', () => {
    const advance = 'mutation($id: ID!, $to: DateTime!) { advanceTestClock(id: $id, to: $to) { frozenTime } }';
    const day = (iso: string) => new Date(iso).toISOString();
    async function clockedSubscription(): Promise<{ clock: string; customer: string; sub: string }> {
      const clock = (await must(t, 'mutation { createTestClock(frozenTime: "2026-01-01T00:00:00Z") { id } }')).createTestClock.id;
      const customer = (
        await must(
          t,
          'mutation($c: ID!) { createCustomer(input: { name: "Clocked", email: "c@example.com", currency: "EUR", taxStatus: EXEMPT, testClockId: $c }) { id } }',
          { c: clock },
        )
      ).createCustomer.id;
      const sub = (
        await must(
          t,
          'mutation($c: ID!) { createSubscription(input: { customerId: $c, items: [{ priceCode: "audit-seat", quantity: "1" }], collection: SEND_INVOICE }) { id } }',
          { c: customer },
        )
      ).createSubscription.id;
      return { clock, customer, sub };
    }
    const invoicesOf = async (customer: string) =>
      (await must(t, 'query($c: ID!) { invoices(customerId: $c, first: 100) { edges { node { id } } } }', { c: customer })).invoices.edges
        .length;

    beforeAll(async () => {
      await createPrice(t, 'audit-seat', { kind: 'per_unit', config: { unitAmount: '10.00' } });
    });

    it('is summed up in one entry on the clock, with what it advanced and what it did, as runBilling is', async () => {
      const { clock, customer } = await clockedSubscription();
      const invoicesBefore = await invoicesOf(customer);
      const before = await count();
      await must(t, advance, { id: clock, to: '2026-03-15T00:00:00Z' });
      // Two boundaries billed (February and March), the clock moved at each: one entry all the same.
      expect(await count()).toBe(before + 1);
      const invoicesCreated = (await invoicesOf(customer)) - invoicesBefore;
      expect(invoicesCreated).toBe(2);
      const [summary] = await entries(undefined, 1);
      expect(summary).toMatchObject({ operation: 'advanceTestClock', recordType: 'TestClock', recordId: clock });
      const after = Object.fromEntries(Object.entries(summary.changes).map(([k, v]) => [k, v.after]));
      expect(Object.values(summary.changes).every((c) => c.before === null)).toBe(true);
      expect(after).toMatchObject({
        from: day('2026-01-01'),
        to: day('2026-03-15'),
        reached: day('2026-03-15'),
        completed: true,
        customers: 1,
        // Every instant it stopped at: period ends, and the payment and lifecycle steps between them.
        steps: expect.any(Number),
        invoicesCreated,
        subscriptionsProcessed: 2,
        subscriptionsFailed: 0,
        paymentsSucceeded: 0,
        signalsEmitted: expect.any(Number),
      });
      expect(after.steps).toBeGreaterThanOrEqual(2);
      // The clock's own history: made, then advanced; no entry per invoice or per step.
      expect((await entries(clock)).map((e) => e.operation)).toEqual(['advanceTestClock', 'createTestClock']);
    });

    it('leaves an entry when it stops on the way, saying where; none when refused before it starts', async () => {
      const { clock, sub } = await clockedSubscription();
      // An invoice already holding March's billing key makes that boundary fail (test-clocks.test.ts).
      const em = t.app.db.orm.em.fork();
      const columns = (
        await em.execute<{ c: string }[]>(
          `select string_agg(quote_ident(column_name), ',') as c from information_schema.columns where table_schema = current_schema() and table_name = 'invoice' and column_name not in ('id', 'number', 'billing_key')`,
        )
      )[0].c;
      await em.execute(
        `insert into invoice (id, number, billing_key, ${columns}) select gen_random_uuid(), null, ?, ${columns} from invoice where subscription_id = ?`,
        [`${sub}:${day('2026-03-01')}`, sub],
      );
      const before = await count();
      const res = await t.gql(advance, { id: clock, to: '2026-04-01T00:00:00Z' });
      expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(await count()).toBe(before + 1);
      const [stopped] = await entries(clock, 1);
      expect(stopped.operation).toBe('advanceTestClock');
      expect(stopped.changes).toMatchObject({
        to: { after: day('2026-04-01') },
        reached: { after: day('2026-03-01') },
        completed: { after: false },
        subscriptionsFailed: { after: 1 },
        invoicesCreated: { after: 1 },
      });

      const refused = await t.gql(advance, { id: clock, to: '2025-01-01T00:00:00Z' });
      expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(await count()).toBe(before + 1);
    });
  });

  it.each([
    ['after', { after: 'not-a-cursor' }],
    ['first', { first: 0 }],
    ['first', { first: 101 }],
  ])('refuses a bad %s with BAD_USER_INPUT naming it', async (field, args) => {
    const res = await t.gql(log, args);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe(field);
  });

  it.each([
    ['a NUL byte', '\u0000'],
    ['a long id', 'x'.repeat(5000)],
    ['SQL', "' or 1=1 --"],
    ['a cursor of another list', Buffer.from('2026-01-01T00:00:00.000Z|00000000-0000-4000-8000-000000000000').toString('base64url')],
  ])('answers hostile arguments (%s) with a typed error or an empty page, never INTERNAL_SERVER_ERROR', async (_name, value) => {
    for (const args of [{ r: value }, { after: value }]) {
      const res = await t.gql<Untyped>(log, args);
      expect(res.status).toBeLessThan(500);
      expect(res.errors?.map((e) => e.extensions?.code) ?? []).not.toContain('INTERNAL_SERVER_ERROR');
      if (!res.errors) expect(res.data!.auditLog.edges).toEqual([]);
    }
  });

  it.each(['SALES', 'PARTNER', 'STOREFRONT', 'CUSTOMER'])('is FORBIDDEN to a %s key', async (role) => {
    const key = await keyFor(role, role === 'CUSTOMER' ? await newCustomer('Own') : undefined);
    const res = await t.gql(log, { first: 1 }, key);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.data).toBeNull();
  });

  it('costs the hot paths nothing: recordUsage and previewQuote neither write nor touch the audit log', async () => {
    const customer = await newCustomer('Metered');
    await must(
      t,
      'mutation($c: ID!) { createSubscription(input: { customerId: $c, items: [{ priceCode: "calls", quantity: "1" }] }) { id } }',
      { c: customer },
    );
    const before = await count();
    statements.length = 0;
    const events = Array.from({ length: 5 }, (_, i) => ({
      id: `audit-${i}`,
      customerId: customer,
      metric: 'api_calls',
      value: '2',
      timestamp: new Date().toISOString(),
    }));
    expect(
      (await must(t, 'mutation($e: [UsageEventInput!]!) { recordUsage(events: $e) { accepted } }', { e: events })).recordUsage.accepted,
    ).toBe(5);
    await must(
      t,
      'query($c: ID!) { previewQuote(input: { customerId: $c, currency: "EUR", lines: [{ priceCode: "calls", quantity: "10" }] }) { total } }',
      { c: customer },
    );
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.filter((s) => s.includes('audit_entry'))).toEqual([]);
    expect(await count()).toBe(before);
  });
});
