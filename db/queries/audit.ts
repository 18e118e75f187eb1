import { stmt } from './statements';
import type { Db } from '../open';

export interface AuditRow {
  id: string;
  forumId: string | null;
  at: number;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  detail: string;
}

export function insertAudit(db: Db, row: AuditRow): void {
  stmt(
    db,
    `INSERT INTO audit_log (id, forum_id, at, action, subject_type, subject_id, detail)
     VALUES (@id, @forumId, @at, @action, @subjectType, @subjectId, @detail)`,
  ).run(row);
}

export function listAudit(
  db: Db,
  args: { forumId: string; offset: number; limit: number; action?: string },
): { total: number; rows: AuditRow[] } {
  const where = args.action ? 'forum_id = @forumId AND action = @action' : 'forum_id = @forumId';
  const total = stmt(db, `SELECT count(*) FROM audit_log WHERE ${where}`)
    .pluck()
    .get(args) as number;
  const rows = stmt(
    db,
    `SELECT id, forum_id AS forumId, at, action, subject_type AS subjectType,
              subject_id AS subjectId, detail
       FROM audit_log WHERE ${where} ORDER BY at DESC, id DESC LIMIT @limit OFFSET @offset`,
  ).all(args) as AuditRow[];
  return { total, rows };
}
