import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Builds the UI once into out/renderer; every test's server serves that build. */
export default function globalSetup(): void {
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
  console.log(`Built the UI in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
