import {
  getActor,
  listActors,
  upsertActor,
  type ActorRecord,
} from '../../../db/queries/safeguards';
import type { ActorMatch, DisruptiveActor } from '../../../shared/api';
import { fold } from '../../../shared/domain/fold';
import { newId } from '../../../shared/domain/ids';
import { DomainError } from '../../../shared/result';
import type { ParsedInput } from '../../../shared/schemas';
import { recordAudit } from '../audit/service';
import type { BackendContext } from '../context';
import { requireForum } from '../forums/service';

export function toActor(r: ActorRecord): DisruptiveActor {
  return {
    id: r.id,
    forumId: r.forumId,
    name: r.name,
    names: JSON.parse(r.names) as string[],
    emails: JSON.parse(r.emails) as string[],
    handles: JSON.parse(r.handles) as string[],
    excluded: r.excluded === 1,
    notes: r.notes,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export function requireActor(ctx: BackendContext, id: string, field = 'id'): ActorRecord {
  const r = getActor(ctx.db, id);
  if (!r) throw new DomainError('not_found', 'No disruptive actor with this id', field);
  return r;
}

type ActorFields = Omit<ParsedInput<'actors.create'>, 'forumId'>;

export function saveActor(
  ctx: BackendContext,
  forumId: string,
  fields: ActorFields,
  existing?: ActorRecord,
): DisruptiveActor {
  const now = ctx.now();
  const row: ActorRecord = {
    id: existing?.id ?? newId(now),
    forumId,
    name: fields.name,
    names: JSON.stringify(fields.names),
    emails: JSON.stringify(fields.emails),
    handles: JSON.stringify(fields.handles),
    excluded: fields.excluded ? 1 : 0,
    notes: fields.notes,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  upsertActor(ctx.db, row);
  recordAudit(ctx, {
    forumId,
    action: existing ? 'actor.update' : 'actor.create',
    subjectType: 'actor',
    subjectId: row.id,
    detail: { excluded: fields.excluded },
  });
  return toActor(row);
}

export function createActor(ctx: BackendContext, input: ParsedInput<'actors.create'>) {
  const { forumId, ...fields } = input;
  return ctx.db.transaction(() => {
    requireForum(ctx, forumId, 'forumId');
    return saveActor(ctx, forumId, fields);
  })();
}

export function updateActor(ctx: BackendContext, input: ParsedInput<'actors.update'>) {
  const { id, ...fields } = input;
  return ctx.db.transaction(() => {
    const existing = requireActor(ctx, id);
    return saveActor(ctx, existing.forumId, fields, existing);
  })();
}

export function listForumActors(ctx: BackendContext, forumId: string): DisruptiveActor[] {
  requireForum(ctx, forumId, 'forumId');
  return listActors(ctx.db, forumId).map(toActor);
}

/** What a would-be participant presents: the identifiers checked against actors. */
export interface Identity {
  fullName?: string | null;
  preferredName?: string | null;
  email?: string | null;
  aliases?: readonly string[];
  handles?: readonly string[];
}

const handleKey = (h: string) => fold(h).replace(/^@+/, '');
const emailKey = (e: string) => e.trim().toLowerCase();

/**
 * Builds a matcher over a forum's actors (once, for many checks: imports).
 * Names match when equal after case/accent folding; e-mails case-insensitively; handles with or
 * without a leading @.
 */
export function actorMatcher(
  ctx: BackendContext,
  forumId: string,
): (identity: Identity) => ActorMatch[] {
  const actors = listActors(ctx.db, forumId).map(toActor);
  const names = new Map<string, DisruptiveActor>();
  const emails = new Map<string, DisruptiveActor>();
  const handles = new Map<string, DisruptiveActor>();
  for (const a of actors) {
    for (const n of [a.name, ...a.names]) if (fold(n)) names.set(fold(n), a);
    for (const e of a.emails) emails.set(emailKey(e), a);
    for (const h of a.handles) if (handleKey(h)) handles.set(handleKey(h), a);
  }
  return (identity) => {
    if (actors.length === 0) return [];
    const found: ActorMatch[] = [];
    const hit = (a: DisruptiveActor | undefined, field: string, identifier: string) => {
      if (a)
        found.push({ actorId: a.id, actorName: a.name, excluded: a.excluded, field, identifier });
    };
    if (identity.fullName) hit(names.get(fold(identity.fullName)), 'fullName', identity.fullName);
    if (identity.preferredName)
      hit(names.get(fold(identity.preferredName)), 'preferredName', identity.preferredName);
    for (const alias of identity.aliases ?? []) hit(names.get(fold(alias)), 'aliases', alias);
    if (identity.email) hit(emails.get(emailKey(identity.email)), 'email', identity.email);
    for (const h of identity.handles ?? []) {
      hit(handles.get(handleKey(h)), 'handles', h);
      // An e-mail used as a handle still identifies the person.
      hit(emails.get(emailKey(h)), 'handles', h);
    }
    return found;
  };
}

const FIELD_LABELS: Record<string, string> = {
  fullName: 'Full name',
  preferredName: 'Preferred name',
  aliases: 'Aliases',
  email: 'Email',
  handles: 'Online handles',
};

/** Refuses to save a participant who matches an excluded actor, unless the user confirmed it. */
export function assertNotExcludedActor(
  ctx: BackendContext,
  forumId: string,
  identity: Identity,
  acknowledged: boolean,
  subjectId?: string,
): void {
  const matches = actorMatcher(ctx, forumId)(identity).filter((m) => m.excluded);
  if (matches.length === 0) return;
  const m = matches[0];
  if (!acknowledged)
    throw new DomainError(
      'flagged',
      `${FIELD_LABELS[m.field] ?? m.field} matches an excluded disruptive actor (${m.actorName}). Check before saving.`,
      m.field,
    );
  recordAudit(ctx, {
    forumId,
    action: 'participant.actor_match_acknowledged',
    subjectType: 'participant',
    subjectId,
    detail: {
      actorIds: [...new Set(matches.map((x) => x.actorId))],
      fields: matches.map((x) => x.field),
    },
  });
}
