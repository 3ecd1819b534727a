import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../domain/auth/actor';
import { ProductUpsertService } from '../../domain/catalog/product-upsert.service';
import { PriceService } from '../../domain/catalog/price.service';
import { ExternalIdKind } from '../../domain/external-ids/external-id-tables';
import { linkExternalId } from '../../domain/external-ids/external-id.service';
import { UpsertOutcome } from '../../domain/external-ids/upsert';
import { ManualClock } from '../../domain/shared/clock';
import type { MappedPrice } from '../map/map-price';
import { importTransaction } from './import-transaction';
import { STRIPE } from '../stripe/stripe-system';
import { NO_PAYMENT_PROVIDERS } from '../../domain/payments/providers';

/**
 * Products and prices go through the catalog services, as a seller's createProduct and createPrice
 * would: the catalog is small, and every rule config is validated by its rule's parseConfig. Each
 * record is one transaction, its external id included. The services date what they create by
 * their clock: here the record's own creation in Stripe.
 */
export async function writeProduct(
  em: EntityManager,
  actor: Actor,
  product: { stripeId: string; name: string; createdAt: Date },
): Promise<'created' | 'existing'> {
  const ctx = { em, actor, clock: new ManualClock(product.createdAt), providers: NO_PAYMENT_PROVIDERS };
  const { outcome } = await new ProductUpsertService(ctx).upsert({
    externalId: { system: STRIPE, id: product.stripeId },
    code: product.stripeId,
    name: product.name,
  });
  return outcome === UpsertOutcome.CREATED ? 'created' : 'existing';
}

export async function writePrice(em: EntityManager, actor: Actor, price: MappedPrice, productCode: string, now: Date): Promise<void> {
  await importTransaction(em, async (tx) => {
    const ctx = { em: tx, actor, clock: new ManualClock(price.createdAt ?? now), providers: NO_PAYMENT_PROVIDERS };
    const prices = new PriceService(ctx);
    await prices.create({
      code: price.code,
      productCode,
      currency: price.currency,
      interval: price.interval,
      intervalCount: price.intervalCount,
      rule: price.rule,
    });
    await linkExternalId(tx, ExternalIdKind.PRICE, price.code, STRIPE, price.stripeId);
    // Archived in Stripe: kept by the subscriptions on it, sold to no one new.
    if (price.archived) await prices.archive(price.code);
  });
}
