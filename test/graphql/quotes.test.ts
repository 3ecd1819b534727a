import { ManualClock } from '../../src/domain/shared/clock';
import { Document, startTestApp, TestApp } from '../support/app';
import { createCustomer, createPrice, createProduct, must } from '../support/catalog';
import { graphql } from '../support/generated';
import type { QuoteStatus, Role } from '../support/generated/graphql';

const clock = new ManualClock(new Date('2026-03-10T12:00:00Z'));
let t: TestApp;
let salesKey: string;
let partnerKey: string;
let acme: string; // TAXABLE 20 %, contract ACME-2026: 10 % off seats

graphql(`
  fragment QuoteFields on Quote {
    id
    status
    currency
    validUntil
    trialDays
    collection
    subtotal
    tax
    total
    notes
    sentAt
    acceptedAt
    declinedAt
    createdAt
    customer {
      id
    }
    lines {
      priceCode
      quantity
      priceVersion
      amount
      tax
      steps
    }
    subscription {
      id
      status
    }
  }
`);
graphql(`
  fragment QuoteSubscriptionFields on Subscription {
    id
    status
    collectionMethod
    trialEnd
    customer {
      id
    }
    items {
      priceCode
      quantity
      price {
        code
        version
      }
    }
  }
`);
const createQ = graphql(`
  mutation QuotesCreateQuote($input: CreateQuoteInput!) {
    createQuote(input: $input) {
      ...QuoteFields
    }
  }
`);
const updateQ = graphql(`
  mutation QuotesUpdateQuote($id: ID!, $input: UpdateQuoteInput!) {
    updateQuote(id: $id, input: $input) {
      ...QuoteFields
    }
  }
`);
const sendQ = graphql(`
  mutation QuotesSendQuote($id: ID!) {
    sendQuote(id: $id) {
      ...QuoteFields
    }
  }
`);
const acceptQ = graphql(`
  mutation QuotesAcceptQuote($id: ID!) {
    acceptQuote(id: $id) {
      ...QuoteSubscriptionFields
    }
  }
`);
const declineQ = graphql(`
  mutation QuotesDeclineQuote($id: ID!) {
    declineQuote(id: $id) {
      ...QuoteFields
    }
  }
`);
const readQ = graphql(`
  query QuotesQuote($id: ID!) {
    quote(id: $id) {
      ...QuoteFields
    }
  }
`);

const inDays = (days: number) => new Date(clock.now().getTime() + days * 86_400_000).toISOString();
const seats = (quantity: string) => [
  { priceCode: 'seat', quantity },
  { priceCode: 'base', quantity: '1' },
];

async function key(role: Role, customerId?: string): Promise<string> {
  const data = await must(
    t,
    graphql(`
      mutation QuotesCreateApiKey($role: Role!, $c: ID) {
        createApiKey(input: { role: $role, customerId: $c, name: "k" }) {
          secret
        }
      }
    `),
    { role, c: customerId ?? null },
  );
  return data.createApiKey.secret;
}

async function draft(customerId: string, input: Record<string, unknown> = {}): Promise<any> {
  return (await must(t, createQ, { input: { customerId, currency: 'EUR', lines: seats('2'), validUntil: inDays(30), ...input } }, salesKey))
    .createQuote;
}

async function sent(customerId: string, input: Record<string, unknown> = {}): Promise<any> {
  const q = await draft(customerId, input);
  return (await must(t, sendQ, { id: q.id }, salesKey)).sendQuote;
}

async function subscriptionCount(customerId: string): Promise<number> {
  const data = await must(
    t,
    graphql(`
      query QuotesSubscriptions($c: ID) {
        subscriptions(customerId: $c, first: 100) {
          edges {
            node {
              id
            }
          }
        }
      }
    `),
    { c: customerId },
  );
  return data.subscriptions.edges.length;
}

function errorOf(res: { errors?: { message: string; extensions?: Record<string, any> }[] }) {
  return { code: res.errors?.[0]?.extensions?.code, field: res.errors?.[0]?.extensions?.field, message: res.errors?.[0]?.message ?? '' };
}

