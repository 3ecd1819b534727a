import { ArrayType, Entity, Enum, Index, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export enum WebhookEndpointStatus {
  ENABLED = 'ENABLED',
  DISABLED = 'DISABLED',
}

/**
 * Where events are posted (CONTRACT.md, webhooks). The delivery worker fans the outbox out to
 * each enabled endpoint from its cursor, then posts the deliveries, signed with the secret.
 */
@Entity({ tableName: 'webhook_endpoint' })
@Index({ properties: ['createdAt', 'id'] })
export class WebhookEndpoint {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  url!: string;

  /** `*`, `<aggregate>.*` or `<aggregate>.<verb>` (event-types.ts). */
  @Property({ type: ArrayType })
  eventTypes!: string[];

  /**
   * The HMAC key of Tariff-Signature, shown once at creation. Kept in clear, unlike API key
   * secrets: signing needs the key itself, so a hash would be useless. Never read back out.
   */
  @Property({ type: 'text', hidden: true })
  secret!: string;

  @Enum({ items: () => WebhookEndpointStatus, nativeEnumName: 'webhook_endpoint_status' })
  status!: WebhookEndpointStatus;

  /**
   * The fan-out cursor: the last (tx_id, position) of domain_event handed to this endpoint.
   * Ordered by writing transaction first (fan-out.ts says why). A new endpoint starts at the
   * oldest transaction still running, so it receives what commits after its creation.
   */
  @Property({ columnType: 'xid8', defaultRaw: 'pg_snapshot_xmin(pg_current_snapshot())', hidden: true })
  cursorTxId!: string & Opt;

  @Property({ type: 'bigint', default: 0, hidden: true })
  cursorPosition: string & Opt = '0';

  /** The first failed attempt since the last success; null while deliveries succeed. */
  @Property({ type: 'timestamptz', nullable: true })
  failingSince: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null = null;
}
