import fc from 'fast-check';
import { ManualClock } from '../../src/domain/shared/clock';
import { startTestApp, TestApp } from '../support/app';
import { createCustomer, createPrice, createProduct, must } from '../support/catalog';

// previewSubscriptionChange runs the code changeSubscription runs (planChange, prorationLines,
// draftProrationInvoice) and writes nothing: each test previews, changes at the same instant,
// and compares to the cent with what the change stored or invoiced.
const clock = new ManualClock(new Date('2026-03-01T00:00:00Z'));
let t: TestApp;
let customerKey: string;
let partnerKey: string;

type Item = { priceCode: string; quantity: string };
const PREVIEW = `query($input: ChangeSubscriptionInput!) { previewSubscriptionChange(input: $input) {
  subscription { id version } prorationBehavior at currency subtotal tax total amountDueNow
  lines { description priceCode quantity amount tax periodStart periodEnd steps } } }`;
const STATE = `query($id: ID!, $customer: ID!) { subscription(id: $id) { version items { priceCode quantity } pendingProrations { description priceCode quantity amount periodStart periodEnd } }
  upcomingInvoice(subscriptionId: $id) { lines { description amount tax proration } }
  invoices(customerId: $customer, first: 20) { edges { node { id total lines { description amount tax proration } } } } }`;

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '30.00' } });
  await createPrice(t, 'pro', { kind: 'per_unit', config: { unitAmount: '60.00' } });
  await createPrice(t, 'odd', {
    kind: 'graduated',
    config: {
      tiers: [
        { upTo: 3, unitAmount: '9.99' },
        { upTo: null, unitAmount: '7.77', flatAmount: '1.01' },
      ],
    },
  });
  mine = await createCustomer(t, 'currency: "EUR", taxStatus: TAXABLE, taxRate: "19"');
  await createPrice(t, 'calls', {
    kind: 'usage',
    config: { metric: 'calls', aggregation: 'sum', pricing: { kind: 'per_unit', config: { unitAmount: '0.01' } } },
  });
  customerKey = await keyFor(mine);
  partnerKey = (await must(t, 'mutation { createApiKey(input: { role: PARTNER, name: "gateway" }) { secret } }')).createApiKey.secret;
  await must(t, 'mutation { updateSellerSettings(input: { selfServicePriceCodes: ["seat", "pro"] }) { name } }');
});
afterAll(async () => {
  await t.close();
});

const customerOf = new Map<string, string>();
let mine: string;

async function keyFor(customer: string): Promise<string> {
  return (
    await must(t, 'mutation($c: ID!) { createApiKey(input: { role: CUSTOMER, name: "portal", customerId: $c }) { secret } }', {
      c: customer,
    })
  ).createApiKey.secret;
}

/** A subscription of its own customer (so its invoices are few to list), or of `mine` for the CUSTOMER key. */
async function subscribe(items: Item[], customer?: string): Promise<string> {
  clock.set(new Date('2026-03-01T00:00:00Z'));
  // Taxed, so that the preview's tax is checked too: 19 % per line, rounded per line.
  const customerId = customer ?? (await createCustomer(t, 'currency: "EUR", taxStatus: TAXABLE, taxRate: "19"'));
  const data = await must(t, 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
    input: { customerId, items, collection: 'SEND_INVOICE' },
  });
  customerOf.set(data.createSubscription.id, customerId);
  return data.createSubscription.id;
}

async function state(id: string) {
  const data = await must(t, STATE, { id, customer: customerOf.get(id) });
  return { ...data.subscription, upcoming: data.upcomingInvoice, invoices: data.invoices.edges.map((e: any) => e.node) };
}

const sum = (xs: string[]) => xs.reduce((a, x) => a + Math.round(Number(x) * 100), 0);
const cents = (x: string) => Math.round(Number(x) * 100);

/** Previews, then changes with the same input at the same instant; returns both and the states around them. */
async function previewThenChange(id: string, items: Item[], prorationBehavior?: string, key?: string) {
  const input = { id, items, ...(prorationBehavior ? { prorationBehavior } : {}) };
  const before = await state(id);
  const preview = (await must(t, PREVIEW, { input }, key)).previewSubscriptionChange;
  // Nothing written: same version, same pending prorations, same invoices.
  expect(await state(id)).toEqual(before);
  await must(
    t,
    'mutation($input: ChangeSubscriptionInput!) { changeSubscription(input: $input) { version } }',
    { input: { ...input, expectedVersion: preview.subscription.version } },
    key,
  );
  return { before, preview, after: await state(id) };
}

