import { insertParticipant } from '../../../db/queries/participants';
import sample from '../../../resources/sample-forum.json';
import type { Forum } from '../../../shared/api';
import { newId } from '../../../shared/domain/ids';
import { forumsSchemas } from '../../../shared/schemas/forums';
import { participantInput } from '../../../shared/schemas/participants';
import type { BackendContext } from '../context';
import { toRecord } from '../participants/service';
import { createForum, getForumDetails } from './service';

export const SAMPLE_FORUM_TITLE = 'BPF Gender and Access (sample)';

/** Loads the fictional sample forum (resources/sample-forum.json) in one transaction. */
export function loadSampleForum(ctx: BackendContext): Forum {
  const forumFields = forumsSchemas['forums.create'].parse(sample.forum);
  const people = sample.participants.map((p) => participantInput.parse(p));
  return ctx.db.transaction(() => {
    const forum = createForum(ctx, forumFields);
    for (const fields of people) {
      const now = ctx.now();
      insertParticipant(
        ctx.db,
        toRecord(fields, { id: newId(now), forumId: forum.id, createdAt: now, updatedAt: now }),
      );
    }
    return getForumDetails(ctx, forum.id);
  })();
}
