import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DecimalType } from '../../db/decimal.type';
import type { Decimal } from '../../pricing/decimal';

/**
 * One unit of `currency` is worth `rate` units of `reportingCurrency` from `effectiveFrom` until
 * the pair's next row takes over. Reference data the seller enters (setExchangeRate) for the
 * converted revenue total; never used to bill (documents stay in their own currency).
 */
@Entity({ tableName: 'exchange_rate' })
@Unique({ properties: ['currency', 'reportingCurrency', 'effectiveFrom'] })
export class ExchangeRate {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Property({ type: 'string', length: 3 })
  reportingCurrency!: string;

  /** Exact, above 0, at most 12 decimals (validated by ExchangeRateService). */
  @Property({ type: DecimalType })
  rate!: Decimal;

  @Property({ type: 'timestamptz' })
  effectiveFrom!: Date;

  /** When it was last set (the caller's clock). */
  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}
