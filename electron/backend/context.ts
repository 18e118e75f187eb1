import type { Db } from '../../db/open';

/** What every service needs: the database and a clock (injectable so tests control time). */
export interface BackendContext {
  db: Db;
  now(): number;
  shell: 'electron' | 'browser' | 'test';
  dbFile: string;
}
