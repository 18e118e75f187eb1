import {
  countActiveParticipants,
  getForum,
  insertForum,
  listForums,
  listMilestones,
  replaceMilestones,
  updateForum as updateForumRow,
  type ForumRow,
} from '../../../db/queries/forums';
import { getSetting, setSetting } from '../../../db/queries/settings';
import type { Forum, ForumSummary, Milestone } from '../../../shared/api';
import { newId, randomHex } from '../../../shared/domain/ids';
import { MILESTONE_LABELS, type MilestoneKind } from '../../../shared/domain/vocabulary';
import { DomainError } from '../../../shared/result';
import type { ParsedInput } from '../../../shared/schemas';
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
  return listForums(ctx.db).map(({ id, title, topic, year }) => ({ id, title, topic, year }));
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
  const first = listForums(ctx.db)[0];
  return first ? toForum(ctx, first) : null;
}