function added<T>(before: T[], after: T[]): T[] {
  const left = [...before.map((x) => JSON.stringify(x))];
  return after.filter((x) => {
    const i = left.indexOf(JSON.stringify(x));
    if (i === -1) return true;
    left.splice(i, 1);
    return false;
  });
}

const sorted = <T>(xs: T[]) => [...xs].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));

function checkCreateProrations(r: Awaited<ReturnType<typeof previewThenChange>>) {
  const stored = added(r.before.pendingProrations, r.after.pendingProrations);
  // The same lines (the API lists pending prorations by amount, the preview in the order the change stores them).
  const shown = r.preview.lines.map(({ description, priceCode, quantity, amount, periodStart, periodEnd }: any) => ({
    description,
    priceCode,
    quantity,
    amount,
    periodStart,
    periodEnd,
  }));
  expect(sorted(shown)).toEqual(sorted(stored));
  // Taxed as the next invoice taxes them.
  const next = r.after.upcoming.lines.filter((l: any) => l.proration);
  for (const line of r.preview.lines)
    expect(next).toContainEqual({ description: line.description, amount: line.amount, tax: line.tax, proration: true });
  expect(cents(r.preview.subtotal)).toBe(sum(r.preview.lines.map((l: any) => l.amount)));
  expect(cents(r.preview.tax)).toBe(sum(r.preview.lines.map((l: any) => l.tax)));
  expect(cents(r.preview.total)).toBe(cents(r.preview.subtotal) + cents(r.preview.tax));
  expect(r.preview.amountDueNow).toBe(r.preview.total);
  expect(r.after.invoices).toHaveLength(r.before.invoices.length);
}

function checkAlwaysInvoice(r: Awaited<ReturnType<typeof previewThenChange>>) {
  const made: any[] = added(r.before.invoices, r.after.invoices);
  if (r.preview.amountDueNow === '0.00' && made.length === 0) return;
  expect(made).toHaveLength(1);
  expect(made[0].total).toBe(r.preview.amountDueNow);
  for (const line of r.preview.lines)
    expect(made[0].lines).toContainEqual({ description: line.description, amount: line.amount, tax: line.tax, proration: true });
  expect(r.after.pendingProrations).toEqual([]);
}

