import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  forumTables,
  NOT_PACKAGED,
  schemaTables,
  type StoredRow,
} from '../../../db/queries/forumTables';
import type { ExportFile, ForumPackageImport, ForumPackagePreview } from '../../../shared/api';
import { DomainError, type RpcResult } from '../../../shared/result';
import type { Backend } from '../backend';
import { protectParticipant } from '../safeguards/protection';
import {
  currentSchemaVersion,
  importForumPackage,
  PACKAGE_FORMAT,
  previewForumPackage,
  readForumPackage,
  sealForumPackage,
} from './package';
import { call, ctxOf, dumpForum, richSampleForum, testBackend } from './package-testing';
import {
  HEADER_BYTES,
  NOT_A_PACKAGE,
  openPackage,
  PACKAGE_MAGIC,
  sealPackage,
  WRONG_PASSPHRASE,
  type KdfParams,
} from './packageFile';

/** Cheap scrypt for tests (the header carries the parameters, so opening reads them back). */
const FAST: KdfParams = { logN: 4, r: 8, p: 1 };
const PASS = 'correct horse battery staple';

const open: Backend[] = [];
const backend = () => {
  const b = testBackend();
  open.push(b);
  return b;
};
afterEach(() => {
  while (open.length) open.pop()!.close();
});

/** Every row of every table (the whole database), for "nothing was written". */
function wholeDatabase(b: Backend): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const name of schemaTables().keys())
    out[name] = b.db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all();
  return out;
}

let source: Backend;
let sourceForum: string;
let sealed: Uint8Array;
let sealedWithSafeguards: Uint8Array;

beforeAll(async () => {
  source = testBackend();
  sourceForum = await richSampleForum(source);
  sealed = sealForumPackage(ctxOf(source), sourceForum, false, PASS, FAST).bytes;
  sealedWithSafeguards = sealForumPackage(ctxOf(source), sourceForum, true, PASS, FAST).bytes;
});

describe('which tables a package holds', () => {
  it('classifies every table of the schema: forum-owned, or not packaged with a reason', () => {
    const owned = new Set(forumTables().map((t) => t.name));
    for (const t of schemaTables().values()) {
      const classified = owned.has(t.name) || t.name in NOT_PACKAGED;
      expect(classified, `table ${t.name} is neither forum-owned nor in NOT_PACKAGED`).toBe(true);
      // A forum column without a foreign key would escape the walk: it must be listed on purpose.
      if (t.columns.includes('forum_id') && !owned.has(t.name))
        expect(
          NOT_PACKAGED[t.name],
          `table ${t.name} has forum_id but is not packaged`,
        ).toBeTruthy();
    }
  });

  it('the fixture fills every forum-owned table, so the round trip checks each one', () => {
    const rows = dumpForum(source, sourceForum);
    for (const t of forumTables())
      expect(
        rows.get(t.name)?.length ?? 0,
        `the test forum has no rows in ${t.name}`,
      ).toBeGreaterThan(0);
  });

  it('leaves incidents and actors out unless asked', () => {
    const plain = readForumPackage(sealed, PASS);
    const withSafeguards = readForumPackage(sealedWithSafeguards, PASS);
    const safeguards = forumTables()
      .filter((t) => t.safeguard)
      .map((t) => t.name);
    expect(safeguards.sort()).toEqual(
      ['disruptive_actors', 'incident_actors', 'incident_targets', 'incidents'].sort(),
    );
    for (const t of safeguards) {
      expect(plain.tables[t], t).toBeUndefined();
      expect(withSafeguards.tables[t]?.length, t).toBeGreaterThan(0);
    }
    expect(new TextDecoder().decode(sealedWithSafeguards)).not.toContain('Troll Person');
  });
});

