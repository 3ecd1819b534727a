import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  DirectiveNode,
  executeSync,
  GraphQLFieldResolver,
  GraphQLNamedType,
  GraphQLSchema,
  isObjectType,
  Kind,
  lexicographicSortSchema,
  parse,
  print,
  printSchema,
  visit,
} from 'graphql';
import { createResolversMap } from 'type-graphql';
import { InvalidInputError } from '../domain/errors';
import type { Context } from './context';
import { storedToInvoice } from './invoices/invoice.mapping';

// Federation 2 with only what the schema uses; v2.3 composes with every Federation 2 gateway and router still in use.
const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

/** What a gateway sends to `_entities`, once checkRepresentation has accepted it: its type and one key. */
type Representation = { __typename: string } & Record<string, unknown>;

/**
 * `__resolveReference` per entity: through the service, so that a reference is authorized as
 * the root query is (a CUSTOMER key gets FORBIDDEN for another customer's), and through the
 * request's DataLoaders, so that N references of a type cost one query per key.
 * A representation comes with the string fields of exactly one of its type's keys.
 */
const references: Record<string, (rep: Representation, ctx: Context) => Promise<unknown>> = {
  Customer: (rep, ctx) => ctx.services.customers.getBatched(rep.id as string, ctx.loaders.customer),
  Subscription: (rep, ctx) => ctx.services.subscriptions.getBatched(rep.id as string, ctx.loaders.subscription),
  Quote: (rep, ctx) => ctx.services.quotes.getBatched(rep.id as string, ctx.loaders.quote),
  Invoice: async (rep, ctx) => {
    const invoice = await ctx.services.invoices.getBatched(rep.id as string, ctx.loaders.invoice);
    return invoice && storedToInvoice(invoice);
  },
  // By id: that version; by code: the current version, as `price(code)`.
  Price: (rep, ctx) =>
    typeof rep.id === 'string'
      ? ctx.services.prices.getByIdBatched(rep.id, ctx.loaders.price)
      : ctx.services.prices.getBatched(rep.code as string, ctx.loaders.priceByCode),
  Product: (rep, ctx) =>
    typeof rep.id === 'string'
      ? ctx.services.products.getByIdBatched(rep.id, ctx.loaders.product)
      : ctx.services.products.getBatched(rep.code as string, ctx.loaders.productByCode),
};

function keyDirectives(type: GraphQLNamedType): readonly DirectiveNode[] {
  return (type.astNode?.directives ?? []).filter((d) => d.name.value === 'key');
}

/** The field lists of a type's `@key`s: `@key(fields: "id")` → [['id']]. Our keys are flat. */
function keysOf(type: GraphQLNamedType): string[][] {
  return keyDirectives(type).map((d) => {
    const fields = d.arguments?.find((a) => a.name.value === 'fields')?.value;
    return fields?.kind === Kind.STRING ? fields.value.split(/\s+/).filter(Boolean) : [];
  });
}

/**
 * `_entities` takes any JSON (`_Any`). Before @apollo/subgraph sees a representation, it must
 * name one of our entities and carry one of its keys as text: anything else would be a plain
 * Error there (INTERNAL_SERVER_ERROR) or a lookup with a value PostgreSQL cannot compare.
 */
function checkRepresentation(rep: unknown, at: string, entities: Map<string, string[][]>): Representation | InvalidInputError {
  if (typeof rep !== 'object' || rep === null || Array.isArray(rep))
    return new InvalidInputError(at, 'a representation is an object with __typename and key fields');
  const fields = rep as Record<string, unknown>;
  const typename = fields.__typename;
  const keys = typeof typename === 'string' ? entities.get(typename) : undefined;
  if (!keys) return new InvalidInputError(`${at}.__typename`, `must name an entity of this subgraph: ${[...entities.keys()].join(', ')}`);
  const usable = (name: string) => typeof fields[name] === 'string' && !(fields[name] as string).includes('\u0000');
  // Passed on with the first usable key only, so that a resolver need not judge the others.
  const key = keys.find((k) => k.every(usable));
  if (key) return { __typename: typename as string, ...Object.fromEntries(key.map((name) => [name, fields[name]])) };
  const bad = keys.flat().find((name) => fields[name] !== undefined && !usable(name));
  if (bad) return new InvalidInputError(`${at}.${bad}`, 'must be a string without NUL characters');
  return new InvalidInputError(at, `a ${typename} reference needs ${keys.map((k) => k.join(' and ')).join(' or ')}`);
}

