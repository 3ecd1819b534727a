import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { Decimal, ZERO } from '../../pricing/decimal';
import { InvalidInputError } from '../errors';
import { canceledValue } from './line-value';
import type { OrderLine } from './order-line.entity';
import { type Order, OrderStatus } from './order.entity';

/** A quantity of a SKU to cancel of what an order has not shipped. */
export interface LineCancelInput {
  sku: string;
  quantity: Decimal;
}

/** What a line has neither shipped nor canceled: what may still ship, or be canceled. */
export function openQuantity(line: Pick<OrderLine, 'quantity' | 'quantityShipped' | 'quantityCanceled'>): Decimal {
  return line.quantity.minus(line.quantityShipped).minus(line.quantityCanceled);
}

/**
 * Cancels quantities of a placed order's lines that have not shipped: `requests` per SKU (lines
 * of one SKU in line order, as shipments fill them), or null for everything open. On each line
 * the backordered part goes first (it holds no stock), then the reserved part, which goes back to
 * `available`. The order's `canceledTotal` becomes what the canceled quantities take off its total
 * (line-value.ts); its status follows what is left: everything kept shipped → SHIPPED (CANCELED
 * when nothing shipped at all), else PARTIALLY_SHIPPED, BACKORDERED or PLACED. Returns what was
 * canceled per SKU. Bad quantities are BAD_USER_INPUT at `input.lines[i]`, before anything changes.
 */
export async function cancelOpenQuantities(
  em: EntityManager,
  order: Order,
  lines: readonly OrderLine[],
  requests: readonly LineCancelInput[] | null,
  now: Date,
): Promise<LineCancelInput[]> {
  const plan = requests === null ? lines.map((l) => [l, openQuantity(l)] as const) : planRequests(order, lines, requests);
  const released = new Map<string, Decimal>();
  const canceled = new Map<string, Decimal>();
  for (const [line, quantity] of plan) {
    if (!quantity.gt(0)) continue;
    const fromBackorder = Decimal.min(quantity, line.quantityBackordered);
    const fromReserved = quantity.minus(fromBackorder);
    line.quantityBackordered = line.quantityBackordered.minus(fromBackorder);
    line.quantityCanceled = line.quantityCanceled.plus(quantity);
    if (fromReserved.gt(0)) released.set(line.sku, (released.get(line.sku) ?? ZERO).plus(fromReserved));
    canceled.set(line.sku, (canceled.get(line.sku) ?? ZERO).plus(quantity));
  }
  await releaseStock(em, released, now);
  order.canceledTotal = lines.reduce((sum, l) => sum.plus(canceledValue(l, order.currency)), ZERO);
  order.status = statusAfter(lines);
  order.version++;
  order.updatedAt = now;
  await em.flush();
  return [...canceled].map(([sku, quantity]) => ({ sku, quantity }));
}

function planRequests(order: Order, lines: readonly OrderLine[], requests: readonly LineCancelInput[]): [OrderLine, Decimal][] {
  const seen = new Set<string>();
  const plan: [OrderLine, Decimal][] = [];
  requests.forEach((r, i) => {
    if (seen.has(r.sku)) throw new InvalidInputError(`input.lines[${i}].sku`, `SKU '${r.sku}' is listed twice`);
    seen.add(r.sku);
    if (!r.quantity.gt(0) || r.quantity.decimalPlaces() > 6) {
      throw new InvalidInputError(`input.lines[${i}].quantity`, 'a quantity above 0, with at most 6 decimals');
    }
    const ofSku = lines.filter((l) => l.sku === r.sku);
    if (ofSku.length === 0) throw new InvalidInputError(`input.lines[${i}].sku`, `order ${order.number} has no SKU '${r.sku}'`);
    const open = ofSku.reduce((s, l) => s.plus(openQuantity(l)), ZERO);
    if (r.quantity.gt(open)) {
      throw new InvalidInputError(
        `input.lines[${i}].quantity`,
        `${r.quantity.toFixed()} of '${r.sku}' is more than order ${order.number} has left to ship (${open.toFixed()})`,
      );
    }
    let left = r.quantity;
    for (const l of ofSku) {
      const take = Decimal.min(left, openQuantity(l));
      if (take.gt(0)) plan.push([l, take]);
      left = left.minus(take);
    }
  });
  return plan;
}

/** The status of a placed order by what its lines have left to ship. */
export function statusAfter(
  lines: readonly Pick<OrderLine, 'quantity' | 'quantityShipped' | 'quantityCanceled' | 'quantityBackordered'>[],
) {
  const shipped = lines.some((l) => l.quantityShipped.gt(0));
  if (lines.every((l) => !openQuantity(l).gt(0))) return shipped ? OrderStatus.SHIPPED : OrderStatus.CANCELED;
  if (shipped) return OrderStatus.PARTIALLY_SHIPPED;
  return lines.some((l) => l.quantityBackordered.gt(0)) ? OrderStatus.BACKORDERED : OrderStatus.PLACED;
}

/** Reserved stock back to `available`, in SKU order as placement locks the rows. */
async function releaseStock(em: EntityManager, released: ReadonlyMap<string, Decimal>, now: Date): Promise<void> {
  if (released.size === 0) return;
  await boundRows(
    em,
    `update inventory_level i set available = i.available + t.released, updated_at = ?
       from (select * from jsonb_to_recordset(?::jsonb) as r(sku text, released numeric) order by sku) t where i.sku = t.sku`,
    [now, JSON.stringify([...released].map(([sku, q]) => ({ sku, released: q.toFixed() })))],
  );
}
