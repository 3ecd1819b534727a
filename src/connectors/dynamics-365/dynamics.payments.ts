import { Decimal } from '../../pricing/decimal';
import type { ConnectorTarget, ItemOutcome, SyncItem } from '../../domain/connectors/connector';
import type { EventPayload } from '../../domain/events/event-types';
import { odata, odataString } from './dynamics.http';
import { customerPaymentBody, paymentDocumentNumberOf } from './dynamics.mapping';
import type { DynamicsSettings } from './dynamics.settings';

/**
 * Tariff payments as lines of a customer payment journal (API v2.0
 * `customerPaymentJournals(<id>)/customerPayments`, docs/connectors.md). A journal line has no
 * upsert and no `number`: the line carries the `documentNumber` Tariff chose (`P…`, from the
 * payment's id), and a payment the sync log has no id for is first looked up by it in the journal.
 * A retry after a lost answer finds the line the first attempt made and writes nothing.
 *
 * BC applies a payment line to a **posted** invoice only (its API page looks `appliesToInvoiceId`
 * up among posted invoices: "should be the ID of an Open, Paid, Corrective, or Canceled
 * Invoice"), and the connector leaves invoices as drafts for the accountant to post. So a payment
 * whose invoice is still a draft waits, PENDING and not counted, and looks again every 15 minutes;
 * BC keeps a draft's id when it is posted. Lines are not posted either: API v2.0 binds
 * `Microsoft.NAV.post` to general journals (`journals`) and sales documents, not to customer
 * payment journals; posting is the accountant's, as for the documents.
 */

type PaymentPayload = EventPayload<'payment.succeeded'>;

/** How often a payment whose invoice is still a draft in BC looks again. */
const INVOICE_POSTING_POLL_MS = 15 * 60_000;

/** The invoice statuses BC applies payments to (a posted invoice). */
const POSTED = new Set(['Open', 'Paid', 'Corrective', 'Canceled']);

interface BcLine {
  id: string;
  documentNumber: string;
}

/** A refusal of Tariff's own (not BC's answer): no status code, counted as an attempt, shown on the record. */
function refused(message: string): ItemOutcome {
  return { ok: false, kind: 'rejected', message, statusCode: null };
}

/** The journal's id by its code (one read per batch of payments); null when the company has none. */
export async function paymentJournalId(target: ConnectorTarget, code: string): Promise<string | null> {
  const page = await odata<{ value: { id: string; code: string }[] }>(target, 'GET', 'customerPaymentJournals', {
    query: { $filter: `code eq ${odataString(code)}`, $select: 'id,code', $top: '1' },
  });
  return page.value[0]?.id ?? null;
}

/** Whether there is a line to write: money received. A refund (a negative payment) is not a payment line (below). */
export function isSentPayment(p: PaymentPayload): boolean {
  return p.outcome === 'succeeded' && new Decimal(p.amount).gt(0);
}

/**
 * One payment. Known to the sync log: done (a payment does not change once made, and a posted
 * line has left the journal, so looking again would find nothing and write it twice). Not sent
 * (no journal set, or a refund): SYNCED with an empty id, as `customerPayments` writes only
 * Document Type Payment and a customer refund is a Refund applied to the payment in BC.
 */
export async function pushPayment(
  target: ConnectorTarget,
  item: SyncItem,
  settings: DynamicsSettings,
  journalId: () => Promise<string | null>,
): Promise<ItemOutcome> {
  if (item.externalId) return { ok: true, externalId: item.externalId };
  const p = item.event.payload as PaymentPayload;
  if (!settings.paymentJournalCode || !isSentPayment(p)) return { ok: true, externalId: '' };
  if (!item.parentExternalId)
    return refused(`invoice ${p.invoiceId} is not in Business Central (its sync record is DEAD or missing): the payment is applied to it`);
  const journal = await journalId();
  if (!journal)
    return refused(`Business Central has no customer payment journal '${settings.paymentJournalCode}' (settings.paymentJournalCode)`);
  const invoice = await odata<{ id: string; number: string; status: string }>(target, 'GET', `salesInvoices(${item.parentExternalId})`, {
    query: { $select: 'id,number,status' },
  });
  if (!POSTED.has(invoice.status))
    return {
      ok: false,
      kind: 'unavailable',
      message: `waiting for invoice ${invoice.number} to be posted in Business Central (${invoice.status}): a payment applies to a posted invoice only`,
      statusCode: null,
      retryAfterMs: INVOICE_POSTING_POLL_MS,
      waiting: true,
    };
  const path = `customerPaymentJournals(${journal})/customerPayments`;
  const documentNumber = paymentDocumentNumberOf(item.tariffId);
  const found = await odata<{ value: BcLine[] }>(target, 'GET', path, {
    query: { $filter: `documentNumber eq ${odataString(documentNumber)}`, $select: 'id,documentNumber', $top: '1' },
  });
  if (found.value[0]) return { ok: true, externalId: found.value[0].id };
  const created = await odata<BcLine>(target, 'POST', path, {
    body: customerPaymentBody(item.tariffId, p, item.customerExternalId ?? '', item.parentExternalId),
  });
  return { ok: true, externalId: created.id };
}
