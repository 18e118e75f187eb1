import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forumAuditRows, type StoredRow } from '../../../db/queries/forumTables';
import { fold } from '../../../shared/domain/fold';
import type { RetentionStatus } from '../../../shared/api';
import type { RpcResult } from '../../../shared/result';
import type { Backend } from '../backend';
import { call, dumpForum, FIXED_NOW, richSampleForum, testBackend } from './package-testing';

let now = FIXED_NOW;
let backend: Backend;
let forumId: string;

beforeEach(async () => {
  now = FIXED_NOW;
  backend = testBackend(() => now);
  forumId = await richSampleForum(backend);
});
afterEach(() => backend.close());

const fail = async (method: string, input: unknown) => {
  const r = (await backend.dispatch(method, input)) as RpcResult<unknown>;
  if (r.ok) throw new Error(`${method} should have been refused`);
  return r.error;
};

/** Everything a participant could be recognised by, folded for a case/accent-blind search. */
function identifiers(): string[] {
  const rows = backend.db
    .prepare(
      'SELECT full_name, preferred_name, email, handles, aliases FROM participants WHERE forum_id = ?',
    )
    .all(forumId) as StoredRow[];
  const out: string[] = [];
  for (const r of rows) {
    out.push(String(r.full_name));
    if (r.preferred_name) out.push(String(r.preferred_name));
    if (r.email) out.push(String(r.email));
    out.push(...(JSON.parse(String(r.handles)) as string[]));
    out.push(...(JSON.parse(String(r.aliases)) as string[]));
  }
  return out.map(fold).filter((s) => s.length >= 4);
}

/** Every text value stored for the forum: every text column of every forum-owned table, and its audit log. */
function storedTexts(): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  const rows = dumpForum(backend, forumId);
  rows.set('audit_log', forumAuditRows(backend.db, forumId));
  for (const [table, list] of rows)
    for (const row of list)
      for (const [col, v] of Object.entries(row))
        if (typeof v === 'string') out.push({ where: `${table}.${col}`, text: fold(v) });
  return out;
}

/** The dashboard's figures without the lists of people (which name them, in name order). */
const figures = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(figures)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v)
            .filter(([k]) => !['people', 'suggestions', 'fullName'].includes(k))
            .map(([k, x]) => [k, figures(x)]),
        )
      : v;

