import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Decimal } from '../../pricing/decimal';
import { authorize } from '../auth/actor';
import { Price } from '../catalog/price.entity';
import { Customer } from '../customers/customer.entity';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors';
import { emitEvent } from '../events/emit-event';
import { isId } from '../shared/ids';
import { afterCursor, Page, PageArgs, pageSize, toPage } from '../shared/pagination';
import type { ServiceContext } from '../shared/service-context';
import { parseInput } from '../shared/input-schema';
import { createCouponSchema, createPromotionCodeSchema } from './coupon.schema';
import { couponCreatedEvent } from './coupon-events';
import { findCoupon, findPromotionCode, normalizePromotionCode } from './coupon-lookup';
import { Coupon, CouponDuration } from './coupon.entity';
import { PromotionCode } from './promotion-code.entity';

export interface CreateCouponInput {
  code: string;
  name?: string | null;
  percentOff?: Decimal | null;
  amountOff?: Decimal | null;
  currency?: string | null;
  duration: CouponDuration;
  durationInMonths?: number | null;
  appliesToPriceCodes?: readonly string[] | null;
  maxRedemptions?: number | null;
  redeemBy?: Date | null;
}

export interface CreatePromotionCodeInput {
  code: string;
  couponCode: string;
  maxRedemptions?: number | null;
  expiresAt?: Date | null;
  customerId?: string | null;
}

/** Coupons and their promotion codes: made by the seller (ADMIN), read by its staff. Applying them: discount.service.ts. */
export class CouponService {
  constructor(private readonly ctx: ServiceContext) {}

  async create(input: CreateCouponInput): Promise<Coupon> {
    authorize(this.ctx.actor, 'coupons:write');
    const now = this.ctx.clock.now();
    const {
      code,
      name,
      percentOff,
      amountOff,
      currency,
      duration,
      durationInMonths,
      appliesToPriceCodes: codes,
      maxRedemptions,
      redeemBy,
    } = parseInput(createCouponSchema(now), input, 'input');
    try {
      return await this.ctx.em.transactional(async (em) => {
        if (codes !== null) await requirePrices(em, codes);
        if (await em.count(Coupon, { code })) throw new ConflictError(`a coupon '${code}' already exists`, { field: 'input.code' });
        const coupon = em.create(Coupon, {
          code,
          name,
          percentOff,
          amountOff,
          currency,
          duration,
          durationInMonths,
          appliesToPriceCodes: codes,
          maxRedemptions,
          redeemBy,
          createdAt: now,
        });
        await em.flush();
        await emitEvent(em, couponCreatedEvent(coupon, now));
        return coupon;
      });
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException)
        throw new ConflictError(`a coupon '${code}' already exists`, { field: 'input.code' });
      throw err;
    }
  }

  async get(code: string): Promise<Coupon | null> {
    authorize(this.ctx.actor, 'coupons:read');
    return findCoupon(this.ctx.em, code);
  }

  /** Oldest first. */
  async list(args: PageArgs): Promise<Page<Coupon>> {
    authorize(this.ctx.actor, 'coupons:read');
    const size = pageSize(args.first);
    const rows = await this.ctx.em.find(Coupon, afterCursor(args.after), { orderBy: { createdAt: 'asc', id: 'asc' }, limit: size + 1 });
    return toPage(rows, size);
  }

  async createPromotionCode(input: CreatePromotionCodeInput): Promise<PromotionCode> {
    authorize(this.ctx.actor, 'coupons:write');
    const now = this.ctx.clock.now();
    const checked = parseInput(createPromotionCodeSchema(now), input, 'input');
    const { maxRedemptions, expiresAt } = checked;
    const code = normalizePromotionCode(checked.code);
    try {
      return await this.ctx.em.transactional(async (em) => {
        const coupon = await findCoupon(em, input.couponCode);
        if (!coupon) throw new NotFoundError('coupon', String(input.couponCode).slice(0, 100), 'input.couponCode');
        let customer: Customer | null = null;
        if (input.customerId != null) {
          customer = isId(input.customerId) ? await em.findOne(Customer, { id: input.customerId }) : null;
          if (!customer) throw new NotFoundError('customer', input.customerId.slice(0, 100), 'input.customerId');
          if (coupon.currency !== null && coupon.currency !== customer.currency) {
            throw new InvalidInputError(
              'input.customerId',
              `coupon ${coupon.code} takes ${coupon.currency} off; customer ${customer.id} is billed in ${customer.currency}`,
            );
          }
        }
        if (await em.count(PromotionCode, { code }))
          throw new ConflictError(`a promotion code '${code}' already exists`, { field: 'input.code' });
        const promotion = em.create(PromotionCode, { code, coupon, customer, maxRedemptions, expiresAt, createdAt: now });
        await em.flush();
        return promotion;
      });
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException)
        throw new ConflictError(`a promotion code '${code}' already exists`, { field: 'input.code' });
      throw err;
    }
  }

  async getPromotionCode(code: string): Promise<PromotionCode | null> {
    authorize(this.ctx.actor, 'coupons:read');
    return findPromotionCode(this.ctx.em, code);
  }
}

async function requirePrices(em: ServiceContext['em'], codes: readonly string[]): Promise<void> {
  const found = new Set((await em.find(Price, { code: { $in: [...codes] }, isCurrent: true })).map((p) => p.code));
  const missing = codes.findIndex((c) => !found.has(c));
  if (missing >= 0) throw new InvalidInputError(`input.appliesToPriceCodes[${missing}]`, `unknown price '${codes[missing]}'`);
}
