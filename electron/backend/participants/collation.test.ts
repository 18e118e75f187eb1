// Participants sort by name as Intl.Collator orders names (issue 12): Ø with O, Cyrillic after
// Latin with Й after И, Han last; for every audience; and a database whose keys were made by an
// earlier version (the fold of text) gets its keys made again when it is opened.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page, ParticipantRow } from '../../../shared/api';
import { COLLATION_VERSION, sortKey } from '../../../shared/domain/collation';
import { fold } from '../../../shared/domain/fold';
import type { Session } from '../../../shared/methods';
import type { RpcResult } from '../../../shared/result';
import { createBackend, type Backend } from '../backend';

const COORDINATORS: Session = { audience: 'coordinators' };
const PUBLIC: Session = { audience: 'public' };

const NAMES = [
  'Zoë Zhang',
  'Øyvind Berg',
  'Oscar Lind',
  'Pia Paz',
  'Łukasz Nowak',
  'Lucas Moore',
  'Йоанна Ким',
  'Иван Орлов',
  'Ёлка Иванова',
  'Елена Петрова',
  'محمد علي',
  '李娜',
  'Émile Zola',
  'emma Stone',
  'Ömer Şahin',
];
const collator = new Intl.Collator('und', { sensitivity: 'base', numeric: true });
const expected = [...NAMES].sort((a, b) => collator.compare(a, b));

const dirs: string[] = [];
const backends: Backend[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function open(dbFile: string) {
  const backend = createBackend({ dbFile, shell: 'test' });
  backends.push(backend);
  const call = async <T>(method: string, input: unknown, session = COORDINATORS): Promise<T> => {
    const r = (await backend.dispatch(method, input, session)) as RpcResult<T>;
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value;
  };
  return { backend, call };
}

async function namesInOrder(
  call: ReturnType<typeof open>['call'],
  forumId: string,
  session: Session,
  direction: 'asc' | 'desc' = 'asc',
): Promise<string[]> {
  const page = await call<Page<ParticipantRow>>(
    'participants.list',
    { forumId, sort: 'name', direction, limit: 100 },
    session,
  );
  return page.rows.map((r) => r.fullName);
}

describe('participants sorted by name', () => {
  it('follow Intl.Collator, for coordinators and the public, both ways', async () => {
    const { call } = open(':memory:');
    const forum = await call<{ id: string }>('forums.create', { title: 'BPF Names', year: 2026 });
    for (const fullName of NAMES)
      await call('participants.create', {
        forumId: forum.id,
        fullName,
        stakeholderGroup: 'civil_society',
        consentListed: true,
      });
    expect(await namesInOrder(call, forum.id, COORDINATORS)).toEqual(expected);
    expect(await namesInOrder(call, forum.id, COORDINATORS, 'desc')).toEqual(
      [...expected].reverse(),
    );
    expect(await namesInOrder(call, forum.id, PUBLIC)).toEqual(expected);
    // The order a code-point sort of folded names gives is not the reader's: Ø, Ł and Cyrillic
    // after z (what the app did before).
    const folded = [...NAMES].sort((a, b) => (fold(a) < fold(b) ? -1 : 1));
    expect(folded).not.toEqual(expected);
  });

  it('makes the stored keys again when the database was written with other keys', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'intersession-collation-'));
    dirs.push(dir);
    const file = join(dir, 'forum.db');
    const first = open(file);
    const forum = await first.call<{ id: string }>('forums.create', {
      title: 'BPF Names',
      year: 2026,
    });
    for (const fullName of NAMES)
      await first.call('participants.create', {
        forumId: forum.id,
        fullName,
        stakeholderGroup: 'civil_society',
      });
    // As an earlier version stored them: the folded name, and no collation setting.
    first.backend.db.function('old_fold', (s: unknown) => fold(String(s)));
    first.backend.db.exec(
      "UPDATE participants SET sort_name = old_fold(full_name); DELETE FROM settings WHERE key = 'collation'",
    );
    first.backend.close();
    backends.splice(backends.indexOf(first.backend), 1);

    const again = open(file);
    const rows = again.backend.db
      .prepare('SELECT full_name AS name, sort_name AS key FROM participants')
      .all() as { name: string; key: string }[];
    for (const r of rows) expect(r.key, r.name).toBe(sortKey(r.name));
    expect(
      again.backend.db.prepare("SELECT value FROM settings WHERE key = 'collation'").pluck().get(),
    ).toBe(COLLATION_VERSION);
    expect(await namesInOrder(again.call, forum.id, COORDINATORS)).toEqual(expected);
  });

  it('puts pseudonyms in the public order by the collator, and a search finds them by pseudonym', async () => {
    const { call } = open(':memory:');
    const forum = await call<{ id: string }>('forums.create', { title: 'BPF Names', year: 2026 });
    const ids: string[] = [];
    for (const fullName of NAMES)
      ids.push(
        (
          await call<{ id: string }>('participants.create', {
            forumId: forum.id,
            fullName,
            stakeholderGroup: 'civil_society',
            consentListed: true,
          })
        ).id,
      );
    for (const id of ids.slice(0, 3))
      await call('participants.protect', { id, reason: 'Named in threats' });
    const shown = await namesInOrder(call, forum.id, PUBLIC);
    expect(shown).toEqual([...shown].sort((a, b) => collator.compare(a, b)));
    const pseudonyms = shown.filter((n) => n.startsWith('Participant '));
    expect(pseudonyms).toHaveLength(3);
    // A kept bug: the search matched the pseudonym's collation key instead of its text.
    for (const pseudonym of pseudonyms) {
      const found = await call<Page<ParticipantRow>>(
        'participants.list',
        { forumId: forum.id, search: pseudonym, limit: 100 },
        PUBLIC,
      );
      expect(found.rows.map((r) => r.fullName)).toEqual([pseudonym]);
    }
  });
});
