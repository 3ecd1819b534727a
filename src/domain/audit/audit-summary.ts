import type { EntityManager } from '@mikro-orm/postgresql';
import { currentAuditScope } from './audit-context';
import { AuditEntry, FieldChange } from './audit-entry.entity';

/**
 * One entry for a mutation whose writes bypass the unit of work (set-based SQL, a billing
 * cycle): what it was asked and what it did, each value as an `after`. Through `em`, so that
 * inside a transaction it commits or rolls back with it. Nothing outside a mutation.
 */
export async function recordAuditSummary(
  em: EntityManager,
  record: { type: string; id: string | null },
  values: Record<string, unknown>,
): Promise<void> {
  const scope = currentAuditScope();
  if (!scope?.operation || !scope.actor) return;
  const changes: Record<string, FieldChange> = {};
  for (const [name, value] of Object.entries(values))
    changes[name] = { before: null, after: value instanceof Date ? value.toISOString() : value };
  await em.insert(AuditEntry, {
    at: scope.now(),
    actorKeyId: scope.actor.keyId,
    actorName: scope.actor.name,
    actorRole: scope.actor.role,
    operation: scope.operation,
    recordType: record.type,
    recordId: record.id,
    changes,
  });
}
