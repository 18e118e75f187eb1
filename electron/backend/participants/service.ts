import {
  findActiveByEmailKey,
  getParticipant,
  insertParticipant,
  listParticipants,
  setRemoved,
  updateParticipant as updateParticipantRow,
  type ParticipantListRow,
  type ParticipantRecord,
} from '../../../db/queries/participants';
import type { Page, Participant, ParticipantRow, Removed } from '../../../shared/api';
import {
  developmentStatusOf,
  regionOf,
  type DevelopmentStatus,
  type Region,
} from '../../../shared/domain/countries';
import { fold } from '../../../shared/domain/fold';
import { sortKey } from '../../../shared/domain/collation';
import { newId } from '../../../shared/domain/ids';
import type {
  Audience,
  ForumRole,
  Gender,
  StakeholderGroup,
} from '../../../shared/domain/vocabulary';
import { DomainError } from '../../../shared/result';
import type { ParsedInput } from '../../../shared/schemas';
import type { BackendContext } from '../context';
import { requireForum } from '../forums/service';
import { recordAudit } from '../audit/service';
import { participantForAudience, rowForAudience } from '../privacy/views';
import { assertNotExcludedActor } from '../safeguards/actors';
import { protectionFor } from '../privacy/redactors';

/** How long a removed participant can be restored before it is deleted for good. */
export const RESTORE_WINDOW_MS = 24 * 60 * 60 * 1000;

export type ParticipantFields = Omit<
  ParsedInput<'participants.create'>,
  'forumId' | 'acknowledgeActorMatch'
>;

/** The stored form of a participant's fields, with the derived columns computed. */
export function toRecord(
  fields: ParticipantFields,
  base: Pick<ParticipantRecord, 'id' | 'forumId' | 'createdAt' | 'updatedAt'> &
    Partial<Pick<ParticipantRecord, 'isProtected' | 'pseudonym' | 'removedAt'>>,
): ParticipantRecord {
  const emailKey = fields.email ? fields.email.toLowerCase() : null;
  return {
    id: base.id,
    forumId: base.forumId,
    fullName: fields.fullName,
    preferredName: fields.preferredName,
    email: fields.email,
    emailKey,
    organisation: fields.organisation,
    stakeholderGroup: fields.stakeholderGroup,
    country: fields.country,
    region: fields.country ? (regionOf(fields.country) ?? null) : null,
    developmentStatus: fields.country ? (developmentStatusOf(fields.country) ?? null) : null,
    gender: fields.gender ?? null,
    genderSelfDescribed: fields.gender === 'self_described' ? fields.genderSelfDescribed : null,
    languages: JSON.stringify(fields.languages),
    timeZone: fields.timeZone,
    aliases: JSON.stringify(fields.aliases),
    handles: JSON.stringify(fields.handles),
    consentListed: fields.consentListed ? 1 : 0,
    consentInvitations: fields.consentInvitations ? 1 : 0,
    role: fields.role,
    notes: fields.notes,
    searchText: fold(
      [fields.fullName, fields.preferredName, fields.organisation, fields.email]
        .filter(Boolean)
        .join(' | '),
    ),
    sortName: sortKey(fields.fullName),
    isProtected: base.isProtected ?? 0,
    pseudonym: base.pseudonym ?? null,
    removedAt: base.removedAt ?? null,
    createdAt: base.createdAt,
    updatedAt: base.updatedAt,
  };
}

