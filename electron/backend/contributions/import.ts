/**
 * Importing contributions from a survey-tool export (CSV): column mapping, preview with per-row
 * errors (physical line numbers), and the import job (staged in memory, then one synchronous
 * transaction; cancellable before the commit, with progress).
 *
 * CSV parsing and the cell parsers (country, yes/no, lists, languages) are the participant
 * import's (../participants/import.ts), so both imports read files the same way. Contributors are
 * matched to the forum's participants by e-mail; other contributors are kept as outside names.
 */
import { z } from 'zod';
import {
  findThemeByName,
  insertContribution,
  insertHistory,
  insertTheme,
  listThemes,
  addContributionThemes,
} from '../../../db/queries/contributions';
import { optimizeDatabase } from '../../../db/open';
import { findActiveByEmailKey } from '../../../db/queries/participants';
import type {
  ContributionImportColumns,
  ContributionImportPreview,
  ContributionImportPreviewRow,
  ContributionImportRowError,
  ContributionImportStatus,
} from '../../../shared/api';
import {
  ATTRIBUTIONS,
  ATTRIBUTION_LABELS,
  CONTRIBUTION_KINDS,
  CONTRIBUTION_KIND_LABELS,
  type Attribution,
  type ConsentMethod,
  type ContributionKind,
} from '../../../shared/domain/contributions';
import { regionOf } from '../../../shared/domain/countries';
import { CONSENT_BEFORE_RECEIPT, consentBeforeReceipt } from '../../../shared/domain/forumDates';
import { newId } from '../../../shared/domain/ids';
import { DomainError } from '../../../shared/result';
import {
  CONTRIBUTION_IMPORT_FIELDS,
  CONTRIBUTION_IMPORT_FIELD_LABELS,
  contributionFields,
  type ContributionImportField,
  type ContributionImportMapping,
} from '../../../shared/schemas/contributions';
import { recordAudit } from '../audit/service';
import type { BackendContext } from '../context';
import { requireForum } from '../forums/service';
import {
  matchKey,
  parseBoolean,
  parseCountry,
  parseCsv,
  parseLanguages,
  splitList,
  type CsvRecord,
  type ParsedCsv,
} from '../participants/import';
import { createJobRegistry, ImportCancelled } from '../jobs';
import { actorName, toRecord, type ContributionFields } from './service';

export const CONTRIBUTION_IMPORT_CHUNK_ROWS = 500;
export const CONTRIBUTION_IMPORT_PREVIEW_ROWS = 20;
export const CONTRIBUTION_IMPORT_MAX_ERRORS = 1000;

/** Header names (matchKey form) that suggest each field. */
const HEADER_HINTS: Record<ContributionImportField, string[]> = {
  title: ['title', 'practice title', 'name of the practice', 'initiative', 'subject'],
  summary: ['summary', 'short description', 'abstract'],
  body: ['full text', 'description', 'details', 'practice', 'answer', 'response', 'story', 'text'],
  kind: ['kind', 'type', 'type of contribution'],
  country: ['country', 'country of residence', 'where'],
  themes: ['themes', 'theme', 'topics', 'topic', 'tags'],
  contributorName: ['name', 'full name', 'your name', 'contributor', 'contributor name'],
  contributorEmail: ['email', 'e mail', 'email address', 'e mail address', 'your email'],
  contributorOrganisation: ['organisation', 'organization', 'affiliation', 'institution'],
  language: ['language'],
  receivedOn: ['date', 'submitted', 'timestamp', 'submitted at', 'date received', 'received'],
  links: ['links', 'link', 'url', 'website', 'urls'],
  attribution: ['attribution', 'credit', 'how should we credit you', 'credit as'],
  mayPublish: ['may be published', 'may publish', 'publish', 'consent', 'consent to publish'],
  consentGivenOn: ['consent given on', 'consent date'],
};

export function suggestContributionMapping(headers: readonly string[]): ContributionImportColumns {
  const keys = headers.map(matchKey);
  const used = new Set<number>();
  const out = Object.fromEntries(
    CONTRIBUTION_IMPORT_FIELDS.map((f) => [f, null]),
  ) as ContributionImportColumns;
  // Exact header matches first, then headers that contain a hint.
  for (const pass of ['exact', 'contains'] as const)
    for (const field of CONTRIBUTION_IMPORT_FIELDS) {
      if (out[field] !== null) continue;
      const hints = [matchKey(CONTRIBUTION_IMPORT_FIELD_LABELS[field]), ...HEADER_HINTS[field]];
      const i = keys.findIndex(
        (k, i) =>
          !used.has(i) &&
          hints.some((h) => (pass === 'exact' ? k === h : k.includes(h) && h.length > 3)),
      );
      if (i >= 0) {
        out[field] = i;
        used.add(i);
      }
    }
  return out;
}

