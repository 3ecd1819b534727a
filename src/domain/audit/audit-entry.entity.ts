import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Role } from '../auth/actor';

/** One field's change: `before` is null for a created record, `after` for a deleted one. */
export interface FieldChange {
  before: unknown;
  after: unknown;
}

/**
 * One record changed by one mutation, written in the mutation's own transaction (audit.subscriber.ts).
 * The id is a sequence, so that "newest first" is the order of writing even within one instant.
 */
@Entity({ tableName: 'audit_entry' })
@Index({
  name: 'audit_entry_record_id_id_index',
  expression: 'create index "audit_entry_record_id_id_index" on "audit_entry" ("record_id", "id" desc)',
})
export class AuditEntry {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'timestamptz' })
  at!: Date;

  /** The key as it was then: a key renamed or revoked later still tells who did it. */
  @Property({ type: 'uuid' })
  actorKeyId!: string;

  @Property({ type: 'text' })
  actorName!: string;

  @Enum({ items: () => Role, nativeEnumName: 'api_key_role' })
  actorRole!: Role;

  @Property({ type: 'text' })
  operation!: string;

  @Property({ type: 'text' })
  recordType!: string;

  /** Text, not uuid: a few records are keyed otherwise (settings, composite keys). */
  @Property({ type: 'text', nullable: true })
  recordId!: string | null;

  @Property({ type: 'jsonb' })
  changes!: Record<string, FieldChange>;
}
