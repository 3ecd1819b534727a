import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, Opt, PrimaryKey, Property, Rel, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DecimalType } from '../../db/decimal.type';
import type { Decimal } from '../../pricing/decimal';
import { Customer } from '../customers/customer.entity';
import { CollectionMethod, Subscription } from '../subscriptions/subscription.entity';
import { InvoiceLine } from './invoice-line.entity';

export enum InvoiceStatus {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  PAID = 'PAID',
  VOID = 'VOID',
  UNCOLLECTIBLE = 'UNCOLLECTIBLE',
}

/**
 * A bill. DRAFT until finalized; finalizing numbers it (gapless per series and year) and makes
 * it immutable: corrections are credit notes or a void, never edits.
 * `billingKey` makes the billing run exactly-once: one invoice per subscription period.
 */
@Entity({ tableName: 'invoice' })
@Unique({ properties: ['billingKey'] })
@Unique({ properties: ['number'] })
@Index({ properties: ['customer', 'createdAt', 'id'] })
@Index({ properties: ['subscription'] })
@Index({ properties: ['status', 'createdAt', 'id'] })
@Index({
  name: 'invoice_first_failed_at_index',
  expression: 'create index "invoice_first_failed_at_index" on "invoice" ("first_failed_at") where "first_failed_at" is not null',
})
// creditExposure (customers/credit-exposure.ts) reads only what is unsettled.
@Index({
  name: 'invoice_unsettled_customer_index',
  expression: `create index "invoice_unsettled_customer_index" on "invoice" ("customer_id") where "status" in ('OPEN', 'DRAFT')`,
})
@Index({ name: 'invoice_finalized_at_index', expression: 'create index "invoice_finalized_at_index" on "invoice" ("finalized_at")' })
@Index({
  name: 'invoice_next_collection_index',
  expression: 'create index "invoice_next_collection_index" on "invoice" ("next_collection_at") where "next_collection_at" is not null',
})
// invoice.due_soon's search (lifecycle/invoice-signals.ts): sent invoices not yet overdue, by due date.
@Index({
  name: 'invoice_due_soon_index',
  expression: `create index "invoice_due_soon_index" on "invoice" ("due_at") where "status" = 'OPEN' and "collection_method" = 'SEND_INVOICE' and "collection_step" = 0`,
})
export class Invoice {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Customer, { fieldName: 'customer_id' })
  customer!: Rel<Customer>;

  @ManyToOne(() => Subscription, { fieldName: 'subscription_id', nullable: true })
  subscription: Rel<Subscription> | null = null;

  /** `<subscription id>:<period start ISO>` for billing-run invoices; null for ad hoc ones. */
  @Property({ type: 'text', nullable: true })
  billingKey: string | null = null;

  @Enum({ items: () => InvoiceStatus, nativeEnumName: 'invoice_status' })
  status!: InvoiceStatus;

  /** Set at finalization only, inside the finalizing transaction. */
  @Property({ type: 'text', nullable: true })
  number: string | null = null;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Property({ type: 'timestamptz', nullable: true })
  periodStart: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  periodEnd: Date | null = null;

  @Property({ type: DecimalType })
  subtotal!: Decimal;

  @Property({ type: DecimalType })
  tax!: Decimal;

  @Property({ type: DecimalType })
  total!: Decimal;

  /** What credit notes gave back, tax included; amountDue is net of it. */
  @Property({ type: DecimalType, default: '0' })
  amountCredited!: Decimal & Opt;

  @Property({ type: DecimalType })
  amountDue!: Decimal;

  /** What payments collected (charges and recorded payments); amountDue − amountPaid remains. */
  @Property({ type: DecimalType, default: '0' })
  amountPaid!: Decimal & Opt;

  @Property({ type: 'timestamptz', nullable: true })
  paidAt: Date | null = null;

  /**
   * When collection acts next: the first charge (at finalization), a dunning retry or
   * reminder, or the final action. Null when nothing is scheduled (paid, void, dunning over,
   * or a customer who owes nothing). The dunning job picks invoices by it.
   */
  @Property({ type: 'timestamptz', nullable: true })
  nextCollectionAt: Date | null = null;

  /**
   * How this invoice is collected, fixed at finalization: charged (CHARGE_AUTOMATICALLY with a
   * method a provider can charge) or sent and due after the customer's terms (SEND_INVOICE, or a
   * customer paying by bank transfer), where dunning sends reminders instead of charging.
   */
  @Enum({ items: () => CollectionMethod, nativeEnumName: 'collection_method', default: CollectionMethod.CHARGE_AUTOMATICALLY })
  collectionMethod: CollectionMethod & Opt = CollectionMethod.CHARGE_AUTOMATICALLY;

  /** The dunning step the next attempt takes: 0 the first charge or the due date, n the n-th retry. */
  @Property({ type: 'integer', default: 0 })
  collectionStep!: number & Opt;

  /** The first failed charge, or for SEND_INVOICE the due date passed unpaid: retries count from it. */
  @Property({ type: 'timestamptz', nullable: true })
  firstFailedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  voidedAt: Date | null = null;

  @Property({ type: 'jsonb' })
  notes!: string[];

  /** The purchase order of what it bills (its subscription's when issued); printed on it. */
  @Property({ type: 'text', nullable: true })
  purchaseOrderNumber: string | null = null;

  @OneToMany(() => InvoiceLine, (x) => x.invoice, { orphanRemoval: true, orderBy: { position: 'asc' } })
  lines = new Collection<InvoiceLine>(this);

  @Property({ type: 'timestamptz', nullable: true })
  finalizedAt: Date | null = null;

  /** Finalization + the customer's terms (payments/payment-terms.ts), whatever the collection; set once, at finalization. */
  @Property({ type: 'timestamptz', nullable: true })
  dueAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