describe('round trip into an empty database', () => {
  it('brings back every row of every forum-owned table, unchanged', () => {
    const target = backend();
    const before = dumpForum(source, sourceForum);
    const result = importForumPackage(ctxOf(target), sealedWithSafeguards, PASS);
    expect(result.remappedIds).toBe(0);
    expect(result.forum.id).toBe(sourceForum);
    const after = dumpForum(target, sourceForum);
    for (const t of forumTables())
      expect(after.get(t.name), `table ${t.name} differs after the round trip`).toEqual(
        before.get(t.name),
      );
    // The NRIs the sessions were held at are there too.
    const nriIds = (before.get('onsite_sessions') ?? []).map((s) => s.nri_id).filter(Boolean);
    expect(nriIds.length).toBeGreaterThan(0);
    for (const id of nriIds)
      expect(target.db.prepare('SELECT 1 FROM nris WHERE id = ?').get(id), String(id)).toBeTruthy();
    // The import is in the audit log of the new database.
    expect(
      target.db
        .prepare(
          "SELECT count(*) FROM audit_log WHERE action = 'forum.importPackage' AND forum_id = ?",
        )
        .pluck()
        .get(sourceForum),
    ).toBe(1);
  });

  it('keeps published statistics and pseudonyms as they were', async () => {
    const target = backend();
    importForumPackage(ctxOf(target), sealed, PASS);
    const dashboard = (b: Backend) => call(b, 'representation.dashboard', { forumId: sourceForum });
    expect(await dashboard(target)).toEqual(await dashboard(source));
    const coverage = (b: Backend) => call(b, 'contributions.coverage', { forumId: sourceForum });
    expect(await coverage(target)).toEqual(await coverage(source));
  });

  it('shows what it will bring in before writing anything', () => {
    const target = backend();
    const before = wholeDatabase(target);
    const preview = previewForumPackage(ctxOf(target), sealedWithSafeguards, PASS);
    expect(wholeDatabase(target)).toEqual(before);
    expect(preview).toMatchObject({
      title: 'BPF Gender and Access (sample)',
      includesSafeguards: true,
      alreadyPresent: false,
      schemaVersion: currentSchemaVersion(),
    });
    const count = (kind: string) => preview.counts.find((c) => c.kind === kind)?.count;
    expect(count('participants')).toBe(60);
    expect(count('calls')).toBe(20);
    expect(count('incidents')).toBe(1);
    expect(previewForumPackage(ctxOf(source), sealed, PASS).alreadyPresent).toBe(true);
    expect(
      previewForumPackage(ctxOf(source), sealed, PASS).counts.some((c) => c.kind === 'incidents'),
    ).toBe(false);
  });
});

/** Pairs rows of two forums table by table (same order) and derives the old → new id map. */
function alignForums(a: Map<string, StoredRow[]>, b: Map<string, StoredRow[]>) {
  const map = new Map<string, string>();
  for (const t of forumTables()) {
    const ra = a.get(t.name) ?? [];
    const rb = b.get(t.name) ?? [];
    expect(rb.length, `row count of ${t.name}`).toBe(ra.length);
    if (!t.primaryKey) continue;
    ra.forEach((r, i) => map.set(String(r[t.primaryKey!]), String(rb[i][t.primaryKey!])));
  }
  return map;
}

describe('import into a database that already holds forums', () => {
  it('imports a copy with every id remapped and every foreign key followed', () => {
    const target = testBackend();
    open.push(target);
    // The same forum already there (and another one): every id collides.
    importForumPackage(ctxOf(target), sealedWithSafeguards, PASS);
    const result = importForumPackage(ctxOf(target), sealedWithSafeguards, PASS);
    // Every row with an id of its own got a new one (link tables follow their parents).
    const withOwnId = forumTables()
      .filter((t) => t.primaryKey && !t.foreignKeys.some((f) => f.columns.includes(t.primaryKey!)))
      .reduce((n, t) => n + (dumpForum(target, sourceForum).get(t.name)?.length ?? 0), 0);
    expect(result.remappedIds).toBe(withOwnId);
    expect(result.forum.id).not.toBe(sourceForum);
    expect(result.forum.title).toBe('BPF Gender and Access (sample) (imported copy)');
    const original = dumpForum(target, sourceForum);
    const copy = dumpForum(target, result.forum.id);
    const map = alignForums(original, copy);
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
    for (const t of forumTables()) {
      const ra = original.get(t.name)!;
      const rb = copy.get(t.name)!;
      ra.forEach((row, i) => {
        const expected: StoredRow = {};
        for (const [col, v] of Object.entries(row))
          expected[col] = typeof v === 'string' ? v.replace(uuid, (id) => map.get(id) ?? id) : v;
        if (t.name === 'forums') expected.title = `${String(row.title)} (imported copy)`;
        // A participant without a pseudonym gets the one its old id gives (checked below).
        if (t.name === 'participants' && row.pseudonym == null)
          expected.pseudonym = rb[i].pseudonym;
        expect(rb[i], `${t.name} row ${i}`).toEqual(expected);
        // No key of the copy points into the original forum.
        for (const f of t.foreignKeys) {
          const v = rb[i][f.columns[0]];
          if (typeof v === 'string' && map.has(v))
            throw new Error(`${t.name}.${f.columns[0]} still points at the original row ${v}`);
        }
        if (t.primaryKey && !t.foreignKeys.some((f) => f.columns.includes(t.primaryKey!)))
          expect(rb[i][t.primaryKey]).not.toBe(row[t.primaryKey]);
      });
    }
  });

  it('gives a copied participant the pseudonym the original gets when protected', () => {
    const target = backend();
    importForumPackage(ctxOf(target), sealed, PASS);
    const copy = importForumPackage(ctxOf(target), sealed, PASS).forum.id;
    const first = (forumId: string) =>
      target.db
        .prepare(
          'SELECT id FROM participants WHERE forum_id = ? AND is_protected = 0 ORDER BY rowid LIMIT 1',
        )
        .pluck()
        .get(forumId) as string;
    const a = protectParticipant(ctxOf(target), first(sourceForum), 'test');
    const b = protectParticipant(ctxOf(target), first(copy), 'test');
    expect(b.id).not.toBe(a.id);
    expect(b.pseudonym).toBe(a.pseudonym);
  });

  it('imports next to an unrelated forum without touching it', async () => {
    const target = backend();
    const other = await call<{ id: string }>(target, 'forums.create', {
      title: 'BPF Cybersecurity',
      year: 2026,
    });
    const before = dumpForum(target, other.id);
    const result = importForumPackage(ctxOf(target), sealed, PASS);
    expect(result.remappedIds).toBe(0);
    expect(dumpForum(target, other.id)).toEqual(before);
    expect(await call<unknown[]>(target, 'forums.list', {})).toHaveLength(2);
  });
});