function parseKind(s: string): ContributionKind | undefined {
  const k = matchKey(s);
  return CONTRIBUTION_KINDS.find(
    (x) => matchKey(x) === k || matchKey(CONTRIBUTION_KIND_LABELS[x]) === k,
  );
}

export function parseAttribution(s: string): Attribution | undefined {
  const k = matchKey(s);
  const found = ATTRIBUTIONS.find((a) => a === k || matchKey(ATTRIBUTION_LABELS[a]) === k);
  if (found) return found;
  if (/^(yes|named|name|my name|full name)\b/.test(k)) return 'named';
  if (/\borgani[sz]ation\b|^org\b/.test(k)) return 'organisation';
  if (/^(no|anon|anonymous|do not)\b/.test(k)) return 'anonymous';
  return undefined;
}

/** An ISO date from "2025-03-04", "2025-03-04 10:22" or "2025-03-04T10:22:00Z"; else undefined. */
export function parseDate(s: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T].*)?$/.exec(s.trim());
  return m ? m[1] : undefined;
}

export interface ImportOptions {
  forumId: string;
  csv: string;
  mapping?: ContributionImportMapping;
  defaultKind: ContributionKind;
  defaultLanguage: string;
  consentMethod: ConsentMethod | null;
}

export type CheckedRow =
  | {
      ok: true;
      line: number;
      fields: ContributionFields;
      themeNames: string[];
      contributor: string;
      matchedParticipant: string | null;
    }
  | { ok: false; line: number; title: string; errors: ContributionImportRowError[] };

const fieldSchema = z.strictObject(contributionFields);

interface Prepared {
  forumId: string;
  csv: ParsedCsv;
  mapping: ContributionImportColumns;
  check(record: CsvRecord): CheckedRow;
}

export function prepareContributionImport(ctx: BackendContext, opts: ImportOptions): Prepared {
  requireForum(ctx, opts.forumId, 'forumId');
  const csv = parseCsv(opts.csv);
  const mapping: ContributionImportColumns = opts.mapping
    ? ({
        ...Object.fromEntries(CONTRIBUTION_IMPORT_FIELDS.map((f) => [f, null])),
        ...opts.mapping,
      } as ContributionImportColumns)
    : suggestContributionMapping(csv.headers);
  for (const f of CONTRIBUTION_IMPORT_FIELDS) {
    const column = mapping[f];
    if (column !== null && column >= csv.headers.length)
      throw new DomainError(
        'validation',
        `mapping.${f}: the file has no column ${column + 1}`,
        `mapping.${f}`,
      );
  }
  if (mapping.title === null)
    throw new DomainError(
      'validation',
      'mapping.title: choose the column with the titles',
      'mapping.title',
    );
  const today = new Date(ctx.now()).toISOString().slice(0, 10);

  const check = (record: CsvRecord): CheckedRow => {
    const cell = (f: ContributionImportField) => {
      const c = mapping[f];
      return c === null ? '' : (record.cells[c] ?? '').trim();
    };
    const title = cell('title');
    const errors: ContributionImportRowError[] = [];
    const err = (field: ContributionImportField | null, message: string) =>
      errors.push({ line: record.line, field, message });
    if (record.problem) {
      err(null, `Line ${record.line} ${record.problem}`);
      return { ok: false, line: record.line, title, errors };
    }
    const label = (f: ContributionImportField) => CONTRIBUTION_IMPORT_FIELD_LABELS[f];

    let kind: ContributionKind = opts.defaultKind;
    if (cell('kind')) {
      const k = parseKind(cell('kind'));
      if (k) kind = k;
      else
        err(
          'kind',
          `${label('kind')}: "${cell('kind')}" is not a kind (practice, case study, story, survey answer, resource)`,
        );
    }
    let country: string | null = null;
    if (cell('country')) {
      const c = parseCountry(cell('country'));
      if (c) country = c;
      else err('country', `${label('country')}: "${cell('country')}" is not a country`);
    }
    let receivedOn = today;
    if (cell('receivedOn')) {
      const d = parseDate(cell('receivedOn'));
      if (d) receivedOn = d;
      else
        err(
          'receivedOn',
          `${label('receivedOn')}: "${cell('receivedOn')}" is not a date (YYYY-MM-DD)`,
        );
    }
    let consentGivenOn: string | null = null;
    if (cell('consentGivenOn')) {
      const d = parseDate(cell('consentGivenOn'));
      if (d) consentGivenOn = d;
      else
        err(
          'consentGivenOn',
          `${label('consentGivenOn')}: "${cell('consentGivenOn')}" is not a date (YYYY-MM-DD)`,
        );
    }
    let attribution: Attribution = 'anonymous';
    if (cell('attribution')) {
      const a = parseAttribution(cell('attribution'));
      if (a) attribution = a;
      else
        err(
          'attribution',
          `${label('attribution')}: "${cell('attribution')}" is not by name, organisation only or anonymous`,
        );
    }
    let mayPublish = false;
    if (cell('mayPublish')) {
      const b = parseBoolean(cell('mayPublish'));
      if (b !== undefined) mayPublish = b;
      else err('mayPublish', `${label('mayPublish')}: "${cell('mayPublish')}" is not yes or no`);
    }
    const email = cell('contributorEmail');
    const participant = email
      ? findActiveByEmailKey(ctx.db, opts.forumId, email.toLowerCase())
      : undefined;
    const language = cell('language')
      ? (parseLanguages(cell('language'))[0] ?? opts.defaultLanguage)
      : opts.defaultLanguage;
    const candidate = {
      title,
      summary: cell('summary'),
      body: cell('body'),
      kind,
      country,
      region: country ? (regionOf(country) ?? null) : null,
      themeIds: [],
      source: 'survey' as const,
      contributorId: participant?.id ?? null,
      contributorName: participant ? '' : cell('contributorName'),
      contributorOrganisation: participant ? '' : cell('contributorOrganisation'),
      language,
      receivedOn,
      links: splitList(cell('links')).filter((l) => /^https?:\/\//i.test(l)),
      attribution,
      mayPublish,
      consentGivenOn: consentGivenOn ?? (mayPublish || cell('attribution') ? receivedOn : null),
      consentMethod: mayPublish || cell('attribution') ? opts.consentMethod : null,
    };
    const parsed = fieldSchema.safeParse(candidate);
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        const field = (CONTRIBUTION_IMPORT_FIELDS as readonly string[]).includes(key)
          ? (key as ContributionImportField)
          : null;
        const message =
          issue.code === 'invalid_type' && issue.input === undefined
            ? 'is required'
            : issue.message;
        err(field, `${field ? label(field) : key}: ${message}`);
      }
    if (parsed.success && consentBeforeReceipt(candidate.receivedOn, candidate.consentGivenOn))
      err('consentGivenOn', `${label('consentGivenOn')}: ${CONSENT_BEFORE_RECEIPT}`);
    if (errors.length > 0) return { ok: false, line: record.line, title, errors };
    return {
      ok: true,
      line: record.line,
      fields: parsed.data!,
      themeNames: [...new Set(splitList(cell('themes')))].filter((t) => t.length <= 120),
      contributor:
        participant?.fullName ?? (candidate.contributorName || candidate.contributorOrganisation),
      matchedParticipant: participant ? participant.fullName : null,
    };
  };
  return { forumId: opts.forumId, csv, mapping, check };
}

