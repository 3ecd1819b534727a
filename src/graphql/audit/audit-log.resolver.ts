import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { AuditEntry } from '../../domain/audit/audit-entry.entity';
import type { Context } from '../context';
import { toConnection } from '../shared/connection';
import { AuditEntryConnection, AuditEntryType, AuditLogArgs } from './audit-log.types';

function toType(entry: AuditEntry): AuditEntryType {
  return {
    id: entry.id,
    at: entry.at,
    actor: { apiKeyId: entry.actorKeyId, name: entry.actorName, role: entry.actorRole },
    operation: entry.operation,
    recordType: entry.recordType,
    recordId: entry.recordId,
    changes: entry.changes,
  };
}

@Resolver(() => AuditEntryType)
export class AuditLogResolver {
  @Query(() => AuditEntryConnection, { description: 'What mutations changed, newest first (ADMIN)' })
  async auditLog(@Args(() => AuditLogArgs) args: AuditLogArgs, @Ctx() ctx: Context) {
    const page = await ctx.services.auditLog.list(args);
    const connection = toConnection(page);
    return { ...connection, edges: connection.edges.map((e) => ({ cursor: e.cursor, node: toType(e.node) })) };
  }
}
