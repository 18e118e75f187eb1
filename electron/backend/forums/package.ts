/**
 * The forum package's contents (issue 13 §4): every row of one forum, read generically from the
 * drizzle schema (db/queries/forumTables.ts), and its import into any database with ids remapped
 * on collision. The file format (encryption) is ./packageFile.ts; the export itself is a
 * publication (publish/forumPackage.ts).
 */
import { z } from 'zod';
import { schemaVersionOf } from '../../../db/open';
import {
  collectForumRows,
  existingValues,
  forumTables,
  insertStoredRow,
  rowsWhereIn,
  schemaTables,
  type ForumTable,
  type StoredRow,
} from '../../../db/queries/forumTables';
import type { ForumPackageImport, ForumPackagePreview, PackageCount } from '../../../shared/api';
import { newId } from '../../../shared/domain/ids';
import { assignPseudonym } from '../../../shared/domain/pseudonym';
import { DomainError } from '../../../shared/result';
import { recordAudit } from '../audit/service';
import type { BackendContext } from '../context';
import { requireForum } from './service';
import { openPackage, sealPackage, type KdfParams } from './packageFile';

export const PACKAGE_FORMAT = 'intersession-forum-package';

export interface PackageBody {
  format: typeof PACKAGE_FORMAT;
  /** The database schema version (number of migrations) of the app that wrote it. */
  schemaVersion: number;
  exportedAt: number;
  forumId: string;
  includesSafeguards: boolean;
  /** Forum-owned tables, by SQL name, rows as stored. */
  tables: Record<string, StoredRow[]>;
  /** Rows of shared tables the forum refers to (the NRI directory). */
  references: Record<string, StoredRow[]>;
}

/** What a coordinator reads in the preview, by table (the rest get their table name). */
const KIND_LABELS: Record<string, string> = {
  forums: 'Forum',
  milestones: 'Milestones',
  participants: 'Participants',
  call_series: 'Call series',
  calls: 'Calls',
  agenda_items: 'Agenda items',
  attendance: 'Call attendance records',
  action_items: 'Action items',
  onsite_sessions: 'NRI sessions',
  session_attendance: 'NRI session attendance records',
  themes: 'Themes',
  contributions: 'Contributions',
  contribution_themes: 'Contribution themes',
  contribution_history: 'Contribution history entries',
  stakeholder_map_cells: 'Stakeholder map cells',
  representation_settings: 'Representation settings',
  reports: 'Reports',
  report_sections: 'Report sections',
  report_versions: 'Report versions',
  comment_rounds: 'Comment rounds',
  report_comments: 'Report comments',
  incidents: 'Incidents',
  incident_targets: 'Incident targets',
  disruptive_actors: 'Disruptive actors',
  incident_actors: 'Incident actors',
  nris: 'NRIs referred to',
};

/** The database's current schema version (what a package written now carries). */
export const currentSchemaVersion = (): number => schemaVersionOf();

/** Every row of one forum, ready to be sealed. */
export function buildPackageBody(
  ctx: BackendContext,
  forumId: string,
  includeSafeguards: boolean,
): PackageBody {
  requireForum(ctx, forumId, 'forumId');
  const rows = collectForumRows(ctx.db, forumId, includeSafeguards);
  const owned = new Set(forumTables().map((t) => t.name));
  // Shared tables the forum's rows point at (today: the NRIs its sessions were held at).
  const referenced = new Map<string, Set<string>>();
  for (const t of forumTables()) {
    for (const f of t.foreignKeys) {
      if (owned.has(f.table)) continue;
      const ids = referenced.get(f.table) ?? new Set<string>();
      for (const r of rows.get(t.name) ?? []) {
        const v = r[f.columns[0]];
        if (typeof v === 'string') ids.add(v);
      }
      referenced.set(f.table, ids);
    }
  }
  const references: Record<string, StoredRow[]> = {};
  for (const [table, ids] of referenced) {
    const pk = schemaTables().get(table)?.primaryKey ?? 'id';
    references[table] = rowsWhereIn(ctx.db, table, pk, [...ids].sort());
  }
  return {
    format: PACKAGE_FORMAT,
    schemaVersion: currentSchemaVersion(),
    exportedAt: ctx.now(),
    forumId,
    includesSafeguards: includeSafeguards,
    tables: Object.fromEntries(rows),
    references,
  };
}

