import { ZERO } from '../../pricing/decimal';
import { nextPurchaseOrderNumber, parsePurchaseOrderNumber } from '../customers/purchase-order';
import type { Decimal } from '../../pricing/decimal';
import { DraftLine, prorationLines } from '../invoices/invoice-draft';
import { draftProrationInvoice } from '../invoices/proration-invoice';
import type { ServiceContext } from '../shared/service-context';
import { clockForCustomer } from '../test-clocks/customer-clock';
import { PendingProration } from './pending-proration.entity';
import type { ChangeSubscriptionInput } from './subscription-change.service';
import { planChange } from './subscription-change-plan';
import { ProrationBehavior } from './proration-behavior';
import { readSubscriptionForWrite } from './subscription-store';
import { assertAllowed } from './subscription-transitions';
import type { Subscription } from './subscription.entity';

export interface SubscriptionChangePreview {
  subscription: Subscription;
  prorationBehavior: ProrationBehavior;
  /** The instant the change is priced at: the customer's clock now. */
  at: Date;
  /** The proration lines the change would store (CREATE_PRORATIONS) or invoice (ALWAYS_INVOICE), each with its tax. */
  lines: DraftLine[];
  subtotal: Decimal;
  tax: Decimal;
  total: Decimal;
  /**
   * ALWAYS_INVOICE: the total of the invoice the change makes at once (the pending prorations
   * already waiting included); CREATE_PRORATIONS: what the next invoice gains; NONE: zero.
   */
  amountDueNow: Decimal;
}

/**
 * What changeSubscription would do, by the same code (planChange, prorationLines,
 * draftProrationInvoice) and the same checks, the self-service rules included, writing nothing.
 */
export class SubscriptionChangePreviewService {
  constructor(private readonly ctx: ServiceContext) {}

  async preview(input: ChangeSubscriptionInput): Promise<SubscriptionChangePreview> {
    const behavior = input.prorationBehavior ?? ProrationBehavior.CREATE_PRORATIONS;
    const givenNumber = parsePurchaseOrderNumber(input.purchaseOrderNumber);
    // A transaction for the test clock's share lock (clockForCustomer), not for writes: there are none.
    return this.ctx.em.transactional(async (em) => {
      const sub = await readSubscriptionForWrite(em, this.ctx.actor, input.id, input.expectedVersion, {
        action: 'change',
        items: input.items,
        behavior,
      });
      assertAllowed('change', sub.status);
      await nextPurchaseOrderNumber(em, sub, givenNumber);
      const now = (await clockForCustomer(em, sub.customer.id, this.ctx.clock)).now();
      const plan = await planChange(em, sub, input.items, behavior, now);
      // As storeProrations will store them.
      const prorations = (plan?.prorations ?? []).map((d) => ({ ...d, priceCode: d.price.code }));
      const lines = plan?.pricer ? prorationLines(plan.pricer, prorations) : [];
      const subtotal = lines.reduce((sum, l) => sum.plus(l.amount), ZERO);
      const tax = lines.reduce((sum, l) => sum.plus(l.tax), ZERO);
      let amountDueNow = subtotal.plus(tax);
      if (behavior === ProrationBehavior.ALWAYS_INVOICE) {
        amountDueNow = ZERO;
        if (plan?.pricer) {
          const pending = await em.find(
            PendingProration,
            { subscription: sub.id },
            { orderBy: { createdAt: 'asc', amount: 'asc', priceCode: 'asc' } },
          );
          const billed = [...pending, ...prorations];
          if (billed.length > 0) amountDueNow = (await draftProrationInvoice(plan.pricer, sub, billed, now)).total;
        }
      }
      return { subscription: sub, prorationBehavior: behavior, at: now, lines, subtotal, tax, total: subtotal.plus(tax), amountDueNow };
    });
  }
}
