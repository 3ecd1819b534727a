import { boundRows } from '../../db/bound-query';
import type { ServiceContext } from '../shared/service-context';
import type { Subscription } from '../subscriptions/subscription.entity';
import { clockForCustomer } from '../test-clocks/customer-clock';
import { collectInvoice } from './collect-invoice';

/**
 * After a change commits that finalized invoices (a subscription started, an ALWAYS_INVOICE
 * change, a final invoice at cancellation), the customer's collection steps due now are taken at
 * once, as Stripe charges at creation: the charge follows the commit, never inside it. A failure
 * here is not the change's: it starts dunning, and a step left undone (the process died) is
 * taken by the next billing or dunning run.
 */
export async function collectNow(ctx: ServiceContext, customerId: string): Promise<void> {
  const now = (await ctx.em.fork().transactional((em) => clockForCustomer(em, customerId, ctx.clock))).now();
  const due = await boundRows<{ id: string }>(
    ctx.em.fork(),
    `select id from invoice where customer_id = ? and status = 'OPEN' and next_collection_at <= ? order by id`,
    [customerId, now],
  );
  const context = { fork: () => ctx.em.fork(), providers: ctx.providers, actor: ctx.actor };
  for (const { id } of due) await collectInvoice(context, id, now, now);
}

/** collectNow for the subscription's customer, then the subscription as dunning may have left it (PAST_DUE after a declined first charge). */
export async function collectNowFor(ctx: ServiceContext, sub: Subscription): Promise<Subscription> {
  await collectNow(ctx, sub.customer.id);
  return (await ctx.em.refresh(sub, { populate: ['items', 'items.price'] as never })) ?? sub;
}
