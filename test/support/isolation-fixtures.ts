import { randomBytes } from 'node:crypto';
import {
  GraphQLEnumType,
  GraphQLInputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  isUnionType,
} from 'graphql';
import type { TestApp, Untyped } from './app';
import { must } from './catalog';
import type { Operation } from './operations';

export type Owner = 'A' | 'B';

/**
 * What an argument can point at: the GraphQL types whose `id` an argument of an operation
 * returning them names, and the words that name it in an argument (`endpointId`) or an
 * operation (`voidInvoice`). Owned: it belongs to one customer, so it is what isolation is about.
 */
const ENTITIES = {
  customer: { owned: true, types: ['Customer'], words: [] },
  subscription: { owned: true, types: ['Subscription', 'ScheduledChange'], words: [] },
  invoiceLine: { owned: true, types: ['InvoiceLine'], words: ['line'] },
  invoice: { owned: true, types: ['Invoice'], words: [] },
  quote: { owned: true, types: ['Quote'], words: [] },
  contract: { owned: true, types: ['Contract'], words: [] },
  creditNote: { owned: true, types: ['CreditNote'], words: ['note'] },
  apiKey: { owned: true, types: ['ApiKey', 'ApiKeyWithSecret'], words: ['key'] },
  testClock: { owned: true, types: ['TestClock'], words: ['clock'] },
  paymentMethod: { owned: true, types: ['PaymentMethod'], words: ['method'] },
  location: { owned: true, types: ['Location'], words: [] },
  contact: { owned: true, types: ['Contact'], words: [] },
  order: { owned: true, types: ['Order'], words: [] },
  price: { owned: false, types: ['Price'], words: [] },
  product: { owned: false, types: ['Product'], words: [] },
  webhookEndpoint: { owned: false, types: ['WebhookEndpoint', 'WebhookEndpointWithSecret'], words: ['endpoint'] },
  // The seller's own record (ADMIN only), like a webhook endpoint: nobody's customer data.
  billingRun: { owned: false, types: ['BillingRun'], words: ['run'] },
} as const;
export type Entity = keyof typeof ENTITIES;
// Longest first, so that `invoiceLineId` is a line and not an invoice.
const byLength = (Object.keys(ENTITIES) as Entity[]).sort((a, b) => b.length - a.length);

export function isOwned(entity: Entity): boolean {
  return ENTITIES[entity].owned;
}

function entityNamed(word: string | undefined, exact = false): Entity | undefined {
  if (!word) return undefined;
  const w = word.toLowerCase();
  return byLength.find((e) =>
    exact ? w === e.toLowerCase() || (ENTITIES[e].words as readonly string[]).includes(w) : w.includes(e.toLowerCase()),
  );
}

function entityOfType(typeName: string): Entity | undefined {
  return byLength.find((e) => (ENTITIES[e].types as readonly string[]).includes(typeName));
}

/** One customer's data, made through the API as a seller would, and what tells it apart. */
export interface Holdings {
  owner: Owner;
  ids: Partial<Record<Entity, string>>;
  /** Its plan's price codes (a seat price and a usage price) and their product's. */
  codes: { price: string; usage: string; product: string };
  externalIds: Partial<Record<Entity, string>>;
  name: string;
  /** Its own CUSTOMER key. */
  secret: string;
  /** Values only this customer's data holds (besides its row ids): nobody else may ever be shown them. */
  marks: string[];
}

export const METRIC = 'calls';
const SYSTEM = 'SAP';

/**
 * A customer with one of everything: catalog, test clock, external ids, contract, subscription
 * (sent invoices, so that nothing is charged), its first invoice, a credit note, a sent quote, a
 * scheduled change, usage, a CUSTOMER key and, once the API has them, a payment method.
 */
