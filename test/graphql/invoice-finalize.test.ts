import { ManualClock } from '../../src/domain/shared/clock';
import { startTestApp, TestApp, Untyped } from '../support/app';
import { createCustomer, createPrice, createProduct, must } from '../support/catalog';
import { readableEvents } from '../support/events';

const NOW = '2026-03-01T00:00:00.000Z';
const clock = new ManualClock(new Date(NOW));
let t: TestApp;

const FIELDS = 'id number status total amountDue amountPaid finalizedAt dueAt collectionMethod attempts { amount outcome }';
const finalizeQ = `mutation($id: ID!) { finalizeInvoice(id: $id) { ${FIELDS} } }`;
const invoiceQ = `query($id: ID!) { invoice(id: $id) { ${FIELDS} } }`;

async function key(role: string, customerId?: string): Promise<string> {
  return (
    await must(t, 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }', {
      input: { role, name: role.toLowerCase(), customerId },
    })
  ).createApiKey.secret;
}

/** A customer who reviews drafts, subscribed: its first invoice, still a DRAFT. */
async function draftInvoice(
  options: { token?: string; collection?: string; quantity?: string } = {},
): Promise<{ customerId: string; id: string }> {
  const customerId = await createCustomer(t, 'currency: "EUR", taxStatus: EXEMPT, invoiceDrafts: true, paymentTermsDays: 14');
  if (options.token) {
    await must(t, 'mutation($input: AttachPaymentMethodInput!) { attachPaymentMethod(input: $input) { id } }', {
      input: { customerId, provider: 'sandbox', token: options.token },
    });
  }
  await must(t, 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
    input: { customerId, items: [{ priceCode: 'seat', quantity: options.quantity ?? '2' }], collection: options.collection },
  });
  const { edges } = (await must(t, 'query($c: ID) { invoices(customerId: $c) { edges { node { id status number } } } }', { c: customerId }))
    .invoices;
  expect(edges.map((e: any) => [e.node.status, e.node.number])).toEqual([['DRAFT', null]]);
  return { customerId, id: edges[0].node.id };
}

const sequence = (n: string) => Number(n.slice('INV-2026-'.length));
const ON_SERVER = Boolean(process.env.DATABASE_URL);

async function sequentially<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await fn(item));
  return out;
}

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '10.00' } });
  // A customer who does not review drafts takes the series' first number at once.
  const plain = await createCustomer(t);
  await must(t, 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
    input: { customerId: plain, items: [{ priceCode: 'seat', quantity: '1' }] },
  });
});
afterAll(async () => {
  await t.close();
});

describe('finalizeInvoice', () => {
  it('numbers a DRAFT next in the series, charges it as a billing run would, and emits invoice.finalized', async () => {
    const { customerId, id } = await draftInvoice({ token: 'pm_sandbox_ok' });
    const invoice = (await must(t, finalizeQ, { id })).finalizeInvoice;
    expect(invoice).toMatchObject({
      id,
      number: 'INV-2026-000002',
      status: 'PAID',
      total: '20.00',
      amountDue: '20.00',
      amountPaid: '20.00',
      finalizedAt: NOW,
      // Charged at once, due after the customer's 14-day terms on the document.
      dueAt: '2026-03-15T00:00:00.000Z',
      collectionMethod: 'CHARGE_AUTOMATICALLY',
      attempts: [{ amount: '20.00', outcome: 'succeeded' }],
    });
    const events = (await readableEvents(t, ['invoice.finalized', 'invoice.paid'])).filter((e) => e.data.id === id);
    expect(events.map((e) => [e.type, e.customerId, e.data.status, e.data.number, e.data.finalizedAt])).toEqual([
      ['invoice.finalized', customerId, 'OPEN', 'INV-2026-000002', NOW],
      ['invoice.paid', customerId, 'PAID', 'INV-2026-000002', NOW],
    ]);
  });

  it('makes a SEND_INVOICE draft due after the customer’s terms, uncharged', async () => {
    const { id } = await draftInvoice({ collection: 'SEND_INVOICE' });
    expect((await must(t, finalizeQ, { id })).finalizeInvoice).toMatchObject({
      number: 'INV-2026-000003',
      status: 'OPEN',
      amountPaid: '0.00',
      finalizedAt: NOW,
      dueAt: '2026-03-15T00:00:00.000Z',
      collectionMethod: 'SEND_INVOICE',
      attempts: [],
    });
  });

  it('refuses what is not a DRAFT with CONFLICT, an unknown id with NOT_FOUND, and changes nothing', async () => {
    const { id } = await draftInvoice();
    const open = (await must(t, finalizeQ, { id })).finalizeInvoice;
    expect(open).toMatchObject({ status: 'OPEN', number: 'INV-2026-000004' });
    const again = await t.gql(finalizeQ, { id });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', status: 'OPEN' });
    expect((await must(t, invoiceQ, { id })).invoice).toEqual(open);
    for (const unknown of ['00000000-0000-4000-8000-000000000000', 'nope']) {
      expect((await t.gql(finalizeQ, { id: unknown })).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    }
  });

  it('is FORBIDDEN to every key but ADMIN, the draft left as it was', async () => {
    const { customerId, id } = await draftInvoice();
    for (const as of [await key('SALES'), await key('PARTNER'), await key('CUSTOMER', customerId)]) {
      expect((await t.gql(finalizeQ, { id }, as)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await must(t, invoiceQ, { id })).invoice).toMatchObject({ status: 'DRAFT', number: null, finalizedAt: null });
  });

  it('keeps the series gapless under concurrent finalizations (on PostgreSQL), the same draft numbered once', async () => {
    const drafts = await sequentially(Array.from({ length: 6 }), () => draftInvoice());
    const [twice] = drafts;
    const finalize = ({ id }: { id: string }) => t.gql<Untyped>(finalizeQ, { id });
    // STACK.md: the embedded database runs one statement at a time and its socket mixes up
    // concurrent connections' unnamed statements, so there they go one after another.
    const results = ON_SERVER ? await Promise.all([...drafts, twice].map(finalize)) : await sequentially([...drafts, twice], finalize);
    const numbered = results.filter((r) => !r.errors).map((r) => r.data!.finalizeInvoice);
    const refused = results.filter((r) => r.errors).map((r) => r.errors![0].extensions?.code);
    expect(refused).toEqual(['CONFLICT']);
    expect(new Set(numbered.map((i) => i.id)).size).toBe(drafts.length);
    // Every number the series gave so far, the earlier tests' included: 1 to the last, each once.
    const { edges } = (await must(t, 'query { invoices(first: 100) { edges { node { number } } } }')).invoices;
    const numbers = edges
      .map((e: any) => e.node.number)
      .filter((n: string | null) => n !== null)
      .map(sequence)
      .sort((a: number, b: number) => a - b);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    expect(numbers.length).toBe(4 + drafts.length);
  });
});
