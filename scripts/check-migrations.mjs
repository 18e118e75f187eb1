// `npm run db:check`: fails when db/schema.ts has changes that no migration in db/migrations covers.
// Runs `drizzle-kit generate` against a temporary copy of db/migrations (the repository is never
// written) and checks that it found nothing to generate. Prints one line.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Every file under `dir` with its contents, for comparing before and after. */
function snapshot(dir) {
  const files = new Map();
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else files.set(relative(dir, p), readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

/** @returns {{ ok: boolean, message: string }} */
export function checkMigrations({
  schema = join(root, 'db', 'schema.ts'),
  migrations = join(root, 'db', 'migrations'),
  config = join(root, 'drizzle.config.ts'),
} = {}) {
  const tmp = mkdtempSync(join(tmpdir(), 'intersession-db-check-'));
  try {
    const out = join(tmp, 'migrations');
    cpSync(migrations, out, { recursive: true });
    const before = snapshot(out);
    // drizzle-kit prefixes paths with './', so both paths are relative to the temporary folder.
    const schemaPath = relative(tmp, schema).split(sep).join('/');
    writeFileSync(
      join(tmp, 'drizzle.config.ts'),
      `import base from ${JSON.stringify(config.split(sep).join('/').replace(/\.ts$/, ''))};\n` +
        `export default { ...base, schema: ${JSON.stringify(schemaPath)}, out: './migrations' };\n`,
    );
    const run = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules', 'drizzle-kit', 'bin.cjs'),
        'generate',
        '--config',
        'drizzle.config.ts',
      ],
      {
        cwd: tmp,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 120_000,
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      },
    );
    const output = `${run.stdout ?? ''}\n${run.stderr ?? ''}`;
    const after = snapshot(out);
    const added = [...after.keys()].filter((f) => !before.has(f));
    const changed = [...before.keys()].filter((f) => after.get(f) !== before.get(f));
    const lines = output
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const said = (lines.find((l) => /error/i.test(l)) ?? lines.at(-1) ?? '').slice(0, 300);
    if (run.error)
      return {
        ok: false,
        message: `db:check failed: drizzle-kit did not finish (${run.error.message}; did it ask about a rename?)`,
      };
    if (added.length > 0 || changed.length > 0) {
      const sql = added.filter((f) => f.endsWith('.sql')).join(', ');
      return {
        ok: false,
        message: `db:check failed: db/schema.ts has changes without a migration${sql ? ` (would generate ${sql})` : ''}; run npm run db:generate`,
      };
    }
    if (run.status !== 0 || /\berror\b/i.test(output) || !/No schema changes/i.test(output))
      return { ok: false, message: `db:check failed: drizzle-kit said: ${said}` };
    return { ok: true, message: 'db:check ok: migrations match db/schema.ts' };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { ok, message } = checkMigrations();
  (ok ? console.log : console.error)(message);
  process.exitCode = ok ? 0 : 1;
}
