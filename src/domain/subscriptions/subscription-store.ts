import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Actor, authorizeCustomer } from '../auth/actor';
import { ConflictError, NotFoundError } from '../errors';
import { isId } from '../shared/ids';
import { PendingProration } from './pending-proration.entity';
import { checkSelfService, SubscriptionRequest, writePermission } from './self-service-policy';
import type { ProrationDraft } from './subscription-pricing';
import { SubscriptionEvent } from './subscription-event.entity';
import { Subscription } from './subscription.entity';

/**
 * The subscription row locked for this transaction, after the actor's right to make `request` of
 * it (self-service-policy.ts; without a request, staff only) and the caller's `expectedVersion`
 * are checked: two concurrent changes serialize on the lock, and the second sees the first's version.
 */
export async function lockSubscription(
  em: EntityManager,
  actor: Actor,
  id: string,
  expectedVersion?: number | null,
  request?: SubscriptionRequest,
): Promise<Subscription> {
  return loadForWrite(em, actor, id, expectedVersion, request, LockMode.PESSIMISTIC_WRITE);
}

/** As lockSubscription, without the lock: for previews, which change nothing. */
export async function readSubscriptionForWrite(
  em: EntityManager,
  actor: Actor,
  id: string,
  expectedVersion: number | null | undefined,
  request: SubscriptionRequest,
): Promise<Subscription> {
  return loadForWrite(em, actor, id, expectedVersion, request, LockMode.NONE);
}

async function loadForWrite(
  em: EntityManager,
  actor: Actor,
  id: string,
  expectedVersion: number | null | undefined,
  request: SubscriptionRequest | undefined,
  lockMode: LockMode,
): Promise<Subscription> {
  // Locked alone: PostgreSQL refuses FOR UPDATE over the outer join a populate would add.
  const sub = isId(id) ? await em.findOne(Subscription, { id }, { lockMode }) : null;
  if (!sub) throw new NotFoundError('subscription', id, 'id');
  // Another customer's subscription is refused before anything else of it is read.
  authorizeCustomer(actor, writePermission(actor, request), sub.customer.id);
  await em.populate(sub, ['items', 'items.price']);
  await checkSelfService(em, actor, sub, request);
  if (expectedVersion !== undefined && expectedVersion !== null && expectedVersion !== sub.version) {
    throw new ConflictError(`subscription ${id} is at version ${sub.version}, not ${expectedVersion}; reload it and retry`, {
      field: 'expectedVersion',
      details: { currentVersion: sub.version },
    });
  }
  return sub;
}

export function itemsSnapshot(sub: Subscription): { priceCode: string; priceVersion: number; quantity: string }[] {
  return sub.items.getItems().map((i) => ({ priceCode: i.priceCode, priceVersion: i.price.version, quantity: i.quantity.toFixed() }));
}

/** Marks a change of the subscription: a new version, and when it happened. */
export function touch(sub: Subscription, now: Date): void {
  sub.version += 1;
  sub.updatedAt = now;
}

/**
 * One history row per change, with the subscription's version after it (call after `touch`). Key
 * names are not unique, so the row also keeps the key's id and role: a customer's own change
 * (self-service) is told apart from the seller's.
 */
export function recordEvent(
  em: EntityManager,
  sub: Subscription,
  type: string,
  actor: Actor,
  at: Date,
  data: Record<string, unknown> = {},
): void {
  em.create(SubscriptionEvent, {
    subscription: sub,
    customer: sub.customer,
    type,
    version: sub.version,
    at,
    actor: actor.name,
    data: { items: itemsSnapshot(sub), ...data, by: { keyId: actor.keyId, role: actor.role } },
  });
}

export function storeProrations(
  em: EntityManager,
  sub: Subscription,
  drafts: readonly (ProrationDraft | null)[],
  now: Date,
): PendingProration[] {
  return drafts
    .filter((d): d is ProrationDraft => d !== null)
    .map((d) =>
      em.create(PendingProration, {
        subscription: sub,
        customer: sub.customer,
        price: d.price.id,
        priceCode: d.price.code,
        description: d.description,
        quantity: d.quantity,
        amount: d.amount,
        periodStart: d.periodStart,
        periodEnd: d.periodEnd,
        steps: d.steps,
        createdAt: now,
      }),
    );
}
