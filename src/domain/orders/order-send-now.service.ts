import type { EntityManager } from '@mikro-orm/postgresql';
import { authorize } from '../auth/actor';
import { assertCreditAvailable, holdCredit } from '../customers/credit-limit';
import { ConflictError } from '../errors';
import type { ServiceContext } from '../shared/service-context';
import { SubscriptionStatus } from '../subscriptions/subscription.entity';
import { DeliverySchedule } from './delivery-schedule.entity';
import { lockScheduledOrder } from './order-lock';
import { placeOrderBatch } from './order-placement';
import { Order, OrderHoldReason, OrderStatus } from './order.entity';

/**
 * "Send now" (issue 17): the subscription's next SCHEDULED order placed at once, through the
 * billing run's own placement (placeOrderBatch), so that pricing, stock policy, PO number,
 * events, the exactly-once key and billOn ORDER invoicing are the run's.
 *
 * The schedule after it: the cadence restarts from today (the schedule is re-anchored on this
 * delivery), so the next delivery comes one interval after the one sent now, as Recharge's and
 * Ordergroove's "ship now" do. A customer sends early because the goods ran out early; keeping
 * the old dates would bring the next box days after this one.
 *
 * Twice, or beside a billing run: the order's row is locked FOR UPDATE (lockScheduledOrder). A second call waits
 * and then finds it PLACED (CONFLICT, ORDER_NOT_SCHEDULED); a billing run skips the locked row
 * (SKIP LOCKED) and re-checks it as due under its own lock, so finds it placed too.
 */
export class OrderSendNowService {
  constructor(private readonly ctx: ServiceContext) {}

  async sendNow(id: string): Promise<Order> {
    authorize(this.ctx.actor, 'orders:write');
    return this.ctx.em.transactional(async (em) => {
      const { order, now } = await lockScheduledOrder(this.ctx, em, id);
      await em.populate(order, ['subscription']);
      const sub = order.subscription;
      if (!sub || order.deliveryIndex === null) {
        throw new ConflictError(`order ${order.number} belongs to no delivery schedule`, { details: { reason: 'ORDER_NOT_SCHEDULED' } });
      }
      if (order.holdReason) {
        throw new ConflictError(`order ${order.number} is held (${order.holdReason}): the seller releases it`, {
          details: { reason: 'ORDER_HELD' },
        });
      }
      if (sub.status === SubscriptionStatus.PAUSED || sub.status === SubscriptionStatus.CANCELED) {
        throw new ConflictError(`subscription ${sub.id} is ${sub.status}: its orders are not placed`, {
          details: { reason: 'SUBSCRIPTION_NOT_ACTIVE', status: sub.status },
        });
      }
      await this.requireNext(em, order);
      const schedule = await em.findOneOrFail(DeliverySchedule, { subscription: sub.id });
      order.scheduledFor = now;
      order.updatedAt = now;
      schedule.anchorAt = now;
      schedule.anchorIndex = order.deliveryIndex;
      schedule.updatedAt = now;
      // The placement reads the order as rows: what changed here is written first.
      await em.flush();
      const result = await placeOrderBatch(em, [order.id], now, now);
      if (result.placed + result.held !== 1) {
        throw new ConflictError(`order ${order.number} could not be placed now`, { details: { reason: 'ORDER_NOT_SCHEDULED' } });
      }
      await em.refresh(order);
      if (order.holdReason === OrderHoldReason.CREDIT_LIMIT) {
        // The billing run holds such an order and goes on; a customer asking now is told, and
        // nothing is written (CONTRACT.md: placing an order above the limit is CONFLICT).
        assertCreditAvailable(await holdCredit(em, order.customer.id), 'sendOrderNow', order.total.minus(order.canceledTotal));
        throw new ConflictError(`order ${order.number} would take the customer over its credit limit`, {
          details: { reason: 'CREDIT_LIMIT' },
        });
      }
      await em.populate(order, ['lines'], { refresh: true });
      return order;
    });
  }

  /** Only the next delivery goes now: a later one would leave an earlier SCHEDULED one behind it. */
  private async requireNext(em: EntityManager, order: Order): Promise<void> {
    const earlier = await em.count(Order, {
      subscription: order.subscription!.id,
      status: OrderStatus.SCHEDULED,
      holdReason: null,
      deliveryIndex: { $lt: order.deliveryIndex! },
    });
    if (earlier > 0) {
      throw new ConflictError(`order ${order.number} is not the subscription's next order: send that one first`, {
        details: { reason: 'ORDER_NOT_NEXT' },
      });
    }
  }
}
