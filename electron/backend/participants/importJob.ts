/**
 * Importing participants from a CSV file: the preview, the import itself (one transaction) and the
 * background job the UI polls.
 *
 * The import checks every row first, then stages the records to write in memory, yielding to the
 * event loop between chunks so status and cancel requests are answered and the progress bar
 * moves; then it writes them all in ONE synchronous transaction. No transaction ever spans an
 * event-loop turn, so other requests (edits, the audit record of a reveal) go through while an
 * import is being prepared and are never rolled back with it. Cancel before the commit writes
 * nothing. Only one import runs at a time (a second start is refused with 'conflict').
 */
import {
  activeEmailKeys,
  findActiveByEmailKey,
  insertParticipant,
  updateParticipant as updateParticipantRow,
} from '../../../db/queries/participants';
import type {
  ImportColumnMapping,
  ImportDuplicateRow,
  ImportJobStatus,
  ImportPreview,
  ImportPreviewRow,
  ImportRowAction,
  ImportRowError,
  ImportSummary,
} from '../../../shared/api';
import { optimizeDatabase } from '../../../db/open';
import { newId } from '../../../shared/domain/ids';
import { DomainError } from '../../../shared/result';
import {
  IMPORT_FIELDS,
  IMPORT_MAX_LISTED_ERRORS,
  IMPORT_PREVIEW_ROWS,
  type DuplicatePolicy,
  type ImportField,
  type ImportFix,
  type ImportMapping,
} from '../../../shared/schemas/participantImport';
import { recordAudit } from '../audit/service';
import type { BackendContext } from '../context';
import { createJobRegistry, ImportCancelled } from '../jobs';
import { requireForum } from '../forums/service';
import { actorMatcher } from '../safeguards/actors';
import {
  completeMapping,
  mapRecord,
  mergeParticipantFields,
  parseCsv,
  suggestMapping,
  type CsvRecord,
  type FullMapping,
  type MappedRow,
  type ParsedCsv,
} from './import';
import { fieldsOf, toParticipant, toRecord } from './service';

/** Rows written between two yields to the event loop. */
export const IMPORT_CHUNK_ROWS = 500;

export interface ImportRequest {
  forumId: string;
  csv: string;
  /** Without a mapping, the one suggested from the header names is used. */
  mapping?: ImportMapping;
  fixes?: ImportFix[];
  /** Lines the user chose to skip (invalid rows are skipped anyway unless fixed). */
  skipLines?: number[];
  duplicates: DuplicatePolicy;
}

export interface ImportProgress extends ImportSummary {
  phase: 'validating' | 'writing' | 'saving';
  processed: number;
}

export interface ImportControl {
  /** Polled between chunks; when true (before the commit) the import stops and rejects with ImportCancelled. */
  cancelled(): boolean;
}

export { ImportCancelled } from '../jobs';

interface PreparedImport {
  forumId: string;
  csv: ParsedCsv;
  mapping: FullMapping;
  fixes: Map<number, Partial<Record<ImportField, string>>>;
  skip: Set<number>;
  duplicates: DuplicatePolicy;
  check: (record: CsvRecord) => MappedRow;
}

