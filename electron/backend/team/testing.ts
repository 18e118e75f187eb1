/**
 * Test fixtures of the team accounts: a migrated in-memory database with two forums, a context
 * whose clock the test moves, accounts made directly, codes for an instant, and a scan of every
 * stored row for strings that must never be stored (raw tokens, passwords, codes). Passwords
 * are hashed here with a deliberately low argon2 cost, passed explicitly (never the default).
 */
import { openDatabase, type Db } from '../../../db/open';
import { insertForum } from '../../../db/queries/forums';
import { insertTeamUser, upsertTeamMembership } from '../../../db/queries/team';
import { newId } from '../../../shared/domain/ids';
import type { TeamRole } from '../../../shared/schemas/team';
import type { BackendContext } from '../context';
import type { TeamOptions } from './accounts';
import { hashPassword, type PasswordCost } from './passwords';
import { newTotpSecret, totpCodeAt } from './totp';

/** For tests only: argon2id at 256 KiB and one pass, so a test hashes in about a millisecond. */
export const TEST_PASSWORD_COST: PasswordCost = { memoryCost: 256, timeCost: 1, parallelism: 1 };
export const TEST_OPTIONS: TeamOptions = { passwordCost: TEST_PASSWORD_COST };

/** 2026-12-04 09:00:00 UTC, the start of a 30-second step. */
export const T0 = Date.UTC(2026, 11, 4, 9, 0, 0);
export const MINUTE = 60_000;

export interface TeamFixture {
  db: Db;
  ctx: BackendContext;
  forumId: string;
  otherForumId: string;
  /** The fixture's clock (epoch ms); tests set or advance it. */
  clock: { now: number };
  advance(ms: number): void;
}

export function teamFixture(): TeamFixture {
  const db = openDatabase({ file: ':memory:' });
  const clock = { now: T0 };
  const ctx: BackendContext = { db, now: () => clock.now, shell: 'test', dbFile: ':memory:' };
  const forum = (title: string) => {
    const id = newId(clock.now);
    insertForum(db, {
      id,
      title,
      topic: '',
      year: 2026,
      mandate: '',
      secret: 'forum-secret',
      createdAt: T0,
      updatedAt: T0,
      archivedAt: null,
    });
    return id;
  };
  return {
    db,
    ctx,
    forumId: forum('Cybersecurity'),
    otherForumId: forum('Gender and access'),
    clock,
    advance: (ms) => {
      clock.now += ms;
    },
  };
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  totpSecret: string | null;
}

/** An account made directly (as setup or an invitation would), with its roles. */
export async function addUser(
  f: TeamFixture,
  {
    email,
    password = `correct horse ${email}`,
    roles = [],
    totp = false,
    administrator = false,
  }: {
    email: string;
    password?: string;
    roles?: [forumId: string, role: TeamRole][];
    totp?: boolean;
    administrator?: boolean;
  },
): Promise<TestUser> {
  const id = newId(f.clock.now);
  const totpSecret = totp || administrator ? newTotpSecret() : null;
  insertTeamUser(f.db, {
    id,
    email,
    displayName: email.split('@')[0],
    passwordHash: await hashPassword(password, TEST_PASSWORD_COST),
    totpSecret,
    totpLastStep: null,
    administrator,
    active: true,
    failedLogins: 0,
    lockedUntil: null,
    createdAt: f.clock.now,
    deactivatedAt: null,
  });
  for (const [forumId, role] of roles) upsertTeamMembership(f.db, { userId: id, forumId, role });
  return { id, email, password, totpSecret };
}

/** The code an authenticator shows at the fixture's current time. */
export const codeNow = (f: TeamFixture, secret: string) => totpCodeAt(secret, f.clock.now);

/** Every row of every table, as JSON text (what a copy of the database would reveal). */
export function dumpDatabase(db: Db): string {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  return JSON.stringify(
    Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all()])),
  );
}

/** The audit records of the team server (action and detail). */
export function teamAudit(
  db: Db,
): { action: string; subjectId: string | null; detail: Record<string, unknown> }[] {
  return (
    db
      .prepare(
        "SELECT action, subject_id AS subjectId, detail FROM audit_log WHERE action LIKE 'team.%' ORDER BY id",
      )
      .all() as { action: string; subjectId: string | null; detail: string }[]
  ).map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}

export const client = (address = '192.0.2.10') => ({ address, userAgent: 'vitest' });
