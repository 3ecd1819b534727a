import { Entity, Enum, Index, ManyToOne, Opt, PrimaryKey, Property, Rel, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** The systems a connection may link to (CONTRACT.md, Integrations); each has its own folder in src/connectors/. */
export enum ConnectedSystem {
  HUBSPOT = 'HUBSPOT',
  SALESFORCE = 'SALESFORCE',
  SAP_S4HANA = 'SAP_S4HANA',
  DYNAMICS_365 = 'DYNAMICS_365',
}

export enum ConnectionStatus {
  /** Synced by every pass. */
  ACTIVE = 'ACTIVE',
  /** Left alone: its cursor stays where it is, its records wait. */
  PAUSED = 'PAUSED',
}

export enum ConnectionRecordStatus {
  /** Waiting for its next attempt (or for the record it depends on, its customer's company). */
  PENDING = 'PENDING',
  /** The vendor holds the latest version (`syncedSeq` = `wantedSeq`). */
  SYNCED = 'SYNCED',
  /** The vendor refused it (a 4xx other than 429): retried with backoff until it turns DEAD. */
  FAILED = 'FAILED',
  /** Given up after MAX_ATTEMPTS; only `retryConnectionRecord` (or a newer version) sends it again. */
  DEAD = 'DEAD',
}

/**
 * A link to a seller's CRM or ERP (docs/connectors.md). The credentials are kept encrypted
 * (AES-256-GCM under TARIFF_SECRETS_KEY, secrets.ts) and are never read back out through the API.
 * The cursor walks the outbox as the webhook fan-out's does (fan-out.ts): (tx_id, position).
 */
@Entity({ tableName: 'connection' })
@Index({ properties: ['createdAt', 'id'] })
export class Connection {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Enum({ items: () => ConnectedSystem, nativeEnumName: 'connected_system' })
  system!: ConnectedSystem;

  @Property({ type: 'text' })
  baseUrl!: string;

  /** `v1.<base64url(iv | tag | ciphertext)>` of the credentials' JSON (secrets.ts); named so the audit log redacts it. */
  @Property({ type: 'text', hidden: true })
  credentialsSecret!: string;

  @Property({ type: 'jsonb' })
  settings!: Record<string, unknown>;

  @Enum({ items: () => ConnectionStatus, nativeEnumName: 'connection_status' })
  status!: ConnectionStatus;

  @Property({ columnType: 'xid8', defaultRaw: 'pg_snapshot_xmin(pg_current_snapshot())', hidden: true })
  cursorTxId!: string & Opt;

  @Property({ type: 'bigint', default: 0, hidden: true })
  cursorPosition: string & Opt = '0';

  /** Inbound: the vendor's last-modified time of the newest deal read (an ISO instant); null before the first read. */
  @Property({ type: 'text', nullable: true, hidden: true })
  inboundCursor: string | null = null;

  /** The end of the last pass that synced something. */
  @Property({ type: 'timestamptz', nullable: true })
  lastSyncAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * One Tariff record as one connection sees it: the sync log of docs/connectors.md. Unique per
 * (connection, record type, Tariff id): an event of the record makes it PENDING again with a
 * newer `wantedSeq` (the aggregate's sequence number); the engine sends the record's latest
 * event, never an older one after a newer one, so a record's versions reach the vendor in order.
 */
@Entity({ tableName: 'connection_record' })
@Unique({ properties: ['connection', 'recordType', 'tariffId'] })
@Index({ properties: ['connection', 'createdAt', 'id'] })
@Index({ properties: ['connection', 'status', 'nextAttemptAt'] })
export class ConnectionRecord {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Connection, { fieldName: 'connection_id' })
  connection!: Rel<Connection>;

  /** `customer`, `contact`, `subscription`, `order`, `invoice`, `credit_note`, `payment` (connector.ts, RECORD_TYPES). */
  @Property({ type: 'text' })
  recordType!: string;

  @Property({ type: 'uuid' })
  tariffId!: string;

  /** The customer whose company the record is associated with on the vendor side; null for a customer itself. */
  @Property({ type: 'uuid', nullable: true })
  customerId: string | null = null;

  /** The vendor's id, once it answered with one. */
  @Property({ type: 'text', nullable: true })
  externalId: string | null = null;

  @Enum({ items: () => ConnectionRecordStatus, nativeEnumName: 'connection_record_status' })
  status!: ConnectionRecordStatus;

  /** The outbox event to send: the record's latest. */
  @Property({ type: 'uuid' })
  eventId!: string;

  @Property({ type: 'integer' })
  wantedSeq!: number;

  @Property({ type: 'integer', default: 0 })
  syncedSeq: number & Opt = 0;

  /** Failed attempts since the last success. */
  @Property({ type: 'integer', default: 0 })
  attempts: number & Opt = 0;

  @Property({ type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null = null;

  /** The vendor's message of the last failure (never a credential: vendor-error.ts scrubs it). */
  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  syncedAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}

export enum ConnectionInboundStatus {
  /** A quote was made from it. */
  QUOTED = 'QUOTED',
  /** A quote was made and accepted (settings.inbound.accept): a subscription exists. */
  ACCEPTED = 'ACCEPTED',
  /** Not turned into a quote; `message` says why. Looked at again when the deal changes. */
  SKIPPED = 'SKIPPED',
}

/**
 * What a connection made of a vendor's closed-won deal (docs/connectors.md, inbound): one row per
 * deal, so reading the deal again never makes a second quote.
 */
@Entity({ tableName: 'connection_inbound' })
@Unique({ properties: ['connection', 'externalId'] })
export class ConnectionInbound {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Connection, { fieldName: 'connection_id' })
  connection!: Rel<Connection>;

  /** The deal's id on the vendor side. */
  @Property({ type: 'text' })
  externalId!: string;

  @Enum({ items: () => ConnectionInboundStatus, nativeEnumName: 'connection_inbound_status' })
  status!: ConnectionInboundStatus;

  @Property({ type: 'uuid', nullable: true })
  quoteId: string | null = null;

  /** The Tariff contact the deal's contact is (by the sync log or e-mail), when there is one. */
  @Property({ type: 'uuid', nullable: true })
  contactId: string | null = null;

  @Property({ type: 'text', nullable: true })
  message: string | null = null;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}
