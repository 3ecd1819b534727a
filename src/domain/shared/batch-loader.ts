/**
 * Reads batched by key: the GraphQL layer passes its per-request DataLoader (graphql/loaders.ts),
 * so that many lookups in one tick are one query while the service still decides who may see what.
 */
export interface BatchLoader<T> {
  load(key: string): Promise<T | null>;
}
