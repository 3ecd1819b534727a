import { Entity, Enum, ManyToOne, OneToOne, PrimaryKeyProp, Property, Rel } from '@mikro-orm/core';
import { Customer } from '../customers/customer.entity';
import { Location } from '../customers/location.entity';
import { Subscription } from '../subscriptions/subscription.entity';
import { DeliveryUnit, OrderBilling } from './delivery';

/**
 * A subscription's delivery schedule (createSubscription's `delivery`): its PHYSICAL items
 * (DeliveryItem) go on an order per delivery date, to one ship-to location. Kept beside the
 * subscription, not on it, so the period billing of its SERVICE items never sees it.
 */
@Entity({ tableName: 'delivery_schedule' })
export class DeliverySchedule {
  [PrimaryKeyProp]?: 'subscription';

  @OneToOne(() => Subscription, { primary: true, fieldName: 'subscription_id', deleteRule: 'cascade', owner: true })
  subscription!: Rel<Subscription>;

  @ManyToOne(() => Customer, { fieldName: 'customer_id' })
  customer!: Rel<Customer>;

  @ManyToOne(() => Location, { fieldName: 'location_id' })
  location!: Rel<Location>;

  @Property({ type: 'integer' })
  every!: number;

  @Enum({ items: () => DeliveryUnit, nativeEnumName: 'delivery_unit' })
  unit!: DeliveryUnit;

  /** The first delivery's date as the subscription was made (the cadence itself counts from the anchor). */
  @Property({ type: 'timestamptz' })
  firstDeliveryAt!: Date;

  /**
   * Delivery n (n ≥ anchorIndex) falls on deliveryDate(anchorAt, every, unit, n - anchorIndex)
   * (scheduleDate, delivery.ts): the first delivery until a customer control re-anchors the
   * cadence (a new frequency, a delivery sent now).
   */
  @Property({ type: 'timestamptz' })
  anchorAt!: Date;

  @Property({ type: 'integer', default: 0 })
  anchorIndex!: number;

  @Enum({ items: () => OrderBilling, nativeEnumName: 'order_billing' })
  billOn!: OrderBilling;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}