/** Parses the file and checks the request (forum, mapping) before any row is looked at. */
export function prepareImport(ctx: BackendContext, req: ImportRequest): PreparedImport {
  requireForum(ctx, req.forumId, 'forumId');
  const csv = parseCsv(req.csv);
  const mapping = req.mapping ? completeMapping(req.mapping) : suggestMapping(csv.headers);
  for (const field of IMPORT_FIELDS) {
    const column = mapping[field];
    if (column !== null && column >= csv.headers.length)
      throw new DomainError(
        'validation',
        `mapping.${field}: the file has no column ${column + 1}`,
        `mapping.${field}`,
      );
  }
  const fixes = new Map((req.fixes ?? []).map((f) => [f.line, f.values]));
  const matchActors = actorMatcher(ctx, req.forumId);
  const check = (record: CsvRecord): MappedRow => {
    const row = mapRecord(record, mapping, fixes.get(record.line));
    if (!row.ok) return row;
    const excluded = matchActors(row.fields).filter((m) => m.excluded);
    if (excluded.length === 0) return row;
    const m = excluded[0];
    const field = (IMPORT_FIELDS as readonly string[]).includes(m.field)
      ? (m.field as ImportField)
      : null;
    return {
      ok: false,
      line: row.line,
      values: row.values,
      errors: [
        {
          field,
          message: `matches an excluded disruptive actor (${m.actorName}); if you are sure, add this person with the participant form`,
        },
      ],
    };
  };
  return {
    forumId: req.forumId,
    csv,
    mapping,
    fixes,
    skip: new Set(req.skipLines ?? []),
    duplicates: req.duplicates,
    check,
  };
}

const emailKeyOf = (row: MappedRow) =>
  row.ok && row.fields.email ? row.fields.email.toLowerCase() : null;

type RowPlan = { action: ImportRowAction; reason: string | null; duplicate?: ImportDuplicateRow };

/**
 * What the import will do with each row, one row at a time in file order (read-only: used by the
 * preview). Remembers the e-mails seen so far, so a later row repeating one is a duplicate.
 */
function classifier(ctx: BackendContext, prep: PreparedImport): (row: MappedRow) => RowPlan {
  const firstLineOf = new Map<string, number>();
  return (row) => {
    if (prep.skip.has(row.line)) return { action: row.ok ? 'skip' : 'invalid', reason: 'Skipped' };
    if (!row.ok) return { action: 'invalid', reason: null };
    const key = emailKeyOf(row);
    if (!key) return { action: 'add', reason: null };
    const existing = findActiveByEmailKey(ctx.db, prep.forumId, key) !== undefined;
    const firstLine = firstLineOf.get(key) ?? null;
    if (firstLine === null) firstLineOf.set(key, row.line);
    if (!existing && firstLine === null) return { action: 'add', reason: null };
    const duplicate = { line: row.line, email: row.fields.email ?? key, existing, firstLine };
    const where = existing ? 'already in the forum' : `the same as line ${firstLine}`;
    return prep.duplicates === 'merge'
      ? { action: 'merge', reason: `E-mail ${where}: merged`, duplicate }
      : { action: 'skip', reason: `E-mail ${where}: skipped`, duplicate };
  };
}

/** Rows the preview checks between two yields (progress event, cancel check). */
export const PREVIEW_CHUNK_ROWS = 2000;

export interface PreviewOptions {
  /** Aborted when the caller went away: the preview stops at its next chunk. */
  signal?: AbortSignal;
  /** Called after each chunk with the rows checked so far and the running counts. */
  onProgress?: (checked: number, total: number, counts: Record<ImportRowAction, number>) => void;
}

/**
 * Everything the mapping step shows: headers, mapping, a preview, every invalid row, duplicates.
 * With `firstPage` only the first IMPORT_PREVIEW_ROWS rows are checked (answered at once, even
 * for a large file); otherwise every row, in chunks that yield to the event loop, report progress
 * and stop when `signal` is aborted.
 */