beforeAll(async () => {
  t = await startTestApp({ clock });
  salesKey = await key('SALES');
  partnerKey = await key('PARTNER');
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '10.00' } });
  await createPrice(t, 'base', { kind: 'flat', config: { amount: '100.00' } });
  await createPrice(t, 'seat-yearly', { kind: 'per_unit', config: { unitAmount: '100.00' } }, { interval: 'YEAR' });
  await createPrice(t, 'seat-usd', { kind: 'per_unit', config: { unitAmount: '10.00' } }, { currency: 'USD' });
  await createPrice(t, 'setup', { kind: 'flat', config: { amount: '500.00' } }, { interval: 'ONE_TIME' });
  await createPrice(t, 'old', { kind: 'flat', config: { amount: '1.00' } });
  await must(
    t,
    graphql(`
      mutation QuotesArchivePrice {
        archivePrice(code: "old") {
          status
        }
      }
    `),
  );
  acme = await createCustomer(t, 'currency: "EUR", taxStatus: TAXABLE, taxRate: "20"');
  await must(
    t,
    graphql(`
      mutation QuotesCreateContract($input: CreateContractInput!) {
        createContract(input: $input) {
          id
        }
      }
    `),
    {
      input: {
        customerId: acme,
        code: 'ACME-2026',
        startsAt: '2026-01-01T00:00:00Z',
        endsAt: '2027-01-01T00:00:00Z',
        items: [{ priceCode: 'seat', discountPercent: '10' }],
      },
    },
  );
});
afterAll(async () => {
  await t.close();
});