export async function holdingsFor(t: TestApp, owner: Owner, now: Date, mutations: Set<string>): Promise<Holdings> {
  const tag = `${owner}-${randomBytes(3).toString('hex')}`;
  const gql = (query: string, variables: Record<string, unknown>) => must(t, query, variables);
  const link = (kind: string, recordId: string, id: string) =>
    gql(
      'mutation($k: ExternalIdKind!, $r: ID!, $s: String!, $i: String!) { setExternalId(kind: $k, recordId: $r, system: $s, id: $i) { recordId } }',
      { k: kind, r: recordId, s: SYSTEM, i: id },
    );
  const codes = { product: `iso-${tag}-plan`, price: `iso-${tag}-seat`, usage: `iso-${tag}-calls` };
  const product = (await gql('mutation($c: String!) { createProduct(input: { code: $c, name: $c }) { id } }', { c: codes.product }))
    .createProduct.id;
  const priceQ = 'mutation($input: CreatePriceInput!) { createPrice(input: $input) { id } }';
  const price = (
    await gql(priceQ, {
      input: {
        code: codes.price,
        productCode: codes.product,
        currency: 'EUR',
        interval: 'MONTH',
        rule: { kind: 'per_unit', config: { unitAmount: '10' } },
      },
    })
  ).createPrice.id;
  const usageRule = {
    kind: 'usage',
    config: { metric: METRIC, aggregation: 'sum', pricing: { kind: 'per_unit', config: { unitAmount: '0.01' } } },
  };
  await gql(priceQ, { input: { code: codes.usage, productCode: codes.product, currency: 'EUR', interval: 'MONTH', rule: usageRule } });
  await link('PRODUCT', product, `${tag}-MAT`);
  await link('PRICE', codes.price, `${tag}-PRC`);
  const testClock = (
    await gql('mutation($at: DateTime!, $n: String) { createTestClock(frozenTime: $at, name: $n) { id } }', {
      at: now.toISOString(),
      n: `clock ${tag}`,
    })
  ).createTestClock.id;

  const name = `Isolation ${tag} GmbH`;
  const email = `billing-${tag}@isolation.example`;
  const customerExternal = `${tag}-DEBITOR`;
  const customer = (
    await gql('mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', {
      input: {
        name,
        email,
        currency: 'EUR',
        taxStatus: 'TAXABLE',
        taxRate: '19',
        externalIds: [{ system: SYSTEM, id: customerExternal }],
        testClockId: testClock,
      },
    })
  ).createCustomer.id;
  const contractCode = `${tag}-CONTRACT`;
  const contract = (
    await gql('mutation($input: CreateContractInput!) { createContract(input: $input) { id } }', {
      input: {
        customerId: customer,
        code: contractCode,
        startsAt: now.toISOString(),
        items: [{ priceCode: codes.price, discountPercent: '10' }],
      },
    })
  ).createContract.id;
  const items = [
    { priceCode: codes.price, quantity: '2' },
    { priceCode: codes.usage, quantity: '1' },
  ];
  const subscription = (
    await gql('mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
      input: { customerId: customer, items, collection: 'SEND_INVOICE' },
    })
  ).createSubscription.id;
  const subscriptionExternal = `${tag}-ABO`;
  await link('SUBSCRIPTION', subscription, subscriptionExternal);
  const invoices = (
    await gql('query($c: ID) { invoices(customerId: $c, first: 5) { edges { node { id number lines { id amount } } } } }', { c: customer })
  ).invoices.edges;
  const invoice = invoices[0].node;
  const invoiceLine = invoice.lines.find((l: any) => Number(l.amount) > 0).id;
  const invoiceExternal = `${tag}-BELEG`;
  await link('INVOICE', invoice.id, invoiceExternal);
  const note = (
    await gql('mutation($input: CreateCreditNoteInput!) { createCreditNote(input: $input) { id number } }', {
      input: { invoiceId: invoice.id, lines: [{ invoiceLineId: invoiceLine, amount: '1' }], reason: `goodwill ${tag}` },
    })
  ).createCreditNote;
  const quote = (
    await gql('mutation($input: CreateQuoteInput!) { createQuote(input: $input) { id } }', {
      input: { customerId: customer, currency: 'EUR', lines: [{ priceCode: codes.price, quantity: '3' }] },
    })
  ).createQuote.id;
  await gql('mutation($id: ID!) { sendQuote(id: $id) { id } }', { id: quote });
  await gql('mutation($input: ScheduleChangeInput!) { scheduleChange(input: $input) { id } }', {
    input: { id: subscription, items: [{ ...items[0], quantity: '1' }, items[1]] },
  });
  const usageEvent = `${tag}-usage-1`;
  await gql('mutation($events: [UsageEventInput!]!) { recordUsage(events: $events) { accepted } }', {
    events: [{ id: usageEvent, customerId: customer, metric: METRIC, value: '5', timestamp: now.toISOString() }],
  });
  const key = (
    await gql('mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id } } }', {
      input: { role: 'CUSTOMER', customerId: customer, name: `portal ${tag}` },
    })
  ).createApiKey;

  const ids: Partial<Record<Entity, string>> = {
    customer,
    contract,
    subscription,
    invoice: invoice.id,
    invoiceLine,
    creditNote: note.id,
    quote,
    apiKey: key.apiKey.id,
    testClock,
    price,
    product,
  };
  if (mutations.has('attachPaymentMethod')) {
    const res = await t.gql<Untyped>('mutation($input: AttachPaymentMethodInput!) { attachPaymentMethod(input: $input) { id } }', {
      input: { customerId: customer, provider: 'sandbox', token: 'pm_sandbox_ok' },
    });
    if (res.data?.attachPaymentMethod) ids.paymentMethod = res.data.attachPaymentMethod.id;
  }
  const locationName = `Dock ${tag}`;
  if (mutations.has('createLocation')) {
    ids.location = (
      await gql('mutation($input: CreateLocationInput!) { createLocation(input: $input) { id } }', {
        input: {
          customerId: customer,
          name: locationName,
          address: { line1: `${tag} Hafenstraße 1`, city: 'Hamburg', country: 'DE' },
          externalIds: [{ system: SYSTEM, id: `${tag}-WE` }],
        },
      })
    ).createLocation.id;
  }
  const contactEmail = `buyer-${tag}@isolation.example`;
  if (mutations.has('createContact')) {
    ids.contact = (
      await gql('mutation($input: CreateContactInput!) { createContact(input: $input) { id } }', {
        input: { customerId: customer, name: `Buyer ${tag}`, email: contactEmail, role: 'ADMIN' },
      })
    ).createContact.id;
  }
  if (mutations.has('startBillingRun')) {
    // The customers live on a test clock, so a real-time run bills none of them: it only exists.
    ids.billingRun = (
      await gql('mutation($at: DateTime) { startBillingRun(at: $at) { id } }', { at: now.toISOString() })
    ).startBillingRun.id;
  }
  if (mutations.has('skipOrder') && ids.location) {
    // Goods on a delivery schedule: the subscription's next order exists at once, SCHEDULED.
    const sku = `ISO-${tag}`.toUpperCase();
    const goods = `iso-${tag}-toner`;
    await gql('mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }', {
      input: { code: goods, name: `Toner ${tag}`, kind: 'PHYSICAL', sku, stockPolicy: 'BACKORDER' },
    });
    await gql(priceQ, {
      input: {
        code: goods,
        productCode: goods,
        currency: 'EUR',
        interval: 'MONTH',
        rule: { kind: 'per_unit', config: { unitAmount: '5' } },
      },
    });
    const delivered = (
      await gql('mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
        input: {
          customerId: customer,
          items: [{ priceCode: goods, quantity: '3' }],
          collection: 'SEND_INVOICE',
          delivery: { every: 1, unit: 'MONTH', locationId: ids.location },
        },
      })
    ).createSubscription.id;
    ids.order = (
      await gql('query($s: ID) { orders(first: 1, subscriptionId: $s) { edges { node { id } } } }', { s: delivered })
    ).orders.edges[0].node.id;
  }
  const wire = `${tag}-WIRE`;
  if (mutations.has('recordPayment')) {
    await gql('mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }', {
      input: { invoiceId: invoice.id, amount: '1', reference: wire },
    });
  }
  return {
    owner,
    ids,
    codes,
    externalIds: {
      customer: customerExternal,
      invoice: invoiceExternal,
      price: `${tag}-PRC`,
      product: `${tag}-MAT`,
      subscription: subscriptionExternal,
    },
    name,
    secret: key.secret,
    marks: [
      name,
      email,
      customerExternal,
      invoiceExternal,
      contractCode,
      invoice.number,
      note.number,
      usageEvent,
      `goodwill ${tag}`,
      `clock ${tag}`,
      testClock,
      wire,
      locationName,
      contactEmail,
    ],
  };
}

