import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export enum TestClockStatus {
  READY = 'READY',
  ADVANCING = 'ADVANCING',
}

/**
 * Simulated time, as Stripe's test clocks: customers created on a clock live at its frozen time,
 * and only advancing the clock bills them (CONTRACT.md). The real-time billing run leaves them alone.
 */
@Entity({ tableName: 'test_clock' })
@Index({ properties: ['createdAt', 'id'] })
export class TestClock {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text', nullable: true })
  name: string | null = null;

  @Property({ type: 'timestamptz' })
  frozenTime!: Date;

  @Enum({ items: () => TestClockStatus, nativeEnumName: 'test_clock_status' })
  status!: TestClockStatus;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
