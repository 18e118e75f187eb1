/**
 * The NRI directory: one list of National and Regional IGF Initiatives for all forums, pre-filled
 * once from resources/nris.json (see resources/README.md) and editable afterwards.
 */
import {
  countNris,
  deleteNri,
  getNri,
  listNris,
  upsertNri,
  type NriListRow,
  type NriRecord,
} from '../../../db/queries/nris';
import { listForums } from '../../../db/queries/forums';
import { getSetting, setSetting } from '../../../db/queries/settings';
import directory from '../../../resources/nris.json';
import type { Nri, NriRemoved } from '../../../shared/api';
import { regionOf, type Region } from '../../../shared/domain/countries';
import { newId } from '../../../shared/domain/ids';
import type { NriKind } from '../../../shared/domain/nris';
import type { Audience } from '../../../shared/domain/vocabulary';
import { DomainError } from '../../../shared/result';
import type { ParsedInput } from '../../../shared/schemas';
import { nriInput } from '../../../shared/schemas/nris';
import { recordAudit } from '../audit/service';
import type { BackendContext } from '../context';
import { redactedFor } from '../privacy/redactors';

/** Set once the directory has been pre-filled, so removing every NRI does not bring them back. */
export const NRI_SEED_SETTING = 'nris.seeded';

type NriFields = ParsedInput<'nris.create'>;

export function toNri(r: NriListRow): Nri {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as NriKind,
    country: r.country,
    region: r.region as Region | null,
    website: r.website,
    contactName: r.contactName,
    contactEmail: r.contactEmail,
    notes: r.notes,
    sessionCount: r.sessionCount,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** The record to store: a country decides the region; without one, the region given is kept. */
function toRecord(
  fields: NriFields,
  meta: { id: string; createdAt: number; updatedAt: number },
): NriRecord {
  return {
    ...meta,
    name: fields.name,
    kind: fields.kind,
    country: fields.country,
    region: fields.country ? (regionOf(fields.country) ?? null) : fields.region,
    website: fields.website,
    contactName: fields.contactName,
    contactEmail: fields.contactEmail,
    notes: fields.notes,
  };
}

/**
 * Pre-fills the directory from resources/nris.json the first time a database is opened. Idempotent:
 * it runs only while the seed marker is absent, and only fills an empty table.
 */
export function seedNriDirectory(ctx: BackendContext): number {
  return ctx.db.transaction(() => {
    if (getSetting(ctx.db, NRI_SEED_SETTING) !== undefined) return 0;
    let added = 0;
    if (countNris(ctx.db) === 0) {
      const rows = directory.nris.map((n) => nriInput.parse(n));
      for (const fields of rows) {
        const now = ctx.now();
        upsertNri(ctx.db, toRecord(fields, { id: newId(now), createdAt: now, updatedAt: now }));
        added += 1;
      }
    }
    setSetting(
      ctx.db,
      NRI_SEED_SETTING,
      JSON.stringify({ at: ctx.now(), source: directory.compiledOn, added }),
    );
    return added;
  })();
}

export function requireNri(ctx: BackendContext, id: string, field = 'id'): NriListRow {
  const r = getNri(ctx.db, id);
  if (!r) throw new DomainError('not_found', 'No NRI with this id', field);
  return r;
}

export function listNriDirectory(ctx: BackendContext): Nri[] {
  return listNris(ctx.db).map(toNri);
}

/**
 * The directory as `audience` reads it. It is shared by every forum, so each forum's protected
 * people are redacted from it (contacts, notes, names) with that forum's pseudonyms.
 */
export function nriDirectoryFor(ctx: BackendContext, audience: Audience): Nri[] {
  const nris = listNriDirectory(ctx);
  if (audience === 'coordinators') return nris;
  return listForums(ctx.db).reduce((out, f) => redactedFor(ctx, f.id, audience, out), nris);
}

export function createNri(ctx: BackendContext, fields: NriFields): Nri {
  return ctx.db.transaction(() => {
    const now = ctx.now();
    const record = toRecord(fields, { id: newId(now), createdAt: now, updatedAt: now });
    upsertNri(ctx.db, record);
    recordAudit(ctx, {
      forumId: null,
      action: 'nri.create',
      subjectType: 'nri',
      subjectId: record.id,
    });
    return toNri({ ...record, sessionCount: 0 });
  })();
}

export function updateNri(ctx: BackendContext, input: ParsedInput<'nris.update'>): Nri {
  const { id, ...fields } = input;
  return ctx.db.transaction(() => {
    const existing = requireNri(ctx, id);
    const record = toRecord(fields, {
      id,
      createdAt: existing.createdAt,
      updatedAt: ctx.now(),
    });
    upsertNri(ctx.db, record);
    recordAudit(ctx, { forumId: null, action: 'nri.update', subjectType: 'nri', subjectId: id });
    return toNri({ ...record, sessionCount: existing.sessionCount });
  })();
}

/** Removes an NRI from the directory; its sessions stay, unlinked. */
export function removeNri(ctx: BackendContext, id: string): NriRemoved {
  return ctx.db.transaction(() => {
    const existing = requireNri(ctx, id);
    deleteNri(ctx.db, id);
    recordAudit(ctx, {
      forumId: null,
      action: 'nri.remove',
      subjectType: 'nri',
      subjectId: id,
      detail: { name: existing.name, unlinkedSessions: existing.sessionCount },
    });
    return { id, unlinkedSessions: existing.sessionCount };
  })();
}
