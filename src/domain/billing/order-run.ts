import type { Logger } from '../../logger';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../shared/clock';
import { dueOrderIds, OrderScope } from '../orders/order-due';
import { placeOrderBatch } from '../orders/order-placement';

export interface OrderRunOptions {
  fork: () => EntityManager;
  at: Date;
  clock: Clock;
  customerIds?: readonly string[];
  logger?: Logger;
  batchSize?: number;
}

export interface OrderRunResult {
  ordersPlaced: number;
  /** Due but not placed: over the customer's credit limit (order-placement.ts). */
  ordersHeld: number;
  ordersFailed: number;
}

const DEFAULT_BATCH = 500;

/**
 * Places every order due at or before `at` (issue 17), as runBilling renews: keyset pages of
 * due ids, one transaction per page (placeOrderBatch: locked SKIP LOCKED and re-checked under
 * the lock), a page that fails retried one order at a time so a failure stays with its order,
 * and passes repeated while they place something, since placing an order schedules the next,
 * which can be due already (a catch-up).
 */
export async function runOrderPlacement(options: OrderRunOptions): Promise<OrderRunResult> {
  const { at, logger } = options;
  const scope: OrderScope = options.customerIds ?? null;
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const failed = new Set<string>();
  let ordersPlaced = 0;
  let ordersHeld = 0;
  const place = async (ids: readonly string[]) => {
    const r = await options.fork().transactional((em) => placeOrderBatch(em, ids, at, options.clock.now()));
    ordersPlaced += r.placed;
    ordersHeld += r.held;
    return r.placed + r.held;
  };
  for (;;) {
    let progressed = 0;
    for (let after: string | null = null; ;) {
      const page = await dueOrderIds(options.fork(), at, scope, after, failed, batchSize);
      if (page.length === 0) break;
      after = page[page.length - 1];
      try {
        progressed += await place(page);
      } catch (err) {
        logger?.warn({ err, orders: page.length }, 'order placement: a batch failed as a whole; placing its orders one at a time');
        for (const id of page) {
          try {
            progressed += await place([id]);
          } catch (e) {
            failed.add(id);
            logger?.error({ err: e, orderId: id }, 'order placement: placing an order failed; it stays SCHEDULED');
          }
        }
      }
    }
    // Nothing placed in a pass: what is left is failed or held by another run, which places it.
    if (progressed === 0) break;
  }
  if (ordersPlaced + ordersHeld + failed.size > 0) {
    logger?.info({ at: at.toISOString(), ordersPlaced, ordersHeld, ordersFailed: failed.size }, 'order placement done');
  }
  return { ordersPlaced, ordersHeld, ordersFailed: failed.size };
}
