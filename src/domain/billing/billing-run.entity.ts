import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export enum BillingRunStatus {
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}

/**
 * One asynchronous billing run (startBillingRun), its progress written per batch as it goes
 * (docs/billing-runs.md). At most one RUNNING run per instant: a partial unique index
 * (billing_run_running_at_unique, in the migration) on `at` where the status is RUNNING.
 */
@Entity({ tableName: 'billing_run' })
@Index({ properties: ['startedAt', 'id'] })
@Index({
  name: 'billing_run_running_at_unique',
  expression: `create unique index "billing_run_running_at_unique" on "billing_run" ("at") where "status" = 'RUNNING'`,
})
export class BillingRun {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Boundaries at or before this instant are closed. */
  @Property({ type: 'timestamptz' })
  at!: Date;

  @Enum({ items: () => BillingRunStatus, nativeEnumName: 'billing_run_status' })
  status!: BillingRunStatus;

  /** Subscriptions handled so far (billed, or left after an error). */
  @Property({ type: 'int' })
  processed: number = 0;

  /** Subscriptions due when the run counted them; null until it has. */
  @Property({ type: 'int', nullable: true })
  total: number | null = null;

  @Property({ type: 'int' })
  invoicesCreated: number = 0;

  @Property({ type: 'timestamptz' })
  startedAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  error: string | null = null;

  /** The key that started it. */
  @Property({ type: 'text' })
  startedBy!: string;

  /**
   * The database's own time (clock_timestamp()) at the last progress write: whether the process
   * running it is alive is a question of real time, whatever clock the run is dated by.
   */
  @Property({ type: 'timestamptz' })
  heartbeatAt!: Date;
}