const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('refusals write nothing', () => {
  it('refuses a wrong passphrase, a tampered byte and a truncated file', () => {
    const target = backend();
    importForumPackage(ctxOf(target), sealed, PASS); // holds forums already
    const before = wholeDatabase(target);
    expect(refusal(() => importForumPackage(ctxOf(target), sealed, 'wrong passphrase'))).toBe(
      WRONG_PASSPHRASE,
    );
    for (const at of [8, 10, 20, 40, HEADER_BYTES, HEADER_BYTES + 100, sealed.length - 1]) {
      const bad = sealed.slice();
      bad[at] ^= 0x01;
      expect(
        refusal(() => importForumPackage(ctxOf(target), bad, PASS)),
        `byte ${at}`,
      ).toMatch(/Wrong passphrase or damaged package|newer Intersession/);
    }
    expect(
      refusal(() => importForumPackage(ctxOf(target), sealed.slice(0, sealed.length - 1), PASS)),
    ).toBe(WRONG_PASSPHRASE);
    const notOurs = sealed.slice();
    notOurs[0] = 0x50; // "PK": a zip, say
    expect(refusal(() => importForumPackage(ctxOf(target), notOurs, PASS))).toBe(NOT_A_PACKAGE);
    expect(refusal(() => importForumPackage(ctxOf(target), new Uint8Array(0), PASS))).toBe(
      NOT_A_PACKAGE,
    );
    expect(wholeDatabase(target)).toEqual(before);
  });

  it('refuses a package from a newer schema with a sentence', () => {
    const body = { ...readForumPackage(sealed, PASS), schemaVersion: currentSchemaVersion() + 1 };
    const newer = sealPackage(body, PASS, FAST);
    expect(refusal(() => readForumPackage(newer, PASS))).toMatch(
      /^This forum package was made by a newer Intersession \(schema \d+; this app reads up to \d+\)\. Update the app/,
    );
  });

  it('refuses an authentic package whose contents do not fit, and writes nothing', () => {
    const target = backend();
    const before = wholeDatabase(target);
    const body = readForumPackage(sealed, PASS);
    const unknownTable = sealPackage(
      { ...body, tables: { ...body.tables, secrets: [] } },
      PASS,
      FAST,
    );
    expect(refusal(() => importForumPackage(ctxOf(target), unknownTable, PASS))).toMatch(
      /damaged: it holds a table this app does not know \(secrets\)/,
    );
    // A row that breaks a constraint half-way through: the transaction rolls back.
    const broken = structuredClone(body);
    broken.tables.calls[5].forum_id = 'not-a-forum';
    expect(
      refusal(() => importForumPackage(ctxOf(target), sealPackage(broken, PASS, FAST), PASS)),
    ).toMatch(/does not fit this database .*; nothing was imported\.$/);
    expect(wholeDatabase(target)).toEqual(before);
    expect(body.format).toBe(PACKAGE_FORMAT);
  });
});

