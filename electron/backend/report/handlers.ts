import type { Report } from '../../../shared/api';
import type { Audience } from '../../../shared/domain/vocabulary';
import type { BackendContext } from '../context';
import { redactMarkdown } from '../privacy/markdown';
import { generateSection } from './generate';
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
/** The report as `audience` reads it: section Markdown through the Markdown redactor, texts redacted. */
function reportFor(ctx: BackendContext, report: Report, audience: Audience): Report {
  if (audience === 'coordinators') return report;
  const { redactor } = protectionFor(ctx, report.forumId);
  // A generated section's stored text may predate a protection (and name the person's
  // organisation next to their pseudonym): outside coordinators it is generated afresh.
  const sections = report.sections.map((s) => ({
    ...s,
    markdown: redactMarkdown(
      s.kind === 'text'
        ? s.markdown
        : generateSection(ctx, report.forumId, report.id, s.kind).markdown,
      redactor,
    ).text,
  }));
  return redactedFor(ctx, report.forumId, audience, { ...report, sections });
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