describe('the life of a quote', () => {
  it('is drafted, updated, sent (frozen against catalog changes) and accepted into a subscription at the quoted versions', async () => {
    await createPrice(t, 'pro', { kind: 'per_unit', config: { unitAmount: '20.00' } });
    const customer = await createCustomer(t);
    const created = await draft(customer, { lines: [{ priceCode: 'pro', quantity: '2' }], collection: 'SEND_INVOICE' });
    expect(created).toMatchObject({
      status: 'DRAFT',
      currency: 'EUR',
      trialDays: 0,
      collection: 'SEND_INVOICE',
      subtotal: null,
      tax: null,
      total: null,
      notes: null,
      sentAt: null,
      subscription: null,
      customer: { id: customer },
      createdAt: '2026-03-10T12:00:00.000Z',
    });
    expect(created.lines).toEqual([{ priceCode: 'pro', quantity: '2', priceVersion: null, amount: null, tax: null, steps: null }]);

    const updated = (
      await must(
        t,
        updateQ,
        {
          id: created.id,
          input: {
            lines: [
              { priceCode: 'pro', quantity: '5' },
              { priceCode: 'base', quantity: '1' },
            ],
          },
        },
        salesKey,
      )
    ).updateQuote;
    expect(updated.lines.map((l) => [l.priceCode, l.quantity])).toEqual([
      ['pro', '5'],
      ['base', '1'],
    ]);
    expect(updated).toMatchObject({ status: 'DRAFT', collection: 'SEND_INVOICE', validUntil: created.validUntil });

    const sentQuote = (await must(t, sendQ, { id: created.id }, salesKey)).sendQuote;
    expect(sentQuote).toMatchObject({
      status: 'SENT',
      sentAt: clock.now().toISOString(),
      subtotal: '200.00',
      tax: '0.00',
      total: '200.00',
      notes: [],
    });
    expect(sentQuote.lines).toEqual([
      {
        priceCode: 'pro',
        quantity: '5',
        priceVersion: 1,
        amount: '100.00',
        tax: '0.00',
        steps: expect.arrayContaining([expect.stringContaining('5 × 20.00')]),
      },
      {
        priceCode: 'base',
        quantity: '1',
        priceVersion: 1,
        amount: '100.00',
        tax: '0.00',
        steps: expect.arrayContaining([expect.stringContaining('100.00')]),
      },
    ]);

    // The catalog moves on; the quote keeps what it showed.
    await must(
      t,
      graphql(`
        mutation QuotesUpdatePrice {
          updatePrice(code: "pro", input: { rule: { kind: "per_unit", config: { unitAmount: "25.00" } } }) {
            version
          }
        }
      `),
    );
    clock.advanceSeconds(60);
    const reread = (await must(t, readQ, { id: created.id }, salesKey)).quote;
    expect(reread).toMatchObject({ status: 'SENT', subtotal: '200.00', total: '200.00' });
    expect(reread?.lines[0]).toMatchObject({ priceVersion: 1, amount: '100.00' });

    const sub = (await must(t, acceptQ, { id: created.id }, salesKey)).acceptQuote;
    expect(sub).toMatchObject({ status: 'ACTIVE', collectionMethod: 'SEND_INVOICE', trialEnd: null, customer: { id: customer } });
    expect(sub.items).toEqual([
      { priceCode: 'base', quantity: '1', price: { code: 'base', version: 1 } },
      { priceCode: 'pro', quantity: '5', price: { code: 'pro', version: 1 } },
    ]);
    const accepted = (await must(t, readQ, { id: created.id }, salesKey)).quote;
    expect(accepted).toMatchObject({
      status: 'ACCEPTED',
      acceptedAt: clock.now().toISOString(),
      subscription: { id: sub.id, status: 'ACTIVE' },
      subtotal: '200.00',
    });
  });

  it('accepts exactly once', async () => {
    const customer = await createCustomer(t);
    const q = await sent(customer);
    await must(t, acceptQ, { id: q.id }, salesKey);
    const again = await t.gql(acceptQ, { id: q.id }, salesKey);
    expect(errorOf(again)).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('already accepted') });
    expect(await subscriptionCount(customer)).toBe(1);
  });

  it('creates one subscription from concurrent accepts', async () => {
    const customer = await createCustomer(t);
    const q = await sent(customer);
    const results = await Promise.all([1, 2, 3].map(() => t.gql(acceptQ, { id: q.id }, salesKey)));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => errorOf(r).code)).toEqual(['CONFLICT', 'CONFLICT']);
    expect(await subscriptionCount(customer)).toBe(1);
    const winner = results.find((r) => !r.errors)!.data!.acceptQuote.id;
    expect((await must(t, readQ, { id: q.id })).quote?.subscription?.id).toBe(winner);
  });

  it('starts the quoted trial', async () => {
    const customer = await createCustomer(t);
    const q = await sent(customer, { trialDays: 14 });
    const sub = (await must(t, acceptQ, { id: q.id }, salesKey)).acceptQuote;
    expect(sub).toMatchObject({ status: 'TRIALING', collectionMethod: 'CHARGE_AUTOMATICALLY', trialEnd: inDays(14) });
  });

  it('freezes the contract discount and the tax of the customer', async () => {
    const q = await sent(acme, { lines: [{ priceCode: 'seat', quantity: '3' }] });
    expect(q).toMatchObject({ subtotal: '27.00', tax: '5.40', total: '32.40' });
    expect(q.lines[0]).toMatchObject({ amount: '27.00', tax: '5.40', priceVersion: expect.any(Number) });
    expect(q.lines[0].steps.join(' | ')).toContain('ACME-2026');
    await must(
      t,
      graphql(`
        mutation QuotesUpdatePrice2 {
          updatePrice(code: "seat", input: { rule: { kind: "per_unit", config: { unitAmount: "11.00" } } }) {
            version
          }
        }
      `),
    );
    expect((await must(t, readQ, { id: q.id })).quote).toMatchObject({ subtotal: '27.00', tax: '5.40', total: '32.40' });
    // Back to 10.00, which the other tests' quotes are priced at.
    await must(
      t,
      graphql(`
        mutation QuotesUpdatePrice3 {
          updatePrice(code: "seat", input: { rule: { kind: "per_unit", config: { unitAmount: "10.00" } } }) {
            version
          }
        }
      `),
    );
  });

  it('freezes the reverse-charge mention', async () => {
    const globex = await createCustomer(t, 'currency: "EUR", taxStatus: REVERSE_CHARGE, vatId: "DE136695976"');
    const q = await sent(globex);
    expect(q.tax).toBe('0.00');
    expect(q.notes).toEqual([expect.stringContaining('Reverse charge')]);
  });

  it('prices at the versions current when sent, not when drafted', async () => {
    await createPrice(t, 'team', { kind: 'per_unit', config: { unitAmount: '7.00' } });
    const customer = await createCustomer(t);
    const q = await draft(customer, { lines: [{ priceCode: 'team', quantity: '2' }] });
    await must(
      t,
      graphql(`
        mutation QuotesUpdatePrice4 {
          updatePrice(code: "team", input: { rule: { kind: "per_unit", config: { unitAmount: "8.00" } } }) {
            version
          }
        }
      `),
    );
    const s = (await must(t, sendQ, { id: q.id }, salesKey)).sendQuote;
    expect(s.lines[0]).toMatchObject({ priceVersion: 2, amount: '16.00' });
  });
});

