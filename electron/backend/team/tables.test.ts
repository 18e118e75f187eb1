// The team tables' own guarantees (migration 0016): normalised unique e-mails, closed roles,
// and the cascades from forums and accounts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, teamFixture, type TeamFixture } from './testing';

let f: TeamFixture;
beforeEach(() => {
  f = teamFixture();
});
afterEach(() => f.db.close());

const insertUser = (id: string, email: string) =>
  f.db
    .prepare(
      `INSERT INTO team_users (id, email, display_name, password_hash, created_at)
       VALUES (?, ?, 'x', 'h', 0)`,
    )
    .run(id, email);

describe('team tables', () => {
  it('keep e-mails trimmed, lowercased and unique', () => {
    expect(() => insertUser('a', 'Ana@example.org')).toThrow(/CHECK constraint failed/);
    expect(() => insertUser('a', ' ana@example.org')).toThrow(/CHECK constraint failed/);
    insertUser('a', 'ana@example.org');
    expect(() => insertUser('b', 'ana@example.org')).toThrow(/UNIQUE constraint failed/);
    const row = f.db.prepare('SELECT active, administrator, failed_logins FROM team_users').get();
    expect(row).toEqual({ active: 1, administrator: 0, failed_logins: 0 });
  });

  it('accept only the four roles', async () => {
    const u = await addUser(f, { email: 'ana@example.org' });
    const member = f.db.prepare(
      'INSERT INTO team_memberships (user_id, forum_id, role) VALUES (?, ?, ?)',
    );
    expect(() => member.run(u.id, f.forumId, 'admin')).toThrow(/CHECK constraint failed/);
    for (const role of ['coordinator', 'rapporteur', 'mag_reviewer', 'observer'])
      f.db.transaction(() => {
        member.run(u.id, f.forumId, role);
        f.db.prepare('DELETE FROM team_memberships').run();
      })();
  });

  it('drop memberships and invitations with their forum, sessions with their account', async () => {
    const u = await addUser(f, {
      email: 'ana@example.org',
      roles: [
        [f.forumId, 'coordinator'],
        [f.otherForumId, 'observer'],
      ],
    });
    f.db
      .prepare(
        `INSERT INTO team_invitations (id, token_hash, email, forum_id, role, invited_by, created_at, expires_at)
         VALUES ('i', 'h', 'bea@example.org', ?, 'observer', ?, 0, 1)`,
      )
      .run(f.forumId, u.id);
    f.db
      .prepare(
        `INSERT INTO team_sessions (id, token_hash, user_id, created_at, last_seen_at, expires_at, address)
         VALUES ('s', 'h', ?, 0, 0, 1, '192.0.2.1')`,
      )
      .run(u.id);
    f.db.prepare('DELETE FROM forums WHERE id = ?').run(f.forumId);
    expect(f.db.prepare('SELECT forum_id FROM team_memberships').pluck().all()).toEqual([
      f.otherForumId,
    ]);
    expect(f.db.prepare('SELECT count(*) FROM team_invitations').pluck().get()).toBe(0);
    f.db.prepare('DELETE FROM team_users WHERE id = ?').run(u.id);
    expect(f.db.prepare('SELECT count(*) FROM team_sessions').pluck().get()).toBe(0);
    expect(f.db.prepare('SELECT count(*) FROM team_memberships').pluck().get()).toBe(0);
  });
});