/**
 * A STOREFRONT key that, as the database tells, signed the holdings' customer up. Set in the
 * table rather than through createCustomer because the holdings live on a test clock, which a
 * storefront may not use; createCustomer's own path is tested in test/graphql/auth.test.ts.
 */
export async function storefrontFor(t: TestApp, holdings: Holdings): Promise<string> {
  const key = (
    await must(t, 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id } } }', {
      input: { role: 'STOREFRONT', name: `storefront ${holdings.owner}` },
    })
  ).createApiKey;
  await t.app.db.orm.em.fork().execute('update customer set created_by_key_id = ? where id = ?', [key.apiKey.id, holdings.ids.customer]);
  return key.secret;
}

/**
 * Seller settings under which customers may do everything themselves (every `allow…` switch on, the given
 * prices offered), so that a self-service operation aimed at another customer's object can be
 * refused for that reason alone. Returns the operations that saved them.
 */
export async function allowSelfService(t: TestApp, operations: Operation[], priceCodes: string[]): Promise<string[]> {
  const saved: string[] = [];
  for (const op of operations.filter((o) => o.kind === 'mutation' && /settings/i.test(o.name) && o.field.args.length === 1)) {
    const [arg] = op.field.args;
    const type = getNamedType(arg.type);
    if (!isInputObjectType(type)) continue;
    const input: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) {
      // The permissions customers act under (allowSelfService…, allow…): not every Boolean of a
      // settings input is one (taxByShipTo and eInvoicing need more settings before they may be on).
      if (getNamedType(f.type).name === 'Boolean' && /^allow/.test(f.name)) input[f.name] = true;
      else if (isListType(isNonNullType(f.type) ? f.type.ofType : f.type) && /priceCodes$/i.test(f.name)) input[f.name] = priceCodes;
    }
    await must(t, `mutation($input: ${arg.type}) { ${op.name}(${arg.name}: $input) { __typename } }`, { input });
    saved.push(op.name);
  }
  return saved;
}

