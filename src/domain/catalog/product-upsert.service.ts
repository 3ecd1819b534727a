import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { authorize } from '../auth/actor';
import { ConflictError } from '../errors';
import type { ExternalIdInput } from '../external-ids/external-id-input';
import { Upserted, UpsertOutcome, upsertTransaction } from '../external-ids/upsert';
import type { ServiceContext } from '../shared/service-context';
import { parseInput } from '../shared/input-schema';
import { productGoods, upsertProductSchema } from './catalog.schema';
import { ProductExternalId } from './product-external-id.entity';
import { Product } from './product.entity';
import type { ProductInput } from './product.service';

/** As createProduct's; a PIM feeds kind, SKU and stock policy with the rest. */
export interface UpsertProductInput extends ProductInput {
  externalId: ExternalIdInput;
}

/** `upsertProduct`: as upsertCustomer, for the catalog an ERP keeps. A replay writes nothing. */
export class ProductUpsertService {
  constructor(private readonly ctx: ServiceContext) {}

  async upsert(input: UpsertProductInput): Promise<Upserted<Product>> {
    authorize(this.ctx.actor, 'catalog:write');
    const parsed = parseInput(upsertProductSchema, input, 'input');
    const { externalId: key, code, name } = parsed;
    return upsertTransaction(
      this.ctx.em,
      async (em) => {
        // Code first: a racing upsert commits its product and external id together, so once the
        // product is visible here (each statement takes a new snapshot) so is its external id.
        const codeTaken = (await em.count(Product, { code })) > 0;
        const row = await em.findOne(ProductExternalId, { system: key.system, externalId: key.id });
        if (!row) {
          // Adopting a product by its code would silently merge two records; linking one is explicit.
          if (codeTaken) {
            throw new ConflictError(
              `product '${code}' exists without ${key.system} id '${key.id}': link it with setExternalId, or use another code`,
              { field: 'input.code' },
            );
          }
          const goods = productGoods(parsed, null);
          await assertSkuFree(em, goods.sku, null);
          const product = em.create(Product, { code, name, ...goods, createdAt: this.ctx.clock.now() });
          em.create(ProductExternalId, { product, system: key.system, externalId: key.id });
          await em.flush();
          return { record: product, outcome: UpsertOutcome.CREATED };
        }
        const product = await em.findOneOrFail(Product, { id: row.product.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        // Clients, integrations and federation keys (`@key(fields: "code")`) name a product by its code.
        if (product.code !== code) {
          throw new ConflictError(`${key.system} id '${key.id}' is product '${product.code}'; a product's code never changes`, {
            field: 'input.code',
          });
        }
        // Absent kind, SKU or stock policy are kept: a sync that knows only names does not turn goods into services.
        const goods = productGoods(parsed, product);
        if (
          product.name === name &&
          product.kind === goods.kind &&
          product.sku === goods.sku &&
          product.stockPolicy === goods.stockPolicy
        ) {
          return { record: product, outcome: UpsertOutcome.UNCHANGED };
        }
        if (product.sku !== goods.sku) await assertSkuFree(em, goods.sku, product.id);
        Object.assign(product, { name, ...goods });
        await em.flush();
        return { record: product, outcome: UpsertOutcome.UPDATED };
      },
      'input.externalId',
    );
  }
}

/** A SKU names one product: the warehouse's documents would otherwise be ambiguous. */
async function assertSkuFree(em: EntityManager, sku: string | null, selfId: string | null): Promise<void> {
  if (sku === null) return;
  const other = await em.findOne(Product, { sku });
  if (other && other.id !== selfId) throw new ConflictError(`SKU '${sku}' is product '${other.code}'`, { field: 'input.sku' });
}
