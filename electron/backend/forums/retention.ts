/**
 * Retention (issue 13 §5): "Delete personal data N months after the final report". When due, one
 * audited action replaces every participant's name, e-mail, handles and aliases by their stable
 * pseudonym, and runs the redactor (every participant treated as protected) over every stored
 * text of the forum, generically over the forum-owned tables of the schema. Counts (stakeholder
 * group, region, gender, attendance) and accepted practices stay.
 */
import { TZDate } from '@date-fns/tz';
import { addMonths, formatISO } from 'date-fns';
import {
  forumAuditRows,
  forumTables,
  updateStoredRow,
  type StoredRow,
} from '../../../db/queries/forumTables';
import { collectForumRows } from '../../../db/queries/forumTables';
import type { RetentionResult, RetentionStatus } from '../../../shared/api';
import { fold } from '../../../shared/domain/fold';
import { sortKey } from '../../../shared/domain/collation';
import { assignPseudonym } from '../../../shared/domain/pseudonym';
import {
  buildRedactor,
  type ProtectedPerson,
  type Redactor,
} from '../../../shared/domain/redaction';
import { DomainError } from '../../../shared/result';
import { recordAudit } from '../audit/service';
import type { BackendContext } from '../context';
import { redactMarkdown } from '../privacy/markdown';
import { requireForum } from './service';

interface RetentionRow {
  months: number | null;
  appliedAt: number | null;
  finalReportOn: string | null;
}

function retentionRow(ctx: BackendContext, forumId: string): RetentionRow {
  requireForum(ctx, forumId, 'forumId');
  return ctx.db
    .prepare(
      `SELECT f.retention_months AS months, f.retention_applied_at AS appliedAt,
         (SELECT max(m.date) FROM milestones m WHERE m.forum_id = f.id AND m.kind = 'final_report')
           AS finalReportOn
       FROM forums f WHERE f.id = ?`,
    )
    .get(forumId) as RetentionRow;
}

/**
 * The calendar day (UTC) `months` after a YYYY-MM-DD date. The arithmetic runs on a UTC TZDate:
 * on a plain Date, date-fns works in the process's zone, and west of UTC the day came out one
 * early (found by the TZ=America/St_Johns run).
 */
const dueDate = (finalReportOn: string, months: number) => {
  const [y, m, d] = finalReportOn.split('-').map(Number);
  return formatISO(addMonths(new TZDate(y, m - 1, d, 'UTC'), months), { representation: 'date' });
};

export function retentionStatus(ctx: BackendContext, forumId: string): RetentionStatus {
  const r = retentionRow(ctx, forumId);
  const dueOn = r.months != null && r.finalReportOn ? dueDate(r.finalReportOn, r.months) : null;
  const today = new Date(ctx.now()).toISOString().slice(0, 10);
  return {
    forumId,
    months: r.months,
    finalReportOn: r.finalReportOn,
    dueOn,
    due: dueOn !== null && dueOn <= today && r.appliedAt == null,
    appliedAt: r.appliedAt,
  };
}

export function setRetention(
  ctx: BackendContext,
  forumId: string,
  months: number | null,
): RetentionStatus {
  return ctx.db.transaction(() => {
    const before = retentionRow(ctx, forumId);
    ctx.db
      .prepare('UPDATE forums SET retention_months = ?, updated_at = ? WHERE id = ?')
      .run(months, ctx.now(), forumId);
    recordAudit(ctx, {
      forumId,
      action: 'forum.setRetention',
      subjectType: 'forum',
      subjectId: forumId,
      detail: { from: before.months, to: months },
    });
    return retentionStatus(ctx, forumId);
  })();
}

const parseList = (v: unknown): string[] => {
  try {
    const a = JSON.parse(String(v ?? '[]')) as unknown;
    return Array.isArray(a) ? a.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

/** A stored text with every participant's identifiers replaced; JSON kept valid. */
function redactStored(value: string, redactor: Redactor): string {
  const t = value.trimStart();
  if (t.startsWith('[') || t.startsWith('{')) {
    try {
      const parsed = JSON.parse(value) as unknown;
      const walk = (v: unknown): unknown =>
        typeof v === 'string'
          ? redactStored(v, redactor)
          : Array.isArray(v)
            ? v.map(walk)
            : v && typeof v === 'object'
              ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]))
              : v;
      const out = JSON.stringify(walk(parsed));
      return out === JSON.stringify(parsed) ? value : out;
    } catch {
      // Not JSON after all: treated as text below.
    }
  }
  // Markdown first (a name split by emphasis), then the plain pass (URLs, leftovers).
  return redactor.redact(redactMarkdown(value, redactor).text).text;
}