/**
 * A gateway sends one _entities call per fetch, its references batched: a page of a few hundred
 * items with nested entities stays well under this. The cost limit counts the field once, so
 * this bounds the work one request can ask for.
 */
const MAX_REPRESENTATIONS = 1000;

/** Refused representations become per-item BAD_USER_INPUT errors; the others resolve as usual. */
function guardEntities(schema: GraphQLSchema, entities: Map<string, string[][]>): void {
  const field = schema.getQueryType()!.getFields()._entities;
  const resolve = field.resolve as GraphQLFieldResolver<unknown, Context, { representations: unknown[] }>;
  field.resolve = (source, args: { representations: unknown[] }, context: Context, info) => {
    if (args.representations.length > MAX_REPRESENTATIONS) {
      throw new InvalidInputError(
        'representations',
        `at most ${MAX_REPRESENTATIONS} representations per request, not ${args.representations.length}`,
      );
    }
    const checked = args.representations.map((rep, i) => checkRepresentation(rep, `representations[${i}]`, entities));
    const accepted = checked.filter((c): c is Representation => !(c instanceof Error));
    const resolved = resolve(source, { representations: accepted }, context, info) as unknown[];
    let next = 0;
    // graphql-js turns an Error in a list into that item's error, its siblings unharmed.
    return checked.map((c) => (c instanceof Error ? c : resolved[next++]));
  };
}

/**
 * type-graphql's SDL with the `@key`s it keeps on its types' AST nodes (graphql's printSchema
 * drops directives), sorted so that the subgraph SDL changes only when the schema does.
 */
function printWithKeys(schema: GraphQLSchema): string {
  const sorted = lexicographicSortSchema(schema);
  const document = visit(parse(printSchema(sorted)), {
    ObjectTypeDefinition(node) {
      const keys = keyDirectives(sorted.getType(node.name.value)!);
      return keys.length ? { ...node, directives: [...(node.directives ?? []), ...keys] } : undefined;
    },
  });
  return `${LINK}\n\n${print(document)}`;
}

/** The type-graphql schema as an Apollo Federation 2 subgraph: `_service { sdl }`, `_entities` and reference resolvers. */
export function toSubgraphSchema(schema: GraphQLSchema): GraphQLSchema {
  const entities = new Map(
    Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && keyDirectives(type).length > 0)
      .map((type) => [type.name, keysOf(type)] as const),
  );
  const missing = [...entities.keys()].filter((name) => !references[name]);
  if (missing.length) throw new Error(`entities without a reference resolver: ${missing.join(', ')}`);

  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  for (const [name, resolveReference] of Object.entries(references)) {
    resolvers[name] = { ...resolvers[name], __resolveReference: resolveReference };
  }
  const subgraph = buildSubgraphSchema({ typeDefs: parse(printWithKeys(schema)), resolvers: resolvers as never });
  guardEntities(subgraph, entities);
  // Federation makes any type named Subscription the subscription root, and its SDL says so;
  // ours is a billing subscription, so the served schema takes no subscription operations
  // (graphql-js would run its fields without a parent).
  return new GraphQLSchema({ ...subgraph.toConfig(), subscription: undefined });
}

/** The SDL a gateway composes, as `_service { sdl }` answers it. */
export function subgraphSdl(subgraph: GraphQLSchema): string {
  const result = executeSync({ schema: subgraph, document: parse('{ _service { sdl } }') });
  const sdl = (result.data as { _service?: { sdl?: unknown } } | null | undefined)?._service?.sdl;
  if (typeof sdl !== 'string') throw new Error(`_service { sdl } failed: ${JSON.stringify(result.errors)}`);
  return sdl;
}
