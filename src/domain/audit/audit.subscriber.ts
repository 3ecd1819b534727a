import { ChangeSetType, EventSubscriber, FlushEventArgs, Reference, ReferenceKind, Utils, wrap } from '@mikro-orm/core';
import type { ChangeSet } from '@mikro-orm/core';
import { AuditScope, currentAuditScope } from './audit-context';
import { AuditEntry, FieldChange } from './audit-entry.entity';
import { BOOKKEEPING_PROPERTIES, isSecretProperty, REDACTED, UNAUDITED_ENTITIES } from './audit-redaction';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A value as JSON holds it: dates as ISO strings, decimals as strings, related records as their
 * ids. Half a surrogate pair becomes U+FFFD, as the text column it was written to stores it
 * (UTF-8 has no encoding for it); jsonb would refuse the whole entry, and the mutation with it.
 */
function plain(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.replace(LONE_SURROGATE, '\uFFFD');
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (Reference.isReference(value)) return plain(value.unwrap());
  if (Utils.isEntity(value)) return wrap(value, true).getSerializedPrimaryKey();
  if (Array.isArray(value)) return (value as unknown[]).map(plain);
  const json = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof json === 'function') return plain(json.call(value));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
}

function fieldChange(name: string, before: unknown, after: unknown): FieldChange | null {
  const [b, a] = [plain(before), plain(after)];
  if (JSON.stringify(b) === JSON.stringify(a)) return null;
  if (isSecretProperty(name)) return { before: b === null ? null : REDACTED, after: a === null ? null : REDACTED };
  return { before: b, after: a };
}

/**
 * What a deleted record held, as its entity has it: a delete's change set carries neither a
 * payload nor the original row. Its columns only; its collections are records of their own.
 */
function columnsOf(cs: ChangeSet<object>): Record<string, unknown> {
  const entity = cs.entity as Record<string, unknown>;
  const columns = cs.meta.props.filter(
    (p) =>
      p.persist !== false &&
      (p.kind === ReferenceKind.SCALAR ||
        p.kind === ReferenceKind.EMBEDDED ||
        p.kind === ReferenceKind.MANY_TO_ONE ||
        (p.kind === ReferenceKind.ONE_TO_ONE && p.owner)),
  );
  return Object.fromEntries(columns.map((p) => [p.name, entity[p.name]]));
}

/** The changed fields of one change set; an update lists only what its payload changes, a delete every column it held. */
export function changesOf(cs: ChangeSet<object>): Record<string, FieldChange> {
  const deleted = cs.type === ChangeSetType.DELETE || cs.type === ChangeSetType.DELETE_EARLY;
  const original = (deleted ? columnsOf(cs) : (cs.originalEntity ?? {})) as Record<string, unknown>;
  const payload = cs.payload as Record<string, unknown>;
  const names = Object.keys(deleted ? original : payload);
  const created = cs.type === ChangeSetType.CREATE;
  const out: Record<string, FieldChange> = {};
  for (const name of names) {
    const change = fieldChange(name, created ? null : original[name], deleted ? null : payload[name]);
    if (change) out[name] = change;
  }
  return out;
}

/**
 * Records what a GraphQL mutation changes through the unit of work: in onFlush, so the entries are
 * inserted by the same flush, in the same transaction, as the changes they describe; a mutation
 * that fails and rolls back leaves none. Outside a mutation (queries, jobs, CLIs) it does nothing.
 */
export class AuditSubscriber implements EventSubscriber {
  onFlush(args: FlushEventArgs): void {
    const scope = currentAuditScope();
    if (!scope?.operation || !scope.actor) return;
    const entries: AuditEntry[] = [];
    for (const cs of args.uow.getChangeSets()) {
      if (UNAUDITED_ENTITIES.has(cs.name)) continue;
      const changes = changesOf(cs);
      if (Object.keys(changes).every((name) => BOOKKEEPING_PROPERTIES.has(name))) continue;
      entries.push(entryFor(args, scope as Required<AuditScope>, cs.name, cs.getSerializedPrimaryKey(), changes));
    }
    for (const entry of entries) args.uow.computeChangeSet(entry);
  }
}

function entryFor(
  args: FlushEventArgs,
  scope: Required<AuditScope>,
  recordType: string,
  recordId: string | null,
  changes: Record<string, FieldChange>,
): AuditEntry {
  return args.em.create(
    AuditEntry,
    {
      at: scope.now(),
      actorKeyId: scope.actor.keyId,
      actorName: scope.actor.name,
      actorRole: scope.actor.role,
      operation: scope.operation,
      recordType,
      recordId,
      changes,
    },
    { persist: false },
  );
}
