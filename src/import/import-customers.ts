import type { Coupon } from '../domain/coupons/coupon.entity';
import { sameMetadata } from '../domain/segments/customer-segment-fields';
import { readDumpFile } from './stripe/dump-reader';
import { rejectionReason } from './import-rejection';
import { checkRecord, ImportContext, phaseProgress, recordWriter } from './import-context';
import { ImportedCustomer, importedCustomers } from './imported-records';
import { MappedCustomer, mapCustomer } from './map/map-customer';
import { resolveDiscount } from './map/map-discount';
import { parseStripe, stripeCustomerSchema } from './stripe/stripe-objects';
import { CustomerToWrite, writeCustomers } from './write/write-customer';
import { defaultPaymentTerms } from '../domain/settings/seller-settings.service';
import type { PaymentTerms } from '../domain/payments/payment-terms';

const termsText = (t: PaymentTerms) => `${t.paymentTermsDays} days${t.paymentTermsEndOfMonth ? ' end of month' : ''}`;

export interface ImportedCustomers {
  /** By Stripe id: those there are after the phase (for a dry run, those it would import too). */
  customers: Map<string, ImportedCustomer>;
  /** Those imported before this run: they may hold subscriptions made in Tariff since. */
  before: Set<string>;
}

/** Every customer of the dump, in batches of whole customers (record-batches.ts), each with its discount. */
export async function importCustomers(ctx: ImportContext, coupons: ReadonlyMap<string, Coupon>): Promise<ImportedCustomers> {
  const { book } = ctx;
  const known = await importedCustomers(ctx.fork());
  // What a customer without Stripe terms gets, as createCustomer gives it (seller settings).
  const defaultTerms = await defaultPaymentTerms(ctx.fork());
  const planned = new Map<string, ImportedCustomer>();
  const writer = recordWriter<CustomerToWrite>(ctx, 'customer', (batch) => writeCustomers(ctx.fork(), batch, ctx.clock.now()));
  const progress = phaseProgress(ctx, 'customer', ctx.scan.lines['customers.jsonl'] ?? 0);
  for await (const line of readDumpFile(ctx.dir, 'customers.jsonl')) {
    const record = await checkRecord<CustomerToWrite>(ctx, 'customer', line, async () => {
      const stripe = parseStripe(stripeCustomerSchema, line.json, 'customer');
      ctx.scan.source.noteCustomer(stripe);
      if (stripe.deleted)
        return book.skip({ kind: 'customer', file: line.file, line: line.line, id: stripe.id, reason: 'deleted in Stripe' });
      const done = known.get(stripe.id);
      if (done) {
        book.counts.customer.existing++;
        const drift = ctx.resume ? null : driftOf(done, () => mapCustomer(stripe, ctx.scan.facts.of(stripe.id), defaultTerms));
        if (drift) book.drift({ kind: 'customer', file: line.file, line: line.line, id: stripe.id, reason: drift });
        return;
      }
      const customer = mapCustomer(stripe, ctx.scan.facts.of(stripe.id), defaultTerms);
      if (customer.discount === null) return { customer, discount: null };
      const discount = resolveDiscount(customer.discount, 'discount', coupons, customer.currency, (id) => book.reasons.get(id));
      return {
        customer,
        discount: { discount, coupon: coupons.get(discount.couponStripeId)!, customerId: customer.id, subscriptionId: null },
      };
    });
    progress.tick();
    if (record === null) continue;
    if (ctx.dryRun) {
      planned.set(record.customer.stripeId, record.customer);
      book.counts.customer.imported++;
    } else {
      await writer.add({ line, record, stripeId: record.customer.stripeId }, []);
    }
  }
  await writer.finish();
  progress.end();
  const before = new Set(known.keys());
  return { customers: ctx.dryRun ? new Map([...known, ...planned]) : await importedCustomers(ctx.fork()), before };
}

/** How an imported customer differs from what the dump maps to now, or null. Its discount is Tariff's to change from then on. */
function driftOf(done: ImportedCustomer, map: () => MappedCustomer): string | null {
  let now: MappedCustomer;
  try {
    now = map();
  } catch (err) {
    const reason = rejectionReason(err);
    if (reason === null) throw err;
    return `imported before; the dump no longer maps: ${reason}`;
  }
  const diffs: string[] = [];
  if (done.name !== now.name) diffs.push(`name '${done.name}' → '${now.name}'`);
  if (done.email !== now.email) diffs.push(`email ${done.email} → ${now.email}`);
  if (done.currency !== now.currency) diffs.push(`currency ${done.currency} → ${now.currency}`);
  const sameRate = done.taxRate === null || now.taxRate === null ? done.taxRate === now.taxRate : done.taxRate.eq(now.taxRate);
  if (done.taxStatus !== now.taxStatus || !sameRate)
    diffs.push(`tax ${done.taxStatus} ${done.taxRate?.toFixed() ?? ''} → ${now.taxStatus} ${now.taxRate?.toFixed() ?? ''}`.trimEnd());
  if (done.paymentTermsDays !== now.paymentTermsDays || done.paymentTermsEndOfMonth !== now.paymentTermsEndOfMonth)
    diffs.push(`payment terms ${termsText(done)} → ${termsText(now)}`);
  if (!sameMetadata(done.metadata, now.metadata)) diffs.push('metadata');
  return diffs.length === 0 ? null : `imported before; the dump differs (not changed): ${diffs.join('; ')}`;
}
