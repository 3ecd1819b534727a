import { boundRows } from '../../db/bound-query';
import { authorize } from '../auth/actor';
import { ProductKind } from '../catalog/product-kind';
import { Product } from '../catalog/product.entity';
import { InvalidInputError } from '../errors';
import { parseInput } from '../shared/input-schema';
import type { ServiceContext } from '../shared/service-context';
import { InventoryLevel } from './inventory-level.entity';
import { inventoryLevelsSchema } from './inventory.schema';

export interface InventoryLevelInput {
  sku: string;
  available: unknown;
}

export class InventoryService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * The warehouse's counts, as the ERP or WMS sends them (CONTRACT.md: setInventoryLevels). Every
   * SKU must be a PHYSICAL product's; all levels are stored or none. Idempotent, and the latest
   * count wins: a level is written only when its `asOf` (default now) is not older than the one
   * stored and something differs, so a replay, or a late delivery of an older report, changes
   * nothing. Returns how many SKUs' available quantity changed.
   */
  async setLevels(levels: readonly InventoryLevelInput[], asOf?: Date | null): Promise<number> {
    authorize(this.ctx.actor, 'inventory:write');
    const parsed = parseInput(inventoryLevelsSchema, { levels, asOf }, '');
    const at = parsed.asOf ?? this.ctx.clock.now();
    return this.ctx.em.transactional(async (em) => {
      const skus = parsed.levels.map((l) => l.sku);
      const products = await em.find(Product, { sku: { $in: skus } });
      const known = new Map(products.map((p) => [p.sku, p]));
      parsed.levels.forEach((l, i) => {
        const product = known.get(l.sku);
        if (!product || product.kind !== ProductKind.PHYSICAL) {
          throw new InvalidInputError(`levels[${i}].sku`, `no PHYSICAL product has SKU '${l.sku}'`);
        }
      });
      // `prior` reads the rows as they were before the upsert (one snapshot for the whole statement).
      const [row] = await boundRows<{ changed: number }>(
        em,
        `with l as (select * from jsonb_to_recordset(?::jsonb) as l(sku text, available numeric)),
              prior as (select i.sku, i.available from inventory_level i join l using (sku)),
              up as (
                insert into inventory_level (sku, available, as_of, updated_at)
                select l.sku, l.available, ?, ? from l
                on conflict (sku) do update set available = excluded.available, as_of = excluded.as_of, updated_at = excluded.updated_at
                 where inventory_level.as_of <= excluded.as_of
                   and (inventory_level.available <> excluded.available or inventory_level.as_of <> excluded.as_of)
                returning sku, available)
         select count(*)::int as changed from up left join prior using (sku) where prior.available is distinct from up.available`,
        [JSON.stringify(parsed.levels.map((l) => ({ sku: l.sku, available: l.available.toFixed() }))), at, this.ctx.clock.now()],
      );
      return row.changed;
    });
  }

  /** What the warehouse last reported for these SKUs; a SKU never reported is absent. */
  async levels(skus: readonly string[]): Promise<Map<string, InventoryLevel>> {
    authorize(this.ctx.actor, 'inventory:read');
    if (skus.length === 0) return new Map();
    const rows = await this.ctx.em.find(InventoryLevel, { sku: { $in: [...skus] } });
    return new Map(rows.map((r) => [r.sku, r]));
  }
}