export async function previewImport(
  ctx: BackendContext,
  req: ImportRequest & { firstPage?: boolean },
  opts: PreviewOptions = {},
): Promise<ImportPreview> {
  const prep = prepareImport(ctx, req);
  const records = prep.csv.records;
  const checked = req.firstPage ? Math.min(records.length, IMPORT_PREVIEW_ROWS) : records.length;
  const plan = classifier(ctx, prep);
  const counts: Record<ImportRowAction, number> = { add: 0, merge: 0, skip: 0, invalid: 0 };
  const errors: ImportRowError[] = [];
  let errorCount = 0;
  let validRows = 0;
  const invalidRows: ImportPreview['invalidRows'] = [];
  const duplicateRows: ImportDuplicateRow[] = [];
  let duplicateCount = 0;
  const preview: ImportPreviewRow[] = [];
  for (let i = 0; i < checked; i++) {
    const row = prep.check(records[i]);
    const planned = plan(row);
    counts[planned.action]++;
    if (row.ok) validRows++;
    else {
      errorCount += row.errors.length;
      for (const e of row.errors)
        if (errors.length < IMPORT_MAX_LISTED_ERRORS) errors.push({ line: row.line, ...e });
      if (invalidRows.length < IMPORT_MAX_LISTED_ERRORS)
        invalidRows.push({ line: row.line, values: row.values });
    }
    if (planned.duplicate) {
      duplicateCount++;
      if (duplicateRows.length < IMPORT_MAX_LISTED_ERRORS) duplicateRows.push(planned.duplicate);
    }
    if (i < IMPORT_PREVIEW_ROWS)
      preview.push({
        line: row.line,
        action: planned.action,
        reason: planned.reason,
        values: row.values,
        participant: row.ok ? row.fields : null,
        errors: row.ok ? [] : row.errors.map((e) => ({ line: row.line, ...e })),
      });
    if ((i + 1) % PREVIEW_CHUNK_ROWS === 0 && i + 1 < checked) {
      opts.onProgress?.(i + 1, checked, { ...counts });
      await nextTurn();
      if (opts.signal?.aborted) throw new PreviewCancelled();
    }
  }
  if (checked > IMPORT_PREVIEW_ROWS) opts.onProgress?.(checked, checked, { ...counts });
  return {
    headers: prep.csv.headers,
    delimiter: prep.csv.delimiter,
    mapping: prep.mapping satisfies ImportColumnMapping,
    totalRows: records.length,
    validRows,
    counts,
    preview,
    errors,
    errorCount,
    invalidRows,
    invalidCount: checked - validRows,
    duplicateRows,
    duplicateCount,
    duplicates: prep.duplicates,
    checkedRows: checked,
  };
}

