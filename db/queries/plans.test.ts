// Query plans that must not depend on the planner's statistics (issue 15): checked with
// EXPLAIN QUERY PLAN on a database without ANALYZE and after PRAGMA optimize.
import { describe, expect, it } from 'vitest';
import { openDatabase, optimizeDatabase } from '../open';
import { contributionListSql, INSERT_CONTRIBUTION_SQL } from './contributions';
import { listParticipants, participantListSql } from './participants';

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
    `INSERT INTO participants (id, forum_id, full_name, organisation, stakeholder_group, country, role, consent_listed, is_protected, search_text, sort_name, created_at, updated_at)
     VALUES (?, 'f', ?, ?, ?, ?, ?, ?, ?, '', ?, ?, 0)`,
  );
  const groups = ['academia', 'civil_society', 'government', 'private_sector'];
  db.transaction(() => {
    for (let i = 0; i < 2000; i++)
      insert.run(
        `p${i}`,
        `P ${i}`,
        i % 7 ? `Org ${i % 13}` : null,
        groups[i % 4],
        i % 5 ? ['BR', 'KE', 'VN'][i % 3] : null,
        i % 9 ? 'member' : 'coordinator',
        i % 3 ? 1 : 0,
        i % 50 === 0 ? 1 : 0,
        `p ${i}`,
        i * 1000,
      );
  })();
  const SORTS = ['organisation', 'country', 'stakeholderGroup', 'role', 'created'] as const;
  /** The coordinators' index for each sort, and the public directory's (partial) one. */
  const INDEXES: Record<(typeof SORTS)[number], [string, string]> = {
    organisation: ['participants_forum_organisation_idx', 'participants_public_organisation_idx'],
    country: ['participants_forum_country_idx', 'participants_public_country_idx'],
    stakeholderGroup: ['participants_forum_group_name_idx', 'participants_public_group_order_idx'],
    role: ['participants_forum_role_order_idx', 'participants_public_role_order_idx'],
    created: ['participants_forum_created_order_idx', 'participants_public_created_order_idx'],
  };

  // Without statistics first (as a new database runs), then after PRAGMA optimize.
  for (const stats of ['no statistics', 'after PRAGMA optimize'] as const)
    for (const sort of SORTS)
      for (const direction of ['asc', 'desc'] as const) {
        it(`sorts participants by ${sort} (${direction}) with an index, no sort step (${stats})`, () => {
          if (stats !== 'no statistics') optimizeDatabase(db);
          const { pageSql, params } = participantListSql({
            forumId: 'f',
            terms: [],
            sort,
            direction,
            offset: 0,
            limit: 50,
          });
          const p = plan(db, pageSql, params);
          expect(p).toContain(INDEXES[sort][0]);
          expect(p).not.toContain('TEMP B-TREE');
        });

        it(`the public page by ${sort} (${direction}) reads the open arm in order from its partial index (${stats})`, () => {
          if (stats !== 'no statistics') optimizeDatabase(db);
          const { pageSql, params } = participantListSql({
            forumId: 'f',
            terms: [],
            sort,
            direction,
            offset: 1000,
            limit: 50,
            pseudonymsOnly: true,
            listedOnly: true,
          });
          const p = plan(db, pageSql, params);
          // The open arm's window is read in order from the partial index (the offset skipped in
          // the index); only the window (page + protected rows) and the protected arm are sorted
          // for the merge, and the page's 50 rows are read (and put in order) after the LIMIT.
          expect(p).toContain('MERGE (UNION ALL)');
          const window = p.slice(p.indexOf('CO-ROUTINE openWindow'), p.indexOf('SCAN openWindow'));
          expect(window).toContain(INDEXES[sort][1]);
          expect(window).not.toContain('TEMP B-TREE');
          expect(p.slice(p.lastIndexOf('SCAN page'))).toContain('(id=?)');
        });
      }

  it('a public page equals the same page read with every row (keys first, rows after the LIMIT)', () => {
    // Offsets before, at and after the protected count (26 listed; 13 in academia), deep, at the end and past it;
    // both directions, with and without a filter (the window's arithmetic is checked on each).
    for (const sort of SORTS)
      for (const direction of ['asc', 'desc'] as const)
        for (const stakeholderGroup of [undefined, 'academia'])
          for (const offset of [0, 7, 12, 13, 14, 25, 26, 27, 300, 600, 1320, 1330, 1333, 5000]) {
            const q = {
              forumId: 'f',
              terms: [],
              sort,
              direction,
              stakeholderGroup,
              offset,
              limit: 25,
              pseudonymsOnly: true,
              listedOnly: true,
            };
            const { pageSql, params } = participantListSql(q);
            const got = (db.prepare(pageSql).all(params) as { id: string }[]).map((r) => r.id);
            // The reference: every listed row, sorted as the arms sort them, then sliced.
            const rows = db
              .prepare(
                `SELECT id, is_protected AS p, organisation AS o, country AS c, stakeholder_group AS g,
              role AS r, created_at AS t, sort_name AS n, lower(coalesce(pseudonym, '')) AS ps
             FROM participants WHERE forum_id = 'f' AND removed_at IS NULL AND consent_listed = 1
               AND (@g IS NULL OR stakeholder_group = @g)`,
              )
              .all({ g: stakeholderGroup ?? null }) as {
              id: string;
              p: number;
              o: string | null;
              c: string | null;
              g: string;
              r: string;
              t: number;
              n: string;
              ps: string;
            }[];
            const key = (x: (typeof rows)[number]): [string | number, string] => {
              const name = x.p ? x.ps : x.n;
              if (sort === 'organisation') return [x.p ? '' : (x.o ?? '').toLowerCase(), name];
              if (sort === 'country') return [x.p ? '' : (x.c ?? ''), name];
              if (sort === 'stakeholderGroup') return [x.g, name];
              if (sort === 'role') return [x.r, name];
              return [x.t, name];
            };
            const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
            const want = rows
              .sort((a, b) => {
                const [ka, na] = key(a);
                const [kb, nb] = key(b);
                return (
                  (direction === 'desc' ? -1 : 1) * (cmp(ka, kb) || cmp(na, nb) || cmp(a.id, b.id))
                );
              })
              .slice(offset, offset + 25)
              .map((x) => x.id);
            expect(got, `${sort} ${direction} ${stakeholderGroup ?? ''} at ${offset}`).toEqual(
              want,
            );
          }
  });

  // The list's count (`count(*) OVER ()`) reads every matching row whatever the order, so even the
  // default order (newest first, which has an index) ends in one sort of them. An order by a
  // column has the same plan (a search's hits also read their rows for the key): no index per
  // column would save a step (issue 12).
  for (const by of ['title', 'kind', 'status', 'contributor', 'received'] as const)
    for (const match of [null, '"network"'])
      it(`sorts contributions by ${by}${match ? ' in a search' : ''} as the default order does`, () => {
        const q = { forumId: 'f', match, offset: 0, limit: 50 };
        const sorted = contributionListSql({ ...q, order: { by, direction: 'desc' } });
        const p = plan(db, sorted.sql, sorted.params);
        const base = contributionListSql(q);
        const defaultPlan = plan(db, base.sql, base.params);
        if (match === null) expect(p).toBe(defaultPlan);
        expect(p).not.toMatch(/SCAN c\b/);
        expect(p.match(/TEMP B-TREE/g)).toEqual(defaultPlan.match(/TEMP B-TREE/g));
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

describe('a search that matches many people', () => {
  // 1,500 people, 2 in 3 of them named Lima (and some Limão, which folds apart): the page near the
  // top walks the sort's index (walkIndex) instead of sorting every trigram match, same rows.
  const db = openDatabase({ file: ':memory:' });
  db.exec(
    "INSERT INTO forums (id, title, year, secret, created_at, updated_at) VALUES ('f', 'F', 2026, 's', 0, 0)",
  );
  const insert = db.prepare(
    `INSERT INTO participants (id, forum_id, full_name, organisation, stakeholder_group, country, role, search_text, sort_name, created_at, updated_at)
     VALUES (?, 'f', ?, ?, ?, ?, 'member', ?, ?, ?, 0)`,
  );
  db.transaction(() => {
    for (let i = 0; i < 1500; i++) {
      const family = i % 3 === 0 ? 'Okafor' : i % 11 === 0 ? 'Limão' : 'Lima';
      const name = `Ana ${(i * 7919) % 1500} ${family}`;
      const folded = name.toLowerCase().replace('ã', 'a');
      insert.run(
        `p${i}`,
        name,
        i % 7 ? `Org ${i % 13}` : null,
        ['academia', 'civil_society', 'government'][i % 3],
        i % 5 ? ['BR', 'KE', 'VN'][i % 3] : null,
        folded,
        folded,
        (i * 37) % 1500,
      );
    }
  })();
  const SORTS = ['name', 'organisation', 'country', 'stakeholderGroup', 'created'] as const;

  it('gives the prefiltered pages, and near the top reads the index instead of the trigrams', () => {
    let walked = 0;
    for (const terms of [['lima'], ['ana', 'lima'], ['lim']])
      for (const sort of SORTS)
        for (const direction of ['asc', 'desc'] as const)
          for (const offset of [0, 25, 75, 100, 900]) {
            const q = { forumId: 'f', terms, sort, direction, offset, limit: 25 };
            const prefiltered = participantListSql(q);
            const want = db.prepare(prefiltered.pageSql).all(prefiltered.params);
            const walking = participantListSql({ ...q, walkIndex: true });
            expect(plan(db, walking.pageSql, walking.params)).not.toContain('participants_trigram');
            const label = `${terms.join(' ')} by ${sort} ${direction} at ${offset}`;
            expect(db.prepare(walking.pageSql).all(walking.params), label).toEqual(want);
            const { total, rows } = listParticipants(db, q);
            expect(rows, label).toEqual(want);
            const { limit: _limit, offset: _offset, ...countParams } = prefiltered.params;
            expect(total).toBe(db.prepare(prefiltered.countSql).pluck().get(countParams));
            if ((offset + 25) * 10 <= total && total >= 1000) walked++;
          }
    // The broad searches (about 1,000 matches) took the walk at the top of the list.
    expect(walked).toBeGreaterThan(0);
  });
});
