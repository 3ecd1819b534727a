import type { FilterQuery } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { boundRows } from '../../db/bound-query';
import { Decimal, MAX_DECIMAL_PLACES, MAX_INTEGER_DIGITS } from '../../pricing/decimal';
import { authorize } from '../auth/actor';
import { InvalidInputError } from '../errors';
import type { ServiceContext } from '../shared/service-context';
import { requireCurrency } from '../shared/validate';
import { ExchangeRate } from './exchange-rate.entity';

export interface SetExchangeRateInput {
  currency: string;
  reportingCurrency: string;
  rate: Decimal;
  effectiveFrom: Date;
}

export interface ExchangeRateFilter {
  currency?: string | null;
  reportingCurrency?: string | null;
  first?: number | null;
}

const MAX_LIST = 1000;
const DEFAULT_LIST = 100;

/** The exchange-rate table behind convertedRevenueMetrics (README, Revenue analytics). */
export class ExchangeRateService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * Sets the rate of a pair from an instant: one row per (currency, reporting currency, effective
   * from), so setting the same instant again corrects that row rather than adding a second one.
   */
  async set(input: SetExchangeRateInput): Promise<ExchangeRate> {
    authorize(this.ctx.actor, 'exchangeRates:write');
    const { currency, reportingCurrency } = validated(input);
    const now = this.ctx.clock.now();
    return this.ctx.em.transactional(async (em) => {
      // An upsert in one statement: two concurrent sets of one key both succeed, the later wins.
      const [row] = await boundRows<{ id: string }>(
        em,
        `insert into exchange_rate (id, currency, reporting_currency, rate, effective_from, updated_at) values (?, ?, ?, ?, ?, ?)
         on conflict (currency, reporting_currency, effective_from) do update set rate = excluded.rate, updated_at = excluded.updated_at
         returning id`,
        [randomUUID(), currency, reportingCurrency, input.rate.toFixed(), input.effectiveFrom, now],
      );
      return em.findOneOrFail(ExchangeRate, { id: row.id }, { refresh: true });
    });
  }

  /** Newest first, per pair; at most `first` (default 100, at most 1,000) rows. */
  async list(filter: ExchangeRateFilter = {}): Promise<ExchangeRate[]> {
    authorize(this.ctx.actor, 'analytics:read');
    const limit = filter.first ?? DEFAULT_LIST;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST)
      throw new InvalidInputError('first', `first must be between 1 and ${MAX_LIST}`);
    const where: FilterQuery<ExchangeRate> = {};
    if (filter.currency != null) where.currency = requireCurrency(filter.currency, 'currency');
    if (filter.reportingCurrency != null) where.reportingCurrency = requireCurrency(filter.reportingCurrency, 'reportingCurrency');
    return this.ctx.em.find(ExchangeRate, where, {
      orderBy: [{ reportingCurrency: 'asc' }, { currency: 'asc' }, { effectiveFrom: 'desc' }],
      limit,
    });
  }
}

/** The pair's codes as stored, once every field has been checked. */
function validated(input: SetExchangeRateInput): { currency: string; reportingCurrency: string } {
  const currency = requireCurrency(input.currency, 'currency');
  const reportingCurrency = requireCurrency(input.reportingCurrency, 'reportingCurrency');
  if (currency === reportingCurrency) {
    throw new InvalidInputError(
      'reportingCurrency',
      `reportingCurrency must differ from currency: ${currency} converts to itself at 1 without a rate`,
    );
  }
  const { rate } = input;
  if (!rate.isFinite() || rate.lte(0)) throw new InvalidInputError('rate', 'rate must be above 0');
  if (rate.decimalPlaces() > MAX_DECIMAL_PLACES)
    throw new InvalidInputError('rate', `rate must have at most ${MAX_DECIMAL_PLACES} decimals`);
  if (rate.gte(new Decimal(10).pow(MAX_INTEGER_DIGITS)))
    throw new InvalidInputError('rate', `rate must have at most ${MAX_INTEGER_DIGITS} digits before the decimal point`);
  if (Number.isNaN(input.effectiveFrom.getTime())) throw new InvalidInputError('effectiveFrom', 'effectiveFrom must be a valid instant');
  return { currency, reportingCurrency };
}
