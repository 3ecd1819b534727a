import { ArrayType, Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';

export enum DunningFinalAction {
  CANCEL_SUBSCRIPTION = 'CANCEL_SUBSCRIPTION',
  MARK_UNCOLLECTIBLE = 'MARK_UNCOLLECTIBLE',
  LEAVE_PAST_DUE = 'LEAVE_PAST_DUE',
}

/**
 * The seller's one dunning policy (a single row, id 'default'). Each step reads it as it is
 * then: a change applies to invoices already in dunning from their next step, counted from
 * their first failure as before.
 */
@Entity({ tableName: 'dunning_policy' })
export class DunningPolicy {
  @PrimaryKey({ type: 'text' })
  id: string = 'default';

  /** Days after the first failure (or, for SEND_INVOICE, after the due date) of each retry or reminder. */
  @Property({ type: ArrayType<number>, columnType: 'integer[]' })
  retryAfterDays!: number[];

  /** Days after the last failed retry before the final action. */
  @Property({ type: 'integer' })
  graceDays!: number;

  @Enum({ items: () => DunningFinalAction, nativeEnumName: 'dunning_final_action' })
  finalAction!: DunningFinalAction;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}
