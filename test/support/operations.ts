import {
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isInterfaceType,
  isUnionType,
} from 'graphql';
import fc from 'fast-check';

/** Every root field of the schema as an operation taking all its arguments as variables. */
export interface Operation {
  kind: 'query' | 'mutation';
  name: string;
  field: GraphQLField<unknown, unknown>;
  document: string;
}

function typeName(type: GraphQLInputType): string {
  return type.toString();
}

function selection(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  return isObjectType(named) || isInterfaceType(named) || isUnionType(named) ? ' { __typename }' : '';
}

export interface OperationOptions {
  /** The result's selection set (with its braces); default `{ __typename }` for objects. */
  select?: (field: GraphQLField<unknown, unknown>) => string;
  /** Also federation's root fields (`_entities`, `_service`): a gateway reaches data through them too. */
  federation?: boolean;
}

export function operationsOf(schema: GraphQLSchema, options: OperationOptions = {}): Operation[] {
  const out: Operation[] = [];
  const select = options.select ?? selection;
  for (const [kind, root] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      if (field.name.startsWith('_') && !options.federation) continue;
      const vars = field.args.map((a) => `$${a.name}: ${typeName(a.type)}`).join(', ');
      const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const document = `${kind} Fuzz${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''}${select(field)} }`;
      out.push({ kind, name: field.name, field, document });
    }
  }
  return out;
}

/** Values meant to break things: malformed, out of range, huge, hostile to SQL and LIKE. */
const hostileStrings = [
  '',
  ' ',
  'x'.repeat(5000),
  "'; drop table customer; --",
  '%_\\',
  '😀𝄞',
  'EUR',
  'null',
  '00000000-0000-4000-8000-000000000000',
];
const scalars: Record<string, fc.Arbitrary<unknown>> = {
  ID: fc.constantFrom('not-a-uuid', '', '00000000-0000-4000-8000-000000000000', "1' or '1'='1", 'x'.repeat(300)),
  String: fc.oneof(fc.constantFrom(...hostileStrings), fc.string({ maxLength: 40 })),
  Int: fc.constantFrom(0, -1, 1, 5, 101, 2147483647, -2147483648),
  Float: fc.constantFrom(0, -1, 1e308),
  Boolean: fc.boolean(),
  Decimal: fc.constantFrom(
    '0',
    '-1',
    '1',
    '0.5',
    '100',
    '-0',
    '999999999999999999.999999999999',
    '1e3',
    'NaN',
    ' 1',
    '1.',
    '12345678901234567890',
  ),
  DateTime: fc.constantFrom(
    '2026-01-31T00:00:00Z',
    '0001-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '2026-02-30T00:00:00Z',
    'yesterday',
    '1970-01-01T00:00:00+14:00',
  ),
  Currency: fc.constantFrom('EUR', 'JPY', 'KWD', 'USD', 'XXX', 'eur', 'EURO'),
  JSONObject: fc.oneof(
    fc.constantFrom<Record<string, unknown>>(
      {},
      { amount: '1' },
      { amount: -1 },
      { unitAmount: '1e3' },
      { tiers: 'x' },
      { tiers: [] },
      { tiers: [{ upTo: null, unitAmount: '1' }] },
      {
        tiers: [
          { upTo: 1e308, unitAmount: '1' },
          { upTo: null, unitAmount: 1e-30 },
        ],
      },
      { components: [{ priceCode: 'x', quantity: '1' }] },
      { metric: 'm', aggregation: 'sum', pricing: { kind: 'bundle', config: {} } },
      { packageSize: '0', packageAmount: '1' },
      { a: { b: { c: { d: { e: [1, [2, [3]]] } } } } },
    ),
    fc.object({ maxDepth: 2 }),
  ),
};

function arbitraryFor(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return arbitraryFor(type.ofType, depth);
  if (isListType(type)) {
    const item = arbitraryFor(type.ofType, depth + 1);
    return fc.oneof(fc.constant([]), fc.array(item, { minLength: 1, maxLength: 3 }), fc.array(item, { minLength: 201, maxLength: 202 }));
  }
  const named: GraphQLNamedType = type;
  if (isScalarType(named)) return scalars[named.name] ?? fc.string();
  if (isEnumType(named)) return fc.constantFrom(...named.getValues().map((v) => v.value));
  if (isInputObjectType(named)) {
    const fields = Object.values(named.getFields());
    const shape: Record<string, fc.Arbitrary<unknown>> = {};
    for (const f of fields) shape[f.name] = depth > 4 && !isNonNullType(f.type) ? fc.constant(undefined) : arbitraryFor(f.type, depth + 1);
    const required = fields.filter((f) => isNonNullType(f.type)).map((f) => f.name);
    return fc.record(shape, { requiredKeys: required as never[] });
  }
  return fc.constant(null);
}

export function variablesFor(args: readonly GraphQLArgument[]): fc.Arbitrary<Record<string, unknown>> {
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const a of args) shape[a.name] = arbitraryFor(a.type, 0);
  const required = args.filter((a) => isNonNullType(a.type)).map((a) => a.name);
  return fc.record(shape, { requiredKeys: required as never[] });
}

/**
 * Every field a result offers, `depth` object levels deep (connections and their edges are free):
 * what a client could read, so a test can look for data that must not be there. Fields with a
 * required argument are left out.
 */
export function everyField(field: GraphQLField<unknown, unknown>, depth = 3): string {
  return selectionOf(getNamedType(field.type), depth);
}

function selectionOf(type: GraphQLNamedType, depth: number, alias = ''): string {
  // A union's members may share a field name with another type (status: InvoiceStatus, status:
  // QuoteStatus), which GraphQL refuses to merge: each member's fields get an alias of their own.
  if (isUnionType(type))
    return ` { __typename ${type
      .getTypes()
      .map((t) => `... on ${t.name}${selectionOf(t, depth, `${t.name}_`)}`)
      .join(' ')} }`;
  if (!isObjectType(type) && !isInterfaceType(type)) return '';
  const parts = ['__typename'];
  for (const f of Object.values(type.getFields())) {
    if (f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const name = alias ? `${alias}${f.name}: ${f.name}` : f.name;
    const child = getNamedType(f.type);
    if (!isObjectType(child) && !isInterfaceType(child) && !isUnionType(child)) {
      parts.push(name);
      continue;
    }
    const next = /(Connection|Edge)$/.test(type.name) ? depth : depth - 1;
    if (next >= 0) parts.push(`${name}${selectionOf(child, next)}`);
  }
  return ` { ${parts.join(' ')} }`;
}