describe('the package file (property tests)', () => {
  const body = { format: 'test', rows: [{ name: 'Ana Müller', n: 3 }] };

  it('opens with its passphrase, and refuses any other passphrase, truncation or flipped byte', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
        fc.string({ unit: 'binary', minLength: 0, maxLength: 40 }),
        fc.nat(),
        fc.nat(),
        (pass, other, cut, flip) => {
          const file = sealPackage(body, pass, FAST);
          expect(openPackage(file, pass)).toEqual(body);
          // NFC: a passphrase typed composed or decomposed opens the same package.
          expect(openPackage(file, pass.normalize('NFD'))).toEqual(body);
          if (other.normalize('NFC') !== pass.normalize('NFC'))
            expect(refusal(() => openPackage(file, other))).toBe(WRONG_PASSPHRASE);
          const short = file.slice(0, cut % file.length);
          expect(refusal(() => openPackage(short, pass))).toBe(
            short.length < PACKAGE_MAGIC.length ? NOT_A_PACKAGE : WRONG_PASSPHRASE,
          );
          const bad = file.slice();
          const at = flip % file.length;
          bad[at] ^= 1 << (flip % 8);
          expect(refusal(() => openPackage(bad, pass))).toMatch(
            at < PACKAGE_MAGIC.length
              ? /^This is not an Intersession forum package\.$/
              : /Wrong passphrase or damaged package|newer Intersession/,
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('starts with the documented header', () => {
    const file = sealPackage(body, PASS, FAST);
    expect(new TextDecoder().decode(file.subarray(0, 7))).toBe('INTSPKG');
    expect([...file.subarray(8, 13)]).toEqual([1, 1, FAST.logN, FAST.r, FAST.p]);
    expect(file.length).toBeGreaterThan(HEADER_BYTES + 16);
  });
});

describe('through the contract (the real scrypt parameters)', () => {
  it('exports an audited package, previews and imports it, and refuses a wrong passphrase', async () => {
    const b = backend();
    const forumId = await richSampleForum(b);
    const err = async (method: string, input: unknown) => {
      const r = (await b.dispatch(method, input)) as RpcResult<unknown>;
      if (r.ok) throw new Error(`${method} should have been refused`);
      return r.error;
    };
    expect(
      await err('forums.exportPackage', {
        forumId,
        passphrase: PASS,
        passphraseConfirmation: `${PASS}!`,
      }),
    ).toMatchObject({
      field: 'passphraseConfirmation',
      message:
        'passphraseConfirmation: The two passphrases do not match; type the same passphrase twice.',
    });
    expect(
      (
        await err('forums.exportPackage', {
          forumId,
          passphrase: 'short',
          passphraseConfirmation: 'short',
        })
      ).message,
    ).toBe('passphrase: The passphrase must be at least 10 characters long.');
    const file = await call<ExportFile>(b, 'forums.exportPackage', {
      forumId,
      passphrase: PASS,
      passphraseConfirmation: PASS,
    });
    expect(file.filename).toMatch(
      /^bpf-gender-and-access-sample-forum-package-2026-11-28\.intersession$/,
    );
    const bytes = Buffer.from(file.base64, 'base64');
    expect([...bytes.subarray(8, 13)]).toEqual([1, 1, 17, 8, 1]);
    // None of the forum's names or minutes are readable in the file.
    const raw = bytes.toString('latin1');
    for (const name of ['Ana Lima', 'ana_lima', 'BPF Gender'])
      expect(raw.includes(name), name).toBe(false);
    const audit = b.db
      .prepare(
        "SELECT detail FROM audit_log WHERE forum_id = ? AND action = 'export' AND subject_type = 'forum-package'",
      )
      .pluck()
      .all(forumId) as string[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0])).toMatchObject({
      audience: 'coordinators',
      includesSafeguards: false,
    });

    expect(
      await err('forums.previewPackage', { file: file.base64, passphrase: 'not it at all' }),
    ).toEqual({
      code: 'validation',
      field: 'file',
      message: WRONG_PASSPHRASE,
    });
    const preview = await call<ForumPackagePreview>(b, 'forums.previewPackage', {
      file: file.base64,
      passphrase: PASS,
    });
    expect(preview).toMatchObject({ alreadyPresent: true, includesSafeguards: false, year: 2026 });
    const imported = await call<ForumPackageImport>(b, 'forums.importPackage', {
      file: file.base64,
      passphrase: PASS,
    });
    const forums = await call<{ id: string }[]>(b, 'forums.list', {});
    expect(forums.map((f) => f.id)).toContain(imported.forum.id);
    expect(forums).toHaveLength(2);
    // A public session cannot take a package out, or bring one in.
    for (const [method, input] of [
      ['forums.exportPackage', { forumId, passphrase: PASS, passphraseConfirmation: PASS }],
      ['forums.importPackage', { file: file.base64, passphrase: PASS }],
      ['forums.applyRetention', { forumId, confirmTitle: 'x' }],
    ] as const) {
      const r = (await b.dispatch(method, input, { audience: 'public' })) as RpcResult<unknown>;
      expect(r.ok, method).toBe(false);
    }
    expect(await call<unknown[]>(b, 'forums.list', {})).toHaveLength(2);
  }, 120_000);
});
