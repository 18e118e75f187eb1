// `npm run bench [-- NAME...]`: runs every bench/<name>/run.ts (or only the ones named), one after
// the other, each in its own `node --import tsx` process. Exits non-zero if any of them failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchDir = join(root, 'bench');

const available = readdirSync(benchDir, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(benchDir, e.name, 'run.ts')))
  .map((e) => e.name)
  .sort();

const requested = process.argv.slice(2).map((a) => a.replace(/^bench\//, '').replace(/\/.*$/, ''));
const unknown = requested.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark: ${unknown.join(', ')} (available: ${available.join(', ')})`);
  process.exit(2);
}
const names = requested.length > 0 ? requested : available;

const failed = [];
for (const name of names) {
  console.log(`\n=== bench/${name} ===\n`);
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(benchDir, name, 'run.ts')], {
    cwd: root,
    stdio: 'inherit',
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    failed.push(name);
    console.log(`\nbench/${name}: FAILED (exit ${r.status ?? r.signal}) after ${seconds} s`);
  } else console.log(`\nbench/${name}: finished in ${seconds} s`);
}

if (failed.length > 0) {
  console.log(`\n${failed.length} of ${names.length} benchmark(s) failed: ${failed.join(', ')}`);
  process.exit(1);
}
console.log(`\nAll ${names.length} benchmark(s) passed.`);
