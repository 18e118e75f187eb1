// `npm test`: every check the project has, in order, continuing after a failure so the summary is
// complete. The last line printed is exactly `N passed, N failed[, N skipped]`.
//
//   lint, typecheck, migration check, security scan   each counts as 1 passed or 1 failed
//   unit tests (vitest) twice, TZ=Pacific/Chatham and TZ=America/St_Johns   counted per test
//   end-to-end tests (Playwright), when playwright.config.ts exists        counted per test
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const work = mkdtempSync(join(tmpdir(), 'intersession-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
/** One line per step for the recap before the summary. */
const recap = [];

function banner(title) {
  console.log(`\n=== ${title} ===`);
}

/** Runs a command with the output shown live; returns its exit status (1 if it could not start). */
function run(command, args, env = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
    shell: process.platform === 'win32',
  });
  if (result.error) console.error(`Could not run ${command}: ${result.error.message}`);
  return result.status ?? 1;
}

/** A check that counts as one: passed when the command exits 0. */
function step(name, command, args, env) {
  banner(name);
  const status = run(command, args, env);
  if (status === 0) totals.passed += 1;
  else totals.failed += 1;
  recap.push(`${status === 0 ? 'ok  ' : 'FAIL'} ${name}`);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Unit tests with vitest in one time zone, counted from its JSON report. */
function vitest(tz) {
  const name = `unit tests (TZ=${tz})`;
  banner(name);
  const out = join(work, `vitest-${tz.replace(/\W/g, '_')}.json`);
  const status = run(
    process.execPath,
    [
      join(root, 'node_modules', 'vitest', 'vitest.mjs'),
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
    ],
    { TZ: tz },
  );
  const report = readJson(out);
  if (!report) {
    totals.failed += 1;
    recap.push(`FAIL ${name}: vitest exited with ${status} and wrote no report`);
    return;
  }
  const passed = report.numPassedTests ?? 0;
  let failed = report.numFailedTests ?? 0;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A test file that fails to load has no failed tests of its own: count the file.
  for (const file of report.testResults ?? [])
    if (
      file.status === 'failed' &&
      !(file.assertionResults ?? []).some((t) => t.status === 'failed')
    )
      failed += 1;
  if (status !== 0 && failed === 0) failed = 1;
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  recap.push(
    `${failed ? 'FAIL' : 'ok  '} ${name}: ${passed} passed, ${failed} failed, ${skipped} skipped`,
  );
  // Name what failed, so the recap says it even where the log above is cut.
  for (const file of report.testResults ?? [])
    for (const t of file.assertionResults ?? [])
      if (t.status === 'failed')
        recap.push(`       ${relative(root, file.name)} > ${t.fullName ?? t.title}`);
}

/** Newest modification time of the files under `dir` (tests excluded). */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) max = Math.max(max, newest(p));
    else if (!entry.name.includes('.test.')) max = Math.max(max, statSync(p).mtimeMs);
  }
  return max;
}

/** Builds the UI into out/renderer when it is missing or older than its sources. */
function buildRendererIfNeeded(config) {
  // The Playwright config's global setup builds the UI itself.
  if (/globalSetup/.test(config)) return true;
  const built = join(root, 'out', 'renderer', 'index.html');
  const sources = Math.max(newest(join(root, 'renderer')), newest(join(root, 'shared')));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return true;
  banner('build the UI');
  const status = run(npm, ['run', 'build:renderer']);
  if (status !== 0) {
    totals.failed += 1;
    recap.push('FAIL build the UI');
  }
  return status === 0;
}

/** End-to-end tests with Playwright, counted from its JSON report. */
function playwright() {
  const configFile = join(root, 'playwright.config.ts');
  if (!existsSync(configFile)) {
    recap.push('--   end-to-end tests: no playwright.config.ts');
    return;
  }
  if (!buildRendererIfNeeded(readFileSync(configFile, 'utf8'))) return;
  const name = 'end-to-end tests (Playwright)';
  banner(name);
  const out = join(work, 'playwright.json');
  const status = run(
    process.execPath,
    [join(root, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', '--reporter=list,json'],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: out },
  );
  const report = readJson(out);
  if (!report?.stats) {
    totals.failed += 1;
    recap.push(`FAIL ${name}: Playwright exited with ${status} and wrote no report`);
    return;
  }
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
  let failed = unexpected;
  // Errors outside tests (global setup, a spec that does not load) fail the run without a test.
  if (status !== 0 && failed === 0) failed = Math.max(1, report.errors?.length ?? 0);
  totals.passed += expected + flaky;
  totals.failed += failed;
  totals.skipped += skipped;
  recap.push(
    `${failed ? 'FAIL' : 'ok  '} ${name}: ${expected + flaky} passed, ${failed} failed, ${skipped} skipped`,
  );
}

try {
  step('lint', npm, ['run', 'lint']);
  step('typecheck', npm, ['run', 'typecheck']);
  step('migration check', npm, ['run', 'db:check']);
  if (existsSync(join(root, 'scripts', 'electronegativity.mjs')))
    step('security scan', npm, ['run', 'security']);
  else recap.push('--   security scan: scripts/electronegativity.mjs not present');
  vitest('Pacific/Chatham');
  vitest('America/St_Johns');
  playwright();
} catch (e) {
  totals.failed += 1;
  recap.push(`FAIL the test runner itself: ${e instanceof Error ? e.message : String(e)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

banner('recap');
for (const line of recap) console.log(line);
const summary = `${totals.passed} passed, ${totals.failed} failed`;
console.log(totals.skipped ? `${summary}, ${totals.skipped} skipped` : summary);
process.exitCode = totals.failed > 0 ? 1 : 0;
