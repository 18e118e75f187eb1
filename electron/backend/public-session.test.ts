// Every method of the contract, called in a public session on a forum whose protected person is
// mentioned in every free-text field, answers `forbidden` (or not found / invalid) or carries none
// of that person's identifiers. The methods and their inputs come from `system.describe`, so a
// method added later is walked too. The same holds over the HTTP bridge with a session token.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type {
  ContributionSearch,
  ExportFile,
  MethodDescription,
  OpenedSession,
  Page,
  ParticipantRow,
  PrintableExport,
} from '../../shared/api';
import { fold } from '../../shared/domain/fold';
import { methodDeclarations, type Session } from '../../shared/methods';
import type { RpcResult } from '../../shared/result';
import { methodSchemas, type MethodName } from '../../shared/schemas';
import { startServer } from '../serve/server';
import { createBackend } from './backend';

const PUBLIC: Session = { audience: 'public' };
const PARTICIPANTS: Session = { audience: 'participants' };

const dir = mkdtempSync(join(tmpdir(), 'intersession-public-'));
const backend = createBackend({ dbFile: join(dir, 'intersession.db'), shell: 'test' });
const rendererDir = join(dir, 'renderer');
mkdirSync(rendererDir);
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head></html>');
const server = await startServer({
  dispatch: backend.dispatch,
  sessions: backend.sessions,
  rendererDir,
  port: 0,
});
afterAll(async () => {
  await server.close();
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

async function value<T>(method: string, input: unknown, session?: Session): Promise<T> {
  const r = await backend.dispatch(method, input, session);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

// ---- A forum that mentions its protected person everywhere ----

const NAME = 'Given Family';
const EMAIL = 'given.family@leak.example';
const HANDLE = '@givenfamx';
const ORG = 'Secretorg Collective';
/** Emphasis splits the name across inline markup, as a coordinator's minutes would. */
const MENTION = ` Raised by **Given** Family (${EMAIL}, ${HANDLE}).`;

const forum = await value<{ id: string }>('forums.loadSample', {});
const people = await value<Page<ParticipantRow>>('participants.list', {
  forumId: forum.id,
  limit: 500,
});
const target = people.rows[0];
const bystander = people.rows[1];
await value('participants.update', {
  id: target.id,
  fullName: NAME,
  email: EMAIL,
  handles: [HANDLE],
  organisation: ORG,
  consentListed: true,
});
await value('participants.update', { id: bystander.id, consentListed: false });
const report = await value<{ id: string }>('report.create', { forumId: forum.id });
await value('participants.protect', { id: target.id, reason: 'Targeted on social media' });

/** Free-text columns of every record a reader may be shown. */
const FREE_TEXT: [table: string, columns: string[]][] = [
  ['forums', ['title', 'topic', 'mandate']],
  ['milestones', ['label']],
  ['call_series', ['title', 'description', 'meeting_link']],
  ['calls', ['title', 'minutes']],
  ['agenda_items', ['title', 'minutes']],
  ['action_items', ['title']],
  ['nris', ['name', 'contact_name', 'notes']],
  ['onsite_sessions', ['title', 'venue', 'local_hosts', 'notes', 'outcomes']],
  ['themes', ['name']],
  ['contributions', ['title', 'summary', 'body', 'contributor_name', 'contributor_organisation']],
  ['reports', ['title']],
  ['report_sections', ['title', 'markdown']],
  ['report_comments', ['text', 'response', 'commenter_name']],
];
for (const [table, columns] of FREE_TEXT)
  backend.db
    .prepare(`UPDATE ${table} SET ${columns.map((c) => `${c} = ${c} || @m`).join(', ')}`)
    .run({ m: MENTION });
// Links are a JSON list: one more that names the person.
backend.db
  .prepare(`UPDATE contributions SET links = json_insert(links, '$[#]', @link)`)
  .run({ link: `https://example.org/given-family/${HANDLE.slice(1)}` });

const ids = (sql: string): string[] => backend.db.prepare(sql).pluck().all() as string[];
const pool: Record<string, string[]> = {
  forums: [forum.id],
  participants: [target.id, bystander.id, people.rows[2].id],
  callSeries: ids('SELECT id FROM call_series'),
  calls: ids('SELECT id FROM calls ORDER BY length(minutes) DESC LIMIT 4'),
  sessions: ids('SELECT id FROM onsite_sessions'),
  contributions: ids('SELECT id FROM contributions'),
  report: [report.id],
  themes: ids('SELECT id FROM themes'),
  nris: ids('SELECT id FROM nris LIMIT 2'),
};
const everyId = Object.values(pool).flat();

// ---- Looking for the person in an answer ----

/** Folds case and accents and drops markup, so `**Given** Family` reads as `given family`. */
const plain = (s: string) => fold(s.replace(/[^\p{L}\p{N}@]+/gu, ' '));
const IDENTIFIERS = [NAME, 'Family Given', EMAIL, HANDLE.slice(1), ORG].map(plain);

/** Every text of the answer, with exported files decoded. */
function textOf(answer: unknown): string {
  const parts = [JSON.stringify(answer)];
  const file = answer as Partial<ExportFile> & Partial<PrintableExport>;
  if (typeof file?.base64 === 'string') parts.push(Buffer.from(file.base64, 'base64').toString());
  return plain(parts.join(' '));
}
const leaked = (answer: unknown) => IDENTIFIERS.filter((id) => textOf(answer).includes(id));

// ---- Inputs from the method's JSON Schema and the forum's ids ----

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  default?: unknown;
}

const SEARCHES = [NAME, EMAIL, HANDLE, 'Given', 'Family', 'Secretorg', 'given family'];

function valuesFor(method: string, name: string, s: JsonSchema): unknown[] {
  const area = method.slice(0, method.indexOf('.'));
  const n = name.toLowerCase();
  const enums = (s.anyOf ?? [s]).flatMap((b) => b.enum ?? []);
  if (enums.length) return enums;
  if (n === 'forumid') return [forum.id];
  if (n === 'id') return pool[area] ?? everyId;
  if (/id$/.test(n)) return everyId;
  if (n === 'search' || n === 'query') return SEARCHES;
  if (s.default !== undefined) return [s.default];
  const type = (s.anyOf ?? [s]).map((b) => b.type).flat()[0];
  return type === 'boolean'
    ? [false]
    : type === 'number' || type === 'integer'
      ? [1]
      : type === 'array'
        ? [[]]
        : ['Valid text'];
}

/** Inputs that pass the method's schema: every combination of candidate values, capped. */
function inputsFor(m: MethodDescription): Record<string, unknown>[] {
  const schema = m.input as JsonSchema;
  const props = schema.properties ?? {};
  const names = Object.keys(props).filter(
    (k) => (schema.required ?? []).includes(k) || /^(search|query|subjectId)$/.test(k),
  );
  let combos: Record<string, unknown>[] = [{}];
  for (const name of names) {
    const options = valuesFor(m.name, name, props[name]);
    combos = combos.flatMap((c) => options.map((v) => ({ ...c, [name]: v })));
    if (combos.length > 600) combos = combos.slice(0, 600);
  }
  const zod = methodSchemas[m.name as MethodName];
  const valid = combos.filter((c) => zod.safeParse(c).success);
  return valid.length > 0 ? valid : [{}];
}

const methods = await value<MethodDescription[]>('system.describe', {});

describe('a public session', () => {
  it('finds the person in the coordinators view (the baseline the checks below rely on)', async () => {
    const call = await value<unknown>('calls.get', { id: pool.calls[0] });
    expect(leaked(call)).toContain(plain(NAME));
  });

  it('gets forbidden, or no protected identifier, from every method of the contract', async () => {
    const refusals = new Set(['forbidden', 'not_found', 'validation', 'conflict']);
    let answered = 0;
    for (const m of methods) {
      for (const input of inputsFor(m)) {
        for (const session of [PUBLIC, PARTICIPANTS]) {
          const r = await backend.dispatch(m.name, input, session);
          if (!r.ok) {
            expect(refusals, `${m.name} ${JSON.stringify(r.error)}`).toContain(r.error.code);
            continue;
          }
          answered++;
          expect(
            leaked(r.value),
            `${m.name}(${JSON.stringify(input)}) as ${session.audience}`,
          ).toEqual([]);
        }
      }
    }
    // Most readable methods answer (a walk that only met errors would prove nothing).
    expect(answered).toBeGreaterThan(200);
  }, 120_000);

  it('is refused every coordinators-only method, and every write', async () => {
    for (const m of methods) {
      const declared = methodDeclarations[m.name as MethodName];
      expect(m.writes).toBe(declared.writes);
      expect(m.audiences).toEqual([...declared.audiences]);
      if (declared.audiences.includes('public')) continue;
      const r = await backend.dispatch(m.name, inputsFor(m)[0], PUBLIC);
      expect(r, m.name).toEqual({
        ok: false,
        error: { code: 'forbidden', message: 'This is not available to the public audience.' },
      });
    }
    const writes = methods.filter((m) => m.writes && m.audiences.includes('public'));
    // Only the reads that leave an audit record (a reveal, an export) are writes a reader may make.
    expect(writes.map((m) => m.name).sort()).toEqual([
      'exports.printable',
      'exports.render',
      'participants.get',
    ]);
  });

  it('cannot widen its audience, for a session or an export', async () => {
    const widen = await backend.dispatch('session.open', { audience: 'coordinators' }, PUBLIC);
    expect(widen).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'audience' } });
    const exp = await backend.dispatch(
      'exports.render',
      { forumId: forum.id, kind: 'participant-directory', format: 'csv', audience: 'coordinators' },
      PUBLIC,
    );
    expect(exp).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'audience' } });
  });

  it('searching a real name, e-mail or handle finds nothing, and snippets name nobody', async () => {
    for (const query of [NAME, EMAIL, HANDLE, 'Given', 'Family']) {
      const found = await value<ContributionSearch>(
        'contributions.search',
        { forumId: forum.id, query },
        PUBLIC,
      );
      expect(leaked(found), query).toEqual([]);
      if (query !== 'Given' && query !== 'Family') {
        expect(found.contributions, query).toEqual([]);
        expect(found.notes, query).toEqual([]);
      }
      const listed = await value<Page<ParticipantRow>>(
        'participants.list',
        { forumId: forum.id, search: query },
        PUBLIC,
      );
      expect(
        listed.rows.map((r) => r.id),
        query,
      ).not.toContain(target.id);
    }
    // A word the public can see still finds the notes it is in, with a clean snippet.
    const raised = await value<ContributionSearch>(
      'contributions.search',
      { forumId: forum.id, query: 'Raised' },
      PUBLIC,
    );
    expect(raised.notes.length + raised.contributions.length).toBeGreaterThan(0);
    expect(leaked(raised)).toEqual([]);
    expect(raised.notes.flatMap((n) => n.snippet).some((s) => s.hit)).toBe(true);
  });

  it('lists only people who consented to be listed, and never marks who is protected', async () => {
    const page = await value<Page<ParticipantRow>>(
      'participants.list',
      { forumId: forum.id, limit: 500 },
      PUBLIC,
    );
    expect(page.rows.map((r) => r.id)).not.toContain(bystander.id);
    expect(page.rows.every((r) => r.consentListed)).toBe(true);
    expect(page.rows.some((r) => r.isProtected || r.pseudonym !== null)).toBe(false);
    const get = await backend.dispatch('participants.get', { id: bystander.id }, PUBLIC);
    expect(get).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('sessions over HTTP', () => {
  const post = async (method: string, input: unknown, token: string) => {
    const res = await fetch(`http://127.0.0.1:${server.port}/rpc/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(input),
    });
    return { status: res.status, body: (await res.json()) as RpcResult<unknown> };
  };

  it('opens a public session whose token answers as the public, and only narrows', async () => {
    const opened = await post('session.open', { audience: 'public' }, server.token);
    expect(opened.body.ok).toBe(true);
    const { token, audience } = (opened.body as { value: OpenedSession }).value;
    expect(audience).toBe('public');
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(token).not.toBe(server.token);

    const call = await post('calls.get', { id: pool.calls[0] }, token);
    expect(call.body.ok).toBe(true);
    expect(leaked((call.body as { value: unknown }).value)).toEqual([]);
    const audit = await post('audit.list', { forumId: forum.id }, token);
    expect(audit.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const wider = await post('session.open', { audience: 'coordinators' }, token);
    expect(wider.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // A token this server did not hand out is refused.
    const other = backend.sessions.open({ audience: 'coordinators', actor: 'elsewhere' }, 'public');
    expect((await post('forums.list', {}, other.token)).status).toBe(401);
  });
});
