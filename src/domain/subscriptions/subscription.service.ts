import type { EntityManager } from '@mikro-orm/postgresql';
import { addInterval } from '../../pricing';
import { authorize, authorizeCustomer, customerCondition, withCreator } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { attachDiscount, chooseCoupon, CouponChoice, DiscountSource, hasChoice } from '../coupons/coupon-redeem';
import { Customer } from '../customers/customer.entity';
import { parsePurchaseOrderNumber, requirePurchaseOrder } from '../customers/purchase-order';
import { assertCreditAvailable, CreditHold, CreditOperation, holdCredit } from '../customers/credit-limit';
import { Location } from '../customers/location.entity';
import { billsNothing } from '../invoices/empty-period';
import { storeInvoice } from '../invoices/invoice-finalize';
import { collectNowFor } from '../payments/collect-now';
import { draftFirstInvoice, draftNextInvoice } from '../invoices/next-invoice';
import { InvalidInputError, NotFoundError } from '../errors';
import { emitEvent } from '../events/emit-event';
import { subscriptionEvent } from '../events/event-payloads';
import { isId } from '../shared/ids';
import { DeliveryInput, ResolvedDelivery, resolveDelivery } from '../orders/delivery-input';
import { openDelivery, scheduleFirstOrder } from '../orders/delivery-write';
import { afterCursor, Page, PageArgs, pageSize, toPage } from '../shared/pagination';
import type { BatchLoader } from '../shared/batch-loader';
import type { ServiceContext } from '../shared/service-context';
import { clockForCustomer } from '../test-clocks/customer-clock';
import { assertMetricsUnclaimed } from './metered-metrics';
import { ItemInput, ResolvedItem, resolveItems } from './subscription-items';
import { recordEvent } from './subscription-store';
import { SubscriptionItem } from './subscription-item.entity';
import { CollectionMethod, Subscription, SubscriptionStatus } from './subscription.entity';

export interface CreateSubscriptionInput extends CouponChoice {
  customerId: string;
  items: readonly ItemInput[];
  startsAt?: Date | null;
  trialDays?: number | null;
  collection?: CollectionMethod | null;
  /** Required when the customer's purchaseOrderRequired is set. */
  purchaseOrderNumber?: string | null;
  /** One of the customer's locations: where it is used or delivered; a consolidated invoice's lines name it. */
  locationId?: string | null;
  /** Goods: PHYSICAL items go on an order per delivery date (issue 17); needed when there are any. */
  delivery?: DeliveryInput | null;
}

export interface SubscriptionFilter extends PageArgs {
  customerId?: string | null;
  status?: SubscriptionStatus | null;
}

const MAX_TRIAL_DAYS = 730;
const DAY_MS = 86_400_000;

