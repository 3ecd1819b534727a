import { Entity, Enum, Index, ManyToOne, Opt, PrimaryKey, Property, Rel, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Customer } from '../customers/customer.entity';
import { DomainEvent } from '../events/domain-event.entity';

export enum EmailDeliveryStatus {
  /** Waiting for its next attempt (or leased by a worker sending it). */
  PENDING = 'PENDING',
  SENT = 'SENT',
  /** Given up: the server refused it for good (5xx), or every attempt failed for 3 days. */
  FAILED = 'FAILED',
}

/**
 * One e-mail: one event to one address. Unique per (event, address), so fanning an event out
 * twice, or to a contact listed twice, makes one e-mail. The subject is written at the fan-out
 * (the log shows what will be sent); the body is rendered when it is sent and never stored.
 */
@Entity({ tableName: 'email_delivery' })
@Unique({ properties: ['event', 'toAddress'] })
@Index({ properties: ['customer', 'createdAt', 'id'] })
@Index({ properties: ['createdAt', 'id'] })
@Index({
  name: 'email_delivery_due_index',
  expression: `create index "email_delivery_due_index" on "email_delivery" ("next_attempt_at") where "status" = 'PENDING'`,
})
export class EmailDelivery {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => DomainEvent, { fieldName: 'event_id' })
  event!: Rel<DomainEvent>;

  @Property({ type: 'text' })
  eventType!: string;

  @ManyToOne(() => Customer, { fieldName: 'customer_id', deleteRule: 'cascade' })
  customer!: Rel<Customer>;

  /** Lower-cased, so the unique key sees one address however it was typed. */
  @Property({ type: 'text' })
  toAddress!: string;

  @Property({ type: 'text' })
  subject!: string;

  @Enum({ items: () => EmailDeliveryStatus, nativeEnumName: 'email_delivery_status' })
  status!: EmailDeliveryStatus;

  @Property({ type: 'integer', default: 0 })
  attemptCount: number & Opt = 0;

  /** When it may be tried next; pushed ahead while a worker sends it (the lease). Null once done. */
  @Property({ type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null = null;

  /** The SMTP server's last refusal or the connection's error; never a body, never the server's credentials. */
  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  /** The fan-out: retries stop 3 days after it. */
  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  sentAt: Date | null = null;
}

/**
 * Where the e-mail fan-out stands in the outbox: one row, made by the first pass of a configured
 * worker at the outbox's horizon, so switching e-mail on never mails the past.
 */
@Entity({ tableName: 'email_cursor' })
export class EmailCursor {
  @PrimaryKey({ type: 'text' })
  id: string = 'default';

  @Property({ columnType: 'xid8', defaultRaw: 'pg_snapshot_xmin(pg_current_snapshot())' })
  cursorTxId!: string & Opt;

  @Property({ type: 'bigint', default: 0 })
  cursorPosition: string & Opt = '0';
}
