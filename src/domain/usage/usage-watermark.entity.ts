import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * How far a customer's metric has been invoiced. recordUsage marks an event whose timestamp is
 * before it as late (`usage_event.late_pending`), under a per-customer advisory lock the billing
 * run takes exclusively, so an event is either in the aggregate a boundary bills or marked late
 * for the next invoice's adjustment: never both, never neither.
 */
@Entity({ tableName: 'usage_watermark' })
export class UsageWatermark {
  @PrimaryKey({ type: 'uuid' })
  customerId!: string;

  @PrimaryKey({ type: 'text' })
  metric!: string;

  @Property({ type: 'timestamptz' })
  billedThrough!: Date;
}
