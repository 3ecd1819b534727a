import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { minorUnits } from '../../pricing/currency';
import { type Decimal, HUNDRED, ZERO } from '../../pricing/decimal';
import { authorize } from '../auth/actor';
import { Price } from '../catalog/price.entity';
import { Customer } from '../customers/customer.entity';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors';
import { emitEvent } from '../events/emit-event';
import { isId } from '../shared/ids';
import { afterCursor, Page, PageArgs, pageSize, toPage } from '../shared/pagination';
import type { ServiceContext } from '../shared/service-context';
import { requireAtMost, requireCode, requireCurrency, requireText } from '../shared/validate';
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

const MAX_PRICE_CODES = 100;
/** A hundred years: longer is a typo, and the end must stay a date PostgreSQL can store. */
const MAX_DURATION_MONTHS = 1200;

/** Coupons and their promotion codes: made by the seller (ADMIN), read by its staff. Applying them: discount.service.ts. */
export class CouponService {
  constructor(private readonly ctx: ServiceContext) {}

  async create(input: CreateCouponInput): Promise<Coupon> {
    authorize(this.ctx.actor, 'coupons:write');
    const now = this.ctx.clock.now();
    const code = requireCode(input.code, 'input.code');
    const name = input.name == null ? null : requireText(input.name, 'input.name');
    const terms = discountTerms(input);
    const durationInMonths = durationOf(input);
    const maxRedemptions = limitOf(input.maxRedemptions, 'input.maxRedemptions');
    const redeemBy = futureOf(input.redeemBy, now, 'input.redeemBy');
    const codes = input.appliesToPriceCodes == null ? null : [...requireAtMost(input.appliesToPriceCodes, MAX_PRICE_CODES, 'input.appliesToPriceCodes')];
    if (codes !== null && codes.length === 0) throw new InvalidInputError('input.appliesToPriceCodes', 'name at least one price, or leave it out for every price');
    try {
      return await this.ctx.em.transactional(async (em) => {
        if (codes !== null) await requirePrices(em, codes);
        if (await em.count(Coupon, { code })) throw new ConflictError(`a coupon '${code}' already exists`, { field: 'input.code' });
        const coupon = em.create(Coupon, { code, name, ...terms, duration: input.duration, durationInMonths, appliesToPriceCodes: codes, maxRedemptions, redeemBy, createdAt: now });
        await em.flush();
        await emitEvent(em, couponCreatedEvent(coupon, now));
        return coupon;
      });
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) throw new ConflictError(`a coupon '${code}' already exists`, { field: 'input.code' });
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
    const code = normalizePromotionCode(requireCode(input.code, 'input.code'));
    const maxRedemptions = limitOf(input.maxRedemptions, 'input.maxRedemptions');
    const expiresAt = futureOf(input.expiresAt, now, 'input.expiresAt');
    try {
      return await this.ctx.em.transactional(async (em) => {
        const coupon = await findCoupon(em, input.couponCode);
        if (!coupon) throw new NotFoundError('coupon', String(input.couponCode).slice(0, 100), 'input.couponCode');
        let customer: Customer | null = null;
        if (input.customerId != null) {
          customer = isId(input.customerId) ? await em.findOne(Customer, { id: input.customerId }) : null;
          if (!customer) throw new NotFoundError('customer', input.customerId.slice(0, 100), 'input.customerId');
          if (coupon.currency !== null && coupon.currency !== customer.currency) {
            throw new InvalidInputError('input.customerId', `coupon ${coupon.code} takes ${coupon.currency} off; customer ${customer.id} is billed in ${customer.currency}`);
          }
        }
        if (await em.count(PromotionCode, { code })) throw new ConflictError(`a promotion code '${code}' already exists`, { field: 'input.code' });
        const promotion = em.create(PromotionCode, { code, coupon, customer, maxRedemptions, expiresAt, createdAt: now });
        await em.flush();
        return promotion;
      });
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) throw new ConflictError(`a promotion code '${code}' already exists`, { field: 'input.code' });
      throw err;
    }
  }

  async getPromotionCode(code: string): Promise<PromotionCode | null> {
    authorize(this.ctx.actor, 'coupons:read');
    return findPromotionCode(this.ctx.em, code);
  }
}

/** Exactly one of percent off (0 < p ≤ 100) and amount off (> 0, in a currency, at most its minor unit). */
function discountTerms(input: CreateCouponInput): { percentOff: Decimal | null; amountOff: Decimal | null; currency: string | null } {
  const percent = input.percentOff ?? null;
  const amount = input.amountOff ?? null;
  if ((percent === null) === (amount === null)) throw new InvalidInputError('input.percentOff', 'give percentOff or amountOff (with its currency), exactly one');
  if (percent !== null) {
    if (input.currency != null) throw new InvalidInputError('input.currency', 'a currency goes with amountOff only');
    if (percent.lte(ZERO) || percent.gt(HUNDRED)) throw new InvalidInputError('input.percentOff', 'percentOff must be greater than 0 and at most 100');
    return { percentOff: percent, amountOff: null, currency: null };
  }
  if (input.currency == null) throw new InvalidInputError('input.currency', 'amountOff needs the currency it is in');
  const currency = requireCurrency(input.currency, 'input.currency');
  if (amount!.lte(ZERO)) throw new InvalidInputError('input.amountOff', 'amountOff must be greater than 0');
  if (amount!.decimalPlaces() > minorUnits(currency)) throw new InvalidInputError('input.amountOff', `${currency} amounts have at most ${minorUnits(currency)} decimals`);
  return { percentOff: null, amountOff: amount, currency };
}

function durationOf(input: CreateCouponInput): number | null {
  const months = input.durationInMonths ?? null;
  if (input.duration !== CouponDuration.REPEATING) {
    if (months !== null) throw new InvalidInputError('input.durationInMonths', 'durationInMonths goes with a REPEATING duration only');
    return null;
  }
  if (months === null || !Number.isInteger(months) || months < 1 || months > MAX_DURATION_MONTHS) {
    throw new InvalidInputError('input.durationInMonths', `a REPEATING coupon lasts a whole number of months from 1 to ${MAX_DURATION_MONTHS}`);
  }
  return months;
}

function limitOf(value: number | null | undefined, field: string): number | null {
  if (value == null) return null;
  if (!Number.isInteger(value) || value < 1) throw new InvalidInputError(field, 'must be a whole number of at least 1');
  return value;
}

function futureOf(at: Date | null | undefined, now: Date, field: string): Date | null {
  if (at == null) return null;
  const year = at.getUTCFullYear();
  if (year < 1 || year > 9999) throw new InvalidInputError(field, 'must be between the years 0001 and 9999 (UTC)');
  if (at.getTime() <= now.getTime()) throw new InvalidInputError(field, 'must be in the future');
  return at;
}

async function requirePrices(em: ServiceContext['em'], codes: readonly string[]): Promise<void> {
  const seen = new Set<string>();
  codes.forEach((code, i) => {
    if (seen.has(code)) throw new InvalidInputError(`input.appliesToPriceCodes[${i}]`, `price '${code.slice(0, 100)}' appears twice`);
    seen.add(code);
    requireCode(code, `input.appliesToPriceCodes[${i}]`);
  });
  const found = new Set((await em.find(Price, { code: { $in: [...codes] }, isCurrent: true })).map((p) => p.code));
  const missing = codes.findIndex((c) => !found.has(c));
  if (missing >= 0) throw new InvalidInputError(`input.appliesToPriceCodes[${missing}]`, `unknown price '${codes[missing]}'`);
}
