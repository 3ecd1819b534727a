import {
  GraphQLArgument, GraphQLField, GraphQLInputType, GraphQLNamedType, GraphQLSchema, getNamedType,
  isEnumType, isInputObjectType, isListType, isNonNullType, isObjectType, isScalarType, isInterfaceType, isUnionType,
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

export function operationsOf(schema: GraphQLSchema): Operation[] {
  const out: Operation[] = [];
  for (const [kind, root] of [['query', schema.getQueryType()], ['mutation', schema.getMutationType()]] as const) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      if (field.name.startsWith('_')) continue;
      const vars = field.args.map((a) => `$${a.name}: ${typeName(a.type)}`).join(', ');
      const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const document = `${kind} Fuzz${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection(field)} }`;
      out.push({ kind, name: field.name, field, document });
    }
  }
  return out;
}

/** Values meant to break things: malformed, out of range, huge, hostile to SQL and LIKE. */
const hostileStrings = ['', ' ', 'x'.repeat(5000), "'; drop table customer; --", '%_\\', '😀𝄞', 'EUR', 'null', '00000000-0000-4000-8000-000000000000'];
const scalars: Record<string, fc.Arbitrary<unknown>> = {
  ID: fc.constantFrom('not-a-uuid', '', '00000000-0000-4000-8000-000000000000', "1' or '1'='1", 'x'.repeat(300)),
  String: fc.oneof(fc.constantFrom(...hostileStrings), fc.string({ maxLength: 40 })),
  Int: fc.constantFrom(0, -1, 1, 5, 101, 2147483647, -2147483648),
  Float: fc.constantFrom(0, -1, 1e308),
  Boolean: fc.boolean(),
  Decimal: fc.constantFrom('0', '-1', '1', '0.5', '100', '-0', '999999999999999999.999999999999', '1e3', 'NaN', ' 1', '1.', '12345678901234567890'),
  DateTime: fc.constantFrom('2026-01-31T00:00:00Z', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2026-02-30T00:00:00Z', 'yesterday', '1970-01-01T00:00:00+14:00'),
  Currency: fc.constantFrom('EUR', 'JPY', 'KWD', 'USD', 'XXX', 'eur', 'EURO'),
  JSONObject: fc.oneof(
    fc.constantFrom<Record<string, unknown>>(
      {}, { amount: '1' }, { amount: -1 }, { unitAmount: '1e3' }, { tiers: 'x' }, { tiers: [] },
      { tiers: [{ upTo: null, unitAmount: '1' }] }, { tiers: [{ upTo: 1e308, unitAmount: '1' }, { upTo: null, unitAmount: 1e-30 }] },
      { components: [{ priceCode: 'x', quantity: '1' }] }, { metric: 'm', aggregation: 'sum', pricing: { kind: 'bundle', config: {} } },
      { packageSize: '0', packageAmount: '1' }, { a: { b: { c: { d: { e: [1, [2, [3]]] } } } } },
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
