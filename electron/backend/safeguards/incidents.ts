import { getParticipant } from '../../../db/queries/participants';
import {
  getIncident,
  incidentActorIds,
  incidentTargetIds,
  listIncidents,
  setIncidentLinks,
  upsertIncident,
  type IncidentRecord,
} from '../../../db/queries/safeguards';
import type { Incident, IncidentCreated, IncidentTarget } from '../../../shared/api';
import { newId } from '../../../shared/domain/ids';
import type {
  IncidentAction,
  IncidentChannel,
  IncidentSeverity,
  IncidentStatus,
} from '../../../shared/domain/safeguards';
import { DomainError } from '../../../shared/result';
import type { ParsedInput } from '../../../shared/schemas';
import { recordAudit } from '../audit/service';
import type { BackendContext } from '../context';
import { requireForum } from '../forums/service';
import { requireActor, saveActor, toActor } from './actors';
import { protectParticipant } from './protection';

type IncidentFields = Omit<ParsedInput<'incidents.update'>, 'id'>;

function toIncident(ctx: BackendContext, r: IncidentRecord): Incident {
  const targets = incidentTargetIds(ctx.db, r.id)
    .map((id) => getParticipant(ctx.db, id))
    .filter((p) => p !== undefined)
    .map((p): IncidentTarget => ({
      id: p.id,
      fullName: p.fullName,
      isProtected: p.isProtected === 1,
      pseudonym: p.pseudonym,
    }));
  const actors = incidentActorIds(ctx.db, r.id).map((id) => toActor(requireActor(ctx, id)));
  return {
    id: r.id,
    forumId: r.forumId,
    occurredAt: r.occurredAt,
    channel: r.channel as IncidentChannel,
    severity: r.severity as IncidentSeverity,
    status: r.status as IncidentStatus,
    description: r.description,
    actions: JSON.parse(r.actions) as IncidentAction[],
    supportOffered: r.supportOffered,
    targets,
    actors,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

function requireIncident(ctx: BackendContext, id: string): IncidentRecord {
  const r = getIncident(ctx.db, id);
  if (!r) throw new DomainError('not_found', 'No incident with this id', 'id');
  return r;
}

/** Writes an incident with its links; new actors are created, and exclusion marks actors excluded. */
function writeIncident(
  ctx: BackendContext,
  forumId: string,
  fields: IncidentFields,
  existing?: IncidentRecord,
): IncidentRecord {
  fields.targetIds.forEach((id, i) => {
    const p = getParticipant(ctx.db, id);
    if (!p || p.forumId !== forumId)
      throw new DomainError(
        'not_found',
        'No participant of this forum with this id',
        `targetIds.${i}`,
      );
  });
  const excluded = fields.actions.includes('excluded_from_forum');
  const actorIds = fields.actorIds.map((id, i) => {
    const a = requireActor(ctx, id, `actorIds.${i}`);
    if (a.forumId !== forumId)
      throw new DomainError(
        'not_found',
        'No disruptive actor of this forum with this id',
        `actorIds.${i}`,
      );
    if (excluded && a.excluded !== 1) saveActor(ctx, forumId, { ...toActor(a), excluded: true }, a);
    return id;
  });
  for (const fresh of fields.newActors)
    actorIds.push(saveActor(ctx, forumId, { ...fresh, excluded: fresh.excluded || excluded }).id);
  const now = ctx.now();
  const row: IncidentRecord = {
    id: existing?.id ?? newId(now),
    forumId,
    occurredAt: fields.occurredAt,
    channel: fields.channel,
    severity: fields.severity,
    status: fields.status,
    description: fields.description,
    actions: JSON.stringify([...new Set(fields.actions)]),
    supportOffered: fields.supportOffered,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  upsertIncident(ctx.db, row);
  setIncidentLinks(ctx.db, row.id, fields.targetIds, actorIds);
  recordAudit(ctx, {
    forumId,
    action: existing ? 'incident.update' : 'incident.create',
    subjectType: 'incident',
    subjectId: row.id,
    detail: { status: row.status, severity: row.severity, targets: fields.targetIds.length },
  });
  return row;
}

/** Logs an incident; with `protectTargets`, the people targeted are protected in the same step. */
export function createIncident(
  ctx: BackendContext,
  input: ParsedInput<'incidents.create'>,
): IncidentCreated {
  const { forumId, protectTargets, protectReason, ...fields } = input;
  return ctx.db.transaction(() => {
    requireForum(ctx, forumId, 'forumId');
    const row = writeIncident(ctx, forumId, fields, undefined);
    const protectedIds: string[] = [];
    if (protectTargets) {
      const reason = protectReason?.trim() || `Targeted in an incident (${row.id})`;
      for (const id of new Set(fields.targetIds)) {
        protectParticipant(ctx, id, reason);
        protectedIds.push(id);
      }
    }
    return { incident: toIncident(ctx, row), protectedIds };
  })();
}

export function updateIncident(
  ctx: BackendContext,
  input: ParsedInput<'incidents.update'>,
): Incident {
  const { id, ...fields } = input;
  return ctx.db.transaction(() => {
    const existing = requireIncident(ctx, id);
    return toIncident(ctx, writeIncident(ctx, existing.forumId, fields, existing));
  })();
}

export function getIncidentDetails(ctx: BackendContext, id: string): Incident {
  return toIncident(ctx, requireIncident(ctx, id));
}

export function listForumIncidents(ctx: BackendContext, forumId: string): Incident[] {
  requireForum(ctx, forumId, 'forumId');
  return listIncidents(ctx.db, forumId).map((r) => toIncident(ctx, r));
}
