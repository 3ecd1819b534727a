export const APPLICATION_JSON = 'application/json';
export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';
export type GraphQLResponseMediaType = typeof APPLICATION_JSON | typeof GRAPHQL_RESPONSE_JSON;

interface Range {
  type: string;
  subtype: string;
  q: number;
  position: number;
}

function parseAccept(accept: string): Range[] {
  return accept.split(',').flatMap((part, position) => {
    const [mediaRange, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const [type, subtype] = (mediaRange ?? '').split('/');
    if (!type || !subtype) return [];
    const qParam = params.find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    return Number.isFinite(q) ? [{ type, subtype, q, position }] : [];
  });
}

/** How well the Accept header takes a media type: the most specific range that matches decides (RFC 9110, 12.5.1). */
function acceptance(ranges: Range[], mediaType: string): { q: number; specificity: number; position: number } {
  const [type, subtype] = mediaType.split('/');
  let best = { q: 0, specificity: -1, position: Number.POSITIVE_INFINITY };
  for (const r of ranges) {
    const specificity =
      r.type === type && r.subtype === subtype
        ? 2
        : r.type === type && r.subtype === '*'
          ? 1
          : r.type === '*' && r.subtype === '*'
            ? 0
            : -1;
    if (specificity > best.specificity) best = { q: r.q, specificity, position: r.position };
  }
  return best;
}

/**
 * Which of the two GraphQL-over-HTTP media types a client takes: no Accept header means
 * application/json (the spec's legacy rule); ties go to the type named first in the header, then
 * to application/json. Null when it takes neither.
 */
export function graphqlResponseMediaType(accept: string | undefined | null): GraphQLResponseMediaType | null {
  if (!accept || accept.trim() === '') return APPLICATION_JSON;
  const ranges = parseAccept(accept);
  const json = acceptance(ranges, APPLICATION_JSON);
  const graphql = acceptance(ranges, GRAPHQL_RESPONSE_JSON);
  if (json.q <= 0 && graphql.q <= 0) return null;
  if (graphql.q !== json.q) return graphql.q > json.q ? GRAPHQL_RESPONSE_JSON : APPLICATION_JSON;
  if (graphql.specificity !== json.specificity) return graphql.specificity > json.specificity ? GRAPHQL_RESPONSE_JSON : APPLICATION_JSON;
  return graphql.position < json.position ? GRAPHQL_RESPONSE_JSON : APPLICATION_JSON;
}
