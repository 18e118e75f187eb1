import { DomainError } from '../../../shared/result';
import type { BackendContext } from '../context';
import type { Handlers } from '../dispatch';
import { changePassphrase } from '../keys/passphrase';
import {
  backupSettings,
  createBackup,
  listBackups,
  restoreBackup,
  updateBackupSettings,
} from './service';

export interface BackupHandlerDeps {
  /** Closes the connection, runs `replace` (the file swap) and opens the file again. */
  reopen(replace: () => void): void;
}

export function createBackupHandlers(
  ctx: BackendContext,
  deps: BackupHandlerDeps,
): Pick<
  Handlers,
  | 'backups.settings'
  | 'backups.updateSettings'
  | 'backups.create'
  | 'backups.list'
  | 'backups.restore'
  | 'system.changePassphrase'
> {
  return {
    'backups.settings': () => backupSettings(ctx),
    'backups.updateSettings': (input) => updateBackupSettings(ctx, input),
    'backups.create': () => createBackup(ctx),
    'backups.list': () => listBackups(ctx),
    'backups.restore': ({ name, passphrase }) => restoreBackup(ctx, name, deps.reopen, passphrase),
    'system.changePassphrase': ({ current, next }) => {
      if (ctx.keySource !== 'passphrase' || !ctx.key)
        throw new DomainError(
          'conflict',
          ctx.keySource === 'keystore'
            ? 'The desktop app keeps its key in the system keystore; there is no passphrase to change.'
            : 'This database has no passphrase.',
        );
      const key = ctx.key;
      // The file is re-keyed closed (a checked copy renamed over it); the backend's connection is
      // opened again afterwards with whichever key the file now has.
      deps.reopen(() => {
        ctx.key = changePassphrase(ctx.dbFile, key, current, next);
      });
      return { changed: true as const };
    },
  };
}
