/** The redaction policy lives in the low privacy module (areas use it too); publish re-exports it. */
import type { Audience } from '../../../shared/domain/vocabulary';
import type { BackendContext } from '../context';
import { requireForum } from '../forums/service';
import { redactMarkdown } from '../privacy/markdown';
import { protectionFor } from '../privacy/redactors';

export * from '../privacy/views';

/** The forum as an export for `audience` names it: its title redacted outside coordinators. */
export function forumForAudience(ctx: BackendContext, forumId: string, audience: Audience) {
  const forum = requireForum(ctx, forumId, 'forumId');
  if (audience === 'coordinators') return forum;
  return {
    ...forum,
    title: redactMarkdown(forum.title, protectionFor(ctx, forumId).redactor).text,
  };
}
