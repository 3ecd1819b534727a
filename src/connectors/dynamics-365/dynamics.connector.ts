import { ConnectedSystem } from '../../domain/connectors/connection.entity';
import type { Connector, ConnectorTarget, ItemOutcome, RecordType, SyncItem } from '../../domain/connectors/connector';
import type { EventPayload } from '../../domain/events/event-types';
import { affectsAll, odata, odataString, outcomeOfError, secretsOf } from './dynamics.http';
import { pullInventory, pullShipments } from './dynamics.inbound';
import { paymentJournalId, pushPayment } from './dynamics.payments';
import {
  type BcBody,
  customerBody,
  customerNumberOf,
  documentNumberOf,
  salesCreditMemoBody,
  salesInvoiceBody,
  salesInvoiceHeader,
  salesOrderBody,
  salesOrderHeader,
  type ShipTo,
} from './dynamics.mapping';
import { type DynamicsSettings, settingsOf, validateInput } from './dynamics.settings';

/**
 * Microsoft Dynamics 365 **Business Central**, API v2.0 (docs/connectors.md). Business Central
 * rather than Dynamics 365 Sales: Tariff's sellers are distributors whose ERP holds customers,
 * sales orders, invoices, stock and shipments, which is Business Central's API; Sales is a CRM
 * (accounts and opportunities), which the HubSpot connector already covers in kind.
 *
 * BC has no upsert by an external key, so each record is written in two steps: find it (by the
 * id the sync log holds, else by the `number` Tariff gave it: a retry after a time-out finds what
 * the first attempt created), then PATCH it, or POST it when it is not there. Documents are
 * created with their lines in one deep insert, so a document never exists without its lines.
 * Payments are lines of a customer payment journal, looked up by their document number
 * (dynamics.payments.ts).
 */

/** A record type's entity set and the number it is looked up by. */
const SETS = {
  customer: 'customers',
  order: 'salesOrders',
  invoice: 'salesInvoices',
  credit_note: 'salesCreditMemos',
} as const;
type BcRecordType = keyof typeof SETS;

interface BcEntity {
  id: string;
  number: string;
}

/** What to write for one item, or null when there is nothing to send yet (an order not placed, an invoice without a number). */
interface Plan {
  set: string;
  number: string;
  create: BcBody;
  update: BcBody;
}

/** Order statuses BC gets a sales order for: placed and after. A scheduled, held or skipped order is not an order to fulfil yet. */
const PLACED = new Set(['PLACED', 'BACKORDERED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED']);

function planOf(recordType: BcRecordType, item: SyncItem, settings: DynamicsSettings): Plan | null {
  const payload = item.event.payload as Record<string, unknown>;
  const customerId = item.customerExternalId ?? '';
  switch (recordType) {
    case 'customer': {
      const c = payload as EventPayload<'customer.created'>;
      return {
        set: SETS.customer,
        number: customerNumberOf(item.tariffId),
        create: customerBody(item.tariffId, c, settings, false),
        update: customerBody(item.tariffId, c, settings, true),
      };
    }
    case 'order': {
      const o = payload as EventPayload<'order.placed'>;
      if (!PLACED.has(o.status)) return null;
      const shipTo: ShipTo | null = item.shipTo ?? null;
      return {
        set: SETS.order,
        number: documentNumberOf(o.number),
        create: salesOrderBody(o, customerId, shipTo, settings),
        update: salesOrderHeader(o, customerId, shipTo, settings),
      };
    }
    case 'invoice': {
      const i = payload as EventPayload<'invoice.finalized'>;
      if (!i.number || i.status === 'DRAFT') return null;
      return {
        set: SETS.invoice,
        number: documentNumberOf(i.number),
        create: salesInvoiceBody(i, customerId, settings),
        update: salesInvoiceHeader(i, customerId, settings),
      };
    }
    case 'credit_note': {
      const n = payload as EventPayload<'credit_note.created'>;
      // A credit note does not change once made: an update has nothing to write.
      return {
        set: SETS.credit_note,
        number: documentNumberOf(n.number),
        create: salesCreditMemoBody(n, customerId, settings),
        update: {},
      };
    }
  }
}

/** The entity BC has under this number, if any (a retry after a time-out, or a record the sync log lost). */
async function findByNumber(target: ConnectorTarget, set: string, number: string): Promise<BcEntity | null> {
  const page = await odata<{ value: BcEntity[] }>(target, 'GET', set, {
    query: { $filter: `number eq ${odataString(number)}`, $select: 'id,number', $top: '1' },
  });
  return page.value[0] ?? null;
}

/**
 * One record: orders are kept by their BC number (the shipments BC reports name their order by
 * number), the others by BC's id. Nothing to send yet: SYNCED with an empty external id, and a
 * later version (the order placed, the invoice finalized) sends it.
 */
async function pushOne(
  target: ConnectorTarget,
  recordType: BcRecordType,
  item: SyncItem,
  settings: DynamicsSettings,
): Promise<ItemOutcome> {
  const plan = planOf(recordType, item, settings);
  const known = item.externalId || null;
  if (!plan) return { ok: true, externalId: known ?? '' };
  const externalIdOf = (e: BcEntity) => (recordType === 'order' ? e.number : e.id);
  let id: string | null = recordType === 'order' ? null : known;
  if (!id) id = (await findByNumber(target, plan.set, recordType === 'order' && known ? known : plan.number))?.id ?? null;
  // BC deletes a sales order once it is fully shipped and invoiced: gone is done, never made again.
  if (!id && recordType === 'order' && known) return { ok: true, externalId: known };
  if (id) {
    if (Object.keys(plan.update).length === 0) return { ok: true, externalId: known ?? id };
    const updated = await odata<BcEntity>(target, 'PATCH', `${plan.set}(${id})`, { body: plan.update });
    return { ok: true, externalId: externalIdOf(updated) };
  }
  const created = await odata<BcEntity>(target, 'POST', plan.set, { body: plan.create });
  return { ok: true, externalId: externalIdOf(created) };
}

async function push(target: ConnectorTarget, recordType: RecordType, items: readonly SyncItem[]): Promise<ItemOutcome[]> {
  const settings = settingsOf(target.settings);
  const outcomes: ItemOutcome[] = [];
  // The payment journal's id, read once for the batch and only when a payment has a line to write.
  let journal: Promise<string | null> | null = null;
  const journalId = () => (journal ??= paymentJournalId(target, settings.paymentJournalCode ?? ''));
  // BC's API v2.0 writes one entity per request ($batch exists, but a batch fails or times out as a whole).
  for (const item of items) {
    try {
      outcomes.push(
        recordType === 'payment'
          ? await pushPayment(target, item, settings, journalId)
          : await pushOne(target, recordType as BcRecordType, item, settings),
      );
    } catch (err) {
      const outcome = outcomeOfError(err, secretsOf(target));
      outcomes.push(outcome);
      // Throttled, down or the credentials refused: the rest of the batch would get the same answer; it waits with this one.
      if (affectsAll(err)) {
        while (outcomes.length < items.length) outcomes.push(outcome);
        break;
      }
    }
  }
  return outcomes;
}

export const dynamicsConnector: Connector = {
  system: ConnectedSystem.DYNAMICS_365,
  defaultBaseUrl: 'https://api.businesscentral.dynamics.com',
  recordTypes: ['customer', 'order', 'invoice', 'credit_note', 'payment'],
  validate: validateInput,
  push,
  pullInventory,
  pullShipments,
};
