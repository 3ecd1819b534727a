import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export enum IdempotencyStatus {
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
}

/**
 * One `Idempotency-Key` of one API key (CONTRACT.md): the request it was first used with and the
 * response that request got, replayed to any retry with the same key and the same request.
 */
@Entity({ tableName: 'idempotency_key' })
@Unique({ properties: ['apiKeyId', 'key'] })
@Index({ properties: ['expiresAt'] })
export class IdempotencyKey {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  apiKeyId!: string;

  @Property({ type: 'text' })
  key!: string;

  /** SHA-256 of the operation name, query and variables the key was first used with. */
  @Property({ type: 'text' })
  requestHash!: string;

  @Enum({ items: () => IdempotencyStatus, nativeEnumName: 'idempotency_status' })
  status!: IdempotencyStatus;

  @Property({ type: 'integer', nullable: true })
  responseStatus: number | null = null;

  @Property({ type: 'jsonb', nullable: true })
  responseBody: Record<string, unknown> | null = null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  /** Kept at least 24 h; an IN_PROGRESS row past `lockedUntil` belongs to a request that died. */
  @Property({ type: 'timestamptz' })
  lockedUntil!: Date;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;
}
