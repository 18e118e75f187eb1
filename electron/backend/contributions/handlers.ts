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
import { redactedFor } from '../privacy/redactors';

type ContributionMethods = Extract<keyof Handlers, `contributions.${string}` | `themes.${string}`>;

/** The contributions slice of the contract (themes, contributions, survey import). */
export function createContributionHandlers(
  ctx: BackendContext,
): Pick<Handlers, ContributionMethods> {
  const jobs = createContributionImportJobs(ctx);
  return {
    'themes.list': ({ forumId }, { session }) =>
      redactedFor(ctx, forumId, session.audience, listForumThemes(ctx, forumId)),
    'themes.create': ({ forumId, name }) => createTheme(ctx, forumId, name),
    'themes.update': ({ id, name }) => updateTheme(ctx, id, name),
    'themes.remove': ({ id }) => removeTheme(ctx, id),
    'contributions.list': (input, { session }) =>
      listContributionPage(ctx, input, session.audience),
    'contributions.search': (input, { session }) => searchEverything(ctx, input, session.audience),
    'contributions.get': ({ id }, { session }) => getContribution(ctx, id, session.audience),
    'contributions.create': (input) => createContribution(ctx, input),
    'contributions.update': (input) => updateContribution(ctx, input),
    'contributions.setStatus': (input) => setContributionStatus(ctx, input),
    'contributions.withdrawConsent': (input) => withdrawConsent(ctx, input),
    'contributions.duplicates': ({ forumId, excludeId, ...draft }) => {
      requireForum(ctx, forumId, 'forumId');
      return duplicatesOf(ctx, forumId, draft, excludeId);
    },
    'contributions.coverage': ({ forumId }, { session }) =>
      contributionCoverage(ctx, forumId, session.audience),
    'contributions.sources': ({ forumId }) => contributionSources(ctx, forumId),
    'contributions.importPreview': (input) => previewContributionImport(ctx, input),
    'contributions.importStart': (input) => jobs.start(input),
    'contributions.importStatus': ({ jobId }) => jobs.status(jobId),
    'contributions.importCancel': ({ jobId }) => jobs.cancel(jobId),
  };
}
