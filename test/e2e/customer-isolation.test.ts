import { ManualClock } from '../../src/domain/shared/clock';
import { buildTariffSchema } from '../../src/graphql/schema';
import { startTestApp, TestApp, Untyped } from '../support/app';
import { must } from '../support/catalog';
import {
  allowSelfService,
  casesFor,
  changes,
  Entity,
  holdingsFor,
  Holdings,
  isOwned,
  marksIn,
  Owner,
  Snapshot,
  snapshotOf,
  storefrontFor,
  variablesFor,
} from '../support/isolation-fixtures';
import { everyField, Operation, operationsOf } from '../support/operations';

// README: a CUSTOMER key "sees that account and nothing else". Every operation of the schema
// (new ones included, automatically) is sent with A's key and arguments pointing at B's objects,
// asking for every field it offers: no answer may show anything of B, and B's rows must be
// exactly as they were afterwards. A STOREFRONT key sees the customers it signed up and nothing
// else: the storefront that signed A up is one of A's keys, and B is another storefront's.
const now = new Date('2026-03-01T00:00:00Z');
let t: TestApp;
let operations: Operation[];
let holdings: Record<Owner, Holdings>;
let before: Snapshot;
let marksOfB: string[];
const DEPTHS = [0, 1];
let shallow: Map<number, Operation[]>;
let keysOfA: [string, string][];
let storefrontOfA: string;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const internal = (errors?: { extensions?: Record<string, any> }[]) =>
  errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR') ?? false;
const rootOf = (op: Operation, data?: Record<string, unknown>) => data?.[op.name] ?? null;
const lastEventPosition = async () =>
  (await t.app.db.orm.em.fork().execute<{ p: string | null }[]>('select max(position)::text as p from domain_event'))[0].p ?? '0';

beforeAll(async () => {
  // Every field of every result is asked for: far over the production cost limit, on purpose.
  t = await startTestApp({ clock: new ManualClock(now), env: { TARIFF_MAX_QUERY_COST: '1000000000', TARIFF_MAX_QUERY_DEPTH: '40' } });
  const schema = await buildTariffSchema();
  operations = operationsOf(schema, { select: (field) => everyField(field), federation: true });
  // One refused field nulls its non-null parents up to the root (Invoice.customer: Customer!), hiding
  // what they held: each operation is also asked for its own fields only, and one level deeper.
  shallow = new Map(DEPTHS.map((d) => [d, operationsOf(schema, { select: (field) => everyField(field, d), federation: true })]));
  const mutations = new Set(operations.filter((o) => o.kind === 'mutation').map((o) => o.name));
  // A receiver of every event, made first, so that B's events have deliveries too.
  const endpoint = (
    await must(
      t,
      'mutation { createWebhookEndpoint(input: { url: "http://127.0.0.1:9/isolation", eventTypes: ["*"] }) { endpoint { id } } }',
    )
  ).createWebhookEndpoint.endpoint.id;
  holdings = { A: await holdingsFor(t, 'A', now, mutations), B: await holdingsFor(t, 'B', now, mutations) };
  holdings.A.ids.webhookEndpoint = holdings.B.ids.webhookEndpoint = endpoint;
  await allowSelfService(
    t,
    operations,
    [holdings.A.codes, holdings.B.codes].flatMap((c) => [c.price, c.usage]),
  );
  storefrontOfA = await storefrontFor(t, holdings.A);
  await storefrontFor(t, holdings.B);
  keysOfA = [
    ['API key', holdings.A.secret],
    ['STOREFRONT key', storefrontOfA],
  ];
  // A hosted-portal session is a CUSTOMER key too, handed to the customer's browser.
  if (mutations.has('createPortalSession')) {
    const link = await must(t, 'mutation($c: ID!, $r: String!) { createPortalSession(customerId: $c, returnUrl: $r) { url } }', {
      c: holdings.A.ids.customer,
      r: 'https://example.com/back',
    });
    keysOfA.push(['portal session key', new URL(link.createPortalSession.url).hash.replace('#session=', '')]);
    // One for A's ADMIN contact: a contact's role narrows the CUSTOMER role, never widens its reach.
    if (holdings.A.ids.contact) {
      const forContact = await must(
        t,
        'mutation($c: ID!, $r: String!, $p: ID) { createPortalSession(customerId: $c, returnUrl: $r, contactId: $p) { url } }',
        {
          c: holdings.A.ids.customer,
          r: 'https://example.com/back',
          p: holdings.A.ids.contact,
        },
      );
      keysOfA.push(['contact portal session key', new URL(forContact.createPortalSession.url).hash.replace('#session=', '')]);
    }
  }
  before = await snapshotOf(t, holdings.B.ids.customer!);
  marksOfB = [...before.ids, ...holdings.B.marks];
}, 60_000);
afterAll(async () => {
  await t?.close();
});