/** A preview stopped because its caller went away (dispatch answers 'cancelled'). */
export class PreviewCancelled extends Error {
  constructor() {
    super('The import preview was cancelled.');
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A row ready to be written: its new record (used when its e-mail is not in the forum yet). */
interface StagedRow {
  row: Extract<MappedRow, { ok: true }>;
  key: string | null;
  record: ReturnType<typeof toRecord>;
}

/**
 * Writes the staged rows in ONE synchronous transaction (no event-loop turn inside it, so no
 * other request can join or be refused). Duplicates are resolved here, against the data as it is
 * at commit time, since other writes may have happened while the rows were being staged.
 */
function commitStaged(
  ctx: BackendContext,
  prep: PreparedImport,
  staged: StagedRow[],
  invalidOrSkipped: number,
  total: number,
): ImportSummary {
  return ctx.db
    .transaction((): ImportSummary => {
      const summary: ImportSummary = { total, added: 0, merged: 0, skipped: invalidOrSkipped };
      const now = ctx.now();
      // Only rows whose e-mail is already known need a lookup (for merge or skip).
      const knownKeys = activeEmailKeys(ctx.db, prep.forumId);
      for (const { row, key, record } of staged) {
        const existing =
          key && knownKeys.has(key) ? findActiveByEmailKey(ctx.db, prep.forumId, key) : undefined;
        if (key) knownKeys.add(key);
        if (!existing) {
          insertParticipant(ctx.db, record);
          summary.added++;
        } else if (prep.duplicates === 'skip') summary.skipped++;
        else {
          const before = fieldsOf(toParticipant(existing));
          const merged = mergeParticipantFields(before, row.fields, row.given);
          if (JSON.stringify(merged) !== JSON.stringify(before))
            updateParticipantRow(ctx.db, toRecord(merged, { ...existing, updatedAt: now }));
          summary.merged++;
        }
      }
      recordAudit(ctx, {
        forumId: prep.forumId,
        action: 'participant.import',
        detail: { ...summary, duplicates: prep.duplicates },
      });
      return summary;
    })
    .immediate();
}

async function runImport(
  ctx: BackendContext,
  prep: PreparedImport,
  onProgress?: (progress: ImportProgress) => void,
  control?: ImportControl,
): Promise<ImportSummary> {
  const records = prep.csv.records;
  const total = records.length;
  const zero: ImportSummary = { total, added: 0, merged: 0, skipped: 0 };
  const report = (phase: ImportProgress['phase'], processed: number, s = zero) =>
    onProgress?.({ ...s, phase, processed });
  const checkpoint = async () => {
    await nextTurn();
    if (control?.cancelled()) throw new ImportCancelled();
  };

  // 1. Check every row before staging anything.
  report('validating', 0);
  const rows: MappedRow[] = [];
  for (let i = 0; i < total; i++) {
    rows.push(prep.check(records[i]));
    if ((i + 1) % IMPORT_CHUNK_ROWS === 0) {
      report('validating', i + 1);
      await checkpoint();
    }
  }
  await checkpoint();

  // 2. Stage the records in memory (nothing is written yet, so a cancel has nothing to undo).
  report('writing', 0);
  const now = ctx.now();
  const staged: StagedRow[] = [];
  let invalidOrSkipped = 0;
  for (let i = 0; i < total; i++) {
    const row = rows[i];
    if (!row.ok || prep.skip.has(row.line)) invalidOrSkipped++;
    else
      staged.push({
        row,
        key: emailKeyOf(row),
        record: toRecord(row.fields, {
          id: newId(now),
          forumId: prep.forumId,
          createdAt: now,
          updatedAt: now,
        }),
      });
    if ((i + 1) % IMPORT_CHUNK_ROWS === 0 && i + 1 < total) {
      report('writing', i + 1);
      await checkpoint();
    }
  }
  await checkpoint();

  // 3. Commit in one synchronous transaction. Said first, so the UI stops offering Cancel.
  report('saving', total);
  const summary = commitStaged(ctx, prep, staged, invalidOrSkipped, total);
  // Many rows at once: refresh the planner's statistics where they went stale.
  optimizeDatabase(ctx.db);
  report('saving', total, summary);
  return summary;
}

/**
 * Imports a CSV file into a forum in one transaction and resolves to what it did. `onProgress`
 * is called as rows are checked and staged; `control.cancelled()` returning true before the
 * commit stops the import with nothing written (the promise then rejects with ImportCancelled).
 * Used by the job below and by benchmarks.
 */
export async function importParticipantsFromCsv(
  ctx: BackendContext,
  req: ImportRequest,
  onProgress?: (progress: ImportProgress) => void,
  control?: ImportControl,
): Promise<ImportSummary> {
  return runImport(ctx, prepareImport(ctx, req), onProgress, control);
}

/** The import jobs of one backend: at most one runs at a time. */
export function createImportJobs(ctx: BackendContext) {
  const jobs = createJobRegistry<ImportJobStatus>('import', {
    emit: ctx.emit,
    changed: {
      kind: 'changed',
      method: 'participants.importStart',
      areas: ['participants', 'representation', 'audit'],
    },
  });
  return {
    start(req: ImportRequest): { jobId: string } {
      jobs.assertIdle();
      const prep = prepareImport(ctx, req);
      return jobs.start(
        ctx.now(),
        {
          phase: 'validating',
          processed: 0,
          total: prep.csv.records.length,
          added: 0,
          merged: 0,
          skipped: 0,
        },
        { added: 0, merged: 0, skipped: 0 },
        async (progress, cancelled) => {
          const summary = await runImport(ctx, prep, progress, { cancelled });
          return { ...summary, processed: summary.total };
        },
      );
    },
    status: jobs.status,
    cancel: jobs.cancel,
    settled: jobs.settled,
  };
}

export type ImportJobs = ReturnType<typeof createImportJobs>;
