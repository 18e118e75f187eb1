// Builds browser mode's backend to plain JavaScript (out/serve/cli.js and the worker script
// out/serve/backend-worker.js) with esbuild, so `npm run serve` starts without transpiling.
// Packages stay external (better-sqlite3 is native; the rest load from node_modules).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const SERVE_OUT = join(root, 'out', 'serve');

/** Newest modification time of the non-test sources under `dir`. */
export function newest(dir) {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) max = Math.max(max, newest(p));
    else if (!entry.name.includes('.test.')) max = Math.max(max, statSync(p).mtimeMs);
  }
  return max;
}

/** True when out/serve is missing or older than the sources it is built from. */
export function serveBuildIsStale(outDir = SERVE_OUT) {
  const built = [join(outDir, 'cli.js'), join(outDir, 'backend-worker.js')];
  if (!built.every((f) => existsSync(f))) return true;
  const builtAt = Math.min(...built.map((f) => statSync(f).mtimeMs));
  const sources = Math.max(
    ...['electron/backend', 'electron/serve', 'db', 'shared'].map((d) => newest(join(root, d))),
  );
  return builtAt < sources;
}

/** Bundles the serve shell and the backend worker into `outDir`. */
export async function buildServe(outDir = SERVE_OUT) {
  await build({
    absWorkingDir: root,
    entryPoints: {
      cli: 'electron/serve/cli.ts',
      'backend-worker': 'electron/backend/threads/workerEntry.ts',
    },
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildServe();
