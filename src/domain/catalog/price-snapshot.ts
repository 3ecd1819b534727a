import type { EntityManager } from '@mikro-orm/postgresql';
import { parseRule, priceReferences, PriceSnapshot } from '../../pricing/engine';
import { Price } from './price.entity';

// Price versions never change once written, so their parsed rules can be kept by id.
const parsedById = new Map<string, PriceSnapshot>();
const CACHE_LIMIT = 10_000;

/** The engine's view of a stored price; the config was validated when the price was created. */
export function toSnapshot(price: Price): PriceSnapshot {
  const cached = parsedById.get(price.id);
  if (cached) return cached;
  const snapshot: PriceSnapshot = {
    code: price.code,
    currency: price.currency,
    interval: price.interval,
    intervalCount: price.intervalCount,
    rule: parseRule(price.ruleKind, price.ruleConfig),
  };
  if (parsedById.size >= CACHE_LIMIT) parsedById.clear();
  parsedById.set(price.id, snapshot);
  return snapshot;
}

export async function findCurrentPrice(em: EntityManager, code: string): Promise<Price | null> {
  return em.findOne(Price, { code, isCurrent: true });
}

/**
 * Current prices by code, following bundle references until closed, so the engine can resolve
 * every component without another query. Codes that do not exist are simply absent.
 */
export async function loadPriceClosure(em: EntityManager, codes: Iterable<string>): Promise<Map<string, Price>> {
  const found = new Map<string, Price>();
  const asked = new Set<string>();
  let wanted = [...new Set(codes)];
  while (wanted.length > 0) {
    wanted.forEach((c) => asked.add(c));
    const rows = await em.find(Price, { code: { $in: wanted }, isCurrent: true });
    const next = new Set<string>();
    for (const row of rows) {
      found.set(row.code, row);
      for (const ref of priceReferences(toSnapshot(row))) {
        if (!asked.has(ref)) next.add(ref);
      }
    }
    wanted = [...next];
  }
  return found;
}