/** Seals a forum's package for a recipient's passphrase. */
export function sealForumPackage(
  ctx: BackendContext,
  forumId: string,
  includeSafeguards: boolean,
  passphrase: string,
  kdf?: KdfParams,
): { bytes: Uint8Array; body: PackageBody } {
  const body = buildPackageBody(ctx, forumId, includeSafeguards);
  return { bytes: sealPackage(body, passphrase, kdf), body };
}

const damaged = (why: string) =>
  new DomainError(
    'validation',
    `This forum package is damaged: ${why}. Nothing was imported.`,
    'file',
  );

const sqlValue = z.union([z.string(), z.number(), z.null()]);
const rowsSchema = z.record(z.string(), z.array(z.record(z.string(), sqlValue)));
const bodySchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  schemaVersion: z.number().int().min(1),
  exportedAt: z.number(),
  forumId: z.string().min(1),
  includesSafeguards: z.boolean(),
  tables: rowsSchema,
  references: rowsSchema,
});

/** Decrypts and checks a package against this app's schema; refuses with one sentence. */
export function readForumPackage(file: Uint8Array, passphrase: string): PackageBody {
  const raw = openPackage(file, passphrase);
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  const current = currentSchemaVersion();
  if (typeof version === 'number' && version > current)
    throw new DomainError(
      'validation',
      `This forum package was made by a newer Intersession (schema ${version}; this app reads up to ${current}). Update the app to import it; nothing was imported.`,
      'file',
    );
  const parsed = bodySchema.safeParse(raw);
  if (!parsed.success) throw damaged('its contents are not a forum package this app can read');
  const body = parsed.data as PackageBody;
  const owned = new Map(forumTables().map((t) => [t.name, t]));
  for (const [table, rows] of Object.entries(body.tables)) {
    const t = owned.get(table);
    if (!t) throw damaged(`it holds a table this app does not know (${table})`);
    if (t.safeguard && !body.includesSafeguards)
      throw damaged(`it holds safeguards (${table}) while saying it does not`);
    for (const row of rows)
      for (const col of Object.keys(row))
        if (!t.columns.includes(col)) throw damaged(`${table} has an unknown column (${col})`);
  }
  for (const [table, rows] of Object.entries(body.references)) {
    const t = schemaTables().get(table);
    if (!t || owned.has(table)) throw damaged(`it refers to an unknown table (${table})`);
    for (const row of rows)
      for (const col of Object.keys(row))
        if (!t.columns.includes(col)) throw damaged(`${table} has an unknown column (${col})`);
  }
  const forums = body.tables.forums ?? [];
  if (forums.length !== 1 || forums[0].id !== body.forumId)
    throw damaged('it does not hold exactly one forum');
  return body;
}

function countsOf(body: PackageBody): PackageCount[] {
  const out: PackageCount[] = [];
  for (const t of forumTables()) {
    if (t.name === 'forums' || (t.safeguard && !body.includesSafeguards)) continue;
    out.push({
      kind: t.name,
      label: KIND_LABELS[t.name] ?? t.name,
      count: body.tables[t.name]?.length ?? 0,
    });
  }
  for (const [table, rows] of Object.entries(body.references))
    out.push({ kind: table, label: KIND_LABELS[table] ?? table, count: rows.length });
  return out;
}

/** What an import would bring in, read without writing anything. */
export function previewForumPackage(
  ctx: BackendContext,
  file: Uint8Array,
  passphrase: string,
): ForumPackagePreview {
  const body = readForumPackage(file, passphrase);
  const forum = body.tables.forums[0];
  return {
    title: String(forum.title),
    topic: String(forum.topic ?? ''),
    year: Number(forum.year),
    exportedAt: body.exportedAt,
    schemaVersion: body.schemaVersion,
    includesSafeguards: body.includesSafeguards,
    counts: countsOf(body),
    alreadyPresent: existingValues(ctx.db, 'forums', 'id', [body.forumId]).size > 0,
  };
}

const UUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * New ids for the rows whose id this database already holds (every table of the package; a
 * key that is also a foreign key follows its parent instead).
 */
