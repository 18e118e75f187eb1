import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StartupError, WrongKeyError } from '../../db/open';
import type { RpcResult } from '../../shared/result';
import { DomainError, fail } from '../../shared/result';
import type { BackendEvent } from '../../shared/events';
import { defaultDbFile } from '../backend/dataFolder';
import type { Dispatch } from '../backend/dispatch';
import { keyFromPassphrase, lockStateOf, WrongPassphraseError } from '../backend/keys/passphrase';
import { startThreadedBackend, type ThreadedBackend } from '../backend/threads/pool';
import { checkToken, startServer, type UnlockGate } from './server';

export interface ServeArgs {
  db?: string;
  port?: number;
  /** Create the folder of `--db` when it is missing. */
  create?: boolean;
}

/** A wrong command line (exit code 2, as usual for usage errors). */
class UsageError extends Error {}

/** `npm run serve [-- --db PATH [--create]] [--port N]`: browser mode. */
export function parseServeArgs(argv: string[]): ServeArgs {
  const out: ServeArgs = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--db') out.db = value();
    else if (flag === '--create' && inline === undefined) out.create = true;
    else if (flag === '--port') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0 || n > 65535)
        throw new UsageError('--port must be 0-65535');
      out.port = n;
    } else throw new UsageError(`Unknown option ${arg} (use --db PATH, --create and --port N)`);
  }
  return out;
}

/** One line, whatever went wrong: the shells never show a stack trace for a startup error. */
const oneLine = (e: unknown) =>
  (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim();

/** Reads INTERSESSION_PASSPHRASE_FILE: the whole file, less one trailing line break. */
function passphraseFromFile(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new StartupError(
      `INTERSESSION_PASSPHRASE_FILE (${path}) cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`,
    );
  }
  const passphrase = text.replace(/\r?\n$/, '');
  if (passphrase.length === 0)
    throw new StartupError(`INTERSESSION_PASSPHRASE_FILE (${path}) is empty.`);
  return passphrase;
}

const LOCKED: RpcResult<never> = fail(
  'unauthorized',
  'Intersession is locked: unlock it with its passphrase first.',
);

async function main() {
  let backend: ThreadedBackend | undefined;
  try {
    const args = parseServeArgs(process.argv.slice(2));
    const token = process.env.INTERSESSION_TOKEN || undefined;
    if (token !== undefined) checkToken(token);
    const dbFile = args.db ? resolve(args.db) : defaultDbFile();
    // The app-data default folder is ours to create; a folder the user named must exist. Checked
    // before the passphrase, whose parameters are written next to the file.
    const createFolder = args.db ? args.create === true : true;
    if (!existsSync(dirname(dbFile))) {
      if (!createFolder)
        throw new StartupError(
          `The folder of ${dbFile} does not exist; check the path, or add --create to create it.`,
        );
      mkdirSync(dirname(dbFile), { recursive: true });
    }
    // Open views subscribe before the unlock too; their events flow once the backend runs.
    const listeners = new Set<(event: BackendEvent) => void>();
    // The HTTP thread runs no SQL: a writer and two reader workers own the connections. (The
    // passphrase check at unlock opens the file once here, before any worker exists.)
    const openWith = async (key: Buffer) => {
      const opened = await startThreadedBackend({
        dbFile,
        shell: 'browser',
        createFolder,
        key,
        keySource: 'passphrase',
        autoBackups: true,
        migrationsFolder: fileURLToPath(new URL('../../db/migrations', import.meta.url)),
      });
      opened.subscribe((event) => {
        for (const l of listeners) l(event);
      });
      return opened;
    };
    const passphraseFile = process.env.INTERSESSION_PASSPHRASE_FILE || undefined;
    if (passphraseFile) {
      let key: Buffer;
      try {
        key = keyFromPassphrase(dbFile, passphraseFromFile(passphraseFile));
      } catch (e) {
        if (e instanceof WrongPassphraseError)
          throw new StartupError(
            `Wrong passphrase: the one in INTERSESSION_PASSPHRASE_FILE does not open ${dbFile}; nothing was changed.`,
          );
        if (e instanceof DomainError)
          throw new StartupError(`INTERSESSION_PASSPHRASE_FILE: ${e.message}`);
        throw e;
      }
      backend = await openWith(key);
    }
    // Until the unlock screen succeeds, every method answers "locked".
    const dispatch: Dispatch = (method, input, session, signal) =>
      backend ? backend.dispatch(method, input, session, signal) : Promise.resolve(LOCKED);
    let unlocking = false;
    const unlock: UnlockGate = {
      status: () => ({ state: backend ? 'open' : lockStateOf(dbFile) }),
      async unlock(passphrase) {
        if (backend) return { ok: true, value: { state: 'open' } };
        if (unlocking) return fail('conflict', 'An unlock is already under way.');
        unlocking = true;
        try {
          backend = await openWith(keyFromPassphrase(dbFile, passphrase));
          console.log(`Unlocked ${dbFile}.`);
          return { ok: true, value: { state: 'open' } };
        } catch (e) {
          if (e instanceof WrongPassphraseError || e instanceof WrongKeyError)
            return fail('validation', 'Wrong passphrase.', 'passphrase');
          if (e instanceof DomainError) return fail(e.code, e.message, e.field);
          // A startup error names the file, never the passphrase.
          const message = e instanceof Error ? e.message : String(e);
          console.error(`intersession serve: ${oneLine(message)}`);
          return fail('internal', oneLine(message));
        } finally {
          unlocking = false;
        }
      },
    };
    const rendererDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
    const running = await startServer({
      dispatch,
      dispatchWire: (method, body, session, signal) =>
        backend
          ? backend.dispatchWire(method, body, session, signal)
          : Promise.resolve({ status: 200, json: JSON.stringify(LOCKED) }),
      sessions: { resolve: (t) => backend?.sessions.resolve(t) },
      unlock,
      events: {
        subscribe(listener) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      },
      rendererDir,
      port: args.port,
      token,
    });
    console.log(`Intersession is running at ${running.url}`);
    if (!backend) console.log('Open that address to unlock the database with its passphrase.');
    const stop = () => {
      void running
        .close()
        .then(() => backend?.close())
        .then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (e) {
    await backend?.close();
    console.error(`intersession serve: ${oneLine(e)}`);
    process.exit(e instanceof UsageError ? 2 : 1);
  }
}

void main();