/** Which customer each owned reference of an operation's variables points at. */
export interface Plan {
  /** Fill optional arguments that point at something too (filters, a quote preview's customer). */
  optional: boolean;
  /** The owner of the i-th owned reference, in the order the arguments are walked. */
  ownerOf(slot: number): Owner;
  /** Whose catalog (prices, products) and global objects the rest points at. */
  catalog: Owner;
}

export interface Target {
  path: string;
  entity: Entity | 'unknown';
  owner: Owner;
}

// New values (codes, event ids) never collide, across operations and cases.
let fresh = 0;

type Field = { name: string; type: GraphQLInputType; defaultValue?: unknown };
interface Scope {
  op: Operation;
  path: string;
  /** The input type holding the field, which names what its `id` is (ChangeSubscriptionInput). */
  input?: string;
  siblings: readonly Field[];
}

/**
 * Variables for an operation in which every argument is valid, so that the only reason left to
 * refuse is who asks: references point at existing objects of the plan's owners (chosen by the
 * argument's name, else by the input type, the operation's name and its result type), scalars
 * get plausible values by type and name.
 */
export function variablesFor(
  op: Operation,
  holdings: Record<Owner, Holdings>,
  now: Date,
  plan: Plan,
): { variables: Record<string, unknown>; targets: Target[] } {
  const targets: Target[] = [];

  const refer = (entity: Entity | undefined, scope: Scope, pick: (h: Holdings, e: Entity) => string | undefined): string => {
    const known = entity ?? 'customer';
    const owner = isOwned(known) ? plan.ownerOf(targets.filter((x) => x.entity === 'unknown' || isOwned(x.entity)).length) : plan.catalog;
    targets.push({ path: scope.path, entity: entity ?? 'unknown', owner });
    return pick(holdings[owner], known) ?? pick(holdings[owner], 'customer')!;
  };
  const contextEntity = (scope: Scope): Entity | undefined => {
    const kind = scope.siblings.find((f) => f.name === 'kind' && isEnumType(getNamedType(f.type)));
    if (kind) return entityNamed((getNamedType(kind.type) as GraphQLEnumType).getValues()[0].name, true);
    return entityNamed(scope.input) ?? entityNamed(scope.op.name) ?? entityOfType(getNamedType(scope.op.field.type).name);
  };

  const scalar = (typeName: string, name: string, scope: Scope): unknown => {
    const hasSystem = scope.siblings.some((f) => f.name === 'system');
    if (typeName === 'ID') {
      const named = /^(.+)Ids?$/.exec(name)?.[1];
      const entity =
        (named && (entityNamed(named, true) ?? byLength.find((e) => e.toLowerCase().endsWith(named.toLowerCase())))) ||
        contextEntity(scope);
      return refer(entity, scope, (h, e) => h.ids[e]);
    }
    if (typeName === 'String') {
      if (name === 'id' && hasSystem) return refer(contextEntity(scope), scope, (h, e) => h.externalIds[e]);
      if (name === 'system') return SYSTEM;
      if (name === 'search') return refer('customer', scope, (h) => h.name);
      if (name === 'priceCode' || name === 'productCode')
        return refer(name === 'priceCode' ? 'price' : 'product', scope, (h, e) => h.codes[e as 'price' | 'product']);
      if (name === 'metric') return METRIC;
      const entity = contextEntity(scope);
      if (name === 'code' && (entity === 'price' || entity === 'product') && !/^(create|upsert)/.test(scope.op.name))
        return refer(entity, scope, (h, e) => h.codes[e as 'price' | 'product']);
      if (/email/i.test(name)) return `iso-${fresh++}@example.com`;
      if (/url$/i.test(name)) return 'https://example.com/isolation';
      if (name === 'token') return 'pm_sandbox_ok';
      if (name === 'provider') return 'sandbox';
      if (name === 'kind') return 'flat';
      if (/types$/i.test(name)) return '*';
      return `iso-${fresh++}`;
    }
    if (typeName === 'Int') return name === 'first' ? 100 : 1;
    if (typeName === 'Float') return 1;
    if (typeName === 'Boolean') return true;
    if (typeName === 'Decimal') return /rate|percent/i.test(name) ? '10' : '1';
    if (typeName === 'Currency') return 'EUR';
    if (typeName === 'DateTime')
      return new Date(now.getTime() + (/^(to|until|ends?At|validUntil|expiresAt)$/.test(name) ? 86_400_000 : 0)).toISOString();
    if (typeName === 'JSONObject') return /config/i.test(name) ? { amount: '1' } : {};
    return 'iso';
  };

  const valueOf = (type: GraphQLInputType, name: string, scope: Scope): unknown => {
    if (isNonNullType(type)) return valueOf(type.ofType, name, scope);
    if (isListType(type)) {
      const result = getNamedType(scope.op.field.type);
      // Federation's entry point: one representation of each entity type the union offers.
      if (getNamedType(type).name === '_Any' && isUnionType(result)) {
        return result.getTypes().flatMap((member) => {
          const entity = entityOfType(member.name);
          if (!entity || !holdings[plan.catalog].ids[entity]) return [];
          return [{ __typename: member.name, id: refer(entity, { ...scope, path: `${scope.path}.${member.name}` }, (h, e) => h.ids[e]) }];
        });
      }
      return [valueOf(type.ofType, name, { ...scope, path: `${scope.path}[0]` })];
    }
    if (isEnumType(type)) return type.getValues()[0].value;
    if (isInputObjectType(type)) return fill(Object.values(type.getFields()), { ...scope, input: type.name });
    if (isScalarType(type)) return scalar(type.name, name, scope);
    return null;
  };

  const fill = (fields: readonly Field[], scope: Scope): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      const required = isNonNullType(f.type) && f.defaultValue === undefined;
      if (!required && !(plan.optional && (pointsAtSomething(f, fields) || f.name === 'first'))) continue;
      out[f.name] = valueOf(f.type, f.name, { ...scope, path: scope.path ? `${scope.path}.${f.name}` : f.name, siblings: fields });
    }
    return out;
  };

  const variables = fill(op.field.args, { op, path: '', siblings: op.field.args });
  return { variables, targets };
}

