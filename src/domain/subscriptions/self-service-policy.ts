import type { EntityManager } from '@mikro-orm/postgresql';
import { Actor, can, Permission } from '../auth/actor';
import { contactMayRequest } from '../auth/contact-permissions';
import { ForbiddenError } from '../errors';
import { readSellerSettings, SellerSettingsView } from '../settings/seller-settings.service';
import { ProrationBehavior } from './proration-behavior';
import type { ItemInput } from './subscription-items';
import type { Subscription } from './subscription.entity';

/** What a caller asks to do to a subscription, as far as self-service cares. */
export type SubscriptionRequest =
  | { action: 'change'; items: readonly ItemInput[]; behavior: ProrationBehavior }
  | { action: 'pause' }
  | { action: 'resume' }
  | { action: 'cancel'; atPeriodEnd: boolean };

/**
 * The permission a write to a subscription needs: the seller's staff write any subscription; a
 * CUSTOMER key self-serves its own, for the requests this module knows (change, pause, resume,
 * cancel), and nothing else (scheduled changes, price migrations).
 */
export function writePermission(actor: Actor, request: SubscriptionRequest | undefined): Permission {
  return request && !can(actor, 'subscriptions:write') && can(actor, 'subscriptions:selfServe')
    ? 'subscriptions:selfServe'
    : 'subscriptions:write';
}

/**
 * For a customer acting on its own subscription (writePermission already checked, items loaded):
 * the seller's settings must allow the request, each refusal naming the setting that forbids it.
 * Staff are not limited by them.
 */
export async function checkSelfService(
  em: EntityManager,
  actor: Actor,
  sub: Subscription,
  request: SubscriptionRequest | undefined,
): Promise<void> {
  if (!request || writePermission(actor, request) !== 'subscriptions:selfServe') return;
  if (!contactMayRequest(actor.contactRole, request.action)) {
    throw new ForbiddenError(`a ${actor.contactRole} contact may not ${request.action} subscriptions; the customer's ADMIN contact may`);
  }
  assertSelfServiceAllowed(await readSellerSettings(em), sub, request);
}

export function assertSelfServiceAllowed(settings: SellerSettingsView, sub: Subscription, request: SubscriptionRequest): void {
  switch (request.action) {
    case 'pause':
    case 'resume':
      if (!settings.allowSelfServicePause)
        throw new ForbiddenError(
          `the seller's settings do not allow customers to ${request.action} their subscriptions (allowSelfServicePause)`,
        );
      return;
    case 'cancel':
      if (!settings.allowSelfServiceCancel)
        throw new ForbiddenError("the seller's settings do not allow customers to cancel their subscriptions (allowSelfServiceCancel)");
      // Cancelling now credits and ends the service at once: a decision for the seller.
      if (!request.atPeriodEnd) throw new ForbiddenError('a customer may only cancel at the period end (atPeriodEnd: true)');
      return;
    case 'change':
      assertChangeAllowed(settings, sub, request.items, request.behavior);
  }
}

/**
 * A customer changes quantities (allowSelfServiceQuantityChange) and moves between the seller's
 * listed plans (selfServicePriceCodes): every price it adds or drops must be listed, and without
 * quantity changes a switch keeps the quantities it replaces. Always prorated: NONE would be a
 * free upgrade for the rest of the period.
 */
function assertChangeAllowed(
  settings: SellerSettingsView,
  sub: Subscription,
  items: readonly ItemInput[],
  behavior: ProrationBehavior,
): void {
  if (behavior === ProrationBehavior.NONE) {
    throw new ForbiddenError(
      "a customer's own change is always prorated: prorationBehavior NONE is for the seller (use CREATE_PRORATIONS or ALWAYS_INVOICE)",
      { field: 'input.prorationBehavior' },
    );
  }
  const listed = new Set(settings.selfServicePriceCodes);
  const current = new Map(sub.items.getItems().map((i) => [i.priceCode, i.quantity]));
  const wanted = new Set(items.map((i) => i.priceCode));
  const added: string[] = [];
  const removed = [...current].filter(([code]) => !wanted.has(code)).map(([code, quantity]) => ({ code, quantity }));
  items.forEach((item, i) => {
    const old = current.get(item.priceCode);
    if (old === undefined) {
      if (!listed.has(item.priceCode)) {
        throw new ForbiddenError(
          `price '${item.priceCode}' is not among the plans the seller's settings let customers switch to (selfServicePriceCodes)`,
          { field: `input.items[${i}].priceCode` },
        );
      }
      added.push(item.quantity.toFixed());
    } else if (!old.eq(item.quantity) && !settings.allowSelfServiceQuantityChange) {
      throw new ForbiddenError("the seller's settings do not allow customers to change quantities (allowSelfServiceQuantityChange)", {
        field: `input.items[${i}].quantity`,
      });
    }
  });
  for (const r of removed) {
    if (!listed.has(r.code))
      throw new ForbiddenError(
        `price '${r.code}' is not among the seller's self-service plans (selfServicePriceCodes): only the seller removes it`,
        { field: 'input.items' },
      );
  }
  if (!settings.allowSelfServiceQuantityChange) {
    const before = removed.map((r) => r.quantity.toFixed()).sort();
    if (added.sort().join('|') !== before.join('|')) {
      throw new ForbiddenError(
        "the seller's settings do not allow customers to change quantities (allowSelfServiceQuantityChange): a plan switch keeps the quantity",
        { field: 'input.items' },
      );
    }
  }
}
