const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids are UUIDs; anything else names no record. Checked before a query so that a malformed id
 * is NOT_FOUND rather than a PostgreSQL cast error.
 */
export function isId(value: string): boolean {
  return uuid.test(value);
}
