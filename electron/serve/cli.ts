import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend, defaultDbFile } from '../backend/backend';
import { startServer } from './server';

/** `npm run serve [-- --db PATH] [--port N]`: browser mode. */
export function parseServeArgs(argv: string[]): { db?: string; port?: number } {
  const out: { db?: string; port?: number } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--db') out.db = value();
    else if (flag === '--port') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error('--port must be 0-65535');
      out.port = n;
    } else throw new Error(`Unknown option ${arg} (use --db PATH and --port N)`);
  }
  return out;
}

async function main() {
  let args: ReturnType<typeof parseServeArgs>;
  try {
    args = parseServeArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`intersession serve: ${(e as Error).message}`);
    process.exit(2);
  }
  const dbFile = args.db ? resolve(args.db) : defaultDbFile();
  const backend = createBackend({ dbFile, shell: 'browser' });
  const rendererDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
  const running = await startServer({
    dispatch: backend.dispatch,
    sessions: backend.sessions,
    rendererDir,
    port: args.port,
    token: process.env.INTERSESSION_TOKEN || undefined,
  });
  console.log(`Intersession is running at ${running.url}`);
  const stop = () => {
    void running.close().then(() => {
      backend.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
