import type { EntityManager } from '@mikro-orm/postgresql';
import { InvalidInputError } from '../errors';
import { hasUnstorable, parseInput, text } from '../shared/input-schema';
import { payersOf } from './customer-hierarchy';
import { Customer, InvoiceRecipient } from './customer.entity';

/**
 * Purchase order numbers (issue 16, docs/purchase-orders.md): the buyer's reference that must be
 * on every invoice of a customer with `purchaseOrderRequired`, or its accounts payable does not pay.
 */
export const MAX_PURCHASE_ORDER_LENGTH = 100;

// Printed on invoices and matched by the buyer's ERP: one line of visible text. Controls (tabs and
// newlines included), line and paragraph separators and the bidirectional overrides and isolates
// (which could make a printed number read as another) are refused.
const CONTROL = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

export const purchaseOrderNumberSchema = text(MAX_PURCHASE_ORDER_LENGTH).refine((v) => !CONTROL.test(v) && !hasUnstorable(v), {
  error: 'must not contain control characters',
});

/**
 * A given number, trimmed and checked, or InvalidInputError at `field`. Absent and null stay what
 * they are: on creation they mean none, on a change they keep the stored number.
 */
export function parsePurchaseOrderNumber(value: string | null | undefined, field = 'input.purchaseOrderNumber'): string | null | undefined {
  return value == null ? value : parseInput(purchaseOrderNumberSchema, value, field);
}

/** What the rule reads of a customer (an entity is one). */
export interface PurchaseOrderCustomer {
  id: string;
  purchaseOrderRequired: boolean;
  invoiceTo: InvoiceRecipient;
}

/**
 * The rule every entry point that creates or changes a subscription, or accepts a quote, applies
 * before it writes anything: a customer that requires purchase orders gets nothing without one,
 * nor does one billed to a parent whose invoices it is on (its payer's accounts payable wants the
 * number on every line). `number` is what the record will carry after the write (the given
 * number, else the stored one).
 */
export async function requirePurchaseOrder(
  em: EntityManager,
  customer: PurchaseOrderCustomer,
  number: string | null | undefined,
  field = 'input.purchaseOrderNumber',
): Promise<void> {
  if (number != null) return;
  if (customer.purchaseOrderRequired) {
    throw new InvalidInputError(field, `customer ${customer.id} requires a purchase order number (purchaseOrderRequired)`);
  }
  if (customer.invoiceTo !== InvoiceRecipient.PARENT) return;
  const payerId = (await payersOf(em, [customer.id])).get(customer.id);
  const payer = payerId && payerId !== customer.id ? await em.findOne(Customer, { id: payerId }) : null;
  if (payer?.purchaseOrderRequired) {
    throw new InvalidInputError(
      field,
      `customer ${customer.id} is invoiced to ${payer.id}, which requires a purchase order number (purchaseOrderRequired)`,
    );
  }
}

/**
 * The number a subscription or quote carries after a change: the given one, else the one it has;
 * refused (before anything is written) when its customer requires one and it would have none.
 */
export async function nextPurchaseOrderNumber(
  em: EntityManager,
  record: { customer: { id: string }; purchaseOrderNumber: string | null },
  given: string | null | undefined,
  field = 'input.purchaseOrderNumber',
): Promise<string | null> {
  const next = given ?? record.purchaseOrderNumber;
  await requirePurchaseOrder(em, await em.findOneOrFail(Customer, { id: record.customer.id }), next, field);
  return next;
}
