import type { EntityManager } from '@mikro-orm/postgresql';
import { Decimal, ZERO } from '../../pricing/decimal';
import { REVERSE_CHARGE_NOTE } from '../../pricing';
import { Customer } from '../customers/customer.entity';
import { emitEvents } from '../events/emit-event';
import type { DraftLine, InvoiceDraft } from '../invoices/invoice-draft';
import { issueInvoices } from '../invoices/invoice-issue';
import { InvoiceLineKind } from '../invoices/invoice-line.entity';
import type { InvoiceFacts } from '../invoices/invoice-writer';
import { collectionTerms, paymentSetupOf } from '../payments/collection-terms';
import { CollectionMethod } from '../subscriptions/subscription.entity';
import type { Order } from './order.entity';
import type { OrderLine } from './order-line.entity';
import type { Shipment } from './shipment.entity';

/** The billing keys of an order's invoices: unique, so an order or a shipment is invoiced once. */
export const orderBillingKey = (orderId: string) => `order:${orderId}`;
export const shipmentBillingKey = (shipmentId: string) => `shipment:${shipmentId}`;

interface GoodsLine {
  line: OrderLine;
  quantity: Decimal;
  amount: Decimal;
  tax: Decimal;
}

/**
 * Issues an invoice for goods of an order with the one-off machinery every invoice uses
 * (issueInvoices: gapless number, the customer's payment terms, finalized unless the customer
 * reviews drafts, `invoice.created`/`finalized` events), under the order's purchase order number
 * and at the order's prices: the amounts come already split (shipment-split.ts), nothing is
 * priced again. Inside the caller's transaction; the billing key makes it once.
 */
async function invoiceGoods(
  em: EntityManager,
  order: Order,
  lines: readonly GoodsLine[],
  what: string,
  billingKey: string,
  at: Date,
  now: Date,
): Promise<InvoiceFacts | null> {
  const billed = lines.filter((l) => l.quantity.gt(0));
  if (billed.length === 0) return null;
  const customer = await em.findOneOrFail(Customer, { id: order.customer.id });
  // The treatment the order was priced under (order-tax.ts): its tax amounts were computed with it, so its lines say it.
  const taxTreatment = order.taxCategory === null ? undefined : { taxCategory: order.taxCategory, taxRate: order.taxRate ?? ZERO };
  const draftLines: DraftLine[] = billed.map((l) => ({
    kind: InvoiceLineKind.RECURRING,
    description: `${l.line.sku} × ${l.quantity.toFixed()} (${what})`,
    price: null,
    priceCode: l.line.priceCode,
    quantity: l.quantity,
    amount: l.amount,
    tax: l.tax,
    periodStart: null,
    periodEnd: null,
    proration: false,
    steps: [`${l.amount.toFixed()} of ${l.line.amount.toFixed()} for ${l.quantity.toFixed()} of ${l.line.quantity.toFixed()}`],
    ...(taxTreatment ? { taxTreatment } : {}),
  }));
  const subtotal = draftLines.reduce((s, l) => s.plus(l.amount), ZERO);
  const tax = draftLines.reduce((s, l) => s.plus(l.tax), ZERO);
  const draft: InvoiceDraft = {
    currency: order.currency,
    periodStart: at,
    periodEnd: at,
    lines: draftLines,
    subtotal,
    tax,
    total: subtotal.plus(tax),
    notes: [`Order ${order.number}`, ...(order.taxCategory === 'AE' ? [REVERSE_CHARGE_NOTE] : [])],
    onceUses: [],
  };
  const method = order.subscription?.collectionMethod ?? CollectionMethod.SEND_INVOICE;
  const terms = collectionTerms(method, await paymentSetupOf(em, customer.id), draft.total, now);
  const origin = {
    customerId: customer.id,
    subscriptionId: order.subscription?.id ?? null,
    billingKey,
    purchaseOrderNumber: order.purchaseOrderNumber,
  };
  const [issued] = await issueInvoices(em, [{ draft, origin, terms, finalize: !customer.invoiceDrafts }], now);
  await emitEvents(em, issued.events);
  return issued.invoice;
}

/** billOn SHIPMENT: what the shipment shipped, at the amounts it took of each order line. */
export function invoiceShipment(em: EntityManager, order: Order, lines: readonly OrderLine[], shipment: Shipment, now: Date) {
  const byPosition = new Map(lines.map((l) => [l.position, l]));
  const goods = shipment.lines.flatMap((sl) =>
    sl.parts.map((p) => ({
      line: byPosition.get(p.position)!,
      quantity: new Decimal(p.quantity),
      amount: new Decimal(p.amount),
      tax: new Decimal(p.tax),
    })),
  );
  return invoiceGoods(
    em,
    order,
    goods,
    `order ${order.number}, shipment ${shipment.externalId}`,
    shipmentBillingKey(shipment.id),
    shipment.shippedAt,
    now,
  );
}

/** billOn ORDER: the whole order as placed, when it is placed. */
export function invoiceOrder(em: EntityManager, order: Order, lines: readonly OrderLine[], now: Date) {
  const goods = lines.map((line) => ({ line, quantity: line.quantity, amount: line.amount, tax: line.tax }));
  return invoiceGoods(em, order, goods, `order ${order.number}`, orderBillingKey(order.id), now, now);
}
