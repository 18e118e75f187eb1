import {
  countActiveParticipants,
  deleteForumRows,
  getForum,
  insertForum,
  listForums,
  listMilestones,
  replaceMilestones,
  setForumArchived,
  updateForum as updateForumRow,
  type ForumRow,
} from '../../../db/queries/forums';
import { getSetting, setSetting } from '../../../db/queries/settings';
import type { Forum, ForumSummary, Milestone } from '../../../shared/api';
import { newId, randomHex } from '../../../shared/domain/ids';
import { MILESTONE_LABELS, type MilestoneKind } from '../../../shared/domain/vocabulary';
import { DomainError } from '../../../shared/result';
import type { ParsedInput } from '../../../shared/schemas';
import { recordAudit } from '../audit/service';
import type { BackendContext } from '../context';

const LAST_FORUM_KEY = 'lastForumId';

type ForumFields = ParsedInput<'forums.create'>;

export function requireForum(ctx: BackendContext, id: string, field = 'id'): ForumRow {
  const row = getForum(ctx.db, id);
  if (!row) throw new DomainError('not_found', `No forum with this id`, field);
  return row;
}

function toForum(ctx: BackendContext, row: ForumRow): Forum {
  return {
    id: row.id,
    title: row.title,
    topic: row.topic,
    year: row.year,
    archivedAt: row.archivedAt ?? null,
    mandate: row.mandate,
    milestones: listMilestones(ctx.db, row.id).map((m): Milestone => ({
      id: m.id,
      kind: m.kind as MilestoneKind,
      label: m.label,
      date: m.date,
    })),
    participantCount: countActiveParticipants(ctx.db, row.id),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function writeMilestones(ctx: BackendContext, forumId: string, fields: ForumFields): void {
  replaceMilestones(
    ctx.db,
    forumId,
    fields.milestones.map((m, position) => ({
      id: newId(ctx.now()),
      forumId,
      kind: m.kind,
      label: m.label || MILESTONE_LABELS[m.kind],
      date: m.date,
      position,
    })),
  );
}

export function listForumSummaries(ctx: BackendContext): ForumSummary[] {
  return listForums(ctx.db).map(({ id, title, topic, year, archivedAt }) => ({
    id,
    title,
    topic,
    year,
    archivedAt: archivedAt ?? null,
  }));
}

export function getForumDetails(ctx: BackendContext, id: string): Forum {
  return toForum(ctx, requireForum(ctx, id));
}

/** Creates a forum with its timeline and makes it the current one. */
export function createForum(ctx: BackendContext, fields: ForumFields): Forum {
  return ctx.db.transaction(() => {
    const now = ctx.now();
    const row: ForumRow = {
      id: newId(now),
      title: fields.title,
      topic: fields.topic,
      year: fields.year,
      mandate: fields.mandate,
      secret: randomHex(32),
      createdAt: now,
      updatedAt: now,
      archivedAt: null,
    };
    insertForum(ctx.db, row);
    writeMilestones(ctx, row.id, fields);
    setSetting(ctx.db, LAST_FORUM_KEY, row.id);
    return toForum(ctx, row);
  })();
}

export function updateForum(ctx: BackendContext, input: ParsedInput<'forums.update'>): Forum {
  return ctx.db.transaction(() => {
    const existing = requireForum(ctx, input.id);
    const updated = { ...existing, ...input, updatedAt: ctx.now() };
    updateForumRow(ctx.db, updated);
    writeMilestones(ctx, input.id, input);
    return toForum(ctx, updated);
  })();
}

export function openForum(ctx: BackendContext, id: string): Forum {
  const row = requireForum(ctx, id);
  setSetting(ctx.db, LAST_FORUM_KEY, id);
  return toForum(ctx, row);
}

export function currentForum(ctx: BackendContext): Forum | null {
  const id = getSetting(ctx.db, LAST_FORUM_KEY);
  const row = id ? getForum(ctx.db, id) : undefined;
  if (row) return toForum(ctx, row);
  const all = listForums(ctx.db);
  const first = all.find((f) => f.archivedAt == null) ?? all[0];
  return first ? toForum(ctx, first) : null;
}

/** The refusal for a write to an archived forum; it names the forum and the way out. */
export function archivedForumError(title: string): DomainError {
  return new DomainError(
    'forbidden',
    `The forum “${title}” is archived, so it is read-only; unarchive it to change it.`,
    'forumId',
  );
}

/** Archives (or unarchives) a forum: hidden from the switcher and read-only; audited. */
export function setArchived(ctx: BackendContext, id: string, archived: boolean): Forum {
  return ctx.db.transaction(() => {
    const row = requireForum(ctx, id);
    const isArchived = row.archivedAt != null;
    if (isArchived === archived)
      throw new DomainError(
        'conflict',
        archived
          ? `The forum “${row.title}” is already archived.`
          : `The forum “${row.title}” is not archived.`,
        'id',
      );
    const now = ctx.now();
    setForumArchived(ctx.db, id, archived ? now : null, now);
    recordAudit(ctx, {
      forumId: id,
      action: archived ? 'forum.archive' : 'forum.unarchive',
      subjectType: 'forum',
      subjectId: id,
      detail: { title: row.title },
    });
    return toForum(ctx, { ...row, archivedAt: archived ? now : null, updatedAt: now });
  })();
}

/**
 * Deletes a forum and everything in it (participants, calls, report, safeguards, the Undo trash
 * and the derived counters) in one transaction, once the caller typed its title. The forum's own
 * audit records name its people, so they go with it; one record of the deletion stays.
 */
export function removeForum(
  ctx: BackendContext,
  id: string,
  confirmTitle: string,
): { removed: true; title: string } {
  return ctx.db.transaction(() => {
    const row = requireForum(ctx, id);
    if (confirmTitle.trim() !== row.title.trim())
      throw new DomainError(
        'validation',
        "confirmTitle: Type the forum's title exactly as it is shown to confirm the deletion.",
        'confirmTitle',
      );
    const participants = countActiveParticipants(ctx.db, id);
    deleteForumRows(ctx.db, id);
    if (getSetting(ctx.db, LAST_FORUM_KEY) === id) {
      const next = listForums(ctx.db).find((f) => f.archivedAt == null);
      setSetting(ctx.db, LAST_FORUM_KEY, next?.id ?? '');
    }
    recordAudit(ctx, {
      forumId: null,
      action: 'forum.delete',
      subjectType: 'forum',
      subjectId: id,
      detail: { title: row.title, year: row.year, participants },
    });
    return { removed: true as const, title: row.title };
  })();
}
