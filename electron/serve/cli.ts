import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend, defaultDbFile, type Backend } from '../backend/backend';
import { checkToken, startServer } from './server';

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

async function main() {
  let backend: Backend | undefined;
  try {
    const args = parseServeArgs(process.argv.slice(2));
    const token = process.env.INTERSESSION_TOKEN || undefined;
    if (token !== undefined) checkToken(token);
    const dbFile = args.db ? resolve(args.db) : defaultDbFile();
    // The app-data default folder is ours to create; a folder the user named must exist.
    const opened = createBackend({
      dbFile,
      shell: 'browser',
      createFolder: args.db ? args.create === true : true,
    });
    backend = opened;
    const rendererDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
    const running = await startServer({
      dispatch: opened.dispatch,
      sessions: opened.sessions,
      rendererDir,
      port: args.port,
      token,
    });
    console.log(`Intersession is running at ${running.url}`);
    const stop = () => {
      void running.close().then(() => {
        opened.close();
        process.exit(0);
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (e) {
    backend?.close();
    console.error(`intersession serve: ${oneLine(e)}`);
    process.exit(e instanceof UsageError ? 2 : 1);
  }
}

void main();
