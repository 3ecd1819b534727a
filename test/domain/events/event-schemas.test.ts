import { Collection } from '@mikro-orm/core';
import { Role } from '../../../src/domain/auth/actor';
import { ContractItem } from '../../../src/domain/contracts/contract-item.entity';
import { Contract } from '../../../src/domain/contracts/contract.entity';
import { contactEvent, ContactFacts, locationEvent, LocationFacts } from '../../../src/domain/customers/customer-contact-events';
import { couponCreatedEvent, CouponFacts, redemptionFactsEvent, RedemptionFacts } from '../../../src/domain/coupons/coupon-events';
import {
  contractEvent,
  creditNoteEvent,
  customerEvent,
  CustomerFacts,
  invoiceEvent,
  InvoicePayloadFacts,
  quoteEvent,
  subscriptionFactsEvent,
  SubscriptionFacts,
} from '../../../src/domain/events/event-payloads';
import { orderEvent } from '../../../src/domain/orders/order-events';
import { deliveryScheduleEvent } from '../../../src/domain/orders/delivery-events';
import type { DeliverySchedule } from '../../../src/domain/orders/delivery-schedule.entity';
import { DeliveryUnit } from '../../../src/domain/orders/delivery';
import type { Order } from '../../../src/domain/orders/order.entity';
import type { OrderLine } from '../../../src/domain/orders/order-line.entity';
import { DomainEventInput, eventSchemas, EventType, parseStoredEvent } from '../../../src/domain/events/event-types';
import { directDebitBatchEvent, refundEvent } from '../../../src/domain/events/direct-debit-events';
import { paymentEvent, paymentMethodEvent } from '../../../src/domain/events/payment-events';
import { usageThresholdCrossedEvent, webhookEndpointDisabledEvent } from '../../../src/domain/events/system-events';
import { InvoiceStatus } from '../../../src/domain/invoices/invoice.entity';
import { QuoteLine } from '../../../src/domain/quotes/quote-line.entity';
import { Quote, QuoteStatus } from '../../../src/domain/quotes/quote.entity';
import { Decimal } from '../../../src/pricing/decimal';

const at = new Date('2026-03-01T10:00:00Z');
const day = (d: string) => new Date(`${d}T00:00:00Z`);
const ids = {
  customer: '00000000-0000-4000-8000-00000000000c',
  subscription: '00000000-0000-4000-8000-000000000005',
  invoice: '00000000-0000-4000-8000-00000000000e',
  coupon: '00000000-0000-4000-8000-0000000000c0',
};

