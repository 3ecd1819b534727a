import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Coupon } from './coupon.entity';
import { PromotionCode } from './promotion-code.entity';

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

/** Customers type promotion codes in any case: they are kept and looked up upper-cased. */
export function normalizePromotionCode(code: string): string {
  return code.toUpperCase();
}

/** null for an unknown code, or one no coupon could have (checked before a query sees it). */
export async function findCoupon(em: EntityManager, code: string, lock = false): Promise<Coupon | null> {
  if (typeof code !== 'string' || !CODE.test(code)) return null;
  return em.findOne(Coupon, { code }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : {});
}

export async function findPromotionCode(em: EntityManager, code: string, lock = false): Promise<PromotionCode | null> {
  if (typeof code !== 'string' || !CODE.test(code)) return null;
  const found = await em.findOne(
    PromotionCode,
    { code: normalizePromotionCode(code) },
    lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : {},
  );
  if (found) await em.populate(found, ['coupon'], lock ? { refresh: true } : {});
  return found;
}
