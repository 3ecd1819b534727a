import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { authorize } from '../auth/actor';
import { ConflictError, NotFoundError } from '../errors';
import { afterCursor, Page, PageArgs, pageSize, toPage } from '../shared/pagination';
import type { BatchLoader } from '../shared/batch-loader';
import type { ServiceContext } from '../shared/service-context';

import { isId } from '../shared/ids';
import { parseInput } from '../shared/input-schema';
import { createProductSchema, productGoods } from './catalog.schema';
import { Product } from './product.entity';
import type { ProductKind, StockPolicy } from './product-kind';

/** createProduct's input: kind SERVICE unless given; a PHYSICAL product needs a SKU (catalog.schema.ts). */
export interface ProductInput {
  code: string;
  name: string;
  kind?: ProductKind | null;
  sku?: string | null;
  stockPolicy?: StockPolicy | null;
}

export class ProductService {
  constructor(private readonly ctx: ServiceContext) {}

  async create(input: ProductInput): Promise<Product> {
    authorize(this.ctx.actor, 'catalog:write');
    const parsed = parseInput(createProductSchema, input, 'input');
    const { code, name } = parsed;
    const { kind, sku, stockPolicy } = productGoods(parsed, null);
    try {
      return await this.ctx.em.transactional(async (em) => {
        if (await em.count(Product, { code })) throw new ConflictError(`a product with code '${code}' exists`, { field: 'input.code' });
        if (sku !== null && (await em.count(Product, { sku }))) {
          throw new ConflictError(`a product with SKU '${sku}' exists`, { field: 'input.sku' });
        }
        const product = em.create(Product, { code, name, kind, sku, stockPolicy, createdAt: this.ctx.clock.now() });
        await em.flush();
        return product;
      });
    } catch (err) {
      // Two requests creating the same code (or SKU) at once: the unique index decides.
      if (err instanceof UniqueConstraintViolationException) {
        const field = err.message.includes('product_sku_unique') ? 'input.sku' : 'input.code';
        throw new ConflictError(`a product with this ${field === 'input.sku' ? 'SKU' : 'code'} exists`, { field });
      }
      throw err;
    }
  }

  async get(code: string): Promise<Product | null> {
    authorize(this.ctx.actor, 'catalog:read');
    return this.ctx.em.findOne(Product, { code });
  }

  /** As get(), read through the caller's loader (by code). */
  async getBatched(code: string, loader: BatchLoader<Product>): Promise<Product | null> {
    authorize(this.ctx.actor, 'catalog:read');
    return loader.load(code);
  }

  /** By id, read through the caller's loader (by id). */
  async getByIdBatched(id: string, loader: BatchLoader<Product>): Promise<Product | null> {
    authorize(this.ctx.actor, 'catalog:read');
    return isId(id) ? loader.load(id) : null;
  }

  async require(code: string, field: string): Promise<Product> {
    const product = await this.get(code);
    if (!product) throw new NotFoundError('product', code, field);
    return product;
  }

  async list(args: PageArgs): Promise<Page<Product>> {
    authorize(this.ctx.actor, 'catalog:read');
    const size = pageSize(args.first);
    const rows = await this.ctx.em.find(Product, afterCursor(args.after), { orderBy: { createdAt: 'asc', id: 'asc' }, limit: size + 1 });
    return toPage(rows, size);
  }
}
