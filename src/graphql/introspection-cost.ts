import { FragmentDefinitionNode, Kind, SelectionSetNode } from 'graphql';

/** What asking for `__schema` or `__type` costs before its selections: one read of the in-memory schema. */
export const INTROSPECTION_BASE_COST = 10;
/** Each list an introspection query selects (types, fields, args, ...), read once. */
export const INTROSPECTION_LIST_COST = 10;

const LISTS = new Set(['types', 'fields', 'inputFields', 'enumValues', 'interfaces', 'possibleTypes', 'args', 'directives']);
/** The lists of a type's members: reading them on a type reached by reference reads the schema again. */
const MEMBERS = new Set(['fields', 'inputFields', 'enumValues', 'interfaces', 'possibleTypes']);
/** Fields whose values are types reached by reference, not the types being read. */
const REFERENCES = new Set(['type', 'ofType', 'interfaces', 'possibleTypes', 'queryType', 'mutationType', 'subscriptionType']);
/** Selections visited before a document is priced as unbounded: fragments spread into fragments multiply. */
const MAX_VISITS = 20_000;

/**
 * The cost of one `__schema` or `__type` selection. Introspection reads the schema held in memory,
 * no database, and its size is fixed: graphql-js `getIntrospectionQuery()` selects nine lists and
 * costs 100, whatever the schema. A type reached by reference (a field's `type`, an `ofType`)
 * that lists its members again re-reads the schema for every such type, so each such step
 * multiplies by the number of types (`{ __schema { types { fields { type { fields { name } } } } } }`):
 * nesting is how introspection gets expensive, and depth limits do not count `__` fields.
 */
export function introspectionCost(
  selectionSet: SelectionSetNode | undefined,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  typeCount: number,
): number {
  let visits = 0;
  const walk = (set: SelectionSetNode, multiplier: number, onReference: boolean): number => {
    let cost = 0;
    for (const selection of set.selections) {
      if (++visits > MAX_VISITS) return Number.POSITIVE_INFINITY;
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const m = onReference && MEMBERS.has(name) ? multiplier * typeCount : multiplier;
        if (LISTS.has(name)) cost += INTROSPECTION_LIST_COST * m;
        if (selection.selectionSet) cost += walk(selection.selectionSet, m, REFERENCES.has(name));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        cost += walk(selection.selectionSet, multiplier, onReference);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment) cost += walk(fragment.selectionSet, multiplier, onReference);
      }
    }
    return cost;
  };
  return INTROSPECTION_BASE_COST + (selectionSet ? walk(selectionSet, 1, false) : 0);
}
