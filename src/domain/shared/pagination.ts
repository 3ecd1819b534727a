import { InvalidInputError } from '../errors';
import { isId } from './ids';

/** Page sizes: `first` defaults to 20 and may not exceed 100 (the query cost limit counts on it). */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Page<T> {
  nodes: T[];
  hasNextPage: boolean;
  cursorOf(node: T): string;
}

/** Keyset position: rows are listed by (createdAt, id), stable under inserts. */
export interface Keyset {
  createdAt: Date;
  id: string;
}

export function encodeCursor(row: Keyset): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): Keyset {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (!id || !isId(id) || Number.isNaN(createdAt.getTime())) throw new InvalidInputError('after', 'invalid cursor');
  return { createdAt, id };
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new InvalidInputError('first', `first must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return first;
}

/** The where-clause fragment for rows after the cursor, in (createdAt, id) order. */
export function afterCursor(after: string | null | undefined): Record<string, unknown> {
  if (!after) return {};
  const k = decodeCursor(after);
  return { $or: [{ createdAt: { $gt: k.createdAt } }, { createdAt: k.createdAt, id: { $gt: k.id } }] };
}

/** Turns `size + 1` fetched rows into a page: the extra row only tells that there is more. */
export function toPage<T extends Keyset>(rows: T[], size: number): Page<T> {
  return { nodes: rows.slice(0, size), hasNextPage: rows.length > size, cursorOf: encodeCursor };
}