export function previewContributionImport(
  ctx: BackendContext,
  opts: ImportOptions,
): ContributionImportPreview {
  const prep = prepareContributionImport(ctx, opts);
  const rows = prep.csv.records.map(prep.check);
  const known = new Set(listThemes(ctx.db, prep.forumId).map((t) => t.name.toLowerCase()));
  const newThemes = new Map<string, string>();
  const errors: ContributionImportRowError[] = [];
  let errorCount = 0;
  for (const r of rows) {
    if (r.ok) {
      for (const t of r.themeNames)
        if (!known.has(t.toLowerCase()) && !newThemes.has(t.toLowerCase()))
          newThemes.set(t.toLowerCase(), t);
    } else {
      errorCount += r.errors.length;
      for (const e of r.errors) if (errors.length < CONTRIBUTION_IMPORT_MAX_ERRORS) errors.push(e);
    }
  }
  const preview: ContributionImportPreviewRow[] = rows
    .slice(0, CONTRIBUTION_IMPORT_PREVIEW_ROWS)
    .map((r) =>
      r.ok
        ? {
            line: r.line,
            valid: true,
            title: r.fields.title,
            contributor: r.contributor,
            matchedParticipant: r.matchedParticipant,
            errors: [],
          }
        : {
            line: r.line,
            valid: false,
            title: r.title,
            contributor: '',
            matchedParticipant: null,
            errors: r.errors,
          },
    );
  return {
    headers: prep.csv.headers,
    mapping: prep.mapping,
    totalRows: rows.length,
    validRows: rows.filter((r) => r.ok).length,
    matchedContributors: rows.filter((r) => r.ok && r.matchedParticipant).length,
    newThemes: [...newThemes.values()],
    preview,
    errors,
    errorCount,
  };
}

