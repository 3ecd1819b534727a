import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { ProductKind } from '../catalog/product-kind';
import type { Customer } from '../customers/customer.entity';
import type { Location } from '../customers/location.entity';
import { InvalidInputError } from '../errors';
import type { ResolvedItem } from '../subscriptions/subscription-items';
import { DeliveryUnit, OrderBilling } from './delivery';

/** createSubscription's `delivery` (CONTRACT.md, Recurring orders). */
export interface DeliveryInput {
  every: number;
  unit: DeliveryUnit;
  locationId: string;
  firstDeliveryAt?: Date | null;
  billOn?: OrderBilling | null;
}

/** A delivery schedule checked against its subscription, ready to write. */
export interface ResolvedDelivery {
  every: number;
  unit: DeliveryUnit;
  location: Location;
  firstDeliveryAt: Date;
  billOn: OrderBilling;
  /** The PHYSICAL items, with their products' SKUs: on orders, never on period invoices. */
  items: (ResolvedItem & { sku: string })[];
}

const MAX_EVERY = 365;

/**
 * Splits a new subscription's items into SERVICE items (billed per period as always) and
 * PHYSICAL ones (on orders), and checks the delivery schedule: goods need a delivery and a
 * delivery needs goods, `every` from 1 to 365, a ship-to location of the customer's, a first
 * delivery not before the subscription starts. Each refusal is BAD_USER_INPUT at its field.
 */
export async function resolveDelivery(
  em: EntityManager,
  customer: Customer,
  items: readonly ResolvedItem[],
  input: DeliveryInput | null | undefined,
  startsAt: Date,
  locationOf: (id: string, field: string) => Promise<Location>,
): Promise<{ services: ResolvedItem[]; delivery: ResolvedDelivery | null }> {
  const products = await boundRows<{ id: string; kind: ProductKind; sku: string | null }>(
    em,
    'select p.id, pr.kind, pr.sku from price p join product pr on pr.id = p.product_id where p.id = any(?::uuid[])',
    [items.map((i) => i.price.id)],
  );
  const byPrice = new Map(products.map((p) => [p.id, p]));
  const services: ResolvedItem[] = [];
  const goods: (ResolvedItem & { sku: string })[] = [];
  items.forEach((item, i) => {
    const product = byPrice.get(item.price.id);
    if (product?.kind === ProductKind.PHYSICAL && product.sku) {
      if (!input) {
        throw new InvalidInputError(
          `input.items[${i}].priceCode`,
          `price '${item.price.code}' sells goods (PHYSICAL); a subscription with goods needs input.delivery`,
        );
      }
      goods.push({ ...item, sku: product.sku });
    } else services.push(item);
  });
  if (!input) return { services, delivery: null };
  // Whose location it is comes first: a key that may not see it is refused before anything about the rest is said.
  const location = await locationOf(input.locationId, 'input.delivery.locationId');
  if (location.customer.id !== customer.id) throw new InvalidInputError('input.delivery.locationId', "not one of the customer's locations");
  if (goods.length === 0) throw new InvalidInputError('input.delivery', 'a delivery schedule needs at least one PHYSICAL item to deliver');
  if (!Number.isInteger(input.every) || input.every < 1 || input.every > MAX_EVERY) {
    throw new InvalidInputError('input.delivery.every', `every must be a whole number from 1 to ${MAX_EVERY}`);
  }
  const firstDeliveryAt = input.firstDeliveryAt ?? startsAt;
  if (firstDeliveryAt.getTime() < startsAt.getTime()) {
    throw new InvalidInputError('input.delivery.firstDeliveryAt', 'the first delivery cannot come before the subscription starts');
  }
  return {
    services,
    delivery: {
      every: input.every,
      unit: input.unit,
      location,
      firstDeliveryAt,
      billOn: input.billOn ?? OrderBilling.SHIPMENT,
      items: goods,
    },
  };
}