export function toParticipant(r: ParticipantRecord): Participant {
  return {
    id: r.id,
    forumId: r.forumId,
    fullName: r.fullName,
    preferredName: r.preferredName,
    email: r.email,
    organisation: r.organisation,
    stakeholderGroup: r.stakeholderGroup as StakeholderGroup,
    country: r.country,
    region: r.region as Region | null,
    developmentStatus: r.developmentStatus as DevelopmentStatus | null,
    gender: r.gender as Gender | null,
    genderSelfDescribed: r.genderSelfDescribed,
    languages: JSON.parse(r.languages) as string[],
    timeZone: r.timeZone,
    aliases: JSON.parse(r.aliases) as string[],
    handles: JSON.parse(r.handles) as string[],
    consentListed: r.consentListed === 1,
    consentInvitations: r.consentInvitations === 1,
    role: r.role as ForumRole,
    notes: r.notes,
    isProtected: r.isProtected === 1,
    pseudonym: r.pseudonym,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** The editable fields of a stored participant (to merge an update into). */
export function fieldsOf(p: Participant): ParticipantFields {
  return {
    fullName: p.fullName,
    preferredName: p.preferredName,
    email: p.email,
    organisation: p.organisation,
    stakeholderGroup: p.stakeholderGroup,
    country: p.country,
    gender: p.gender,
    genderSelfDescribed: p.genderSelfDescribed,
    languages: p.languages,
    timeZone: p.timeZone,
    aliases: p.aliases,
    handles: p.handles,
    consentListed: p.consentListed,
    consentInvitations: p.consentInvitations,
    role: p.role,
    notes: p.notes,
  };
}

export function toRow(r: ParticipantListRow): ParticipantRow {
  return {
    id: r.id,
    fullName: r.fullName,
    preferredName: r.preferredName,
    email: r.email,
    organisation: r.organisation,
    stakeholderGroup: r.stakeholderGroup as StakeholderGroup,
    country: r.country,
    region: r.region as Region | null,
    role: r.role as ForumRole,
    consentListed: r.consentListed === 1,
    consentInvitations: r.consentInvitations === 1,
    isProtected: r.isProtected === 1,
    pseudonym: r.pseudonym,
  };
}

export function requireParticipant(ctx: BackendContext, id: string): ParticipantRecord {
  const row = getParticipant(ctx.db, id);
  if (!row || row.removedAt !== null)
    throw new DomainError('not_found', 'No participant with this id', 'id');
  return row;
}

function assertEmailFree(
  ctx: BackendContext,
  forumId: string,
  email: string | null,
  exceptId?: string,
): void {
  if (!email) return;
  const other = findActiveByEmailKey(ctx.db, forumId, email.toLowerCase());
  if (other && other.id !== exceptId)
    throw new DomainError(
      'conflict',
      `Another participant of this forum already uses this e-mail (${other.fullName})`,
      'email',
    );
}

export function createParticipant(
  ctx: BackendContext,
  input: ParsedInput<'participants.create'>,
): Participant {
  const { forumId, acknowledgeActorMatch, ...fields } = input;
  return ctx.db.transaction(() => {
    requireForum(ctx, forumId, 'forumId');
    assertEmailFree(ctx, forumId, fields.email);
    const now = ctx.now();
    const id = newId(now);
    assertNotExcludedActor(ctx, forumId, fields, acknowledgeActorMatch, id);
    const record = toRecord(fields, { id, forumId, createdAt: now, updatedAt: now });
    insertParticipant(ctx.db, record);
    return toParticipant(record);
  })();
}

export function updateParticipant(
  ctx: BackendContext,
  input: ParsedInput<'participants.update'>,
): Participant {
  const { id, acknowledgeActorMatch, ...patch } = input;
  return ctx.db.transaction(() => {
    const existing = requireParticipant(ctx, id);
    const defined = Object.fromEntries(
      Object.entries(patch).filter(([, v]) => v !== undefined),
    ) as Partial<ParticipantFields>;
    const merged: ParticipantFields = { ...fieldsOf(toParticipant(existing)), ...defined };
    assertEmailFree(ctx, existing.forumId, merged.email, id);
    assertNotExcludedActor(ctx, existing.forumId, merged, acknowledgeActorMatch, id);
    const record = toRecord(merged, { ...existing, updatedAt: ctx.now() });
    updateParticipantRow(ctx.db, record);
    return toParticipant(record);
  })();
}

export function removeParticipant(ctx: BackendContext, id: string): Removed {
  return ctx.db.transaction(() => {
    requireParticipant(ctx, id);
    const now = ctx.now();
    setRemoved(ctx.db, id, now, now);
    return { id, restorableUntil: now + RESTORE_WINDOW_MS };
  })();
}

export function restoreParticipant(ctx: BackendContext, id: string): Participant {
  return ctx.db.transaction(() => {
    const row = getParticipant(ctx.db, id);
    if (!row) throw new DomainError('not_found', 'No participant with this id', 'id');
    if (row.removedAt === null) return toParticipant(row);
    if (row.removedAt + RESTORE_WINDOW_MS < ctx.now())
      throw new DomainError('conflict', 'This removal can no longer be undone', 'id');
    assertEmailFree(ctx, row.forumId, row.email, id);
    setRemoved(ctx.db, id, null, ctx.now());
    return toParticipant({ ...row, removedAt: null });
  })();
}

export function listParticipantPage(
  ctx: BackendContext,
  input: ParsedInput<'participants.list'>,
  audience: Audience = 'coordinators',
): Page<ParticipantRow> {
  const terms = input.search ? fold(input.search).split(' ').filter(Boolean) : [];
  if (audience === 'coordinators') {
    const { total, rows } = listParticipants(ctx.db, { ...input, terms });
    return { total, offset: input.offset, rows: rows.map(toRow) };
  }
  const { redactor } = protectionFor(ctx, input.forumId);
  const empty = { total: 0, offset: input.offset, rows: [] };
  // A query that names a protected person finds nothing: no answer may confirm who they are.
  if (input.search && redactor.redact(input.search).count > 0) return empty;
  // The consent flags are not the reader's to filter on; the directory lists consenting people.
  const query = { ...input, consent: undefined, terms, pseudonymsOnly: true, listedOnly: true };
  // Sorted by name, or by a column the filter fixes (one stakeholder group, one role): the order
  // is the name order, which the merge below pages from the index without sorting every row.
  const nameOrder =
    input.sort === 'name' ||
    (input.sort === 'stakeholderGroup' && input.stakeholderGroup !== undefined) ||
    (input.sort === 'role' && input.role !== undefined);
  if (terms.length === 0 && nameOrder) return publicNamePage(ctx, input, audience);
  if (terms.length === 0) {
    const { total, rows } = listParticipants(ctx.db, query);
    return {
      total,
      offset: input.offset,
      rows: rows.map((r) => rowForAudience(toRow(r), audience, redactor)),
    };
  }
  // The index matches e-mails and real names too; keep only rows whose visible, redacted text
  // holds every term, then page (search results are few next to the whole directory).
  const { rows } = listParticipants(ctx.db, {
    ...query,
    offset: 0,
    limit: Number.MAX_SAFE_INTEGER,
  });
  const matching = rows
    .map((r) => rowForAudience(toRow(r), audience, redactor))
    .filter((r) => {
      const visible = fold([r.fullName, r.preferredName, r.organisation, r.email].join(' | '));
      return terms.every((t) => visible.includes(t));
    });
  return {
    total: matching.length,
    offset: input.offset,
    rows: matching.slice(input.offset, input.offset + input.limit),
  };
}

/**
 * A page of the directory sorted by name outside coordinators, where protected people sort by
 * their pseudonym. Sorting every row by that expression cannot use the name index (tens of
 * times slower at 100,000 people), so the page is a merge: the others come from the index in
 * name order, the protected ones (few) are sorted here, and a window of the others wide enough
 * to hold every protected person who can fall into the page is merged with them.
 */
function publicNamePage(
  ctx: BackendContext,
  input: ParsedInput<'participants.list'>,
  audience: Audience,
): Page<ParticipantRow> {
  const { redactor } = protectionFor(ctx, input.forumId);
  // The caller checked that the requested order is the name order (see listParticipantPage).
  const base = { ...input, sort: 'name' as const, consent: undefined, terms: [], listedOnly: true };
  const dir = input.direction === 'desc' ? -1 : 1;
  const protectedRows = listParticipants(ctx.db, {
    ...base,
    protection: 'only',
    pseudonymsOnly: true,
    offset: 0,
    limit: Number.MAX_SAFE_INTEGER,
  }).rows.map((r) => ({ key: sortKey(r.pseudonym ?? ''), row: r }));
  const cmp = (a: { key: string; id: string }, b: { key: string; id: string }) =>
    dir * (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const p = protectedRows.map((x) => ({ key: x.key, id: x.row.id, row: x.row })).sort(cmp);
  const start = Math.max(0, input.offset - p.length);
  const others = listParticipants(ctx.db, {
    ...base,
    protection: 'none',
    offset: start,
    limit: input.limit + p.length,
  });
  const a = others.rows.map((r) => ({ key: sortKey(r.fullName), id: r.id, row: r }));
  // Where the window begins in the merged order: its offset plus the protected rows before it.
  let position = start === 0 ? 0 : start + p.filter((x) => cmp(x, a[0] ?? x) < 0).length;
  const rest = start === 0 || a.length === 0 ? p : p.filter((x) => cmp(x, a[0]) >= 0);
  const last =
    a.length === others.rows.length && start + a.length >= others.total ? null : a.at(-1);
  const merged: typeof a = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < rest.length) {
    if (j < rest.length && last && cmp(rest[j], last) > 0 && i >= a.length) break;
    if (i < a.length && (j >= rest.length || cmp(a[i], rest[j]) <= 0)) merged.push(a[i++]);
    else merged.push(rest[j++]);
  }
  const from = input.offset - position;
  position = Math.max(0, from);
  return {
    total: others.total + p.length,
    offset: input.offset,
    rows: merged
      .slice(position, position + input.limit)
      .map((x) => rowForAudience(toRow(x.row), audience, redactor)),
  };
}

/** A participant's page as `audience` sees it; a coordinator opening a protected one is logged. */
export function getParticipantFor(
  ctx: BackendContext,
  input: ParsedInput<'participants.get'>,
  audience: Audience = 'coordinators',
): Participant {
  const record = requireParticipant(ctx, input.id);
  const p = toParticipant(record);
  // Outside coordinators, someone not listed is answered like someone who does not exist.
  if (audience !== 'coordinators' && !p.consentListed)
    throw new DomainError('not_found', 'No participant with this id', 'id');
  if (audience === 'coordinators') {
    if (p.isProtected)
      recordAudit(ctx, {
        forumId: p.forumId,
        action: 'participant.reveal',
        subjectType: 'participant',
        subjectId: p.id,
        detail: { pseudonym: p.pseudonym },
      });
    return p;
  }
  return participantForAudience(p, audience, protectionFor(ctx, p.forumId).redactor);
}
