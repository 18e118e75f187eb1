import type { Db } from '../../db/open';
import type { AuditRow } from '../../db/queries/audit';
import type { BackendEvent } from '../../shared/events';

/** What every service needs: the database and a clock (injectable so tests control time). */
export interface BackendContext {
  /** The open connection; replaced (not mutated) when a backup is restored. */
  db: Db;
  now(): number;
  shell: 'electron' | 'browser' | 'test';
  dbFile: string;
  /**
   * The database's raw key (db/cipher.ts), kept in the backend's memory only: backups and
   * restores need it. Absent for an unencrypted (test) database.
   */
  key?: Buffer;
  /** Where the key comes from: a passphrase (browser mode) or the OS keystore (desktop). */
  keySource?: 'passphrase' | 'keystore';
  /** The live-update channel (progress of jobs; dispatch sends `changed` itself). */
  emit?(event: BackendEvent): void;
  /**
   * On a reader worker (read-only connection) audit records are collected here instead of
   * written; the worker pool has the writer commit them before the answer leaves.
   */
  auditSink?: AuditRow[];
}