export class SubscriptionService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * Starts now (ACTIVE, its first period invoiced in advance in the same transaction), at a future
   * `startsAt` (INCOMPLETE until then), or with a trial (TRIALING; the cycle is anchored at the
   * trial's end, when the first invoice comes).
   */
  async create(input: CreateSubscriptionInput): Promise<Subscription> {
    authorize(this.ctx.actor, 'subscriptions:create');
    const trialDays = requireTrialDays(input.trialDays);
    const purchaseOrderNumber = parsePurchaseOrderNumber(input.purchaseOrderNumber) ?? null;
    const sub = await this.ctx.em.transactional(async (em) => {
      const customer = isId(input.customerId) ? await em.findOne(Customer, { id: input.customerId }) : null;
      if (!customer) throw new NotFoundError('customer', input.customerId, 'input.customerId');
      authorizeCustomer(this.ctx.actor, 'subscriptions:create', customer);
      await requirePurchaseOrder(em, customer, purchaseOrderNumber);
      // Before the coupon's lock, in the order applyCoupon takes the two (customer, then coupon).
      const credit = await holdCredit(em, customer.id);
      const items = await resolveItems(em, input.items, customer.currency);
      const now = (await clockForCustomer(em, customer.id, this.ctx.clock)).now();
      const chosen = hasChoice(input) ? await chooseCoupon(em, input, customer, now, 'input', true) : null;
      const discount = chosen ? { chosen } : null;
      const location =
        input.locationId == null ? null : await locationOf(em, this.ctx.actor, customer, input.locationId, 'input.locationId');
      const startsAt = input.startsAt ?? now;
      const { services, delivery } = await resolveDelivery(em, customer, items, input.delivery, startsAt, (id, field) =>
        locationOf(em, this.ctx.actor, customer, id, field),
      );
      return openSubscription(em, this.ctx.actor, now, {
        customer,
        location,
        items: services,
        delivery,
        startsAt,
        trialDays,
        collection: input.collection,
        discount,
        purchaseOrderNumber,
        credit: { hold: credit, operation: 'createSubscription' },
      });
    });
    return collectNowFor(this.ctx, sub);
  }

  async get(id: string): Promise<Subscription | null> {
    authorize(this.ctx.actor, 'subscriptions:read');
    const sub = isId(id) ? await this.ctx.em.findOne(Subscription, { id }) : null;
    if (sub) authorizeCustomer(this.ctx.actor, 'subscriptions:read', await withCreator(this.ctx.actor, sub.customer));
    return sub;
  }

  /** As get(), read through the caller's loader so that many lookups in one tick are one query. */
  async getBatched(id: string, loader: BatchLoader<Subscription>): Promise<Subscription | null> {
    authorize(this.ctx.actor, 'subscriptions:read');
    const sub = isId(id) ? await loader.load(id) : null;
    if (sub) authorizeCustomer(this.ctx.actor, 'subscriptions:read', await withCreator(this.ctx.actor, sub.customer));
    return sub;
  }

  async list(filter: SubscriptionFilter): Promise<Page<Subscription>> {
    authorize(this.ctx.actor, 'subscriptions:read');
    const size = pageSize(filter.first);
    const customer = customerCondition(this.ctx.actor, filter.customerId);
    if (customer === false) return { nodes: [], hasNextPage: false, cursorOf: () => '' };
    const where = {
      ...(customer ? { customer } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...afterCursor(filter.after),
    };
    const rows = await this.ctx.em.find(Subscription, where, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: size + 1 });
    return toPage(rows, size);
  }
}

/** The trial length rule, shared with quotes so a quote cannot promise a trial a subscription refuses. */
export function requireTrialDays(value: number | null | undefined, field = 'input.trialDays'): number {
  const trialDays = value ?? 0;
  if (!Number.isInteger(trialDays) || trialDays < 0 || trialDays > MAX_TRIAL_DAYS) {
    throw new InvalidInputError(field, `trialDays must be a whole number from 0 to ${MAX_TRIAL_DAYS}`);
  }
  return trialDays;
}

export interface OpenSubscriptionInput {
  customer: Customer;
  /** Validated items at the price versions to sell: current ones, or a sent quote's frozen ones. */
  items: readonly ResolvedItem[];
  startsAt: Date;
  trialDays: number;
  collection?: CollectionMethod | null;
  /** A coupon to redeem for it, or the discount a sent quote holds (README, Coupons). */
  discount?: DiscountSource | null;
  /** Checked by the caller against the customer's purchaseOrderRequired, at the field it came from. */
  purchaseOrderNumber: string | null;
  location?: Location | null;
  /** Its goods and their delivery schedule (issue 17); `items` are then its SERVICE items only, possibly none. */
  delivery?: ResolvedDelivery | null;
  /**
   * The customer's credit, held by the caller before it wrote anything (credit-limit.ts), and the
   * operation the refusal names: the first invoice must fit under the limit.
   */
  credit: { hold: CreditHold | null; operation: CreditOperation };
}

/**
 * A location of this customer's, or BAD_USER_INPUT at `field`. Another customer's location is
 * FORBIDDEN to a key that may not see that customer (its existence is not the key's to learn
 * otherwise), and BAD_USER_INPUT to one that may.
 */
