import type { CatalogPrice } from '../domain/catalog/price-snapshot';
import type { Coupon } from '../domain/coupons/coupon.entity';
import type { Decimal } from '../pricing/decimal';
import { readDumpFile } from './stripe/dump-reader';
import { checkRecord, ImportContext, phaseProgress } from './import-context';
import { importedCoupons } from './imported-records';
import { mapCoupon, MappedCoupon } from './map/map-coupon';
import { parseStripe, stripeCouponSchema } from './stripe/stripe-objects';
import { asCoupon, writeCoupon } from './write/write-coupon';

/**
 * Every coupon of the dump, one transaction each (a book has a handful), after the catalog:
 * `applies_to.products` becomes the price codes of those products. The result, by Stripe id, is
 * what customers' and subscriptions' discounts are checked against. Deleted coupons are skipped,
 * so a discount still on one is refused with that reason.
 */
export async function importCoupons(
  ctx: ImportContext,
  catalog: { products: ReadonlyMap<string, string>; prices: ReadonlyMap<string, CatalogPrice> },
): Promise<Map<string, Coupon>> {
  const { book } = ctx;
  const known = await importedCoupons(ctx.fork());
  const planned = new Map<string, Coupon>();
  const priceCodesOf = (product: string): string[] | null => {
    if (!catalog.products.has(product)) return null;
    return [...ctx.scan.prices.values()].filter((p) => p.product === product).flatMap((p) => catalog.prices.get(p.id)?.code ?? []);
  };
  const progress = phaseProgress(ctx, 'coupon', ctx.scan.lines['coupons.jsonl'] ?? 0);
  for await (const line of readDumpFile(ctx.dir, 'coupons.jsonl')) {
    await checkRecord(ctx, 'coupon', line, async () => {
      const stripe = parseStripe(stripeCouponSchema, line.json, 'coupon');
      if (stripe.deleted)
        return book.skip({ kind: 'coupon', file: line.file, line: line.line, id: stripe.id, reason: 'deleted in Stripe' });
      const coupon = mapCoupon(stripe, priceCodesOf);
      const done = known.get(stripe.id);
      if (done) {
        book.counts.coupon.existing++;
        const drift = ctx.resume ? null : driftOf(done, coupon);
        if (drift) book.drift({ kind: 'coupon', file: line.file, line: line.line, id: stripe.id, reason: drift });
        return;
      }
      if (ctx.dryRun) {
        planned.set(stripe.id, asCoupon({ ...coupon, createdAt: coupon.createdAt ?? ctx.clock.now() }));
      } else if ((await writeCoupon(ctx.fork(), coupon, ctx.clock.now())) === 'existing') {
        book.counts.coupon.existing++;
        return;
      }
      book.counts.coupon.imported++;
    });
    progress.tick();
  }
  progress.end();
  if (ctx.dryRun) return new Map([...known, ...planned]);
  return importedCoupons(ctx.fork());
}

/** Coupons are never edited: a dump whose coupon now says otherwise is listed, not applied. Redemptions go on counting in Tariff. */
function driftOf(done: Coupon, now: MappedCoupon): string | null {
  const same = (a: Decimal | null, b: Decimal | null) => (a === null || b === null ? a === b : a.eq(b));
  const diffs: string[] = [];
  if (!same(done.percentOff, now.percentOff) || !same(done.amountOff, now.amountOff) || done.currency !== now.currency)
    diffs.push('amount or percent off');
  if (done.duration !== now.duration || done.durationInMonths !== now.durationInMonths) diffs.push('duration');
  if (JSON.stringify(done.appliesToPriceCodes) !== JSON.stringify(now.appliesToPriceCodes)) diffs.push('applies_to');
  if (done.maxRedemptions !== now.maxRedemptions) diffs.push('max_redemptions');
  if ((done.redeemBy?.getTime() ?? null) !== (now.redeemBy?.getTime() ?? null)) diffs.push('redeem_by');
  return diffs.length === 0 ? null : `imported before; the dump differs (not changed): ${diffs.join(', ')}`;
}
