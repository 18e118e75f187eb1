/**
 * Test support: the sample forum with every forum-owned table filled (report, versions, comment
 * rounds and comments, agenda, action items, stakeholder map, safeguards), and a generic dump of a
 * forum's rows for row-by-row comparison.
 */
import { collectForumRows, forumTables, type StoredRow } from '../../../db/queries/forumTables';
import { suggestedStakeholderMap } from '../../../shared/domain/stakeholderMap';
import type { RpcResult } from '../../../shared/result';
import { createBackend, type Backend } from '../backend';
import type { BackendContext } from '../context';

export const FIXED_NOW = Date.UTC(2026, 10, 28);

export const testBackend = (now: () => number = () => FIXED_NOW): Backend =>
  createBackend({ dbFile: ':memory:', shell: 'test', now });

/** A service-level context over a test backend's database. */
export const ctxOf = (b: Backend, now: () => number = () => FIXED_NOW): BackendContext => ({
  db: b.db,
  now,
  shell: 'test',
  dbFile: ':memory:',
});

export async function call<T>(backend: Backend, method: string, input: unknown): Promise<T> {
  const r = (await backend.dispatch(method, input)) as RpcResult<T>;
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

interface Ref {
  id: string;
}

/** Loads the sample and adds one of everything the sample lacks; returns the forum id. */
export async function richSampleForum(backend: Backend): Promise<string> {
  const forum = await call<Ref & { title: string }>(backend, 'forums.loadSample', {});
  const forumId = forum.id;
  const db = backend.db;
  const people = db
    .prepare('SELECT id, full_name AS name FROM participants WHERE forum_id = ? ORDER BY rowid')
    .all(forumId) as { id: string; name: string }[];
  const callId = db
    .prepare("SELECT id FROM calls WHERE forum_id = ? AND minutes <> '' ORDER BY start_at")
    .pluck()
    .get(forumId) as string;
  const contributionId = db
    .prepare('SELECT id FROM contributions WHERE forum_id = ? ORDER BY rowid')
    .pluck()
    .get(forumId) as string;
  await call(backend, 'calls.saveAgenda', {
    id: callId,
    items: [
      { title: 'Welcome', ownerId: people[0].id, minutes: `${people[1].name} opened the call.` },
      { title: 'Survey', ownerId: null, minutes: '' },
    ],
  });
  await call(backend, 'actionItems.create', {
    forumId,
    callId,
    title: `Send the survey to ${people[2].name}`,
    ownerId: people[3].id,
  });
  await call(backend, 'representation.saveMap', { forumId, cells: suggestedStakeholderMap() });
  await call(backend, 'representation.saveSettings', {
    forumId,
    dominanceShare: 0.4,
    genderThreshold: 0.65,
    recentCalls: 3,
    minSample: 5,
  });
  const report = await call<Ref & { sections: Ref[] }>(backend, 'report.create', { forumId });
  const sectionId = db
    .prepare('SELECT id FROM report_sections WHERE report_id = ? ORDER BY position LIMIT 1')
    .pluck()
    .get(report.id) as string;
  await call(backend, 'report.saveSection', {
    id: sectionId,
    markdown: `As ${people[4].name} put it [@contribution:${contributionId}], access matters.`,
    baseRevision: 0,
  });
  const version = await call<Ref>(backend, 'report.saveVersion', {
    reportId: report.id,
    name: 'Draft I',
  });
  const round = await call<Ref>(backend, 'report.createRound', {
    reportId: report.id,
    phase: 1,
    title: 'First round',
    versionId: version.id,
  });
  await call(backend, 'report.addComment', {
    roundId: round.id,
    participantId: people[5].id,
    text: `I agree with ${people[6].name}.`,
    channel: 'email',
  });
  await call(backend, 'incidents.create', {
    forumId,
    occurredAt: Date.UTC(2026, 5, 1),
    channel: 'call',
    description: `${people[7].name} was shouted down.`,
    targetIds: [people[7].id],
    newActors: [{ name: 'Troll Person', emails: ['troll@example.net'] }],
  });
  await call(backend, 'savedFilters.save', {
    forumId,
    list: 'participants',
    name: 'Civil society by organisation',
    params: { stakeholderGroup: 'civil_society', sort: 'organisation', direction: 'desc' },
  });
  return forumId;
}

/** A forum's rows by table, as stored (safeguards included when present). */
export function dumpForum(backend: Backend, forumId: string): Map<string, StoredRow[]> {
  return collectForumRows(backend.db, forumId, true);
}

export const forumTableNames = () => forumTables().map((t) => t.name);