describe('rules of the states', () => {
  it('expires a quote past validUntil: accept is refused, nothing changes, and it reads EXPIRED', async () => {
    const customer = await createCustomer(t);
    const q = await sent(customer, { validUntil: inDays(1) });
    clock.advanceSeconds(1); // lists are ordered by creation
    const stale = await draft(customer, { validUntil: inDays(1) });
    clock.advanceSeconds(2 * 86_400);
    const res = await t.gql(acceptQ, { id: q.id }, salesKey);
    expect(errorOf(res)).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(`expired on ${q.validUntil}`) });
    expect(await subscriptionCount(customer)).toBe(0);
    expect((await must(t, readQ, { id: q.id })).quote).toMatchObject({ status: 'EXPIRED', acceptedAt: null, subscription: null });
    expect(errorOf(await t.gql(updateQ, { id: stale.id, input: { trialDays: 3 } }, salesKey)).code).toBe('CONFLICT');
    expect(errorOf(await t.gql(sendQ, { id: stale.id }, salesKey)).code).toBe('CONFLICT');

    const list = (status: QuoteStatus) =>
      must(
        t,
        graphql(`
          query QuotesQuotes($c: ID, $s: QuoteStatus) {
            quotes(customerId: $c, status: $s) {
              edges {
                node {
                  id
                  status
                }
              }
            }
          }
        `),
        { c: customer, s: status },
      );
    expect((await list('EXPIRED')).quotes.edges.map((e) => e.node)).toEqual([
      { id: q.id, status: 'EXPIRED' },
      { id: stale.id, status: 'EXPIRED' },
    ]);
    expect((await list('SENT')).quotes.edges).toEqual([]);
    expect((await list('DRAFT')).quotes.edges).toEqual([]);
  });

  it('declines DRAFT and SENT quotes only', async () => {
    const customer = await createCustomer(t);
    const d = (await must(t, declineQ, { id: (await draft(customer)).id }, salesKey)).declineQuote;
    expect(d).toMatchObject({ status: 'DECLINED', declinedAt: clock.now().toISOString() });
    expect(errorOf(await t.gql(declineQ, { id: d.id }, salesKey))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('DECLINED'),
    });
    expect(errorOf(await t.gql(sendQ, { id: d.id }, salesKey)).code).toBe('CONFLICT');

    const s = await sent(customer);
    expect((await must(t, declineQ, { id: s.id }, salesKey)).declineQuote).toMatchObject({ status: 'DECLINED', subtotal: '120.00' });
    expect(errorOf(await t.gql(acceptQ, { id: s.id }, salesKey)).code).toBe('CONFLICT');

    const a = await sent(customer);
    await must(t, acceptQ, { id: a.id }, salesKey);
    expect(errorOf(await t.gql(declineQ, { id: a.id }, salesKey))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('already accepted'),
    });
  });

  it('edits a DRAFT only, sends once, and accepts only what was sent', async () => {
    const customer = await createCustomer(t);
    const d = await draft(customer);
    expect(errorOf(await t.gql(acceptQ, { id: d.id }, salesKey))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('DRAFT'),
    });
    await must(t, sendQ, { id: d.id }, salesKey);
    const res = await t.gql(updateQ, { id: d.id, input: { lines: seats('9') } }, salesKey);
    expect(errorOf(res)).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('is SENT; only a DRAFT quote can be updated'),
    });
    expect(errorOf(await t.gql(sendQ, { id: d.id }, salesKey)).code).toBe('CONFLICT');
    expect((await must(t, readQ, { id: d.id })).quote?.lines.map((l) => l.quantity)).toEqual(['2', '1']);
  });

  it('refuses to send a draft whose price was archived since, and keeps it DRAFT', async () => {
    await createPrice(t, 'legacy', { kind: 'per_unit', config: { unitAmount: '3.00' } });
    const customer = await createCustomer(t);
    const d = await draft(customer, { lines: [{ priceCode: 'legacy', quantity: '1' }] });
    await must(
      t,
      graphql(`
        mutation QuotesArchivePrice2 {
          archivePrice(code: "legacy") {
            status
          }
        }
      `),
    );
    expect(errorOf(await t.gql(sendQ, { id: d.id }, salesKey))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('archived'),
    });
    expect((await must(t, readQ, { id: d.id })).quote).toMatchObject({ status: 'DRAFT', subtotal: null });
  });
});

