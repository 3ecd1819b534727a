import { boundRows } from '../db/bound-query';
import type { CatalogPrice } from '../domain/catalog/price-snapshot';
import { PriceStatus } from '../domain/catalog/price.entity';
import { requireCleanText } from '../domain/external-ids/external-id-input';
import { requireCode } from '../domain/shared/validate';
import { parseRule } from '../pricing/engine';
import { withPathPrefix } from '../pricing/errors';
import { canonicalJson } from './map/canonical-json';
import { readDumpFile } from './stripe/dump-reader';
import { checkRecord, ImportContext, phaseProgress } from './import-context';
import { ImportRejection } from './import-rejection';
import { importedPrices, importedProducts } from './imported-records';
import { mapPrice } from './map/map-price';
import { stableId } from './map/stable-id';
import { parseStripe, stripePriceSchema, stripeProductSchema, toDate } from './stripe/stripe-objects';
import { writePrice, writeProduct } from './write/write-catalog';

/**
 * Products, then prices, one at a time through the catalog services (the catalog is small). The
 * result is the imported catalog: product codes and prices by Stripe id, what coupons,
 * subscriptions and invoices are checked against. A dry run checks each rule as createPrice
 * would and plans the price instead.
 */
export async function importCatalog(ctx: ImportContext): Promise<{ products: Map<string, string>; prices: Map<string, CatalogPrice> }> {
  const products = await importProducts(ctx);
  return { products, prices: await importPrices(ctx, products) };
}

/** Stripe product id → the Tariff product code it was imported as. */
async function importProducts(ctx: ImportContext): Promise<Map<string, string>> {
  const { book } = ctx;
  const known = await importedProducts(ctx.fork());
  const codes = new Map([...known].map(([id, p]) => [id, p.code]));
  const takenCodes = ctx.dryRun
    ? new Set((await boundRows<{ code: string }>(ctx.fork(), 'select code from product')).map((r) => r.code))
    : new Set<string>();
  const progress = phaseProgress(ctx, 'product', ctx.scan.lines['products.jsonl'] ?? 0);
  for await (const line of readDumpFile(ctx.dir, 'products.jsonl')) {
    await checkRecord(ctx, 'product', line, async () => {
      const product = parseStripe(stripeProductSchema, line.json, 'product');
      if (product.deleted)
        return book.skip({ kind: 'product', file: line.file, line: line.line, id: product.id, reason: 'deleted in Stripe' });
      const name = requireCleanText(product.name ?? product.id, 'name');
      requireCode(product.id, 'id');
      const done = known.get(product.id);
      if (done) {
        book.counts.product.existing++;
        if (!ctx.resume && done.name !== name)
          book.drift({
            kind: 'product',
            file: line.file,
            line: line.line,
            id: product.id,
            reason: `imported as '${done.name}', the dump names it '${name}'`,
          });
        return;
      }
      if (ctx.dryRun) {
        // upsertProduct's refusal, without writing: a product holds the code but not this id.
        if (takenCodes.has(product.id))
          throw new ImportRejection(
            `input.code: product '${product.id}' exists without STRIPE id '${product.id}': link it with setExternalId, or use another code`,
          );
      } else {
        const outcome = await writeProduct(ctx.fork(), ctx.actor, {
          stripeId: product.id,
          name,
          createdAt: product.created === undefined ? ctx.clock.now() : toDate(product.created),
        });
        if (outcome === 'existing') {
          book.counts.product.existing++;
          return;
        }
      }
      book.counts.product.imported++;
      codes.set(product.id, product.id);
    });
    progress.tick();
  }
  progress.end();
  return codes;
}

async function importPrices(ctx: ImportContext, productCodes: ReadonlyMap<string, string>): Promise<Map<string, CatalogPrice>> {
  const { book } = ctx;
  const known = await importedPrices(ctx.fork());
  const planned = new Map<string, CatalogPrice>();
  const takenCodes = ctx.dryRun
    ? new Set((await boundRows<{ code: string }>(ctx.fork(), 'select distinct code from price')).map((r) => r.code))
    : new Set<string>();
  const progress = phaseProgress(ctx, 'price', ctx.scan.lines['prices.jsonl'] ?? 0);
  for await (const line of readDumpFile(ctx.dir, 'prices.jsonl')) {
    await checkRecord(ctx, 'price', line, async () => {
      const stripe = parseStripe(stripePriceSchema, line.json, 'price');
      if (stripe.deleted) return book.skip({ kind: 'price', file: line.file, line: line.line, id: stripe.id, reason: 'deleted in Stripe' });
      const price = mapPrice(stripe, ctx.scan.meters);
      const productCode = productCodes.get(price.productStripeId);
      if (productCode === undefined)
        throw new ImportRejection(`product: '${price.productStripeId}' is not imported (not in products.jsonl, or refused there)`);
      const done = known.get(price.stripeId);
      if (done) {
        book.counts.price.existing++;
        const same = done.ruleKind === price.rule.kind && canonicalJson(done.ruleConfig) === canonicalJson(price.rule.config);
        if (!ctx.resume && !same)
          book.drift({
            kind: 'price',
            file: line.file,
            line: line.line,
            id: price.stripeId,
            reason: `price '${done.code}' is priced differently from the dump`,
          });
        return;
      }
      if (ctx.dryRun) {
        // What createPrice checks first, without writing: the code, the interval count and the rule.
        requireCode(price.code, 'code');
        if (takenCodes.has(price.code)) throw new ImportRejection(`code: price '${price.code}' exists in Tariff`);
        if (price.intervalCount > 36) throw new ImportRejection('input.intervalCount: intervalCount must be a whole number from 1 to 36');
        withPathPrefix('input', () => parseRule(price.rule.kind, price.rule.config));
        takenCodes.add(price.code);
        planned.set(price.stripeId, {
          id: stableId('price', price.stripeId),
          code: price.code,
          version: 1,
          currency: price.currency,
          interval: price.interval,
          intervalCount: price.intervalCount,
          ruleKind: price.rule.kind,
          ruleConfig: price.rule.config,
          status: price.archived ? PriceStatus.ARCHIVED : PriceStatus.ACTIVE,
        });
      } else {
        await writePrice(ctx.fork(), ctx.actor, price, productCode, ctx.clock.now());
      }
      book.counts.price.imported++;
    });
    progress.tick();
  }
  progress.end();
  if (ctx.dryRun) return new Map([...known, ...planned]);
  return importedPrices(ctx.fork());
}