/** Replaces the forum's personal data by pseudonyms, in one audited transaction. */
export function applyRetention(
  ctx: BackendContext,
  forumId: string,
  confirmTitle: string,
): RetentionResult {
  return ctx.db.transaction(() => {
    const forum = requireForum(ctx, forumId, 'forumId');
    if (confirmTitle.trim() !== forum.title.trim())
      throw new DomainError(
        'validation',
        "confirmTitle: Type the forum's title exactly as it is shown to confirm.",
        'confirmTitle',
      );
    const status = retentionStatus(ctx, forumId);
    if (status.appliedAt != null)
      throw new DomainError(
        'conflict',
        'Retention has already been applied to this forum.',
        'forumId',
      );
    if (status.months == null)
      throw new DomainError(
        'conflict',
        'Retention is off for this forum; set the number of months first.',
        'forumId',
      );
    if (!status.due)
      throw new DomainError(
        'conflict',
        status.dueOn
          ? `Personal data is due for deletion on ${status.dueOn}, not yet.`
          : 'The forum has no final report milestone, so retention cannot come due.',
        'forumId',
      );

    // Deleted items kept for Undo hold copies of personal data: they go, not pseudonymised.
    ctx.db.prepare('DELETE FROM trash WHERE forum_id = ?').run(forumId);
    const people = ctx.db
      .prepare('SELECT * FROM participants WHERE forum_id = ? ORDER BY rowid')
      .all(forumId) as StoredRow[];
    const taken = new Set(
      people.map((p) => p.pseudonym).filter((p): p is string => typeof p === 'string'),
    );
    const protectedPeople: ProtectedPerson[] = people.map((p) => {
      let pseudonym = typeof p.pseudonym === 'string' ? p.pseudonym : null;
      if (!pseudonym) {
        pseudonym = assignPseudonym(forum.secret, String(p.id), taken);
        taken.add(pseudonym);
      }
      return {
        id: String(p.id),
        pseudonym,
        fullName: String(p.full_name),
        preferredName: (p.preferred_name as string | null) ?? null,
        email: (p.email as string | null) ?? null,
        aliases: parseList(p.aliases),
        handles: parseList(p.handles),
      };
    });
    const redactor = buildRedactor(protectedPeople);
    const now = ctx.now();

    // The participants themselves: identifiers gone, the pseudonym in their place.
    for (const [i, p] of people.entries()) {
      const pseudonym = protectedPeople[i].pseudonym;
      const organisation =
        typeof p.organisation === 'string' ? redactStored(p.organisation, redactor) : null;
      updateStoredRow(
        ctx.db,
        'participants',
        { id: p.id },
        {
          full_name: pseudonym,
          preferred_name: null,
          email: null,
          email_key: null,
          aliases: '[]',
          handles: '[]',
          organisation,
          gender_self_described: null,
          notes: typeof p.notes === 'string' ? redactStored(p.notes, redactor) : null,
          search_text: fold([pseudonym, organisation].filter(Boolean).join(' | ')),
          sort_name: sortKey(pseudonym),
          pseudonym,
          updated_at: now,
        },
      );
    }

    // Every other stored text of the forum (minutes, contributions, report prose, snapshots...).
    let rewritten = 0;
    const rows = collectForumRows(ctx.db, forumId, true);
    const tables = [
      ...forumTables(),
      { name: 'audit_log', primaryKey: 'id', textColumns: ['detail'], foreignKeys: [] },
    ];
    for (const t of tables) {
      if (t.name === 'participants') continue;
      const keyCols = new Set([
        ...(t.primaryKey ? [t.primaryKey] : []),
        ...t.foreignKeys.flatMap((f) => f.columns),
      ]);
      const textCols = t.textColumns.filter((c) => !keyCols.has(c));
      const stored =
        t.name === 'audit_log' ? forumAuditRows(ctx.db, forumId) : (rows.get(t.name) ?? []);
      for (const row of stored) {
        const set: StoredRow = {};
        for (const c of textCols) {
          const v = row[c];
          if (typeof v !== 'string' || v === '') continue;
          const out = redactStored(v, redactor);
          if (out !== v) set[c] = out;
        }
        if (Object.keys(set).length === 0) continue;
        rewritten += Object.keys(set).length;
        const where: StoredRow = t.primaryKey
          ? { [t.primaryKey]: row[t.primaryKey] }
          : Object.fromEntries([...keyCols].map((k) => [k, row[k]]));
        updateStoredRow(ctx.db, t.name, where, set);
      }
    }

    ctx.db
      .prepare('UPDATE forums SET retention_applied_at = ?, updated_at = ? WHERE id = ?')
      .run(now, now, forumId);
    // The record says what was done, not to whom (names are what this action removes).
    recordAudit(ctx, {
      forumId,
      action: 'forum.applyRetention',
      subjectType: 'forum',
      subjectId: forumId,
      detail: {
        months: status.months,
        dueOn: status.dueOn,
        participants: people.length,
        rewrittenValues: rewritten,
      },
    });
    return { forumId, participants: people.length, rewrittenValues: rewritten };
  })();
}