describe('retention', () => {
  it('is off by default, and comes due N months after the final report', async () => {
    const off = await call<RetentionStatus>(backend, 'forums.retention', { forumId });
    expect(off).toMatchObject({
      months: null,
      due: false,
      dueOn: null,
      finalReportOn: '2026-12-14',
    });
    const set = await call<RetentionStatus>(backend, 'forums.setRetention', { forumId, months: 6 });
    expect(set).toMatchObject({ months: 6, dueOn: '2027-06-14', due: false });
    expect(
      (
        await fail('forums.applyRetention', {
          forumId,
          confirmTitle: 'BPF Gender and Access (sample)',
        })
      ).message,
    ).toBe('Personal data is due for deletion on 2027-06-14, not yet.');
    now = Date.UTC(2027, 5, 14, 8);
    expect((await call<RetentionStatus>(backend, 'forums.retention', { forumId })).due).toBe(true);
    expect((await fail('forums.setRetention', { forumId, months: 0 })).message).toBe(
      'months: The number of months must be at least 1.',
    );
  });

  it('replaces every name, e-mail and handle of the forum, keeps the counts, in one audited action', async () => {
    const needles = identifiers();
    expect(needles.length).toBeGreaterThan(100);
    // The fixture mentions participants in free text: the scan below can fail.
    const before = storedTexts();
    expect(
      before.some(
        (t) => t.where === 'report_comments.text' && needles.some((n) => t.text.includes(n)),
      ),
    ).toBe(true);
    expect(
      before.some(
        (t) => t.where === 'agenda_items.minutes' && needles.some((n) => t.text.includes(n)),
      ),
    ).toBe(true);
    const dashboard = figures(await call(backend, 'representation.dashboard', { forumId }));
    const accepted = backend.db
      .prepare(
        "SELECT id, title, status FROM contributions WHERE forum_id = ? AND status = 'accepted' ORDER BY id",
      )
      .all(forumId);
    const counts = Object.fromEntries(
      [...dumpForum(backend, forumId)].map(([t, r]) => [t, r.length]),
    );

    await call(backend, 'forums.setRetention', { forumId, months: 1 });
    now = Date.UTC(2027, 1, 1);
    expect(
      (await fail('forums.applyRetention', { forumId, confirmTitle: 'BPF Gender' })).field,
    ).toBe('confirmTitle');
    const result = await call<{ participants: number; rewrittenValues: number }>(
      backend,
      'forums.applyRetention',
      {
        forumId,
        confirmTitle: 'BPF Gender and Access (sample)',
      },
    );
    expect(result.participants).toBe(60);
    expect(result.rewrittenValues).toBeGreaterThan(0);

    const leaks = storedTexts().flatMap((t) =>
      needles.filter((n) => t.text.includes(n)).map((n) => `${t.where}: ${n}`),
    );
    expect(leaks).toEqual([]);
    expect(figures(await call(backend, 'representation.dashboard', { forumId }))).toEqual(
      dashboard,
    );
    expect(
      backend.db
        .prepare(
          "SELECT id, title, status FROM contributions WHERE forum_id = ? AND status = 'accepted' ORDER BY id",
        )
        .all(forumId),
    ).toEqual(accepted);
    expect(
      Object.fromEntries([...dumpForum(backend, forumId)].map(([t, r]) => [t, r.length])),
    ).toEqual(counts);
    // Names are pseudonyms, and the search finds people by them.
    const names = backend.db
      .prepare('SELECT full_name, pseudonym FROM participants WHERE forum_id = ?')
      .all(forumId) as { full_name: string; pseudonym: string }[];
    for (const n of names) expect(n.full_name).toBe(n.pseudonym);
    const audit = backend.db
      .prepare(
        "SELECT detail FROM audit_log WHERE forum_id = ? AND action = 'forum.applyRetention'",
      )
      .all(forumId) as { detail: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].detail)).toMatchObject({ months: 1, participants: 60 });
    // Done once: not offered again, and refused if asked.
    expect((await call<RetentionStatus>(backend, 'forums.retention', { forumId })).due).toBe(false);
    expect(
      (
        await fail('forums.applyRetention', {
          forumId,
          confirmTitle: 'BPF Gender and Access (sample)',
        })
      ).message,
    ).toBe('Retention has already been applied to this forum.');
  });

  it('keeps pseudonyms already given (protected people stay who they were in past exports)', async () => {
    const person = backend.db
      .prepare('SELECT id FROM participants WHERE forum_id = ? ORDER BY rowid LIMIT 1')
      .pluck()
      .get(forumId) as string;
    const protectedOne = await call<{ pseudonym: string; fullName: string }>(
      backend,
      'participants.protect',
      {
        id: person,
        reason: 'targeted',
      },
    );
    const other = await call<{ id: string }>(backend, 'forums.create', {
      title: 'BPF Other',
      year: 2026,
      mandate: `Ask ${protectedOne.fullName} about it.`,
    });
    const mandate = () =>
      backend.db.prepare('SELECT mandate FROM forums WHERE id = ?').pluck().get(other.id) as string;
    expect(mandate()).toContain(protectedOne.fullName);
    await call(backend, 'forums.setRetention', { forumId, months: 1 });
    now = Date.UTC(2027, 1, 1);
    await call(backend, 'forums.applyRetention', {
      forumId,
      confirmTitle: 'BPF Gender and Access (sample)',
    });
    // Another forum mentioning the same person is untouched: retention is per forum.
    expect(mandate()).toBe(`Ask ${protectedOne.fullName} about it.`);
    const after = backend.db
      .prepare('SELECT full_name, pseudonym FROM participants WHERE id = ?')
      .get(person);
    expect(after).toEqual({ full_name: protectedOne.pseudonym, pseudonym: protectedOne.pseudonym });
  });
});
