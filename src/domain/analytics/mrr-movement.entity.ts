import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DecimalType } from '../../db/decimal.type';
import type { Decimal } from '../../pricing/decimal';

/** As ChartMogul and Baremetrics name them (README, Revenue analytics). */
export enum MrrMovementKind {
  NEW = 'NEW',
  EXPANSION = 'EXPANSION',
  CONTRACTION = 'CONTRACTION',
  CHURN = 'CHURN',
  REACTIVATION = 'REACTIVATION',
}

/**
 * The revenue ledger: one row per change of a subscription's MRR, written in the change's own
 * transaction. A subscription's MRR at any instant is the sum of its deltas up to then, so every
 * metric is an aggregation of this table, never a re-pricing of subscriptions. Deltas are exact to
 * the ledger's scale, not rounded: MRR is rounded once per figure (CONTRACT.md, mrr-figures.ts).
 */
@Entity({ tableName: 'mrr_movement' })
@Index({ properties: ['currency', 'at'] })
@Index({ properties: ['customerId', 'at'] })
@Index({ properties: ['subscriptionId', 'at'] })
export class MrrMovement {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  customerId!: string;

  @Property({ type: 'uuid' })
  subscriptionId!: string;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Enum({ items: () => MrrMovementKind, nativeEnumName: 'mrr_movement_kind' })
  kind!: MrrMovementKind;

  @Property({ type: DecimalType })
  delta!: Decimal;

  /** The subscription's MRR after this movement. */
  @Property({ type: DecimalType })
  mrrAfter!: Decimal;

  /** What moved it: the subscription history type (created, changed, canceled, trial_converted, …) or `contract`. */
  @Property({ type: 'text' })
  cause!: string;

  @Property({ type: 'timestamptz' })
  at!: Date;

  /**
   * The part of `delta` that moved the subscription's goods (PHYSICAL items on orders); the rest
   * moved its services. Exact as `delta` (docs/analytics.md, Goods and services).
   */
  @Property({ type: DecimalType, default: '0' })
  goodsDelta!: Decimal;
}
