import { z } from 'zod';
import { line } from './common';

/** A passphrase as typed: any characters but control ones, capped so scrypt gets a sane input. */
const passphrase = z
  .string()
  .min(1, 'is required')
  .max(1024, 'must be at most 1024 characters')
  // eslint-disable-next-line no-control-regex -- the point of this pattern is to find control characters
  .refine((s) => !/[\u0000-\u001f\u007f-\u009f]/.test(s), 'must not contain control characters');

/** A backup's file name inside the backup folder (never a path: the backend joins the folder). */
const backupName = z
  .string()
  .regex(
    /^intersession-[0-9TZ-]+(-[a-z0-9]+)?\.db$/,
    'must be the name of a backup listed by backups.list',
  );

export const backupsSchemas = {
  /** Where backups go, how many are kept, whether one is made daily while the app runs. */
  'backups.settings': z.strictObject({}),
  'backups.updateSettings': z.strictObject({
    folder: line(1000)
      .refine((s) => s.length > 0, 'is required')
      .refine(
        (s) => /^([a-zA-Z]:[\\/]|[\\/])/.test(s),
        'must be a full path (starting at / or a drive letter)',
      ),
    keep: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(365, 'must be at most 365'),
    daily: z.boolean(),
  }),
  /** "Back up now": an online backup (SQLite's backup API), encrypted with the database's key. */
  'backups.create': z.strictObject({}),
  /** "Restore from backup": the backups in the folder with their date, size and forum count. */
  'backups.list': z.strictObject({}),
  /** Checks the chosen backup, keeps the current file as a backup, then puts the chosen one in place. */
  'backups.restore': z.strictObject({
    name: backupName,
    /** The passphrase the backup was made under, when it is not the current one (browser mode). */
    passphrase: passphrase.optional(),
  }),
  /** "Change passphrase" (browser mode): re-keys the database. */
  'system.changePassphrase': z.strictObject({ current: passphrase, next: passphrase }),
};
