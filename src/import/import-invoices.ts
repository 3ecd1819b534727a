import type { CatalogPrice } from '../domain/catalog/price-snapshot';
import { idOf, readDumpFile } from './stripe/dump-reader';
import { checkRecord, ImportContext, phaseProgress, recordWriter } from './import-context';
import { ImportRejection } from './import-rejection';
import { ImportedCustomer, importedInvoices } from './imported-records';
import { invoiceDisposition, mapInvoice, SETTLED } from './map/map-invoice';
import { moneyFromStripe } from './stripe/stripe-money';
import { parseStripe, stripeInvoiceSchema } from './stripe/stripe-objects';
import { InvoiceToWrite, writeInvoices } from './write/write-invoice';

/**
 * The dump's open invoices, in batches of whole invoices; paid, void and uncollectible ones are
 * history and stay in Stripe (listed as skipped). An invoice of a subscription that was not
 * imported still comes over: the customer owes it all the same.
 */
export async function importInvoices(
  ctx: ImportContext,
  catalog: ReadonlyMap<string, CatalogPrice>,
  customers: ReadonlyMap<string, ImportedCustomer>,
  subscriptions: ReadonlyMap<string, { id: string }>,
): Promise<void> {
  const { book } = ctx;
  const known = await importedInvoices(ctx.fork());
  const writer = recordWriter<InvoiceToWrite>(ctx, 'invoice', (batch) => writeInvoices(ctx.fork(), batch, catalog, ctx.clock.now()));
  const progress = phaseProgress(ctx, 'invoice', ctx.scan.lines['invoices.jsonl'] ?? 0);
  for await (const line of readDumpFile(ctx.dir, 'invoices.jsonl')) {
    const toWrite = await checkRecord<InvoiceToWrite>(ctx, 'invoice', line, async () => {
      const status = (line.json as { status?: unknown } | null)?.status;
      // Settled history (most of a dump) is skipped on its status alone, without a full parse.
      if (typeof status === 'string' && SETTLED.has(status)) {
        return book.skip({
          kind: 'invoice',
          file: line.file,
          line: line.line,
          id: idOf(line.json),
          reason: `${status}: settled history stays in Stripe`,
        });
      }
      const stripe = parseStripe(stripeInvoiceSchema, line.json, 'invoice');
      if (invoiceDisposition(stripe) === 'history') {
        return book.skip({
          kind: 'invoice',
          file: line.file,
          line: line.line,
          id: stripe.id,
          reason: `${stripe.status}: settled history stays in Stripe`,
        });
      }
      const done = known.get(stripe.id);
      if (done) {
        book.counts.invoice.existing++;
        if (!ctx.resume) {
          const due = moneyFromStripe(stripe.amount_due, stripe.currency, 'amount_due');
          const paid = moneyFromStripe(stripe.amount_paid, stripe.currency, 'amount_paid');
          if (!done.amountDue.eq(due) || !done.amountPaid.eq(paid)) {
            const reason = `imported before; the dump differs (not changed): due ${done.amountDue.toFixed()} → ${due.toFixed()}, paid ${done.amountPaid.toFixed()} → ${paid.toFixed()}`;
            book.drift({ kind: 'invoice', file: line.file, line: line.line, id: stripe.id, reason });
          }
        }
        return;
      }
      const invoice = mapInvoice(stripe);
      const customer = customers.get(invoice.customerStripeId);
      if (!customer) {
        const why = book.reasons.get(invoice.customerStripeId) ?? 'not in customers.jsonl';
        throw new ImportRejection(`customer: '${invoice.customerStripeId}' is not imported (${why})`);
      }
      if (customer.currency !== invoice.currency)
        throw new ImportRejection(`currency: the invoice is in ${invoice.currency}, its customer pays in ${customer.currency}`);
      const subscriptionId = invoice.subscriptionStripeId ? (subscriptions.get(invoice.subscriptionStripeId)?.id ?? null) : null;
      const terms = { paymentTermsDays: customer.paymentTermsDays, paymentTermsEndOfMonth: customer.paymentTermsEndOfMonth };
      return { invoice, customerId: customer.id, terms, subscriptionId };
    });
    progress.tick();
    if (toWrite === null) continue;
    if (ctx.dryRun) book.counts.invoice.imported++;
    else await writer.add({ line, record: toWrite, stripeId: toWrite.invoice.stripeId }, []);
  }
  await writer.finish();
  progress.end();
}