const customer: CustomerFacts = {
  id: ids.customer,
  name: 'Acme',
  email: 'billing@acme.test',
  currency: 'EUR',
  taxStatus: 'TAXABLE',
  taxRate: new Decimal('0.19'),
  billingAddress: { line1: 'Hauptstr. 1', line2: null, city: 'Berlin', postalCode: '10115', region: null, country: 'DE' },
  vatId: 'DE136695976',
  creditLimit: new Decimal('5000'),
  invoiceDrafts: false,
  paymentTermsDays: 30,
  purchaseOrderRequired: true,
  paymentTermsEndOfMonth: false,
  tags: ['b2b'],
  metadata: { crm: 'A-1', seats: 3, vip: true, none: null },
  testClock: null,
  parent: { id: '00000000-0000-4000-8000-0000000000c1' },
  invoiceTo: 'PARENT',
  createdAt: day('2026-01-01'),
  updatedAt: at,
};
const location: LocationFacts = {
  id: '00000000-0000-4000-8000-0000000000d1',
  customer: { id: ids.customer },
  name: 'Plant Hamburg',
  address: { line1: 'Hafenstraße 1', line2: null, city: 'Hamburg', postalCode: '20457', region: null, country: 'DE' },
  externalIds: [{ system: 'SAP', externalId: 'WE-1' }],
  createdAt: day('2026-01-01'),
  updatedAt: at,
};
const contact: ContactFacts = {
  id: '00000000-0000-4000-8000-0000000000d2',
  customer: { id: ids.customer },
  name: 'Ada Buyer',
  email: 'ada@acme.test',
  role: 'BUYER',
  archivedAt: null,
  createdAt: day('2026-01-01'),
  updatedAt: at,
};
const subscription: SubscriptionFacts = {
  id: ids.subscription,
  customerId: ids.customer,
  status: 'ACTIVE',
  version: 3,
  currency: 'EUR',
  interval: 'MONTH',
  intervalCount: 1,
  collectionMethod: 'CHARGE_AUTOMATICALLY',
  startsAt: day('2026-01-01'),
  currentPeriodStart: day('2026-03-01'),
  currentPeriodEnd: day('2026-04-01'),
  trialEnd: null,
  cancelAtPeriodEnd: false,
  pausedAt: null,
  canceledAt: null,
  purchaseOrderNumber: 'PO-4711',
  items: [{ priceCode: 'seat', priceVersion: 2, quantity: new Decimal('10') }],
};
const invoice: InvoicePayloadFacts = {
  id: ids.invoice,
  number: 'INV-2026-000001',
  status: InvoiceStatus.OPEN,
  customerId: ids.customer,
  subscriptionId: ids.subscription,
  currency: 'JPY',
  periodStart: day('2026-03-01'),
  periodEnd: day('2026-04-01'),
  subtotal: new Decimal('1000'),
  tax: new Decimal('100'),
  total: new Decimal('1100'),
  amountDue: new Decimal('1100'),
  amountCredited: new Decimal(0),
  amountPaid: new Decimal(0),
  createdAt: at,
  finalizedAt: at,
  dueAt: day('2026-03-31'),
  paidAt: null,
  voidedAt: null,
  purchaseOrderNumber: 'PO-4711',
};
const coupon: CouponFacts = {
  id: ids.coupon,
  code: 'SPRING',
  name: null,
  percentOff: null,
  amountOff: new Decimal('2.50'),
  currency: 'EUR',
  duration: 'REPEATING',
  durationInMonths: 3,
  appliesToPriceCodes: ['seat'],
  maxRedemptions: null,
  timesRedeemed: 1,
  redeemBy: null,
  createdAt: day('2026-01-01'),
};
const redemption: RedemptionFacts = {
  id: '00000000-0000-4000-8000-0000000000d0',
  coupon,
  customerId: ids.customer,
  subscriptionId: ids.subscription,
  quoteId: null,
  promotionCode: 'SPRING-1',
  startsAt: at,
  endedAt: null,
  createdAt: at,
};
const quoteRedemption: RedemptionFacts = {
  ...redemption,
  subscriptionId: null,
  quoteId: '00000000-0000-4000-8000-0000000000a0',
  startsAt: null,
};

// Quotes and contracts are built from their entities (their lines and items are collections): plain data for them is not needed yet.
function contract(): Contract {
  const c = Object.assign(new Contract(), {
    id: '00000000-0000-4000-8000-0000000000b0',
    customer: { id: ids.customer },
    code: 'C-1',
    startsAt: day('2026-02-01'),
    endsAt: null,
    minimumCommitment: new Decimal('500'),
    createdAt: at,
  });
  c.items = new Collection<ContractItem>(c, [
    Object.assign(new ContractItem(), { priceCode: 'seat', discountPercent: new Decimal('10'), override: null }),
  ]);
  return c;
}
function quote(): Quote {
  const q = Object.assign(new Quote(), {
    id: '00000000-0000-4000-8000-0000000000a0',
    customer: { id: ids.customer },
    status: QuoteStatus.SENT,
    currency: 'EUR',
    validUntil: day('2026-04-01'),
    trialDays: null,
    collectionMethod: null,
    subtotal: new Decimal('90'),
    tax: new Decimal('17.1'),
    total: new Decimal('107.1'),
    subscription: null,
    sentAt: at,
    acceptedAt: null,
    declinedAt: null,
    createdAt: at,
    number: 'Q-2026-000007',
    requiresApproval: true,
    approvedAt: at,
    approvedByKeyId: '00000000-0000-4000-8000-0000000000b0',
    approvedByName: 'sales manager',
    approvedByRole: 'SALES_MANAGER',
    approvalNote: 'strategic account',
  });
  q.lines = new Collection<QuoteLine>(q, [
    Object.assign(new QuoteLine(), { priceCode: 'seat', quantity: new Decimal('9'), price: { version: 2 }, amount: new Decimal('90') }),
  ]);
  return q;
}
const creditNote = {
  id: '00000000-0000-4000-8000-0000000000f0',
  number: 'CN-2026-000001',
  invoice: { id: ids.invoice },
  customer: { id: ids.customer },
  currency: 'EUR',
  reason: null,
  subtotal: new Decimal('10'),
  tax: new Decimal('1.9'),
  total: new Decimal('11.9'),
  createdAt: at,
};
const attempt = {
  id: '00000000-0000-4000-8000-0000000000a1',
  invoice: { id: ids.invoice },
  customer: { id: ids.customer },
  kind: 'CHARGE',
  step: 0,
  amount: new Decimal('11.9'),
  currency: 'EUR',
  outcome: 'failed',
  provider: 'sandbox',
  providerReference: null,
  error: 'card_declined',
  at,
};
const method = {
  id: '00000000-0000-4000-8000-0000000000a2',
  customer: { id: ids.customer },
  provider: 'sandbox',
  label: 'Visa 4242',
  isDefault: true,
  createdAt: at,
  detachedAt: null,
  expiresAt: day('2027-01-01'),
};
const actor = { keyId: '00000000-0000-4000-8000-0000000000a3', role: Role.ADMIN };

