import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServe } from '../scripts/build-serve.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Builds the UI once into out/renderer and browser mode into out/serve; every test's server runs them. */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'vite.renderer.config.mts',
      '--logLevel',
      'warn',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0)
    throw new Error(`Building the UI failed (vite exited with ${result.status ?? result.signal})`);
  await buildServe();
  console.log(`Built the UI and browser mode in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
