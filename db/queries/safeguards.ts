import type { Db } from '../open';
import { stmt } from './statements';

export function setProtection(
  db: Db,
  args: { id: string; isProtected: boolean; pseudonym: string | null; updatedAt: number },
): void {
  stmt(
    db,
    'UPDATE participants SET is_protected = @p, pseudonym = @pseudonym, updated_at = @updatedAt WHERE id = @id',
  ).run({
    id: args.id,
    p: args.isProtected ? 1 : 0,
    pseudonym: args.pseudonym,
    updatedAt: args.updatedAt,
  });
}

export function takenPseudonyms(db: Db, forumId: string): Set<string> {
  return new Set(
    stmt(db, 'SELECT pseudonym FROM participants WHERE forum_id = ? AND pseudonym IS NOT NULL')
      .pluck()
      .all(forumId) as string[],
  );
}

/** Changes whenever the set of protected people or their details change (cache key). */
export function protectionStamp(db: Db, forumId: string): string {
  const r = stmt(
    db,
    `SELECT count(*) AS n, coalesce(max(updated_at), 0) AS t, coalesce(sum(length(id)), 0) AS s
     FROM participants WHERE forum_id = ? AND is_protected = 1`,
  ).get(forumId) as { n: number; t: number; s: number };
  return `${r.n}:${r.t}:${r.s}`;
}

export interface ActorRecord {
  id: string;
  forumId: string;
  name: string;
  names: string;
  emails: string;
  handles: string;
  excluded: number;
  notes: string;
  createdAt: number;
  updatedAt: number;
}

const ACTOR_COLUMNS = `id, forum_id AS forumId, name, names, emails, handles, excluded, notes,
  created_at AS createdAt, updated_at AS updatedAt`;

export function listActors(db: Db, forumId: string): ActorRecord[] {
  return stmt(
    db,
    `SELECT ${ACTOR_COLUMNS} FROM disruptive_actors WHERE forum_id = ? ORDER BY name COLLATE NOCASE`,
  ).all(forumId) as ActorRecord[];
}

export function getActor(db: Db, id: string): ActorRecord | undefined {
  return stmt(db, `SELECT ${ACTOR_COLUMNS} FROM disruptive_actors WHERE id = ?`).get(id) as
    ActorRecord | undefined;
}

export function upsertActor(db: Db, row: ActorRecord): void {
  stmt(
    db,
    `INSERT INTO disruptive_actors (id, forum_id, name, names, emails, handles, excluded, notes, created_at, updated_at)
     VALUES (@id, @forumId, @name, @names, @emails, @handles, @excluded, @notes, @createdAt, @updatedAt)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, names = excluded.names, emails = excluded.emails,
       handles = excluded.handles, excluded = excluded.excluded, notes = excluded.notes,
       updated_at = excluded.updated_at`,
  ).run(row);
}

export interface IncidentRecord {
  id: string;
  forumId: string;
  occurredAt: number;
  channel: string;
  severity: string;
  status: string;
  description: string;
  actions: string;
  supportOffered: string;
  createdAt: number;
  updatedAt: number;
}

const INCIDENT_COLUMNS = `id, forum_id AS forumId, occurred_at AS occurredAt, channel, severity, status,
  description, actions, support_offered AS supportOffered, created_at AS createdAt, updated_at AS updatedAt`;

export function listIncidents(db: Db, forumId: string): IncidentRecord[] {
  return stmt(
    db,
    `SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE forum_id = ? ORDER BY occurred_at DESC, id DESC`,
  ).all(forumId) as IncidentRecord[];
}

export function getIncident(db: Db, id: string): IncidentRecord | undefined {
  return stmt(db, `SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE id = ?`).get(id) as
    IncidentRecord | undefined;
}

export function upsertIncident(db: Db, row: IncidentRecord): void {
  stmt(
    db,
    `INSERT INTO incidents (id, forum_id, occurred_at, channel, severity, status, description, actions,
       support_offered, created_at, updated_at)
     VALUES (@id, @forumId, @occurredAt, @channel, @severity, @status, @description, @actions,
       @supportOffered, @createdAt, @updatedAt)
     ON CONFLICT(id) DO UPDATE SET occurred_at = excluded.occurred_at, channel = excluded.channel,
       severity = excluded.severity, status = excluded.status, description = excluded.description,
       actions = excluded.actions, support_offered = excluded.support_offered,
       updated_at = excluded.updated_at`,
  ).run(row);
}

export function setIncidentLinks(
  db: Db,
  incidentId: string,
  targetIds: readonly string[],
  actorIds: readonly string[],
): void {
  stmt(db, 'DELETE FROM incident_targets WHERE incident_id = ?').run(incidentId);
  stmt(db, 'DELETE FROM incident_actors WHERE incident_id = ?').run(incidentId);
  const t = stmt(db, 'INSERT INTO incident_targets (incident_id, participant_id) VALUES (?, ?)');
  for (const id of new Set(targetIds)) t.run(incidentId, id);
  const a = stmt(db, 'INSERT INTO incident_actors (incident_id, actor_id) VALUES (?, ?)');
  for (const id of new Set(actorIds)) a.run(incidentId, id);
}

export function incidentTargetIds(db: Db, incidentId: string): string[] {
  return stmt(db, 'SELECT participant_id FROM incident_targets WHERE incident_id = ?')
    .pluck()
    .all(incidentId) as string[];
}

export function incidentActorIds(db: Db, incidentId: string): string[] {
  return stmt(db, 'SELECT actor_id FROM incident_actors WHERE incident_id = ?')
    .pluck()
    .all(incidentId) as string[];
}
