// `npm run serve`: builds the UI and the backend (out/serve, plain JavaScript) when missing or older
// than their sources, then starts browser mode with `node out/serve/cli.js` (no transpiling at start).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServe, SERVE_OUT, serveBuildIsStale } from './build-serve.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = join(root, 'out', 'renderer', 'index.html');

function newest(dir) {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) max = Math.max(max, newest(p));
    else if (!entry.name.includes('.test.')) max = Math.max(max, statSync(p).mtimeMs);
  }
  return max;
}

const sourcesTime = Math.max(newest(join(root, 'renderer')), newest(join(root, 'shared')));
if (!existsSync(built) || statSync(built).mtimeMs < sourcesTime) {
  console.log('Building the user interface (first run or sources changed)...');
  const r = spawnSync(
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
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (serveBuildIsStale()) {
  console.log('Building browser mode (first run or sources changed)...');
  await buildServe();
}

const child = spawn(process.execPath, [join(SERVE_OUT, 'cli.js'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
