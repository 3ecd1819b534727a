import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';
import { Customer } from '../domain/customers/customer.entity';
import { Product } from '../domain/catalog/product.entity';
import { Price } from '../domain/catalog/price.entity';
import { Contract } from '../domain/contracts/contract.entity';
import { CustomerExternalId } from '../domain/customers/customer-external-id.entity';

/** One loader per entity: `load(id)` calls within a tick become one `where id in (...)`. */
function byId<T extends { id: string }>(em: EntityManager, entity: EntityName<T>): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const rows = (await em.find(entity, { id: { $in: [...ids] } } as never)) as T[];
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

/** Per request, so nothing cached outlives the request that loaded it. */
export function createLoaders(em: EntityManager) {
  return {
    customer: byId(em, Customer),
    product: byId(em, Product),
    price: byId(em, Price),
    pricesByProduct: new DataLoader<string, Price[]>(async (productIds) => {
      const rows = await em.find(Price, { product: { $in: [...productIds] }, isCurrent: true }, { orderBy: { code: 'asc' } });
      return productIds.map((id) => rows.filter((r) => r.product.id === id));
    }),
    contractsByCustomer: new DataLoader<string, Contract[]>(async (customerIds) => {
      const rows = await em.find(Contract, { customer: { $in: [...customerIds] } }, { populate: ['items'], orderBy: { startsAt: 'asc', id: 'asc' } });
      return customerIds.map((id) => rows.filter((r) => r.customer.id === id));
    }),
    externalIdsByCustomer: new DataLoader<string, CustomerExternalId[]>(async (customerIds) => {
      const rows = await em.find(CustomerExternalId, { customer: { $in: [...customerIds] } }, { orderBy: { system: 'asc', externalId: 'asc' } });
      return customerIds.map((id) => rows.filter((r) => r.customer.id === id));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
