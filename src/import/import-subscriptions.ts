import type { CatalogPrice } from '../domain/catalog/price-snapshot';
import { toSnapshot } from '../domain/catalog/price-snapshot';
import type { Coupon } from '../domain/coupons/coupon.entity';
import { ConflictError } from '../domain/errors';
import { SubscriptionStatus } from '../domain/subscriptions/subscription.entity';
import { meterOf } from '../pricing';
import { readDumpFile } from './stripe/dump-reader';
import { checkRecord, ImportContext, phaseProgress, recordWriter } from './import-context';
import { ImportRejection } from './import-rejection';
import { ImportedSubscription, importedSubscriptions } from './imported-records';
import { mapSubscription, ResolvedSubscription, resolveSubscription, STATUS_OF } from './map/map-subscription';
import type { ImportedCustomers } from './import-customers';
import { resolveDiscount } from './map/map-discount';
import { parseStripe, StripeSubscription, stripeSubscriptionSchema, toDate } from './stripe/stripe-objects';
import type { DiscountToWrite } from './write/write-discount';
import { SubscriptionToWrite, writeSubscriptions } from './write/write-subscription';

/**
 * Every subscription of the dump, in batches of whole subscriptions. A customer's subscriptions
 * are written in file order (record-batches.ts): the metric claim and the revenue ledger see them
 * in the same order in every run, killed and resumed or not.
 */
export async function importSubscriptions(
  ctx: ImportContext,
  catalog: ReadonlyMap<string, CatalogPrice>,
  coupons: ReadonlyMap<string, Coupon>,
  customers: ImportedCustomers,
): Promise<Map<string, { id: string }>> {
  const { book } = ctx;
  const known = await importedSubscriptions(ctx.fork());
  const planned = new Map<string, { id: string }>();
  // The metrics the dump's earlier subscriptions claim, per customer: createSubscription's rule
  // across records that are not all written yet.
  const claims = new Map<string, Map<string, string>>();
  const writer = recordWriter<SubscriptionToWrite>(ctx, 'subscription', (batch) =>
    writeSubscriptions(ctx.fork(), ctx.actor, batch, ctx.clock.now()),
  );
  const progress = phaseProgress(ctx, 'subscription', ctx.scan.lines['subscriptions.jsonl'] ?? 0);
  for await (const line of readDumpFile(ctx.dir, 'subscriptions.jsonl')) {
    const resolved = await checkRecord<{ sub: ResolvedSubscription; discount: DiscountToWrite | null }>(
      ctx,
      'subscription',
      line,
      async () => {
        const stripe = parseStripe(stripeSubscriptionSchema, line.json, 'subscription');
        ctx.scan.source.noteSubscription(stripe);
        const done = known.get(stripe.id);
        if (done) {
          book.counts.subscription.existing++;
          const drift = ctx.resume ? null : driftOf(done, stripe, catalog);
          if (drift) book.drift({ kind: 'subscription', file: line.file, line: line.line, id: stripe.id, reason: drift });
          return;
        }
        const mapped = mapSubscription(stripe, ctx.clock.now());
        const customer = customers.customers.get(mapped.customerStripeId);
        if (!customer) {
          const why = book.reasons.get(mapped.customerStripeId) ?? 'not in customers.jsonl';
          throw new ImportRejection(`customer: '${mapped.customerStripeId}' is not imported (${why})`);
        }
        const sub = resolveSubscription(mapped, catalog, customer);
        const discount =
          mapped.discount && resolveDiscount(mapped.discount, 'discount', coupons, customer.currency, (id) => book.reasons.get(id));
        claimMetrics(claims, sub);
        return {
          sub,
          discount: discount && {
            discount,
            coupon: coupons.get(discount.couponStripeId)!,
            customerId: sub.customerId,
            subscriptionId: sub.id,
          },
        };
      },
    );
    progress.tick();
    if (resolved === null) continue;
    const { sub, discount } = resolved;
    if (ctx.dryRun) {
      planned.set(sub.stripeId, { id: sub.id });
      book.counts.subscription.imported++;
    } else {
      const claimInDatabase = customers.before.has(sub.customerStripeId);
      await writer.add({ line, record: { subscription: sub, claimInDatabase, discount }, stripeId: sub.stripeId }, [sub.customerStripeId]);
    }
  }
  await writer.finish();
  progress.end();
  if (ctx.dryRun) return new Map([...known, ...planned]);
  return importedSubscriptions(ctx.fork());
}

/** assertMetricsUnclaimed's rule, with its message, over the dump's subscriptions in file order. */
function claimMetrics(claims: Map<string, Map<string, string>>, s: ResolvedSubscription): void {
  if (s.status === SubscriptionStatus.CANCELED) return;
  const held = claims.get(s.customerId) ?? new Map<string, string>();
  const metrics = s.prices.flatMap((p) => meterOf(toSnapshot(p.price))?.metric ?? []);
  for (const metric of metrics) {
    const other = held.get(metric);
    if (other !== undefined && other !== s.id) {
      throw new ConflictError(
        `subscription ${other} of this customer already meters '${metric}': usage is recorded per customer, so one live subscription bills a metric`,
      );
    }
  }
  for (const metric of metrics) held.set(metric, s.id);
  claims.set(s.customerId, held);
}

/** How an imported subscription differs from the dump: status, period end, cancellation, items. */
function driftOf(done: ImportedSubscription, stripe: StripeSubscription, catalog: ReadonlyMap<string, CatalogPrice>): string | null {
  const diffs: string[] = [];
  const status: string = STATUS_OF[stripe.status] ?? stripe.status;
  if (done.status !== status) diffs.push(`status ${done.status} → ${status}`);
  const end = stripe.current_period_end ?? stripe.items.data[0]?.current_period_end;
  if (end !== undefined && done.currentPeriodEnd.getTime() !== toDate(end).getTime())
    diffs.push(`current period end ${done.currentPeriodEnd.toISOString()} → ${toDate(end).toISOString()}`);
  const cancel = stripe.cancel_at_period_end === true || (stripe.cancel_at !== null && stripe.cancel_at !== undefined);
  if (status !== 'CANCELED' && done.cancelAtPeriodEnd !== cancel) diffs.push(`cancel at period end ${done.cancelAtPeriodEnd} → ${cancel}`);
  const items = stripe.items.data
    .map((i) => {
      const price = catalog.get(i.price.id);
      const metered = price ? meterOf(toSnapshot(price)) !== null : false;
      return `${price?.code ?? i.price.id}×${metered ? 0 : (i.quantity ?? 0)}`;
    })
    .sort()
    .join(',');
  const before = [...done.items].sort().join(',');
  if (before !== items) diffs.push(`items ${before} → ${items}`);
  return diffs.length === 0 ? null : `imported before; the dump differs (not changed): ${diffs.join('; ')}`;
}
