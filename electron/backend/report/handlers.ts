import type { BackendContext } from '../context';
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
export function createReportHandlers(ctx: BackendContext): Pick<Handlers, ReportMethods> {
  return {
    'report.list': ({ forumId }) => listReports(ctx, forumId),
    'report.create': (input) => createReport(ctx, input),
    'report.get': ({ id }) => getReport(ctx, id),
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
    'exports.printable': (input) => printableExport(ctx, input),
  };
}