/** Whether a value for the field would name an object (an id, an external id, a customer's name to search for). */
function pointsAtSomething(f: Field, siblings: readonly Field[], depth = 0): boolean {
  const named = getNamedType(f.type);
  if (named.name === 'ID' || f.name === 'search' || (f.name === 'id' && siblings.some((s) => s.name === 'system'))) return true;
  if (!isInputObjectType(named) || depth > 3) return false;
  const fields = Object.values(named.getFields());
  return fields.some((inner) => pointsAtSomething(inner, fields, depth + 1));
}

/** The distinct variable sets an operation is tried with, each named: every owned reference at B; the required ones only; each one alone at B, the rest at A. */
export function casesFor(
  op: Operation,
  holdings: Record<Owner, Holdings>,
  now: Date,
): { name: string; variables: Record<string, unknown>; targets: Target[] }[] {
  const allB = variablesFor(op, holdings, now, { optional: true, ownerOf: () => 'B', catalog: 'B' });
  const owned = allB.targets.filter((x) => x.entity === 'unknown' || isOwned(x.entity));
  const plans: [string, Plan][] = [
    ['all at B', { optional: true, ownerOf: () => 'B', catalog: 'B' }],
    ['required at B', { optional: false, ownerOf: () => 'B', catalog: 'B' }],
  ];
  if (owned.length > 1)
    owned.forEach((x, i) =>
      plans.push([`${x.path} at B, rest at A`, { optional: true, ownerOf: (s) => (s === i ? 'B' : 'A'), catalog: 'B' }]),
    );
  const seen = new Set<string>();
  const cases = [];
  for (const [name, plan] of plans) {
    const built = name === 'all at B' ? allB : variablesFor(op, holdings, now, plan);
    const key = JSON.stringify(built.variables).replace(/iso-\d+/g, 'iso');
    if (seen.has(key)) continue;
    seen.add(key);
    cases.push({ name, ...built });
  }
  return cases;
}