function remapCollisions(ctx: BackendContext, body: PackageBody, tables: ForumTable[]) {
  const map = new Map<string, string>();
  for (const t of tables) {
    const pk = t.primaryKey;
    if (!pk || t.foreignKeys.some((f) => f.columns.includes(pk))) continue;
    const ids = (body.tables[t.name] ?? []).map((r) => String(r[pk]));
    for (const id of existingValues(ctx.db, t.name, pk, ids)) map.set(id, newId(ctx.now()));
  }
  return map;
}

/** A row with its ids (own key, foreign keys, ids quoted in text) replaced through `map`. */
function remapRow(t: ForumTable, row: StoredRow, map: Map<string, string>): StoredRow {
  if (map.size === 0) return row;
  const keyColumns = new Set([
    ...(t.primaryKey ? [t.primaryKey] : []),
    ...t.foreignKeys.flatMap((f) => f.columns),
  ]);
  const out: StoredRow = {};
  for (const [col, v] of Object.entries(row)) {
    if (typeof v !== 'string') out[col] = v;
    else if (keyColumns.has(col)) out[col] = map.get(v) ?? v;
    // Citations ([@contribution:<id>]), version snapshots and comment anchors quote ids in text.
    else if (t.textColumns.includes(col))
      out[col] = v.replace(UUID_IN_TEXT, (id) => map.get(id) ?? map.get(id.toLowerCase()) ?? id);
    else out[col] = v;
  }
  return out;
}

/**
 * Imports a package in one transaction: a new forum (a copy with new ids where this database
 * already holds the same ones), its pseudonyms and secret as they were, the NRIs it refers to
 * added unless already in the directory. A failure writes nothing.
 */
export function importForumPackage(
  ctx: BackendContext,
  file: Uint8Array,
  passphrase: string,
): ForumPackageImport {
  const body = readForumPackage(file, passphrase);
  const tables = forumTables().filter((t) => body.tables[t.name]);
  try {
    return ctx.db.transaction(() => {
      const map = remapCollisions(ctx, body, tables);
      const copy = map.has(body.forumId);
      for (const [table, rows] of Object.entries(body.references)) {
        const pk = schemaTables().get(table)!.primaryKey ?? 'id';
        const have = existingValues(
          ctx.db,
          table,
          pk,
          rows.map((r) => String(r[pk])),
        );
        for (const r of rows) if (!have.has(String(r[pk]))) insertStoredRow(ctx.db, table, r);
      }
      const forumRow = body.tables.forums[0];
      const secret = String(forumRow.secret);
      const taken = new Set(
        (body.tables.participants ?? [])
          .map((p) => p.pseudonym)
          .filter((p): p is string => typeof p === 'string'),
      );
      for (const t of tables) {
        for (const stored of body.tables[t.name]) {
          let row = remapRow(t, stored, map);
          if (t.name === 'forums' && copy)
            row = { ...row, title: `${String(row.title)} (imported copy)`.slice(0, 200) };
          // A participant with a new id keeps the pseudonym its old id gave it (stable pseudonyms).
          if (t.name === 'participants' && row.pseudonym == null && map.has(String(stored.id))) {
            const pseudonym = assignPseudonym(secret, String(stored.id), taken);
            taken.add(pseudonym);
            row = { ...row, pseudonym };
          }
          insertStoredRow(ctx.db, t.name, row);
        }
      }
      const forumId = map.get(body.forumId) ?? body.forumId;
      const counts = countsOf(body);
      recordAudit(ctx, {
        forumId,
        action: 'forum.importPackage',
        subjectType: 'forum',
        subjectId: forumId,
        detail: {
          sourceForumId: body.forumId,
          exportedAt: body.exportedAt,
          schemaVersion: body.schemaVersion,
          includesSafeguards: body.includesSafeguards,
          remappedIds: map.size,
          counts: Object.fromEntries(counts.map((c) => [c.kind, c.count])),
        },
      });
      const forum = requireForum(ctx, forumId);
      return {
        forum: {
          id: forum.id,
          title: forum.title,
          topic: forum.topic,
          year: forum.year,
          archivedAt: forum.archivedAt ?? null,
        },
        counts,
        remappedIds: map.size,
      };
    })();
  } catch (e) {
    if (e instanceof DomainError) throw e;
    const detail = e instanceof Error ? e.message.replace(/\s+/g, ' ').slice(0, 200) : String(e);
    throw new DomainError(
      'validation',
      `This forum package does not fit this database (${detail}); nothing was imported.`,
      'file',
    );
  }
}
