import { authorize, authorizeCustomer, customerCondition, withCreator } from '../auth/actor';
import { InvalidInputError } from '../errors';
import { isId } from '../shared/ids';
import { afterCursor, Page, PageArgs, pageSize, toPage } from '../shared/pagination';
import type { ServiceContext } from '../shared/service-context';
import { DeliveryItem } from './delivery-item.entity';
import { DeliverySchedule } from './delivery-schedule.entity';
import { Order, OrderStatus } from './order.entity';
import type { OrderLine } from './order-line.entity';

export interface OrderFilter extends PageArgs {
  customerId?: string | null;
  subscriptionId?: string | null;
  status?: OrderStatus | null;
}

/** Reading orders (issue 17): staff see every customer's, a CUSTOMER key its own customer's only. */
export class OrderService {
  constructor(private readonly ctx: ServiceContext) {}

  async get(id: string): Promise<Order | null> {
    authorize(this.ctx.actor, 'orders:read');
    const order = isId(id) ? await this.ctx.em.findOne(Order, { id }) : null;
    if (order) authorizeCustomer(this.ctx.actor, 'orders:read', await withCreator(this.ctx.actor, order.customer));
    return order;
  }

  /** Oldest first, by (createdAt, id); a CUSTOMER key asking for another customer's gets an empty page. */
  async list(filter: OrderFilter): Promise<Page<Order>> {
    authorize(this.ctx.actor, 'orders:read');
    const size = pageSize(filter.first);
    if (filter.subscriptionId != null && !isId(filter.subscriptionId)) throw new InvalidInputError('subscriptionId', 'not an id');
    const customer = customerCondition(this.ctx.actor, filter.customerId);
    if (customer === false) return { nodes: [], hasNextPage: false, cursorOf: () => '' };
    const where = {
      ...(customer ? { customer } : {}),
      ...(filter.subscriptionId ? { subscription: filter.subscriptionId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...afterCursor(filter.after),
    };
    const rows = await this.ctx.em.find(Order, where, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: size + 1 });
    return toPage(rows, size);
  }

  /** The lines, in order; read by whoever could read the order. */
  async lines(order: Order): Promise<OrderLine[]> {
    await this.ctx.em.populate(order, ['lines']);
    return order.lines.getItems();
  }

  /** A subscription's delivery schedule and goods, for whoever could read the subscription (it was read through SubscriptionService). */
  async deliveryOf(subscriptionId: string): Promise<{ schedule: DeliverySchedule; items: DeliveryItem[] } | null> {
    const schedule = await this.ctx.em.findOne(DeliverySchedule, { subscription: subscriptionId });
    if (!schedule) return null;
    return { schedule, items: await this.ctx.em.find(DeliveryItem, { subscription: subscriptionId }, { orderBy: { priceCode: 'asc' } }) };
  }

  /** The date of the subscription's next order still to place: its earliest SCHEDULED one not held. */
  async nextOrderAt(subscriptionId: string): Promise<Date | null> {
    const next = await this.ctx.em.findOne(
      Order,
      { subscription: subscriptionId, status: OrderStatus.SCHEDULED, holdReason: null },
      { orderBy: { scheduledFor: 'asc' } },
    );
    return next?.scheduledFor ?? null;
  }
}