describe('validation', () => {
  const lines21 = Array.from({ length: 21 }, (_, i) => ({ priceCode: `p${i}`, quantity: '1' }));
  const lines201 = Array.from({ length: 201 }, (_, i) => ({ priceCode: `p${i}`, quantity: '1' }));
  it.each([
    ['no lines', { lines: [] }, 'BAD_USER_INPUT', 'input.lines'],
    ['more lines than a subscription takes', { lines: lines21 }, 'BAD_USER_INPUT', 'input.lines'],
    ['more than 200 lines', { lines: lines201 }, 'BAD_USER_INPUT', 'input.lines'],
    ['an unknown price', { lines: [{ priceCode: 'ghost', quantity: '1' }] }, 'BAD_USER_INPUT', 'input.lines[0].priceCode'],
    ['an archived price', { lines: [{ priceCode: 'old', quantity: '1' }] }, 'BAD_USER_INPUT', 'input.lines[0].priceCode'],
    ['a price in another currency', { lines: [{ priceCode: 'seat-usd', quantity: '1' }] }, 'BAD_USER_INPUT', 'input.lines[0].priceCode'],
    ['a one-time price', { lines: [{ priceCode: 'setup', quantity: '1' }] }, 'BAD_USER_INPUT', 'input.lines[0].priceCode'],
    [
      'mixed billing cycles',
      {
        lines: [
          { priceCode: 'seat', quantity: '1' },
          { priceCode: 'seat-yearly', quantity: '1' },
        ],
      },
      'BAD_USER_INPUT',
      'input.lines[1].priceCode',
    ],
    [
      'the same price twice',
      {
        lines: [
          { priceCode: 'seat', quantity: '1' },
          { priceCode: 'seat', quantity: '2' },
        ],
      },
      'BAD_USER_INPUT',
      'input.lines[1].priceCode',
    ],
    ['a negative quantity', { lines: [{ priceCode: 'seat', quantity: '-1' }] }, 'BAD_USER_INPUT', 'input.lines[0].quantity'],
    ['a malformed quantity', { lines: [{ priceCode: 'seat', quantity: '1e3' }] }, 'BAD_USER_INPUT', 'input.lines[0].quantity'],
    ['validUntil in the past', { validUntil: '2020-01-01T00:00:00Z' }, 'BAD_USER_INPUT', 'input.validUntil'],
    ['validUntil now', { validUntil: 'NOW' }, 'BAD_USER_INPUT', 'input.validUntil'],
    ['a trial of -1 days', { trialDays: -1 }, 'BAD_USER_INPUT', 'input.trialDays'],
    ['a trial of 731 days', { trialDays: 731 }, 'BAD_USER_INPUT', 'input.trialDays'],
    [
      'another currency than the customer’s',
      { currency: 'USD', lines: [{ priceCode: 'seat-usd', quantity: '1' }] },
      'BAD_USER_INPUT',
      'input.currency',
    ],
    ['an unknown customer', { customerId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', 'input.customerId'],
    ['a malformed customer id', { customerId: 'nope' }, 'NOT_FOUND', 'input.customerId'],
  ])('refuses %s', async (_what, input: Record<string, unknown>, code, field) => {
    const customer = await createCustomer(t);
    const validUntil = input.validUntil === 'NOW' ? clock.now().toISOString() : ((input.validUntil as string | undefined) ?? inDays(30));
    const res = await t.gql(
      createQ,
      { input: { customerId: customer, currency: 'EUR', lines: seats('1'), ...input, validUntil } },
      salesKey,
    );
    expect(errorOf(res)).toMatchObject({ code, field });
  });

  it('checks updates the same way', async () => {
    const q = await draft(await createCustomer(t));
    expect(errorOf(await t.gql(updateQ, { id: q.id, input: { lines: [{ priceCode: 'setup', quantity: '1' }] } }, salesKey))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.lines[0].priceCode',
    });
    expect(errorOf(await t.gql(updateQ, { id: q.id, input: { validUntil: '2020-01-01T00:00:00Z' } }, salesKey))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.validUntil',
    });
    expect(errorOf(await t.gql(updateQ, { id: q.id, input: { trialDays: 1000 } }, salesKey))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.trialDays',
    });
  });

  it.each(['nope', '00000000-0000-4000-8000-000000000000'])('answers NOT_FOUND for the quote id %s', async (id) => {
    const ops: Document<unknown, { id: string }>[] = [sendQ, acceptQ, declineQ];
    for (const op of ops) expect(errorOf(await t.gql(op, { id }, salesKey))).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(errorOf(await t.gql(updateQ, { id, input: {} }, salesKey))).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const read = await t.gql(readQ, { id }, salesKey);
    expect(read.errors).toBeUndefined();
    expect(read.data?.quote).toBeNull();
  });
});

