import { listAudit } from '../../../db/queries/audit';
import { getParticipant } from '../../../db/queries/participants';
import type { BackendContext } from '../context';
import { requireNarrowing } from '../privacy/views';
import type { Handlers } from '../dispatch';
import { requireForum } from '../forums/service';
import { previewExport, renderExport } from '../publish';
import { isReportExportKind, renderReportExport } from '../publish/report';
import { actorMatcher, createActor, listForumActors, updateActor } from './actors';
import {
  createIncident,
  getIncidentDetails,
  listForumIncidents,
  updateIncident,
} from './incidents';
import { protectParticipant, unprotectParticipant } from './protection';

export function createSafeguardHandlers(
  ctx: BackendContext,
): Pick<
  Handlers,
  | 'participants.protect'
  | 'participants.unprotect'
  | 'audit.list'
  | 'incidents.list'
  | 'incidents.get'
  | 'incidents.create'
  | 'incidents.update'
  | 'actors.list'
  | 'actors.create'
  | 'actors.update'
  | 'actors.check'
  | 'exports.preview'
  | 'exports.render'
> {
  return {
    'participants.protect': ({ id, reason }) => protectParticipant(ctx, id, reason),
    'participants.unprotect': ({ id, reason }) => unprotectParticipant(ctx, id, reason),
    'audit.list': (input) => {
      requireForum(ctx, input.forumId, 'forumId');
      const { total, rows } = listAudit(ctx.db, input);
      return {
        total,
        offset: input.offset,
        rows: rows.map((r) => ({
          id: r.id,
          at: r.at,
          action: r.action,
          subjectType: r.subjectType,
          subjectId: r.subjectId,
          subjectLabel: auditSubjectLabel(ctx, r.subjectType, r.subjectId),
          detail: JSON.parse(r.detail) as Record<string, unknown>,
        })),
      };
    },
    'incidents.list': ({ forumId }) => listForumIncidents(ctx, forumId),
    'incidents.get': ({ id }) => getIncidentDetails(ctx, id),
    'incidents.create': (input) => createIncident(ctx, input),
    'incidents.update': (input) => updateIncident(ctx, input),
    'actors.list': ({ forumId }) => listForumActors(ctx, forumId),
    'actors.create': (input) => createActor(ctx, input),
    'actors.update': (input) => updateActor(ctx, input),
    'actors.check': ({ forumId, ...identity }) => {
      requireForum(ctx, forumId, 'forumId');
      return actorMatcher(ctx, forumId)(identity);
    },
    'exports.preview': (input, { session }) => {
      requireNarrowing(session, input.audience, input.kind);
      return previewExport(ctx, input);
    },
    'exports.render': (input, { session }) => {
      requireNarrowing(session, input.audience, input.kind);
      return isReportExportKind(input.kind)
        ? renderReportExport(ctx, input)
        : ctx.db.transaction(() => renderExport(ctx, input))();
    },
  };
}

/**
 * What an audit entry concerns, in words: a participant by name, a protected one by their
 * pseudonym (the log names who was revealed without repeating the details); null when unknown.
 */
function auditSubjectLabel(
  ctx: BackendContext,
  type: string | null,
  id: string | null,
): string | null {
  if (type !== 'participant' || !id) return null;
  const p = getParticipant(ctx.db, id);
  if (!p) return null;
  return p.isProtected ? (p.pseudonym ?? 'a protected participant') : p.fullName;
}
