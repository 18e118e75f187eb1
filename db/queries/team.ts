/**
 * Queries of the team server's accounts (issue 14): users, forum memberships, invitations,
 * sessions and failed sign-in attempts. Plain SQL, no rules; tokens arrive here already hashed.
 */
import { stmt } from './statements';
import type { Db } from '../open';

export interface TeamUserRecord {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string;
  totpSecret: string | null;
  totpLastStep: number | null;
  administrator: boolean;
  active: boolean;
  failedLogins: number;
  lockedUntil: number | null;
  createdAt: number;
  deactivatedAt: number | null;
}

export interface TeamMembershipRecord {
  userId: string;
  forumId: string;
  role: string;
}

export interface TeamInvitationRecord {
  id: string;
  tokenHash: string;
  email: string;
  forumId: string;
  role: string;
  invitedBy: string;
  totpSecret: string | null;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

export interface TeamSessionRecord {
  id: string;
  tokenHash: string;
  userId: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  address: string;
  userAgent: string | null;
}

// ---- users ----

const USER_SELECT = `SELECT id, email, display_name AS displayName, password_hash AS passwordHash,
  totp_secret AS totpSecret, totp_last_step AS totpLastStep, administrator, active,
  failed_logins AS failedLogins, locked_until AS lockedUntil, created_at AS createdAt,
  deactivated_at AS deactivatedAt FROM team_users`;

type StoredUser = Omit<TeamUserRecord, 'administrator' | 'active'> & {
  administrator: number;
  active: number;
};
const toUser = (r: StoredUser | undefined): TeamUserRecord | undefined =>
  r && { ...r, administrator: r.administrator === 1, active: r.active === 1 };

export function countTeamUsers(db: Db): number {
  return stmt(db, 'SELECT count(*) FROM team_users').pluck().get() as number;
}

export function getTeamUser(db: Db, id: string): TeamUserRecord | undefined {
  return toUser(stmt(db, `${USER_SELECT} WHERE id = ?`).get(id) as StoredUser | undefined);
}

/** By e-mail as stored (trimmed, lowercased). */
export function findTeamUserByEmail(db: Db, email: string): TeamUserRecord | undefined {
  return toUser(stmt(db, `${USER_SELECT} WHERE email = ?`).get(email) as StoredUser | undefined);
}

export function insertTeamUser(db: Db, row: TeamUserRecord): void {
  stmt(
    db,
    `INSERT INTO team_users (id, email, display_name, password_hash, totp_secret, totp_last_step,
       administrator, active, failed_logins, locked_until, created_at, deactivated_at)
     VALUES (@id, @email, @displayName, @passwordHash, @totpSecret, @totpLastStep,
       @administrator, @active, @failedLogins, @lockedUntil, @createdAt, @deactivatedAt)`,
  ).run({ ...row, administrator: row.administrator ? 1 : 0, active: row.active ? 1 : 0 });
}

export function updateTeamUserPasswordHash(db: Db, id: string, passwordHash: string): void {
  stmt(db, 'UPDATE team_users SET password_hash = ? WHERE id = ?').run(passwordHash, id);
}

/** Sets the authenticator key and the last time step accepted with it. */
export function setTeamUserTotp(
  db: Db,
  id: string,
  totpSecret: string,
  totpLastStep: number,
): void {
  stmt(db, 'UPDATE team_users SET totp_secret = ?, totp_last_step = ? WHERE id = ?').run(
    totpSecret,
    totpLastStep,
    id,
  );
}

/**
 * Records the time step of an accepted code, only when it is later than the last one (the
 * replay guard, checked again in SQL); returns whether it was recorded.
 */
export function advanceTeamUserTotpStep(db: Db, id: string, step: number): boolean {
  return (
    stmt(
      db,
      `UPDATE team_users SET totp_last_step = @step
         WHERE id = @id AND (totp_last_step IS NULL OR totp_last_step < @step)`,
    ).run({ id, step }).changes === 1
  );
}

export function setTeamUserFailedLogins(
  db: Db,
  id: string,
  failedLogins: number,
  lockedUntil: number | null,
): void {
  stmt(db, 'UPDATE team_users SET failed_logins = ?, locked_until = ? WHERE id = ?').run(
    failedLogins,
    lockedUntil,
    id,
  );
}

export function deactivateTeamUser(db: Db, id: string, at: number): void {
  stmt(db, 'UPDATE team_users SET active = 0, deactivated_at = ? WHERE id = ?').run(at, id);
}

// ---- memberships ----

export function listTeamMemberships(db: Db, userId: string): TeamMembershipRecord[] {
  return stmt(
    db,
    `SELECT user_id AS userId, forum_id AS forumId, role FROM team_memberships
       WHERE user_id = ? ORDER BY forum_id`,
  ).all(userId) as TeamMembershipRecord[];
}

export function getTeamMembership(
  db: Db,
  userId: string,
  forumId: string,
): TeamMembershipRecord | undefined {
  return stmt(
    db,
    `SELECT user_id AS userId, forum_id AS forumId, role FROM team_memberships
       WHERE user_id = ? AND forum_id = ?`,
  ).get(userId, forumId) as TeamMembershipRecord | undefined;
}

/** Whether the user is a coordinator of at least one forum. */
export function isCoordinatorAnywhere(db: Db, userId: string): boolean {
  return (
    stmt(db, "SELECT 1 FROM team_memberships WHERE user_id = ? AND role = 'coordinator' LIMIT 1")
      .pluck()
      .get(userId) !== undefined
  );
}

/** Whether `coordinatorId` coordinates a forum in which `userId` has a role. */
export function coordinatesMemberOf(db: Db, coordinatorId: string, userId: string): boolean {
  return (
    stmt(
      db,
      `SELECT 1 FROM team_memberships c JOIN team_memberships m ON m.forum_id = c.forum_id
         WHERE c.user_id = ? AND c.role = 'coordinator' AND m.user_id = ? LIMIT 1`,
    )
      .pluck()
      .get(coordinatorId, userId) !== undefined
  );
}

/** Adds the membership, or sets its role when the user already has one in that forum. */
export function upsertTeamMembership(db: Db, row: TeamMembershipRecord): void {
  stmt(
    db,
    `INSERT INTO team_memberships (user_id, forum_id, role) VALUES (@userId, @forumId, @role)
       ON CONFLICT (user_id, forum_id) DO UPDATE SET role = excluded.role`,
  ).run(row);
}

export function listForumIds(db: Db): string[] {
  return stmt(db, 'SELECT id FROM forums ORDER BY id').pluck().all() as string[];
}

// ---- invitations ----

const INVITATION_SELECT = `SELECT id, token_hash AS tokenHash, email, forum_id AS forumId, role,
  invited_by AS invitedBy, totp_secret AS totpSecret, created_at AS createdAt,
  expires_at AS expiresAt, used_at AS usedAt FROM team_invitations`;

export function insertTeamInvitation(db: Db, row: TeamInvitationRecord): void {
  stmt(
    db,
    `INSERT INTO team_invitations (id, token_hash, email, forum_id, role, invited_by, totp_secret,
       created_at, expires_at, used_at)
     VALUES (@id, @tokenHash, @email, @forumId, @role, @invitedBy, @totpSecret, @createdAt,
       @expiresAt, @usedAt)`,
  ).run(row);
}

export function findTeamInvitationByTokenHash(
  db: Db,
  tokenHash: string,
): TeamInvitationRecord | undefined {
  return stmt(db, `${INVITATION_SELECT} WHERE token_hash = ?`).get(tokenHash) as
    TeamInvitationRecord | undefined;
}

export function setTeamInvitationTotpSecret(db: Db, id: string, totpSecret: string): void {
  stmt(db, 'UPDATE team_invitations SET totp_secret = ? WHERE id = ?').run(totpSecret, id);
}

/** Marks the invitation used (only if it still is open); returns whether it was. */
export function markTeamInvitationUsed(db: Db, id: string, at: number): boolean {
  return (
    stmt(
      db,
      'UPDATE team_invitations SET used_at = ?, totp_secret = NULL WHERE id = ? AND used_at IS NULL',
    ).run(at, id).changes === 1
  );
}

/** Ends the open invitations for one e-mail to one forum (a newer one replaces them). */
export function expireOpenInvitationsFor(db: Db, forumId: string, email: string, at: number): void {
  stmt(
    db,
    `UPDATE team_invitations SET expires_at = @at, totp_secret = NULL
       WHERE forum_id = @forumId AND email = @email AND used_at IS NULL AND expires_at > @at`,
  ).run({ forumId, email, at });
}

/** Ends the open invitations a user made (when the user is deactivated). */
export function expireOpenInvitationsBy(db: Db, invitedBy: string, at: number): number {
  return stmt(
    db,
    `UPDATE team_invitations SET expires_at = @at, totp_secret = NULL
       WHERE invited_by = @invitedBy AND used_at IS NULL AND expires_at > @at`,
  ).run({ invitedBy, at }).changes;
}

// ---- sessions ----

const SESSION_SELECT = `SELECT id, token_hash AS tokenHash, user_id AS userId,
  created_at AS createdAt, last_seen_at AS lastSeenAt, expires_at AS expiresAt, address,
  user_agent AS userAgent FROM team_sessions`;

export function insertTeamSession(db: Db, row: TeamSessionRecord): void {
  stmt(
    db,
    `INSERT INTO team_sessions (id, token_hash, user_id, created_at, last_seen_at, expires_at,
       address, user_agent)
     VALUES (@id, @tokenHash, @userId, @createdAt, @lastSeenAt, @expiresAt, @address, @userAgent)`,
  ).run(row);
}

export function findTeamSessionByTokenHash(
  db: Db,
  tokenHash: string,
): TeamSessionRecord | undefined {
  return stmt(db, `${SESSION_SELECT} WHERE token_hash = ?`).get(tokenHash) as
    TeamSessionRecord | undefined;
}

export function touchTeamSession(db: Db, id: string, lastSeenAt: number): void {
  stmt(db, 'UPDATE team_sessions SET last_seen_at = ? WHERE id = ?').run(lastSeenAt, id);
}

export function deleteTeamSession(db: Db, id: string): void {
  stmt(db, 'DELETE FROM team_sessions WHERE id = ?').run(id);
}

/** Deletes every session of a user; returns how many there were. */
export function deleteTeamSessionsOfUser(db: Db, userId: string): number {
  return stmt(db, 'DELETE FROM team_sessions WHERE user_id = ?').run(userId).changes;
}

/** Deletes sessions past their absolute end or idle since before `idleSince`. */
export function deleteExpiredTeamSessions(db: Db, now: number, idleSince: number): number {
  return stmt(db, 'DELETE FROM team_sessions WHERE expires_at <= ? OR last_seen_at <= ?').run(
    now,
    idleSince,
  ).changes;
}

// ---- failed sign-in attempts by address ----

export function insertTeamLoginAttempt(db: Db, address: string, at: number): void {
  stmt(db, 'INSERT INTO team_login_attempts (address, at) VALUES (?, ?)').run(address, at);
}

/** Failed attempts from `address` later than `after`, oldest first (their times). */
export function listTeamLoginAttemptTimes(db: Db, address: string, after: number): number[] {
  return stmt(db, 'SELECT at FROM team_login_attempts WHERE address = ? AND at > ? ORDER BY at')
    .pluck()
    .all(address, after) as number[];
}

/** Deletes the attempts at or before `until` (out of every window). */
export function deleteTeamLoginAttemptsUntil(db: Db, until: number): void {
  stmt(db, 'DELETE FROM team_login_attempts WHERE at <= ?').run(until);
}

// ---- settings of the team server ----

export function deleteTeamSetting(db: Db, key: string): void {
  stmt(db, 'DELETE FROM settings WHERE key = ?').run(key);
}