/** The marks found in a value, as JSON; case-insensitive. */
export function marksIn(value: unknown, marks: readonly string[]): string[] {
  const text = JSON.stringify(value ?? null).toLowerCase();
  return marks.filter((m) => text.includes(m.toLowerCase()));
}

/** A customer's rows, read from the database itself so that new tables are covered unasked. */
export interface Snapshot {
  /** `table:id` → the row as sorted JSON: the customer's rows, the rows below them, and what they point at. */
  rows: Map<string, string>;
  /** The ids of the customer's rows and of the rows below them (not of the catalog they point at). */
  ids: Set<string>;
}

type Link = { table: string; column: string; ref: string };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Foreign keys, plus `<table>_id` columns without one (sandbox_charge.invoice_id) and `aggregate_id`, which may name any row. */
async function linksOf(t: TestApp): Promise<{ tables: Set<string>; links: Link[] }> {
  const em = t.app.db.orm.em.fork();
  const columns = await em.execute<{ table_name: string; column_name: string }[]>(
    `select table_name, column_name from information_schema.columns where table_schema = current_schema() and table_name not like 'mikro_orm%'`,
  );
  const fks = await em.execute<Link[]>(`
    select cl.relname as "table", att.attname as "column", ref.relname as "ref"
    from pg_constraint c
    join pg_class cl on cl.oid = c.conrelid join pg_class ref on ref.oid = c.confrelid
    join pg_namespace n on n.oid = cl.relnamespace
    join pg_attribute att on att.attrelid = c.conrelid and att.attnum = c.conkey[1]
    where c.contype = 'f' and n.nspname = current_schema() and cardinality(c.conkey) = 1`);
  const withId = new Set(columns.filter((c) => c.column_name === 'id').map((c) => c.table_name));
  const links = [...fks];
  for (const { table_name: table, column_name: column } of columns) {
    if (links.some((l) => l.table === table && l.column === column)) continue;
    const ref = column === 'aggregate_id' ? '*' : column.replace(/_id$/, '');
    if (column.endsWith('_id') && (ref === '*' || withId.has(ref))) links.push({ table, column, ref });
  }
  return { tables: new Set(columns.map((c) => c.table_name)), links };
}