const order = {
  id: '00000000-0000-4000-8000-0000000000b1',
  number: 'ORD-2026-000001',
  status: 'PLACED',
  customer: { id: customer.id },
  subscription: { id: '00000000-0000-4000-8000-0000000000b2' },
  location: { id: '00000000-0000-4000-8000-0000000000b3' },
  scheduledFor: day('2026-03-02'),
  placedAt: day('2026-03-02'),
  holdReason: null,
  purchaseOrderNumber: 'PO-1',
  currency: 'EUR',
  subtotal: new Decimal('58'),
  tax: new Decimal('11.02'),
  total: new Decimal('69.02'),
};
const orderLines = [
  {
    sku: 'TN-1',
    priceCode: 'toner-box',
    quantity: new Decimal('12'),
    quantityBackordered: new Decimal('2'),
    quantityShipped: new Decimal('0'),
    amount: new Decimal('58'),
  },
];

/** One or more builder outputs per type: every type of eventSchemas must have a row (checked below). */
const built: Record<EventType, DomainEventInput[]> = {
  'customer.created': [customerEvent('created', customer, at)],
  'customer.updated': [
    customerEvent(
      'updated',
      { ...customer, testClock: { id: '00000000-0000-4000-8000-0000000000a4' }, taxRate: null, creditLimit: null },
      at,
    ),
  ],
  'customer.imported': [customerEvent('imported', customer, at)],
  ...Object.fromEntries(
    (['location_created', 'location_updated', 'location_removed'] as const).map((v) => [
      `customer.${v}`,
      [
        locationEvent(v, location, at),
        locationEvent(
          v,
          {
            ...location,
            address: { line1: '1 Main St', line2: 'Dock 4', city: 'Oslo', postalCode: '0150', region: 'Oslo', country: 'NO' },
            externalIds: [],
          },
          at,
        ),
      ],
    ]),
  ),
  ...Object.fromEntries(
    (['contact_created', 'contact_updated', 'contact_removed'] as const).map((v) => [
      `customer.${v}`,
      [contactEvent(v, { ...contact, archivedAt: v === 'contact_removed' ? at : null }, at)],
    ]),
  ),
  'contract.created': [contractEvent('created', contract(), at)],
  ...Object.fromEntries(
    (['created', 'updated', 'approved', 'sent', 'accepted', 'declined', 'expiring'] as const).map((v) => [
      `quote.${v}`,
      [quoteEvent(v, quote(), at)],
    ]),
  ),
  ...Object.fromEntries(
    (
      [
        'created',
        'updated',
        'paused',
        'resumed',
        'canceled',
        'cancel_scheduled',
        'started',
        'trial_converted',
        'renewed',
        'change_scheduled',
        'scheduled_change_canceled',
        'scheduled_change_applied',
        'price_migrated',
        'past_due',
        'recovered',
        'imported',
        'trial_ending',
        'renewal_upcoming',
      ] as const
    ).map((v) => [`subscription.${v}`, [subscriptionFactsEvent(v, subscription, at)]]),
  ),
  'subscription.change_scheduled': [
    subscriptionFactsEvent('change_scheduled', subscription, at, {
      scheduledChange: {
        id: '00000000-0000-4000-8000-0000000000a5',
        status: 'PENDING',
        effectiveAt: day('2026-04-01'),
        items: [{ priceCode: 'seat', quantity: '5' }],
      },
    }),
  ],
  // Issue 17: goods on a delivery schedule, beside the items billed per period; none is null.
  'subscription.created': [
    subscriptionFactsEvent('created', subscription, at),
    subscriptionFactsEvent(
      'created',
      {
        ...subscription,
        delivery: {
          every: 2,
          unit: 'WEEK',
          items: [{ priceCode: 'toner-box', priceVersion: 1, sku: 'TN-1', quantity: new Decimal('12.50') }],
        },
      },
      at,
    ),
    subscriptionFactsEvent('created', { ...subscription, delivery: null }, at),
  ],
  'subscription.price_migrated': [
    subscriptionFactsEvent('price_migrated', subscription, at, { priceMigration: { priceCode: 'seat', fromVersion: 1, toVersion: 2 } }),
  ],
  'subscription.past_due': [subscriptionFactsEvent('past_due', { ...subscription, status: 'PAST_DUE' }, at, { invoiceId: ids.invoice })],
  'subscription.canceled': [
    subscriptionFactsEvent('canceled', { ...subscription, status: 'CANCELED', canceledAt: at }, at, { reason: 'dunning' }),
    subscriptionFactsEvent('canceled', subscription, at),
  ],
  ...Object.fromEntries(
    (['created', 'finalized', 'voided', 'credited', 'paid', 'marked_uncollectible', 'imported'] as const).map((v) => [
      `invoice.${v}`,
      [invoiceEvent(v, invoice, at)],
    ]),
  ),
  'invoice.created': [
    invoiceEvent(
      'created',
      { ...invoice, number: null, status: InvoiceStatus.DRAFT, finalizedAt: null, dueAt: null, periodStart: null, periodEnd: null },
      at,
    ),
  ],
  'invoice.overdue': [invoiceEvent('overdue', invoice, at, { step: 0, amountRemaining: '1100' })],
  'invoice.reminder_sent': [invoiceEvent('reminder_sent', invoice, at, { step: 2, amountRemaining: '600' })],
  'invoice.payment_failed': [invoiceEvent('payment_failed', invoice, at, { attemptId: attempt.id, step: null, error: null })],
  'invoice.dunning_exhausted': [invoiceEvent('dunning_exhausted', invoice, at, { finalAction: 'CANCEL_SUBSCRIPTION' })],
  'invoice.due_soon': [invoiceEvent('due_soon', invoice, at, { amountRemaining: '1100', daysBeforeDue: 7 })],
  'invoice.finalization_blocked': [
    invoiceEvent('finalization_blocked', invoice, at, {
      reason: 'SELLER_IDENTITY_INCOMPLETE',
      field: 'settings.vatId',
      message: 'the seller has no VAT id',
    }),
  ],
  'credit_note.created': [creditNoteEvent('created', creditNote, at)],
  'payment.succeeded': [paymentEvent('succeeded', { ...attempt, outcome: 'succeeded', error: null }, at)],
  'payment.failed': [paymentEvent('failed', attempt, at)],
  'payment.recorded': [
    paymentEvent('recorded', { ...attempt, kind: 'MANUAL', step: null, provider: null, providerReference: 'wire-42' }, at),
  ],
  'payment.refunded': [
    paymentEvent('refunded', { ...attempt, kind: 'REFUND', step: null, amount: new Decimal('-20'), outcome: 'succeeded', error: null }, at),
  ],
  ...Object.fromEntries(
    (['created', 'settled'] as const).map((v) => [
      `direct_debit_batch.${v}`,
      [
        directDebitBatchEvent(
          v,
          {
            id: '00000000-0000-4000-8000-0000000000b1',
            messageId: 'TARIFF-DD-0001',
            collectionDate: day('2026-03-10'),
            currency: 'EUR',
            count: 2,
            total: new Decimal('142.72'),
            createdAt: at,
            settledAt: v === 'settled' ? day('2026-03-10') : null,
          },
          [ids.invoice],
          at,
        ),
      ],
    ]),
  ),
  'refund.created': [
    refundEvent(
      {
        id: '00000000-0000-4000-8000-0000000000b2',
        payment: { id: attempt.id },
        refundPayment: { id: '00000000-0000-4000-8000-0000000000b3' },
        invoice: { id: ids.invoice },
        customer: { id: ids.customer },
        creditNote: { id: '00000000-0000-4000-8000-0000000000b4' },
        amount: new Decimal('20'),
        currency: 'EUR',
        reason: null,
        method: 'PROVIDER',
        providerReference: 'sb_re_1',
        createdAt: at,
      },
      at,
    ),
  ],
  ...Object.fromEntries(
    (['attached', 'made_default', 'detached', 'expiring'] as const).map((v) => [
      `payment_method.${v}`,
      [paymentMethodEvent(v, method, actor, at)],
    ]),
  ),
  'coupon.created': [couponCreatedEvent(coupon, at)],
  'coupon.imported': [
    {
      ...couponCreatedEvent({ ...coupon, percentOff: new Decimal('7.5'), amountOff: null, currency: null, appliesToPriceCodes: null }, at),
      type: 'coupon.imported',
    },
  ],
  'coupon.redeemed': [redemptionFactsEvent('redeemed', redemption, at), redemptionFactsEvent('redeemed', quoteRedemption, at)],
  'coupon.discount_applied': [redemptionFactsEvent('discount_applied', redemption, at)],
  'coupon.discount_removed': [redemptionFactsEvent('discount_removed', { ...redemption, endedAt: at }, at)],
  'coupon.discount_imported': [redemptionFactsEvent('discount_imported', { ...redemption, promotionCode: null }, at)],
  'usage.threshold_crossed': [
    usageThresholdCrossedEvent(
      {
        id: '00000000-0000-4000-8000-0000000000a6',
        subscriptionId: ids.subscription,
        customerId: ids.customer,
        metric: 'api_calls',
        aggregation: 'SUM',
        threshold: '1000',
        usage: '1000.5',
        crossedAt: at.toISOString(),
        periodStart: '2026-03-01T00:00:00.000Z',
        periodEnd: '2026-04-01T00:00:00.000Z',
      },
      at,
    ),
  ],
  ...Object.fromEntries(
    (['scheduled', 'placed', 'backordered', 'held', 'skipped', 'rescheduled', 'updated'] as const).map((v) => [
      `order.${v}`,
      [orderEvent(v, order as unknown as Order, orderLines as unknown as OrderLine[], at)],
    ]),
  ),
  'order.delivered': [orderEvent('delivered', order as unknown as Order, orderLines as unknown as OrderLine[], at)],
  'order.canceled': [
    orderEvent('canceled', order as unknown as Order, orderLines as unknown as OrderLine[], at, { reason: 'SUBSCRIPTION_CANCELED' }),
    orderEvent('canceled', order as unknown as Order, orderLines as unknown as OrderLine[], at, {
      reason: null,
      creditNoteId: '00000000-0000-4000-8000-0000000000c2',
    }),
  ],
  'order.lines_canceled': [
    orderEvent('lines_canceled', order as unknown as Order, orderLines as unknown as OrderLine[], at, {
      reason: 'backorder no longer wanted',
      creditNoteId: null,
      canceled: [{ sku: 'TONER-XL', quantity: '2' }],
    }),
  ],
  'order.shipped': [
    orderEvent('shipped', order as unknown as Order, orderLines as unknown as OrderLine[], at, {
      shipment: {
        id: '00000000-0000-4000-8000-0000000000c1',
        externalId: 'WMS-SHP-1',
        carrier: 'DHL',
        trackingNumber: null,
        shippedAt: at.toISOString(),
        lines: [{ sku: 'TONER-XL', quantity: '2' }],
      },
    }),
  ],
  'delivery_schedule.updated': [
    deliveryScheduleEvent(
      {
        subscription: { id: ids.subscription },
        customer: { id: ids.customer },
        location: { id: '00000000-0000-4000-8000-0000000000d1' },
        every: 3,
        unit: DeliveryUnit.WEEK,
        billOn: 'SHIPMENT',
        anchorAt: day('2026-03-24'),
        anchorIndex: 4,
      } as unknown as DeliverySchedule,
      { locationId: '00000000-0000-4000-8000-0000000000d1', every: 2, unit: DeliveryUnit.WEEK },
      at,
    ),
  ],
  'webhook_endpoint.disabled': [
    webhookEndpointDisabledEvent(
      {
        id: '00000000-0000-4000-8000-0000000000a7',
        url: 'https://example.test/h',
        eventTypes: ['invoice.*'],
        status: 'DISABLED',
        reason: 'FAILING',
        disabledAt: at.toISOString(),
        failingSince: day('2026-02-25').toISOString(),
      },
      at,
    ),
  ],
} as Record<EventType, DomainEventInput[]>;

