/**
 * Comments imported from a CSV file (a review platform's export, a spreadsheet of e-mailed
 * comments). Reuses the participant import's CSV reader and column matching. All or nothing:
 * nothing is written while any row is invalid.
 */
import { findActiveByEmailKey } from '../../../db/queries/participants';
import { insertComment } from '../../../db/queries/report';
import type {
  CommentImportMapping,
  CommentImportResult,
  CommentImportRow,
} from '../../../shared/api';
import { newId } from '../../../shared/domain/ids';
import { COMMENT_CHANNELS, type CommentChannel } from '../../../shared/domain/report';
import { DomainError } from '../../../shared/result';
import type { ParsedInput } from '../../../shared/schemas';
import {
  COMMENT_IMPORT_FIELDS,
  COMMENT_IMPORT_FIELD_LABELS,
  type CommentImportField,
} from '../../../shared/schemas/report';
import type { BackendContext } from '../context';
import { matchKey, parseBoolean, parseCsv, parseStakeholderGroup } from '../participants/import';
import { commentRecordFields, requireReport, requireRound } from './service';

const SYNONYMS: Record<CommentImportField, string[]> = {
  commenter: ['commenter', 'name', 'author', 'from', 'full name', 'commented by'],
  email: ['email', 'e mail', 'email address', 'e mail address'],
  stakeholderGroup: ['stakeholder group', 'stakeholder', 'group', 'sector'],
  paragraph: ['paragraph', 'para', 'ref', 'reference', 'section', 'paragraph number'],
  text: ['comment', 'text', 'comments', 'feedback', 'comment text'],
  channel: ['channel', 'via', 'source', 'received via'],
  receivedOn: ['date', 'received', 'received on', 'date received'],
  anonymous: ['anonymous', 'anonymise', 'anonymize'],
};

export function suggestCommentMapping(headers: readonly string[]): CommentImportMapping {
  const keys = headers.map(matchKey);
  const used = new Set<number>();
  const out = Object.fromEntries(
    COMMENT_IMPORT_FIELDS.map((f) => [f, null]),
  ) as CommentImportMapping;
  for (const f of COMMENT_IMPORT_FIELDS) {
    const i = keys.findIndex((k, idx) => !used.has(idx) && SYNONYMS[f].map(matchKey).includes(k));
    if (i >= 0) {
      out[f] = i;
      used.add(i);
    }
  }
  return out;
}

export function parseChannel(s: string): CommentChannel | undefined {
  const k = matchKey(s);
  if (!k) return undefined;
  if ((COMMENT_CHANNELS as readonly string[]).includes(k.replace(/ /g, '_')))
    return k.replace(/ /g, '_') as CommentChannel;
  if (/mail/.test(k)) return 'email';
  if (/platform|online|web|form/.test(k)) return 'platform';
  if (/nri|national|regional/.test(k)) return 'nri_session';
  if (/igf|annual|session/.test(k)) return 'igf_session';
  return undefined;
}

export function importComments(
  ctx: BackendContext,
  input: ParsedInput<'report.importComments'>,
): CommentImportResult {
  const round = requireRound(ctx, input.roundId, 'roundId');
  if (!input.dryRun && round.status !== 'open')
    throw new DomainError('validation', 'roundId: this comment round is closed', 'roundId');
  const report = requireReport(ctx, round.reportId, 'roundId');
  const csv = parseCsv(input.csv);
  const mapping: CommentImportMapping = input.mapping
    ? (input.mapping as CommentImportMapping)
    : suggestCommentMapping(csv.headers);
  if (mapping.text === null)
    throw new DomainError(
      'validation',
      'mapping: choose the column with the comment text',
      'mapping',
    );
  const at = ctx.now();
  const rows: CommentImportRow[] = [];
  const writes: Parameters<typeof insertComment>[1][] = [];
  for (const rec of csv.records) {
    const get = (f: CommentImportField) => {
      const c = mapping[f];
      return c === null ? '' : (rec.cells[c] ?? '').trim();
    };
    const errors: string[] = [];
    const problem = (f: CommentImportField, m: string) =>
      errors.push(`Line ${rec.line}: ${COMMENT_IMPORT_FIELD_LABELS[f]}: ${m}`);
    if (rec.problem) errors.push(`Line ${rec.line}: ${rec.problem}`);
    const channelText = get('channel');
    const channel = channelText ? parseChannel(channelText) : input.defaultChannel;
    if (!channel)
      problem(
        'channel',
        `"${channelText.slice(0, 40)}" is not e-mail, platform, NRI session or IGF session`,
      );
    const groupText = get('stakeholderGroup');
    const group = groupText ? parseStakeholderGroup(groupText) : undefined;
    if (groupText && !group)
      problem('stakeholderGroup', `"${groupText.slice(0, 40)}" is not a stakeholder group`);
    const anonText = get('anonymous');
    const anonymous = anonText ? parseBoolean(anonText) : false;
    if (anonymous === undefined) problem('anonymous', 'must be yes or no');
    const date = get('receivedOn');
    if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date))
      problem('receivedOn', 'must be a date (YYYY-MM-DD)');
    const email = get('email').toLowerCase();
    const participant = email ? findActiveByEmailKey(ctx.db, report.forumId, email) : undefined;
    const text = get('text');
    if (!text) problem('text', 'is required');
    if (text.length > 20_000) problem('text', 'must be at most 20000 characters');
    const commenter = get('commenter').slice(0, 200);
    let fields: ReturnType<typeof commentRecordFields> | null = null;
    if (!errors.length)
      try {
        fields = commentRecordFields(ctx, round, report.forumId, {
          participantId: participant?.id ?? null,
          commenterName: commenter,
          anonymous: anonymous ?? false,
          stakeholderGroup: group ?? null,
          ref: get('paragraph').slice(0, 40),
          text,
          channel: channel!,
          receivedOn: date || null,
        });
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        const f: CommentImportField = e.field === 'ref' ? 'paragraph' : 'commenter';
        problem(f, e.message.replace(/^\w+: /, ''));
      }
    rows.push({
      line: rec.line,
      ok: errors.length === 0,
      errors,
      ref: fields?.ref ?? get('paragraph'),
      commenterName: anonymous ? 'Anonymous' : participant ? participant.fullName : commenter,
      channel: channel ?? null,
      text: text.slice(0, 300),
    });
    if (fields)
      writes.push({
        id: newId(at),
        roundId: round.id,
        ...fields,
        disposition: 'pending',
        response: '',
        createdAt: at,
        updatedAt: at,
      });
  }
  const valid = rows.filter((r) => r.ok).length;
  let added = 0;
  if (!input.dryRun && valid === rows.length && rows.length > 0) {
    ctx.db.transaction(() => {
      for (const w of writes) insertComment(ctx.db, w);
    })();
    added = writes.length;
  }
  return {
    headers: csv.headers,
    mapping,
    totalRows: rows.length,
    validRows: valid,
    rows: rows.slice(0, 1000),
    added,
  };
}