describe('previewSubscriptionChange', () => {
  it('shows the prorations CREATE_PRORATIONS stores, with the tax the next invoice adds', async () => {
    const id = await subscribe([{ priceCode: 'seat', quantity: '1' }]);
    clock.set(new Date('2026-03-16T00:00:00Z'));
    const r = await previewThenChange(id, [{ priceCode: 'pro', quantity: '2' }]);
    expect(r.preview).toMatchObject({
      prorationBehavior: 'CREATE_PRORATIONS',
      at: '2026-03-16T00:00:00.000Z',
      currency: 'EUR',
      subtotal: '46.46',
      tax: '8.83',
      total: '55.29',
      amountDueNow: '55.29',
    });
    expect(r.preview.lines.map((l: any) => [l.priceCode, l.quantity, l.amount, l.tax])).toEqual([
      ['seat', '1', '-15.48', '-2.94'],
      ['pro', '2', '61.94', '11.77'],
    ]);
    checkCreateProrations(r);
  });

  it('ALWAYS_INVOICE: amountDueNow is the invoice the change makes, prorations already pending included', async () => {
    const id = await subscribe([{ priceCode: 'seat', quantity: '1' }]);
    clock.set(new Date('2026-03-10T00:00:00Z'));
    await must(
      t,
      'mutation($id: ID!) { changeSubscription(input: { id: $id, items: [{ priceCode: "seat", quantity: "2" }] }) { version } }',
      { id },
    );
    clock.set(new Date('2026-03-20T06:30:00Z'));
    const r = await previewThenChange(id, [{ priceCode: 'odd', quantity: '5' }], 'ALWAYS_INVOICE');
    expect(r.before.pendingProrations).toHaveLength(2);
    // The invoice bills the two earlier prorations too, so it is more than the change's own lines.
    expect(cents(r.preview.amountDueNow)).not.toBe(cents(r.preview.total));
    checkAlwaysInvoice(r);
  });

  it('NONE: no lines, nothing due, as the change makes none', async () => {
    const id = await subscribe([{ priceCode: 'seat', quantity: '1' }]);
    clock.set(new Date('2026-03-16T00:00:00Z'));
    const r = await previewThenChange(id, [{ priceCode: 'pro', quantity: '1' }], 'NONE');
    expect(r.preview).toMatchObject({ lines: [], subtotal: '0.00', tax: '0.00', total: '0.00', amountDueNow: '0.00' });
    expect(r.after.pendingProrations).toEqual([]);
  });

  it('the same items: nothing to do, in the preview as in the change', async () => {
    const id = await subscribe([{ priceCode: 'seat', quantity: '1' }]);
    const r = await previewThenChange(id, [{ priceCode: 'seat', quantity: '1.00' }], 'ALWAYS_INVOICE');
    expect(r.preview).toMatchObject({ lines: [], total: '0.00', amountDueNow: '0.00' });
    expect(r.after.version).toBe(r.before.version);
  });

  it('agrees with the change to the cent for any items, instant and behavior (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(['seat', 'pro', 'odd'], { minLength: 1 }),
        fc.array(fc.integer({ min: 0, max: 4000 }), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 1, max: 30 * 86400 - 1 }),
        fc.constantFrom('CREATE_PRORATIONS', 'ALWAYS_INVOICE'),
        async (codes, quantities, seconds, behavior) => {
          // A metered item too: it is never prorated, in the preview as in the change.
          const id = await subscribe([
            { priceCode: 'seat', quantity: '2' },
            { priceCode: 'odd', quantity: '4' },
            { priceCode: 'calls', quantity: '0' },
          ]);
          clock.set(new Date(Date.parse('2026-03-01T00:00:00Z') + seconds * 1000));
          const items = [
            ...codes.map((priceCode, i) => ({ priceCode, quantity: (quantities[i] / 100).toFixed(2) })),
            { priceCode: 'calls', quantity: '0' },
          ];
          const r = await previewThenChange(id, items, behavior);
          if (behavior === 'CREATE_PRORATIONS') checkCreateProrations(r);
          else checkAlwaysInvoice(r);
        },
      ),
      { numRuns: Number(process.env.PREVIEW_RUNS ?? 15) },
    );
  }, 120_000);

  it('refuses what the change refuses, with the same codes and fields', async () => {
    const id = await subscribe([{ priceCode: 'seat', quantity: '1' }], mine);
    const preview = (input: Record<string, unknown>, key?: string) => t.gql(PREVIEW, { input: { id, ...input } }, key);
    const change = (input: Record<string, unknown>, key?: string) =>
      t.gql('mutation($input: ChangeSubscriptionInput!) { changeSubscription(input: $input) { id } }', { input: { id, ...input } }, key);
    const cases: [Record<string, unknown>, string | undefined][] = [
      [{ items: [{ priceCode: 'nope', quantity: '1' }] }, undefined],
      [{ items: [{ priceCode: 'seat', quantity: '-1' }] }, undefined],
      [{ items: [{ priceCode: 'seat', quantity: '2' }], expectedVersion: 7 }, undefined],
      [{ items: [{ priceCode: 'odd', quantity: '1' }] }, customerKey],
      [{ items: [{ priceCode: 'pro', quantity: '1' }], prorationBehavior: 'NONE' }, customerKey],
      [{ items: [{ priceCode: 'pro', quantity: '1' }] }, partnerKey],
    ];
    for (const [input, key] of cases) {
      const [p, c] = [await preview(input, key), await change(input, key)];
      expect(p.errors?.[0].extensions?.code).toMatch(/BAD_USER_INPUT|CONFLICT|FORBIDDEN/);
      expect(p.errors?.[0].extensions).toEqual(c.errors?.[0].extensions);
      expect(p.errors?.[0].message).toBe(c.errors?.[0].message);
    }
    const unknown = await t.gql(PREVIEW, {
      input: { id: '00000000-0000-4000-8000-000000000000', items: [{ priceCode: 'seat', quantity: '1' }] },
    });
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('a CUSTOMER key previews its own change within the self-service rules, and it matches', async () => {
    const id = await subscribe([{ priceCode: 'seat', quantity: '1' }], mine);
    clock.set(new Date('2026-03-25T12:00:00Z'));
    checkCreateProrations(await previewThenChange(id, [{ priceCode: 'pro', quantity: '3' }], undefined, customerKey));
  });
});
