import { LockMode } from '@mikro-orm/core';
import { authorize } from '../auth/actor';
import { ConflictError } from '../errors';
import type { ExternalIdInput } from '../external-ids/external-id-input';
import { Upserted, UpsertOutcome, upsertTransaction } from '../external-ids/upsert';
import type { ServiceContext } from '../shared/service-context';
import { parseInput } from '../shared/input-schema';
import { upsertProductSchema } from './catalog.schema';
import { ProductExternalId } from './product-external-id.entity';
import { Product } from './product.entity';

export interface UpsertProductInput {
  externalId: ExternalIdInput;
  code: string;
  name: string;
}

/** `upsertProduct`: as upsertCustomer, for the catalog an ERP keeps. A replay writes nothing. */
export class ProductUpsertService {
  constructor(private readonly ctx: ServiceContext) {}

  async upsert(input: UpsertProductInput): Promise<Upserted<Product>> {
    authorize(this.ctx.actor, 'catalog:write');
    const { externalId: key, code, name } = parseInput(upsertProductSchema, input, 'input');
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
          const product = em.create(Product, { code, name, createdAt: this.ctx.clock.now() });
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
        if (product.name === name) return { record: product, outcome: UpsertOutcome.UNCHANGED };
        product.name = name;
        await em.flush();
        return { record: product, outcome: UpsertOutcome.UPDATED };
      },
      'input.externalId',
    );
  }
}
