import { InvalidInputError } from '../errors';
import { authorize } from '../auth/actor';
import { pageSize, PageArgs, Page } from '../shared/pagination';
import type { ServiceContext } from '../shared/service-context';
import { AuditEntry } from './audit-entry.entity';

export interface AuditLogArgs extends PageArgs {
  recordId?: string | null;
}

const CURSOR = /^[1-9][0-9]{0,17}$/;

/** The cursor is the entry's id (a sequence): newest first is id descending. */
function afterId(after: string | null | undefined): string | null {
  if (after == null) return null;
  const id = Buffer.from(after, 'base64url').toString('utf8');
  if (!CURSOR.test(id)) throw new InvalidInputError('after', 'invalid cursor');
  return id;
}

export class AuditLogService {
  constructor(private readonly ctx: ServiceContext) {}

  /** Newest first, optionally one record's history (the (record_id, id) index serves both). */
  async list(args: AuditLogArgs): Promise<Page<AuditEntry>> {
    authorize(this.ctx.actor, 'audit:read');
    const size = pageSize(args.first);
    const after = afterId(args.after);
    if (args.recordId != null && args.recordId.length > 200) throw new InvalidInputError('recordId', 'recordId is at most 200 characters');
    const where: Record<string, unknown> = {};
    if (args.recordId != null) where.recordId = args.recordId;
    if (after) where.id = { $lt: after };
    const rows = await this.ctx.em.find(AuditEntry, where, { orderBy: { id: 'desc' }, limit: size + 1 });
    return {
      nodes: rows.slice(0, size),
      hasNextPage: rows.length > size,
      cursorOf: (e) => Buffer.from(e.id, 'utf8').toString('base64url'),
    };
  }
}
