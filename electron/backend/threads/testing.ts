// Tests run the worker pool on the built worker script (what serve ships), built once per test
// process with the same esbuild step as `npm run serve`; loading the .ts source through tsx in
// every worker is many times slower.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildServe, root } from '../../../scripts/build-serve.mjs';

let built: Promise<string> | undefined;

/** The folder of a fresh build of out/serve (cli.js, backend-worker.js), once per process. */
export function builtServe(): Promise<string> {
  built ??= (async () => {
    // Inside the project, so the bundle finds node_modules (its packages stay external).
    mkdirSync(join(root, 'out'), { recursive: true });
    const out = mkdtempSync(join(root, 'out', 'test-serve-'));
    await buildServe(out);
    return out;
  })();
  return built;
}

export async function builtWorkerScript(): Promise<URL> {
  return pathToFileURL(join(await builtServe(), 'backend-worker.js'));
}
