// The representation dashboard's member lookups keep plans that do not depend on statistics
// (issue 15): on a database without ANALYZE and after PRAGMA optimize, the lists of people behind
// alerts walk an index in the order shown (no sort of the whole forum), and contributors and
// commenters are read from their contributions and comments, looked up by id (no member scan).
import { describe, expect, it } from 'vitest';
import { openDatabase, optimizeDatabase } from '../open';
import {
  contributorPeopleSql,
  membersNotAttending,
  membersNotAttendingSql,
  RECENT_ATTENDEES_SQL,
  recentAttendees,
} from './representation';

describe('representation query plans', () => {
  const db = openDatabase({ file: ':memory:' });
  db.exec(
    "INSERT INTO forums (id, title, year, secret, created_at, updated_at) VALUES ('f', 'F', 2026, 's', 0, 0)",
  );
  const insert = db.prepare(
    `INSERT INTO participants (id, forum_id, full_name, stakeholder_group, region, search_text, sort_name,
       consent_invitations, created_at, updated_at)
     VALUES (?, 'f', ?, ?, ?, '', ?, ?, 0, 0)`,
  );
  db.transaction(() => {
    for (let i = 0; i < 500; i++)
      insert.run(
        `p${String(i).padStart(3, '0')}`,
        `P ${i}`,
        i % 2 ? 'academia' : 'government',
        i % 3 ? 'africa' : 'europe',
        `p ${String(i).padStart(3, '0')}`,
        i % 4 ? 1 : 0,
      );
  })();
  const plan = (sql: string, params: object) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[])
      .map((r) => r.detail)
      .join('\n');
  const P = {
    forumId: 'f',
    group: 'academia',
    region: 'africa',
    recent: '[]',
    calls: '[]',
    limit: 10,
  };

  for (const stats of ['no statistics', 'after PRAGMA optimize'] as const) {
    it(`lists members to invite from an index in the order shown (${stats})`, () => {
      if (stats !== 'no statistics') optimizeDatabase(db);
      const cases = [
        { group: null, region: null },
        { group: 'academia', region: null },
        { group: 'academia', region: 'africa' },
        { group: null, region: 'europe' },
      ];
      for (const c of cases) {
        const rows = membersNotAttending(db, {
          forumId: 'f',
          ...c,
          recentCallIds: [],
          limit: 10,
        });
        // Same rows as a sort of every match would give: consent first, then by name.
        const all = (
          db
            .prepare(
              `SELECT id, consent_invitations AS c, sort_name AS s FROM participants WHERE forum_id = 'f'
             AND (? IS NULL OR stakeholder_group = ?) AND (? IS NULL OR region = ?)`,
            )
            .all(c.group, c.group, c.region, c.region) as { id: string; c: number; s: string }[]
        ).sort((a, b) => b.c - a.c || a.s.localeCompare(b.s) || a.id.localeCompare(b.id));
        expect(rows.map((r) => r.id)).toEqual(all.slice(0, 10).map((r) => r.id));
        const p = plan(membersNotAttendingSql(c.group !== null, c.region !== null), P);
        expect(p).toMatch(/participants_forum_(group_)?invite_order_idx/);
        expect(p).not.toContain('TEMP B-TREE');
      }
      const attendees = recentAttendees(db, {
        forumId: 'f',
        group: 'academia',
        callIds: [],
        limit: 10,
      });
      expect(attendees).toEqual([]);
      const p = plan(RECENT_ATTENDEES_SQL, P);
      expect(p).toContain('participants_forum_group_name_idx');
      expect(p).not.toContain('TEMP B-TREE');
    });

    it(`counts contributors from the contributions, each looked up by id (${stats})`, () => {
      const p = plan(contributorPeopleSql(true), { forumId: 'f', secret: 's' });
      expect(p).toMatch(/SEARCH p USING INDEX sqlite_autoindex_participants_1 \(id=\?\)/);
      expect(p).not.toMatch(/SCAN p\b/);
    });
  }
});
