import type { EntityManager } from '@mikro-orm/postgresql';
import { cacheVersionsOf, processCache } from '../../db/cache-versions';
import { priceReferences } from '../../pricing/engine';
import { pricingCustomer, PricingCustomer } from '../contracts/contract-terms';
import { CatalogPrice, loadPriceClosure, toSnapshot } from './price-snapshot';

const LIMIT = 10_000;

/**
 * What a quote preview reads of the catalog, kept in this process for the counter `catalog`
 * (cache-versions.ts): any write to price, contract or contract_item, or to a customer's
 * currency or tax, gives the counter a new value in the writer's own transaction, so the next
 * request of every process reads those rows again. Only for an EntityManager that read the
 * counters (a request's, before its transaction); anything else reads the database. Entries are
 * shared between requests: nothing may modify them (the engine only reads its inputs).
 */
function prices(em: EntityManager, version: string): Map<string, CatalogPrice | null> {
  return processCache<string, CatalogPrice | null>(em, 'catalog', 'prices', LIMIT).at(version);
}

function customers(em: EntityManager, version: string): Map<string, PricingCustomer> {
  return processCache<string, PricingCustomer>(em, 'catalog', 'pricing-customers', LIMIT).at(version);
}

/**
 * loadPriceClosure through the cache: current prices by code, bundle components included.
 * Absent codes are remembered as absent too (a new price is a write that moves the counter).
 */
export async function currentPriceClosure(em: EntityManager, codes: Iterable<string>): Promise<Map<string, CatalogPrice>> {
  const versions = cacheVersionsOf(em);
  if (!versions) return loadPriceClosure(em, codes);
  const cache = prices(em, versions.catalog);
  const found = new Map<string, CatalogPrice>();
  const asked = new Set<string>();
  let wanted = [...new Set(codes)];
  while (wanted.length > 0) {
    const missing = wanted.filter((code) => !cache.has(code));
    if (missing.length > 0) {
      const loaded = await loadPriceClosure(em, missing);
      for (const code of missing) cache.set(code, loaded.get(code) ?? null);
      for (const [code, price] of loaded) cache.set(code, price);
    }
    const next = new Set<string>();
    for (const code of wanted) {
      asked.add(code);
      const price = cache.get(code);
      if (!price) continue;
      found.set(code, price);
      for (const ref of priceReferences(toSnapshot(price))) if (!asked.has(ref)) next.add(ref);
    }
    wanted = [...next];
  }
  return found;
}

/** pricingCustomer through the cache. An unknown id is not remembered: creating a customer does not move the counter. */
export async function customerForPricing(em: EntityManager, customerId: string): Promise<PricingCustomer | null> {
  const versions = cacheVersionsOf(em);
  if (!versions) return pricingCustomer(em, customerId);
  const cache = customers(em, versions.catalog);
  const hit = cache.get(customerId);
  if (hit) return hit;
  const customer = await pricingCustomer(em, customerId);
  if (customer) cache.set(customerId, customer);
  return customer;
}