const stable = (row: Record<string, unknown>) =>
  JSON.stringify(
    Object.keys(row)
      .sort()
      .map((k) => [k, row[k]]),
  );

/** Every row of the customer, every row that points at one of those (transitively), and the rows they point at. */
export async function snapshotOf(t: TestApp, customerId: string): Promise<Snapshot> {
  const em = t.app.db.orm.em.fork();
  const { links } = await linksOf(t);
  const rows = new Map<string, string>();
  const idsOf = new Map<string, Set<string>>([['customer', new Set()]]);
  const add = (table: string, found: Record<string, unknown>[]) => {
    let added = 0;
    for (const row of found) {
      const key = `${table}:${typeof row.id === 'string' ? row.id : stable(row)}`;
      if (rows.has(key)) continue;
      rows.set(key, stable(row));
      added++;
      if (typeof row.id === 'string') idsOf.set(table, (idsOf.get(table) ?? new Set()).add(row.id));
    }
    return added;
  };
  const select = (table: string, column: string, values: string[]) =>
    values.length === 0
      ? Promise.resolve([])
      : em.execute<Record<string, unknown>[]>(
          `select * from "${table}" where "${column}" in (${values.map(() => '?').join(', ')})`,
          values,
        );
  add('customer', await select('customer', 'id', [customerId]));
  for (let grew = true; grew;) {
    grew = false;
    for (const link of links) {
      const values = (link.ref === '*' ? [...idsOf.values()].flatMap((s) => [...s]) : [...(idsOf.get(link.ref) ?? [])]).filter((id) =>
        UUID.test(id),
      );
      if (add(link.table, await select(link.table, link.column, values)) > 0) grew = true;
    }
  }
  const ids = new Set([...idsOf.values()].flatMap((s) => [...s]).filter((id) => UUID.test(id)));
  // One step up: the clock, prices and products the customer's rows point at must not change either.
  const owned = [...rows.entries()];
  for (const link of links.filter((l) => l.ref !== '*')) {
    const referenced = owned
      .filter(([key]) => key.startsWith(`${link.table}:`))
      .map(([, row]) => new Map(JSON.parse(row) as [string, unknown][]).get(link.column));
    add(link.ref, await select(link.ref, 'id', [...new Set(referenced.filter((v): v is string => typeof v === 'string' && UUID.test(v)))]));
  }
  return { rows, ids };
}

/** What changed between two snapshots, row by row. */
export function changes(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  for (const [key, row] of before.rows) if (after.rows.get(key) !== row) out.push(`${after.rows.has(key) ? 'changed' : 'removed'} ${key}`);
  for (const key of after.rows.keys()) if (!before.rows.has(key)) out.push(`added ${key}`);
  return out;
}
