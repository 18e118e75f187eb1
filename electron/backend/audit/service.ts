import { insertAudit, type AuditRow } from '../../../db/queries/audit';
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
  // A reader worker cannot write: its records go to the writer before the answer is sent.
  const row: AuditRow = {
    id: newId(at),
    forumId: entry.forumId,
    at,
    action: entry.action,
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    detail: JSON.stringify(entry.detail ?? {}),
  };
  if (ctx.auditSink) ctx.auditSink.push(row);
  else insertAudit(ctx.db, row);
}

/** Writes records collected on a reader worker, in one transaction (all or none). */
export function appendAuditRows(db: BackendContext['db'], rows: readonly AuditRow[]): void {
  db.transaction(() => {
    for (const row of rows) insertAudit(db, row);
  })();
}