describe('customer isolation', () => {
  it('finds B’s data in the database: its rows in every table that has some, and nothing of A', async () => {
    const tables = new Set([...before.rows.keys()].map((k) => k.split(':')[0]));
    for (const table of [
      'customer',
      'contract',
      'subscription',
      'subscription_item',
      'invoice',
      'invoice_line',
      'credit_note',
      'quote',
      'usage_event',
      'api_key',
      'domain_event',
      'test_clock',
      'location',
      'location_external_id',
      'contact',
    ]) {
      expect(tables).toContain(table);
    }
    // The clock is above the customer (customer.test_clock_id): in the snapshot, not among the rows below.
    const { testClock, ...below } = holdings.B.ids;
    expect(before.rows.has(`test_clock:${testClock}`)).toBe(true);
    for (const [entity, id] of Object.entries(below)) if (isOwned(entity as Entity)) expect(before.ids).toContain(id);
    expect(marksIn([...before.rows.values()], [...Object.values(holdings.A.ids), holdings.A.name])).toEqual([]);
  });

  it('aims at objects that exist: with B’s arguments an ADMIN key reads B’s data from every query that takes some', async () => {
    const reached: string[] = [];
    for (const op of operations.filter((o) => o.kind === 'query')) {
      const { variables, targets } = variablesFor(op, holdings, now, { optional: true, ownerOf: () => 'B', catalog: 'B' });
      // Arguments aimed by fallback only (listed by the matrix below) have nothing of B's to find.
      if (targets.length === 0 || targets.every((x) => x.entity === 'unknown')) continue;
      const res = await t.gql<Untyped>(op.document, variables);
      expect({ op: op.name, errors: res.errors }).toEqual({ op: op.name, errors: undefined });
      expect({ op: op.name, found: rootOf(op, res.data) !== null }).toEqual({ op: op.name, found: true });
      // A result without ids (a quote preview, a usage summary) cannot show whose it is.
      if (targets.some((x) => x.entity !== 'unknown' && isOwned(x.entity)) && UUID.test(JSON.stringify(res.data))) {
        expect({ op: op.name, marks: marksIn(res.data, marksOfB).length > 0 }).toEqual({ op: op.name, marks: true });
      }
      reached.push(op.name);
    }
    expect(reached.length).toBeGreaterThanOrEqual(15);
  });

  // A STOREFRONT key may not read a customer's contracts, payments or credit notes, which are
  // non-null fields of what it reads: it is asked for the objects' own fields only.
  it.each([
    ['CUSTOMER', () => holdings.A.secret, -1, ['customer', 'subscription', 'invoice', 'quote', 'contract', 'creditNote']],
    [
      'STOREFRONT',
      () => storefrontOfA,
      0,
      [
        'customer',
        'subscription',
        'invoice',
        'customers',
        'subscriptions',
        'invoices',
        'upcomingInvoice',
        'customerByExternalId',
        'invoiceByExternalId',
        'subscriptionByExternalId',
      ],
    ],
  ] as const)(
    'and A’s %s key reads its own objects with the same arguments aimed at A, unless its role may not read them at all',
    async (role, secret, depth, expected) => {
      const marksOfA = [...(await snapshotOf(t, holdings.A.ids.customer!)).ids, ...holdings.A.marks];
      const read: string[] = [];
      const refused: string[] = [];
      for (const [i, op] of operations.entries()) {
        if (op.kind !== 'query') continue;
        const { variables, targets } = variablesFor(op, holdings, now, { optional: true, ownerOf: () => 'A', catalog: 'A' });
        if (!targets.some((x) => x.entity !== 'unknown' && isOwned(x.entity))) continue;
        const res = await t.gql<Untyped>(depth < 0 ? op.document : shallow.get(depth)![i].document, variables, secret());
        const refusals = (res.errors ?? []).filter(
          (e) => !(e.extensions?.code === 'FORBIDDEN' && e.message.startsWith(`role ${role} may not`)),
        );
        expect({ op: op.name, errors: refusals }).toEqual({ op: op.name, errors: [] });
        if (res.errors?.length) refused.push(op.name);
        if (rootOf(op, res.data) === null) continue;
        if (UUID.test(JSON.stringify(res.data)))
          expect({ op: op.name, marks: marksIn(res.data, marksOfA).length > 0 }).toEqual({ op: op.name, marks: true });
        expect(marksIn(res.data, marksOfB)).toEqual([]);
        read.push(op.name);
      }
      expect(read).toEqual(expect.arrayContaining([...expected]));
      // What a storefront has no business reading, even of its own customers.
      if (role === 'STOREFRONT') expect(refused).toEqual(expect.arrayContaining(['contract', 'creditNote', 'quote']));
    },
  );

  it('serves A the printable invoice of its own (GET /invoices/:id.html) and nothing of B’s', async () => {
    const page = async (id: string, key: string) => {
      const res = await fetch(`${t.url}/invoices/${id}.html`, { headers: { authorization: `Bearer ${key}` } });
      return { status: res.status, body: await res.text() };
    };
    const [invoiceOfA, invoiceOfB] = [holdings.A.ids.invoice!, holdings.B.ids.invoice!];
    expect(marksIn((await page(invoiceOfB, t.adminKey)).body, holdings.B.marks)).toContain(holdings.B.name);
    for (const [, secret] of keysOfA) {
      const own = await page(invoiceOfA, secret);
      expect(own.status).toBe(200);
      expect(own.body).toContain(holdings.A.name);
      const other = await page(invoiceOfB, secret);
      expect([403, 404]).toContain(other.status);
      expect(
        marksIn(
          other.body,
          marksOfB.filter((m) => m !== invoiceOfB),
        ),
      ).toEqual([]);
    }
  });

  it('shows and changes nothing of B to A’s keys, whatever the operation and its arguments', async () => {
    const since = await lastEventPosition();
    const leaks: string[] = [];
    // A storefront writes nothing but sign-ups (and subscriptions of its own customers, which B is not).
    const storefrontWrites: string[] = [];
    const bugs: string[] = [];
    const unaimed = new Set<string>();
    let cases = 0;
    let requests = 0;
    for (const [i, op] of operations.entries()) {
      const documents = [...new Set([op.document, ...DEPTHS.map((d) => shallow.get(d)![i].document)])];
      for (const c of casesFor(op, holdings, now)) {
        cases++;
        for (const x of c.targets) if (x.entity === 'unknown') unaimed.add(`${op.name}(${x.path})`);
        const sent = JSON.stringify(c.variables).toLowerCase();
        for (const [keyName, secret] of keysOfA) {
          for (const document of documents) {
            requests++;
            const res = await t.gql(document, c.variables, secret);
            // An error may repeat an id it was sent; nothing else of B.
            const shown = [
              ...marksIn(res.data, marksOfB),
              ...marksIn(
                res.errors,
                marksOfB.filter((m) => !sent.includes(m.toLowerCase())),
              ),
            ];
            if (shown.length > 0) leaks.push(`${op.name} [${c.name}, ${keyName}] showed ${shown.join(', ')}`);
            if (res.status >= 500 || internal(res.errors))
              bugs.push(`${op.name} [${c.name}, ${keyName}] HTTP ${res.status} ${JSON.stringify(res.errors?.[0])}`);
            const codes = (res.errors ?? []).map((e) => e.extensions?.code);
            if (
              secret === storefrontOfA &&
              op.kind === 'mutation' &&
              op.name !== 'createCustomer' &&
              (codes.length === 0 || codes.some((x) => x !== 'FORBIDDEN'))
            ) {
              storefrontWrites.push(`${op.name} [${c.name}] ${codes.join(', ') || 'answered'}`);
            }
          }
        }
      }
    }
    console.log(
      `customer isolation matrix: ${operations.length} operations × their cases = ${cases} cases; × ${keysOfA.length} keys of A × up to ${DEPTHS.length + 1} selections = ${requests} requests aimed at B` +
        (unaimed.size ? `; arguments aimed by fallback only: ${[...unaimed].join(', ')}` : ''),
    );

    const bIds = [...before.ids];
    const events = await t.app.db.orm.em
      .fork()
      .execute<{ type: string; aggregate_id: string }[]>(
        `select type, aggregate_id from domain_event where position > ? and (customer_id = ? or aggregate_id in (${bIds.map(() => '?').join(', ')}))`,
        [since, holdings.B.ids.customer, ...bIds],
      );
    const written = changes(before, await snapshotOf(t, holdings.B.ids.customer!));
    expect({ leaks, written, events, bugs, storefrontWrites }).toEqual({
      leaks: [],
      written: [],
      events: [],
      bugs: [],
      storefrontWrites: [],
    });
    expect(cases).toBeGreaterThan(operations.length);
  }, 240_000);
});
