import type { ApolloServerPlugin } from '@apollo/server';
import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLError,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  TypeNode,
  getNamedType,
  isLeafType,
  isListType,
  isNonNullType,
  separateOperations,
  validate,
  visit,
} from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../domain/shared/pagination';
import { fieldExtensionsEstimator, getComplexity, ComplexityEstimator } from 'graphql-query-complexity';
import { introspectionCost } from './introspection-cost';

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
}

/** What an unpaged list (a customer's contracts, a contract's items) is assumed to hold. */
export const ASSUMED_LIST_SIZE = 10;

/**
 * A query costs the number of objects it may return; scalars are free. A paged field counts
 * its page (`first`, or the default page size when absent) times what each entry holds, an
 * unpaged list ASSUMED_LIST_SIZE times its item. So
 * `customers(first: 50) { edges { node { contracts { items { priceCode } } } } }` costs
 * 50 × (1 customer + 10 × (1 contract + 10 items)) = 5,550, and the same for 100 customers
 * (11,100 objects) is over the default maximum of 10,000.
 */
function objectCountEstimator(): ComplexityEstimator {
  return ({ field, node, args, childComplexity, context }) => {
    if (field.name === '__schema' || field.name === '__type') return (context as CostContext).introspection.get(node) ?? 0;
    // A connection's edges and page info are the page its parent's `first` already counted.
    if (field.name === 'edges') return childComplexity;
    if (field.name === 'pageInfo') return 0;
    const type = isNonNullType(field.type) ? field.type.ofType : field.type;
    if (field.args.some((a) => a.name === 'first')) {
      const size = typeof args.first === 'number' ? Math.min(Math.max(args.first, 1), MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
      return isListType(type) ? size * (1 + childComplexity) : Math.max(1, size * childComplexity);
    }
    if (isLeafType(getNamedType(type))) return 0;
    return isListType(type) ? ASSUMED_LIST_SIZE * (1 + childComplexity) : 1 + childComplexity;
  };
}

interface CostContext {
  /** The price of each introspection field, by the stand-in that replaced its selections. */
  introspection: Map<FieldNode, number>;
}

/**
 * The document with every `__schema` and `__type` selection priced by introspectionCost and
 * replaced by `{ __typename }`: walking the standard introspection query's fragments field by
 * field takes tens of milliseconds, and its price does not depend on them.
 */
function withIntrospectionPriced(
  document: DocumentNode,
  typeCount: number,
): { document: DocumentNode; introspection: Map<FieldNode, number> } {
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const introspection = new Map<FieldNode, number>();
  const priced = visit(document, {
    Field(node) {
      if (node.name.value !== '__schema' && node.name.value !== '__type') return undefined;
      const standIn: FieldNode = {
        ...node,
        selectionSet: { kind: Kind.SELECTION_SET, selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }] },
      };
      introspection.set(standIn, introspectionCost(node.selectionSet, fragments, typeCount));
      return standIn;
    },
  });
  return { document: priced, introspection };
}

/** Refuses, before execution, operations deeper or costlier than the limits (BAD_USER_INPUT). */
export function queryLimitsPlugin(schema: GraphQLSchema, limits: QueryLimits): ApolloServerPlugin {
  const depthRule = depthLimit(limits.maxDepth);
  // Apollo reuses the parsed document of a query it has seen, so its depth is checked once.
  const shallowEnough = new WeakSet<DocumentNode>();
  const estimators = [fieldExtensionsEstimator(), objectCountEstimator()];
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, operationName }) {
          // PostgreSQL text cannot hold NUL; refuse it here rather than as a driver error later.
          const nulAt = request.query?.includes('\u0000') ? '' : findNul(request.variables ?? {}, '');
          if (nulAt !== null) {
            throw new GraphQLError('text inputs may not contain the NUL character', {
              extensions: { code: 'BAD_USER_INPUT', ...(nulAt ? { field: nulAt } : {}), http: { status: 400 } },
            });
          }
          if (!shallowEnough.has(document)) {
            if (validate(schema, document, [depthRule]).length === 0) shallowEnough.add(document);
          }
          if (!shallowEnough.has(document)) {
            throw new GraphQLError(`query is too deep: the maximum depth is ${limits.maxDepth}`, {
              extensions: { code: 'BAD_USER_INPUT', maxDepth: limits.maxDepth, http: { status: 400 } },
            });
          }
          const cost = costOf(schema, estimators, document, operationName ?? null, request.variables ?? {});
          if (cost !== null && cost > limits.maxCost) {
            throw new GraphQLError(
              `query is too expensive: cost ${cost}, the maximum is ${limits.maxCost} (a query costs the objects it may return: ask for smaller pages or fewer nested lists)`,
              {
                extensions: { code: 'BAD_USER_INPUT', cost, maxCost: limits.maxCost, http: { status: 400 } },
              },
            );
          }
        },
      };
    },
  };
}

// Cost depends on the document and on its Int variables only (page sizes); computing it coerces
// every variable, a tenth of a large quote's time, so it is kept per document and Int values.
const costCache = new WeakMap<DocumentNode, Map<string, number>>();

/** The cost of the operation, or null when its variables do not coerce (execution reports that, as graphql-js words it). */
function costOf(
  schema: GraphQLSchema,
  estimators: ComplexityEstimator[],
  document: DocumentNode,
  operationName: string | null,
  variables: Record<string, unknown>,
): number | null {
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION && (operationName === null || d.name?.value === operationName),
  );
  const intVariables = (operation?.variableDefinitions ?? [])
    .filter((v) => namedTypeOf(v.type) === 'Int')
    .map((v) => variables[v.variable.name.value]);
  const key = `${operationName ?? ''}|${JSON.stringify(intVariables)}`;
  let byKey = costCache.get(document);
  const cached = byKey?.get(key);
  if (cached !== undefined) return cached;
  const { document: priced, introspection } = withIntrospectionPriced(document, Object.keys(schema.getTypeMap()).length);
  const query = operationName ? (separateOperations(priced)[operationName] ?? priced) : priced;
  let cost: number;
  try {
    cost = getComplexity({ schema, query, variables, estimators, context: { introspection } satisfies CostContext });
  } catch (err) {
    if (err instanceof GraphQLError && err.message.startsWith('Query exceeds the maximum allowed number of nodes')) {
      // Fragments spread into fragments multiply: too many selections to price is too many to run.
      throw new GraphQLError('query is too large: it selects more than 10,000 fields once its fragments are spread', {
        extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
      });
    }
    // Its only other failure: variables that do not coerce (a bad Currency, a malformed Decimal).
    // Nothing runs with them; execution reports them as graphql-js words it, a request error.
    return null;
  }
  if (!byKey) costCache.set(document, (byKey = new Map()));
  if (byKey.size < 100) byKey.set(key, cost);
  return cost;
}

function namedTypeOf(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedTypeOf(type.type);
}

/** The path of the first string holding a NUL character (`input.items[0].priceCode`), or null. */
function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], `${path}[${i}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if (findNul(key, '') !== null) return path ? `${path}.${key}` : key;
      const found = findNul(v, path ? `${path}.${key}` : key);
      if (found !== null) return found;
    }
  }
  return null;
}