export interface ImportProgress {
  phase: 'validating' | 'writing' | 'saving';
  processed: number;
  added: number;
  skipped: number;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Checks every row, stages the valid ones in memory (yielding to the event loop between chunks,
 * so progress and cancel are answered), then writes them in ONE synchronous transaction: no
 * transaction spans an event-loop turn, and a cancel before the commit writes nothing. Invalid
 * rows are skipped and counted. Used by the job and by benchmarks.
 */
export async function importContributionsFromCsv(
  ctx: BackendContext,
  opts: ImportOptions,
  onProgress?: (p: ImportProgress) => void,
  control?: { cancelled(): boolean },
): Promise<{ total: number; added: number; skipped: number }> {
  const prep = prepareContributionImport(ctx, opts);
  const records = prep.csv.records;
  const total = records.length;
  const checkpoint = async () => {
    await nextTurn();
    if (control?.cancelled()) throw new ImportCancelled();
  };
  onProgress?.({ phase: 'validating', processed: 0, added: 0, skipped: 0 });
  const rows: CheckedRow[] = [];
  for (let i = 0; i < total; i++) {
    rows.push(prep.check(records[i]));
    if ((i + 1) % CONTRIBUTION_IMPORT_CHUNK_ROWS === 0) {
      onProgress?.({ phase: 'validating', processed: i + 1, added: 0, skipped: 0 });
      await checkpoint();
    }
  }
  await checkpoint();

  // Stage: the records to insert, built in memory.
  onProgress?.({ phase: 'writing', processed: 0, added: 0, skipped: 0 });
  const now = ctx.now();
  const actor = actorName(ctx);
  const staged: { record: ReturnType<typeof toRecord>; themeNames: string[]; line: number }[] = [];
  let skipped = 0;
  for (let i = 0; i < total; i++) {
    const row = rows[i];
    if (!row.ok) skipped++;
    else
      staged.push({
        line: row.line,
        themeNames: row.themeNames,
        record: toRecord(
          row.fields,
          { region: row.fields.region ?? null, sourceCallId: null, sourceSessionId: null },
          {
            id: newId(now),
            forumId: prep.forumId,
            createdAt: now,
            updatedAt: now,
            status: 'submitted',
            reviewerNotes: '',
            consentWithdrawnAt: null,
            consentWithdrawnScope: null,
          },
        ),
      });
    if ((i + 1) % CONTRIBUTION_IMPORT_CHUNK_ROWS === 0 && i + 1 < total) {
      onProgress?.({ phase: 'writing', processed: i + 1, added: 0, skipped });
      await checkpoint();
    }
  }
  await checkpoint();

  // Commit: one synchronous transaction. Themes are looked up here, as they are at commit time.
  // Said first, so the UI stops offering Cancel.
  onProgress?.({ phase: 'saving', processed: total, added: 0, skipped });
  const added = ctx.db
    .transaction((): number => {
      const themeIds = new Map(
        listThemes(ctx.db, prep.forumId).map((t) => [t.name.toLowerCase(), t.id]),
      );
      const themeId = (name: string) => {
        const key = name.toLowerCase();
        let id = themeIds.get(key);
        if (!id) {
          id = findThemeByName(ctx.db, prep.forumId, name)?.id ?? newId(now);
          insertTheme(ctx.db, { id, forumId: prep.forumId, name });
          themeIds.set(key, id);
        }
        return id;
      };
      for (const { record, themeNames, line } of staged) {
        insertContribution(ctx.db, record);
        if (themeNames.length > 0)
          addContributionThemes(ctx.db, record.id, themeNames.map(themeId));
        insertHistory(ctx.db, {
          id: newId(now),
          contributionId: record.id,
          at: now,
          actor,
          action: 'imported',
          detail: JSON.stringify({ note: `Imported from a survey file (line ${line})` }),
        });
      }
      recordAudit(ctx, {
        forumId: prep.forumId,
        action: 'contribution.import',
        detail: { total, added: staged.length, skipped },
      });
      return staged.length;
    })
    .immediate();
  // Many rows at once: refresh the planner's statistics where they went stale.
  optimizeDatabase(ctx.db);
  onProgress?.({ phase: 'saving', processed: total, added, skipped });
  return { total, added, skipped };
}

/** The survey import jobs of one backend: one at a time; status is polled, a cancel before the commit writes nothing. */
export function createContributionImportJobs(ctx: BackendContext) {
  const jobs = createJobRegistry<ContributionImportStatus>('survey import', {
    emit: ctx.emit,
    changed: {
      kind: 'changed',
      method: 'contributions.importStart',
      areas: ['contributions', 'report', 'audit'],
    },
  });
  return {
    start(opts: ImportOptions): { jobId: string } {
      jobs.assertIdle();
      const prep = prepareContributionImport(ctx, opts);
      return jobs.start(
        ctx.now(),
        { phase: 'validating', total: prep.csv.records.length, processed: 0, added: 0, skipped: 0 },
        { added: 0, skipped: 0 },
        async (progress, cancelled) => {
          const summary = await importContributionsFromCsv(ctx, opts, progress, { cancelled });
          return { ...summary, processed: summary.total };
        },
      );
    },
    status: jobs.status,
    cancel: jobs.cancel,
    settled: jobs.settled,
  };
}
