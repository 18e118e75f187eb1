// Query plans that must not depend on the planner's statistics (issue 15): checked with
// EXPLAIN QUERY PLAN on a database without ANALYZE and after PRAGMA optimize.
import { describe, expect, it } from 'vitest';
import { openDatabase, optimizeDatabase } from '../open';
import { contributionListSql, INSERT_CONTRIBUTION_SQL } from './contributions';
import { participantListSql } from './participants';

const plan = (db: ReturnType<typeof openDatabase>, sql: string, params: object) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[])
    .map((r) => r.detail)
    .join('\n');

describe('query plans', () => {
  const db = openDatabase({ file: ':memory:' });
  db.exec(
    "INSERT INTO forums (id, title, year, secret, created_at, updated_at) VALUES ('f', 'F', 2026, 's', 0, 0)",
  );
  const insert = db.prepare(
    `INSERT INTO participants (id, forum_id, full_name, organisation, stakeholder_group, search_text, sort_name, created_at, updated_at)
     VALUES (?, 'f', ?, ?, 'academia', '', ?, 0, 0)`,
  );
  db.transaction(() => {
    for (let i = 0; i < 2000; i++)
      insert.run(`p${i}`, `P ${i}`, i % 7 ? `Org ${i % 13}` : null, `p ${i}`);
  })();

  for (const stats of ['no statistics', 'after PRAGMA optimize'] as const)
    for (const direction of ['asc', 'desc'] as const)
      it(`sorts participants by organisation (${direction}) with an index, no sort step (${stats})`, () => {
        if (stats !== 'no statistics') optimizeDatabase(db);
        const { pageSql, params } = participantListSql({
          forumId: 'f',
          terms: [],
          sort: 'organisation',
          direction,
          offset: 0,
          limit: 50,
        });
        const p = plan(db, pageSql, params);
        expect(p).toContain('participants_forum_organisation_idx');
        expect(p).not.toContain('TEMP B-TREE');
      });

  for (const direction of ['asc', 'desc'] as const)
    it(`the public page by organisation (${direction}) reads the open arm in index order, no full sort`, () => {
      const { pageSql, params } = participantListSql({
        forumId: 'f',
        terms: [],
        sort: 'organisation',
        direction,
        offset: 0,
        limit: 50,
        pseudonymsOnly: true,
        listedOnly: true,
      });
      const p = plan(db, pageSql, params);
      // The two arms are merged; only the protected arm (few rows) has a sort step of its own.
      expect(p).toContain('MERGE (UNION ALL)');
      const [left, right] = p.split('\nRIGHT');
      expect(left).toContain('participants_forum_organisation_idx');
      expect(left).not.toContain('TEMP B-TREE');
      expect(right).toBeDefined();
    });

  it('searches contributions with the forum inside the full-text query: only that forum, from the index', () => {
    db.exec(
      "INSERT INTO forums (id, title, year, secret, created_at, updated_at) VALUES ('0194-other', 'G', 2026, 's', 0, 0)",
    );
    const insert = db.prepare(INSERT_CONTRIBUTION_SQL);
    const base = {
      summary: '',
      body: 'community network in the mountains',
      kind: 'practice',
      country: null,
      region: null,
      source: 'email',
      sourceCallId: null,
      sourceSessionId: null,
      contributorId: null,
      contributorName: '',
      contributorOrganisation: '',
      language: 'en',
      receivedOn: '2026-03-01',
      links: '[]',
      attribution: 'anonymous',
      mayPublish: 0,
      consentGivenOn: null,
      consentMethod: null,
      consentWithdrawnAt: null,
      consentWithdrawnScope: null,
      status: 'submitted',
      reviewerNotes: '',
      createdAt: 0,
      updatedAt: 0,
    };
    insert.run({ ...base, id: 'c1', forumId: 'f', title: 'Mesh network' });
    insert.run({ ...base, id: 'c2', forumId: '0194-other', title: 'Mesh network elsewhere' });
    const q = { forumId: 'f', match: '"network"', publishableOnly: false, offset: 0, limit: 50 };
    const { sql, params } = contributionListSql(q);
    const rows = db.prepare(sql).all(params) as { id: string; total: number }[];
    expect(rows.map((r) => r.id)).toEqual(['c1']);
    expect(rows[0].total).toBe(1);
    const other = contributionListSql({ ...q, forumId: '0194-other' });
    expect((db.prepare(other.sql).all(other.params) as { id: string }[]).map((r) => r.id)).toEqual([
      'c2',
    ]);
    // The ranked hits come from the FTS index alone: no contributions row is read per hit.
    const hitsPlan = plan(db, sql, params).split('\n');
    const page = hitsPlan.findIndex((l) => l.includes('page'));
    expect(hitsPlan.slice(0, Math.max(1, page)).join('\n')).not.toMatch(/SEARCH c\b|SCAN c\b/);
  });
});
