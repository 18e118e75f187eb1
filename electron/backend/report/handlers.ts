import type { Report } from '../../../shared/api';
import type { Redactor } from '../../../shared/domain/redaction';
import type { Audience } from '../../../shared/domain/vocabulary';
import type { BackendContext } from '../context';
import { redactMarkdown } from '../privacy/markdown';
import { requireNarrowing } from '../privacy/views';
import { protectionFor, redactedFor } from '../privacy/redactors';
import type { Handlers } from '../dispatch';
import { printableExport } from '../publish/report';
import { importComments } from './import';
import {
  addComment,
  addSection,
  compareVersions,
  createReport,
  createRound,
  generatedTextsNow,
  getReport,
  getRound,
  listCitables,
  listReports,
  regenerateSection,
  removeComment,
  removeReport,
  removeSection,
  renameReport,
  reorderSections,
  respondToComment,
  saveSection,
  saveVersion,
  updateComment,
  updateRound,
  updateSection,
} from './service';

type ReportMethods = Extract<keyof Handlers, `report.${string}` | 'exports.printable'>;

/** The outcome report slice of the contract (issue 6). */
/**
 * Section texts as redacted by one redactor (a redactor is rebuilt when protection changes, so a
 * cached text never outlives the protections it was redacted for): parsing and redacting 50
 * sections' Markdown takes far longer than the rest of `report.get`.
 */
const redactedTexts = new WeakMap<Redactor, Map<string, string>>();
const MAX_REDACTED_TEXTS = 2000;

function redactedSectionText(markdown: string, redactor: Redactor): string {
  let cache = redactedTexts.get(redactor);
  if (!cache) redactedTexts.set(redactor, (cache = new Map()));
  let text = cache.get(markdown);
  if (text === undefined) {
    text = redactMarkdown(markdown, redactor).text;
    if (cache.size >= MAX_REDACTED_TEXTS) cache.clear();
    cache.set(markdown, text);
  }
  return text;
}

/** Whole reports as redacted for an audience by one redactor, by their unredacted JSON. */
const redactedReports = new WeakMap<Redactor, Map<string, Report>>();
const MAX_REDACTED_REPORTS = 8;

/** The report as `audience` reads it: section Markdown through the Markdown redactor, texts redacted. */
function reportFor(ctx: BackendContext, report: Report, audience: Audience): Report {
  if (audience === 'coordinators') return report;
  const { redactor } = protectionFor(ctx, report.forumId);
  // A generated section's stored text may predate a protection (and name the person's
  // organisation next to their pseudonym): outside coordinators it is the text generated now.
  const generated = generatedTextsNow(ctx, report);
  const sections = report.sections.map((s) => ({
    ...s,
    markdown: redactedSectionText(generated.get(s.id) ?? s.markdown, redactor),
  }));
  const shown = { ...report, sections };
  // The same report read again (a reader polling, several public readers) under the same
  // protections: redacting every string of a long report for hundreds of protected people takes
  // hundreds of ms, and gives the same result for the same input and redactor.
  let cache = redactedReports.get(redactor);
  if (!cache) redactedReports.set(redactor, (cache = new Map()));
  const key = `${audience}\u0000${JSON.stringify(shown)}`;
  let out = cache.get(key);
  if (!out) {
    out = redactedFor(ctx, report.forumId, audience, shown);
    if (cache.size >= MAX_REDACTED_REPORTS) cache.delete(cache.keys().next().value!);
    cache.set(key, out);
  }
  return out;
}

export function createReportHandlers(ctx: BackendContext): Pick<Handlers, ReportMethods> {
  return {
    'report.list': ({ forumId }, { session }) =>
      redactedFor(ctx, forumId, session.audience, listReports(ctx, forumId)),
    'report.create': (input) => createReport(ctx, input),
    'report.get': ({ id }, { session }) => reportFor(ctx, getReport(ctx, id), session.audience),
    'report.rename': ({ id, title }) => renameReport(ctx, id, title),
    'report.remove': ({ id }) => removeReport(ctx, id),
    'report.addSection': (input) => addSection(ctx, input),
    'report.updateSection': (input) => updateSection(ctx, input),
    'report.reorderSections': (input) => reorderSections(ctx, input),
    'report.removeSection': ({ id }) => removeSection(ctx, id),
    'report.saveSection': (input) => saveSection(ctx, input),
    'report.generateSection': ({ id }) => regenerateSection(ctx, id),
    'report.citables': (input) => listCitables(ctx, input),
    'report.saveVersion': (input) => saveVersion(ctx, input),
    'report.compare': (input) => compareVersions(ctx, input),
    'report.createRound': (input) => createRound(ctx, input),
    'report.updateRound': (input) => updateRound(ctx, input),
    'report.getRound': ({ id }) => getRound(ctx, id),
    'report.addComment': (input) => addComment(ctx, input),
    'report.updateComment': (input) => updateComment(ctx, input),
    'report.respondToComment': (input) => respondToComment(ctx, input),
    'report.removeComment': ({ id }) => removeComment(ctx, id),
    'report.importComments': (input) => importComments(ctx, input),
    'exports.printable': (input, { session }) => {
      requireNarrowing(session, input.audience, input.kind);
      return printableExport(ctx, input);
    },
  };
}
