import type { BackendContext } from '../context';
import type { Handlers } from '../dispatch';
import { createContributionImportJobs, previewContributionImport } from './import';
import {
  contributionCoverage,
  contributionSources,
  createContribution,
  createTheme,
  duplicatesOf,
  getContribution,
  listContributionPage,
  listForumThemes,
  removeTheme,
  searchEverything,
  setContributionStatus,
  updateContribution,
  updateTheme,
  withdrawConsent,
} from './service';
import { requireForum } from '../forums/service';

type ContributionMethods = Extract<keyof Handlers, `contributions.${string}` | `themes.${string}`>;

/** The contributions slice of the contract (themes, contributions, survey import). */
export function createContributionHandlers(
  ctx: BackendContext,
): Pick<Handlers, ContributionMethods> {
  const jobs = createContributionImportJobs(ctx);
  return {
    'themes.list': ({ forumId }) => listForumThemes(ctx, forumId),
    'themes.create': ({ forumId, name }) => createTheme(ctx, forumId, name),
    'themes.update': ({ id, name }) => updateTheme(ctx, id, name),
    'themes.remove': ({ id }) => removeTheme(ctx, id),
    'contributions.list': (input) => listContributionPage(ctx, input),
    'contributions.search': (input) => searchEverything(ctx, input),
    'contributions.get': ({ id }) => getContribution(ctx, id),
    'contributions.create': (input) => createContribution(ctx, input),
    'contributions.update': (input) => updateContribution(ctx, input),
    'contributions.setStatus': (input) => setContributionStatus(ctx, input),
    'contributions.withdrawConsent': (input) => withdrawConsent(ctx, input),
    'contributions.duplicates': ({ forumId, excludeId, ...draft }) => {
      requireForum(ctx, forumId, 'forumId');
      return duplicatesOf(ctx, forumId, draft, excludeId);
    },
    'contributions.coverage': ({ forumId }) => contributionCoverage(ctx, forumId),
    'contributions.sources': ({ forumId }) => contributionSources(ctx, forumId),
    'contributions.importPreview': (input) => previewContributionImport(ctx, input),
    'contributions.importStart': (input) => jobs.start(input),
    'contributions.importStatus': ({ jobId }) => jobs.status(jobId),
    'contributions.importCancel': ({ jobId }) => jobs.cancel(jobId),
  };
}