describe('who may do what', () => {
  it('lets neither PARTNER nor CUSTOMER keys write quotes, nor PARTNER keys read them', async () => {
    const customer = await createCustomer(t);
    const own = await key('CUSTOMER', customer);
    const q = await sent(customer);
    const input = { customerId: customer, currency: 'EUR', lines: seats('1') };
    for (const k of [partnerKey, own]) {
      expect(errorOf(await t.gql(createQ, { input }, k)).code).toBe('FORBIDDEN');
      expect(errorOf(await t.gql(acceptQ, { id: q.id }, k)).code).toBe('FORBIDDEN');
      expect(errorOf(await t.gql(declineQ, { id: q.id }, k)).code).toBe('FORBIDDEN');
    }
    expect(errorOf(await t.gql(readQ, { id: q.id }, partnerKey)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql('{ quotes { edges { node { id } } } }', undefined, partnerKey)).code).toBe('FORBIDDEN');
    expect((await must(t, readQ, { id: q.id })).quote?.status).toBe('SENT');
  });

  it('shows a CUSTOMER key its own quotes only', async () => {
    const mine = await createCustomer(t);
    const other = await createCustomer(t);
    const own = await key('CUSTOMER', mine);
    const q = await sent(mine);
    const foreign = await sent(other);
    expect((await must(t, readQ, { id: q.id }, own)).quote).toMatchObject({ id: q.id, status: 'SENT', total: '120.00' });
    expect(errorOf(await t.gql(readQ, { id: foreign.id }, own)).code).toBe('FORBIDDEN');
    const list = await must(t, '{ quotes(first: 100) { edges { node { id } } } }', undefined, own);
    expect(list.quotes.edges.map((e: any) => e.node.id)).toEqual([q.id]);
    const asked = await must(
      t,
      graphql(`
        query QuotesQuotes2($c: ID) {
          quotes(customerId: $c) {
            edges {
              node {
                id
              }
            }
          }
        }
      `),
      { c: other },
      own,
    );
    expect(asked.quotes.edges).toEqual([]);
  });
});

describe('listing quotes', () => {
  it('pages by creation with a cursor and filters by status', async () => {
    const customer = await createCustomer(t);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await draft(customer)).id);
      clock.advanceSeconds(1);
    }
    await must(t, sendQ, { id: ids[1] }, salesKey);
    const page = graphql(`
      query QuotesQuotes3($c: ID, $after: String, $s: QuoteStatus) {
        quotes(customerId: $c, first: 2, after: $after, status: $s) {
          edges {
            cursor
            node {
              id
              status
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    `);
    const first = (await must(t, page, { c: customer }, salesKey)).quotes;
    expect(first.edges.map((e) => e.node.id)).toEqual(ids.slice(0, 2));
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await must(t, page, { c: customer, after: first.pageInfo.endCursor }, salesKey)).quotes;
    expect(second.edges.map((e) => e.node.id)).toEqual([ids[2]]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const drafts = (await must(t, page, { c: customer, s: 'DRAFT' }, salesKey)).quotes;
    expect(drafts.edges.map((e) => e.node)).toEqual([
      { id: ids[0], status: 'DRAFT' },
      { id: ids[2], status: 'DRAFT' },
    ]);
    const everyone = (await must(t, '{ quotes(first: 100) { edges { node { id } } } }', undefined, salesKey)).quotes.edges;
    expect(everyone.length).toBeGreaterThan(ids.length);
    const bad = await t.gql(page, { c: customer, after: 'garbage' }, salesKey);
    expect(errorOf(bad)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