export async function locationOf(em: EntityManager, actor: Actor, customer: Customer, id: string, field: string): Promise<Location> {
  const location = isId(id) ? await em.findOne(Location, { id }, { populate: ['customer'] }) : null;
  if (!location) throw new InvalidInputError(field, `location '${id.slice(0, 60)}' not found`);
  if (location.customer.id !== customer.id) {
    authorizeCustomer(actor, 'customers:read', location.customer);
    throw new InvalidInputError(field, `location '${id.slice(0, 60)}' is not one of the customer's`);
  }
  return location;
}

/**
 * Writes a new subscription inside the caller's transaction: `create` and quote acceptance both
 * go through it, so a subscription made from a quote follows the same rules as any other.
 */
export async function openSubscription(em: EntityManager, actor: Actor, now: Date, input: OpenSubscriptionInput): Promise<Subscription> {
  const { customer, items, startsAt, trialDays, purchaseOrderNumber } = input;
  // The callers refuse first, naming their own field; this keeps a new caller from forgetting it.
  await requirePurchaseOrder(em, customer, purchaseOrderNumber);
  await assertMetricsUnclaimed(
    em,
    customer.id,
    items.map((i) => i.price),
    null,
  );
  // A subscription of goods only takes its cycle from them: its period invoices then bill nothing.
  const { interval, intervalCount } = (items[0] ?? input.delivery!.items[0]).price;
  const trialEnd = trialDays > 0 ? new Date(startsAt.getTime() + trialDays * DAY_MS) : null;
  const anchor = trialEnd ?? startsAt;
  const status =
    startsAt.getTime() > now.getTime() ? SubscriptionStatus.INCOMPLETE : trialEnd ? SubscriptionStatus.TRIALING : SubscriptionStatus.ACTIVE;
  const sub = em.create(Subscription, {
    customer,
    location: input.location ?? null,
    status,
    currency: customer.currency,
    interval,
    intervalCount,
    collectionMethod: input.collection ?? CollectionMethod.CHARGE_AUTOMATICALLY,
    billingAnchor: anchor,
    startsAt,
    // A trial is its own period; paid periods run from the anchor.
    currentPeriodStart: startsAt,
    currentPeriodEnd: trialEnd ?? addInterval(anchor, interval, intervalCount, 1),
    trialEnd,
    purchaseOrderNumber,
    createdAt: now,
    updatedAt: now,
  });
  for (const item of items) {
    em.create(SubscriptionItem, { subscription: sub, customer, price: item.price.id, priceCode: item.price.code, quantity: item.quantity });
  }
  await em.flush();
  await em.populate(sub, ['items', 'items.price']);
  // Before the first invoice is drafted, which it discounts.
  if (input.discount) await attachDiscount(em, sub, customer, input.discount, now);
  recordEvent(em, sub, 'created', actor, now, { status });
  await em.flush();
  // The schedule first: the created event carries the goods it delivers (the revenue ledger counts them).
  const schedule = input.delivery ? await openDelivery(em, sub, input.delivery, now) : null;
  await emitEvent(em, subscriptionEvent('created', sub, now));
  if (schedule) await scheduleFirstOrder(em, sub, schedule, now);
  const { hold, operation } = input.credit;
  if (status === SubscriptionStatus.ACTIVE) {
    // CONTRACT.md: one that starts now with no trial invoices its first period at once. The key
    // is the one the billing run would give that period, so nothing can bill it a second time.
    const billingKey = `${sub.id}:${sub.currentPeriodStart.toISOString()}`;
    const first = await draftFirstInvoice(em, sub);
    assertCreditAvailable(hold, operation, first.total);
    // A goods-only subscription bills its goods by orders (empty-period.ts): no first invoice of 0.00.
    if (!billsNothing(sub.items.length, first)) await storeInvoice(em, sub, first, billingKey, now);
  } else if (hold) {
    // A trial or a future start commits the customer to its first invoice all the same: the one
    // upcomingInvoice shows, which the billing run makes when the trial ends or the start comes.
    assertCreditAvailable(hold, operation, (await draftNextInvoice(em, sub)).total);
  }
  return sub;
}