const rows = Object.entries(built).flatMap(([type, events]) => events.map((e, i) => [`${type} #${i + 1}`, type, e] as const));

describe('event payloads', () => {
  it('the table covers every event type the schemas list', () => {
    expect(Object.keys(built).sort()).toEqual(Object.keys(eventSchemas).sort());
  });

  it.each(rows)(
    "%s: the builder's output is its type's, parses with its schema unchanged, and reads back as built",
    (_name, type, event) => {
      expect(event.type).toBe(type);
      expect(event.aggregateType).toBe(type.slice(0, type.indexOf('.')));
      // Through JSON, as the outbox stores it: nothing is dropped (a key the schema lacks) or changed.
      const stored = JSON.parse(JSON.stringify(event.payload));
      expect(eventSchemas[event.type].parse(stored)).toEqual(stored);
      const read = parseStoredEvent({
        type,
        aggregate_id: event.aggregateId,
        customer_id: event.customerId,
        payload: stored,
        occurred_at: event.at,
      });
      expect(read).toEqual({
        type,
        aggregateType: event.aggregateType,
        aggregateId: event.aggregateId,
        customerId: event.customerId,
        payload: stored,
        at: event.at,
      });
    },
  );

  it('a stored payload that does not match its schema, or an unknown type, fails when read back', () => {
    const [event] = built['invoice.finalized'];
    const row = { type: 'invoice.finalized', aggregate_id: event.aggregateId, customer_id: event.customerId, occurred_at: at };
    expect(() => parseStoredEvent({ ...row, payload: { ...event.payload, total: 1100 } })).toThrow(
      /invoice\.finalized .*payload does not match its schema/,
    );
    expect(() => parseStoredEvent({ ...row, payload: { ...event.payload, createdAt: 'yesterday' } })).toThrow(/does not match/);
    expect(() => parseStoredEvent({ ...row, type: 'invoice.teleported', payload: event.payload })).toThrow(
      /unknown event type invoice\.teleported/,
    );
  });

  it('a subscription event carries its delivery as built: its goods with their versions and quantities as plain decimals', () => {
    const delivery = (i: number) => (built['subscription.created'][i].payload as { delivery?: unknown }).delivery;
    expect(delivery(1)).toEqual({
      every: 2,
      unit: 'WEEK',
      items: [{ priceCode: 'toner-box', priceVersion: 1, sku: 'TN-1', quantity: '12.5' }],
    });
    expect(delivery(2)).toBeNull();
    expect('delivery' in built['subscription.created'][0].payload).toBe(false);
  });

  it('money is at the currency minor unit and amounts keep their digits (a yen invoice has none)', () => {
    expect(built['invoice.overdue'][0].payload).toMatchObject({ total: '1100', amountDue: '1100', amountRemaining: '1100', step: 0 });
    expect(built['credit_note.created'][0].payload).toMatchObject({ tax: '1.90', total: '11.90' });
    expect(built['quote.sent'][0].payload).toMatchObject({
      tax: '17.10',
      lines: [{ priceCode: 'seat', quantity: '9', priceVersion: 2, amount: '90.00' }],
    });
  });
});
