import type { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, GraphQLError, GraphQLSchema, Kind, OperationDefinitionNode, TypeNode, isListType, isNonNullType, separateOperations, validate } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { MAX_PAGE_SIZE } from '../domain/shared/pagination';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator, ComplexityEstimator } from 'graphql-query-complexity';

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
}


/** What an unpaged list (a customer's contracts, a price's tiers) is assumed to hold. */
export const ASSUMED_LIST_SIZE = 10;

/**
 * A list costs its size times its children: `customers(first: 100) { ... }` counts as 100
 * customers and an unpaged list as ASSUMED_LIST_SIZE items, so a query for thousands of
 * nested objects is refused before it runs.
 */
const listSizeEstimator: ComplexityEstimator = ({ args, field, childComplexity }) => {
  if (typeof args.first === 'number') return Math.min(Math.max(args.first, 1), MAX_PAGE_SIZE) * (1 + childComplexity);
  // A connection's edges are the page its parent's `first` already counted.
  if (field.name === 'edges') return 1 + childComplexity;
  const type = isNonNullType(field.type) ? field.type.ofType : field.type;
  return isListType(type) ? ASSUMED_LIST_SIZE * (1 + childComplexity) : undefined;
};

/** Refuses, before execution, operations deeper or costlier than the limits (BAD_USER_INPUT). */
export function queryLimitsPlugin(schema: GraphQLSchema, limits: QueryLimits): ApolloServerPlugin {
  const depthRule = depthLimit(limits.maxDepth);
  // Apollo reuses the parsed document of a query it has seen, so its depth is checked once.
  const shallowEnough = new WeakSet<DocumentNode>();
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
          const cost = costOf(schema, document, operationName ?? null, request.variables ?? {});
          if (cost > limits.maxCost) {
            throw new GraphQLError(`query is too expensive: cost ${cost}, the maximum is ${limits.maxCost}`, {
              extensions: { code: 'BAD_USER_INPUT', cost, maxCost: limits.maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

const estimators = [fieldExtensionsEstimator(), listSizeEstimator, simpleEstimator({ defaultComplexity: 1 })];
// Cost depends on the document and on its Int variables only (page sizes); computing it coerces
// every variable, a tenth of a large quote's time, so it is kept per document and Int values.
const costCache = new WeakMap<DocumentNode, Map<string, number>>();

function costOf(schema: GraphQLSchema, document: DocumentNode, operationName: string | null, variables: Record<string, unknown>): number {
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (operationName === null || d.name?.value === operationName),
  );
  const intVariables = (operation?.variableDefinitions ?? [])
    .filter((v) => namedTypeOf(v.type) === 'Int')
    .map((v) => variables[v.variable.name.value]);
  const key = `${operationName ?? ''}|${JSON.stringify(intVariables)}`;
  let byKey = costCache.get(document);
  const cached = byKey?.get(key);
  if (cached !== undefined) return cached;
  const query = operationName ? separateOperations(document)[operationName] ?? document : document;
  let cost: number;
  try {
    cost = getComplexity({ schema, query, variables, estimators });
  } catch (err) {
    // Variables that do not coerce (a bad Currency, a malformed Decimal) fail here first.
    throw new GraphQLError(err instanceof Error ? err.message : 'invalid variables', { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
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
