import { insertAudit } from '../../../db/queries/audit';
import { newId } from '../../../shared/domain/ids';
import type { BackendContext } from '../context';

export interface AuditEntry {
  forumId: string | null;
  action: string;
  subjectType?: string;
  subjectId?: string;
  detail?: Record<string, unknown>;
}

/** Appends one record to the audit log; call it inside the transaction of the action it records. */
export function recordAudit(ctx: BackendContext, entry: AuditEntry): void {
  const at = ctx.now();
  insertAudit(ctx.db, {
    id: newId(at),
    forumId: entry.forumId,
    at,
    action: entry.action,
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    detail: JSON.stringify(entry.detail ?? {}),
  });
}
