// `npm run security`: Electronegativity (Electron misconfiguration scanner) over the desktop shell,
// offline. The tool exits 0 even when it finds problems, so this script reads its findings and
// fails on any that scripts/electronegativity-suppressions.json does not explain.
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
/** [{ id, file, match?, reason }]: `match` is a piece of the flagged line; `reason` is required. */
const SUPPRESSIONS_FILE = join(root, 'scripts', 'electronegativity-suppressions.json');
const REPORT_FILE = join(root, 'out', 'electronegativity.sarif');

/** What is scanned: the Electron shell's sources (tests excluded: their vi.mock fakes are not app code). */
const SOURCE_DIRS = ['electron/main', 'electron/preload'];
const SCANNED = /\.(ts|tsx|js|mjs|cjs|html)$/;
const NOT_SCANNED = /(\.test\.tsx?|\.d\.ts)$/;
const APP_PROTOCOL_CSP_PAGE = 'app-protocol-csp.html';

/**
 * Checks that are switched off, with the reason. Everything else runs.
 * - AvailableSecurityFixesGlobalCheck downloads Electron's release list from the network; the
 *   Electron version is kept current by Dependabot instead (.github/dependabot.yml: weekly npm
 *   updates, Electron grouped), so the scan stays offline.
 */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

/**
 * Electronegativity fetches fresh translations from the network when it starts. Answer that
 * request locally (as "not found") so the scan never touches the network and uses its bundled
 * English texts.
 */
function keepOffline(runnerPath) {
  const i18nRequire = createRequire(join(dirname(runnerPath), 'locales', 'i18n.js'));
  const gotPath = i18nRequire.resolve('got');
  const offline = new Module(gotPath);
  offline.filename = gotPath;
  offline.loaded = true;
  offline.exports = () => Promise.resolve({ statusCode: 404, body: '' });
  i18nRequire.cache[gotPath] = offline;
}

function listSources(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listSources(path));
    else if (SCANNED.test(entry.name) && !NOT_SCANNED.test(entry.name)) files.push(path);
  }
  return files;
}

/**
 * The renderer's CSP is a response header of the app:// protocol handler, built per load with a
 * fresh nonce, which a static scan cannot see. The real policy (from electron/main/csp.ts) is put
 * into a staged page as a meta tag so that Electronegativity's CSP evaluator judges it.
 */
async function stageContentSecurityPolicy(stage) {
  const { buildContentSecurityPolicy } = await tsImport('../electron/main/csp.ts', import.meta.url);
  const policy = buildContentSecurityPolicy('ElectronegativityScanNonce');
  const page =
    '<!doctype html>\n<!-- The policy electron/main/window.ts sends with every app:// response. -->\n' +
    `<html><head><meta http-equiv="Content-Security-Policy" content="${policy}"></head></html>\n`;
  writeFileSync(join(stage, APP_PROTOCOL_CSP_PAGE), page);
}

/** Copies the scanned files into a temporary folder with the same layout (the tool takes one input). */
async function stageSources() {
  const stage = mkdtempSync(join(tmpdir(), 'intersession-electronegativity-'));
  await stageContentSecurityPolicy(stage);
  for (const dir of SOURCE_DIRS) {
    for (const file of listSources(join(root, dir))) {
      const target = join(stage, relative(root, file));
      mkdirSync(dirname(target), { recursive: true });
      cpSync(file, target);
    }
  }
  return stage;
}

function loadSuppressions() {
  const entries = JSON.parse(readFileSync(SUPPRESSIONS_FILE, 'utf8'));
  if (!Array.isArray(entries)) throw new Error(`${SUPPRESSIONS_FILE} must hold an array`);
  for (const entry of entries) {
    if (typeof entry.id !== 'string' || typeof entry.file !== 'string') {
      throw new Error(`Each suppression needs "id" and "file": ${JSON.stringify(entry)}`);
    }
    if (entry.match !== undefined && typeof entry.match !== 'string') {
      throw new Error(
        `"match" must be a piece of the flagged source line: ${JSON.stringify(entry)}`,
      );
    }
    if (typeof entry.reason !== 'string' || entry.reason.trim().length < 20) {
      throw new Error(`Suppression ${entry.id} in ${entry.file} needs a written reason`);
    }
  }
  return entries;
}

const toPosix = (path) => path.split(sep).join('/');

async function main() {
  const runnerPath = require.resolve('@doyensec/electronegativity');
  keepOffline(runnerPath);
  const run = require(runnerPath);
  const electronVersion = JSON.parse(
    readFileSync(require.resolve('electron/package.json'), 'utf8'),
  ).version;
  const suppressions = loadSuppressions();
  const stage = await stageSources();
  let result;
  try {
    mkdirSync(dirname(REPORT_FILE), { recursive: true });
    result = await run(
      {
        input: stage,
        output: REPORT_FILE,
        isSarif: true,
        customScan: [],
        excludeFromScan: EXCLUDED_CHECKS.map((name) => name.toLowerCase()),
        isRelative: true,
        isVerbose: false,
        electronVersionOverride: electronVersion,
        parserPlugins: [],
      },
      false,
    );
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }

  const parseErrors = result.errors.filter((error) => !error.tolerable);
  const findings = result.issues.map((issue) => ({
    id: issue.id,
    file: toPosix(issue.file).replace(/^\/+/, ''),
    line: issue.location.line,
    description: issue.description,
    manualReview: issue.manualReview,
    sample: String(issue.sample ?? ''),
  }));
  // Each suppression explains exactly one finding, so a second openExternal call (say) in the
  // same file shows up as a new finding instead of hiding behind the first one's reason.
  const used = new Set();
  const open = findings.filter((finding) => {
    const match = suppressions.find(
      (s) =>
        !used.has(s) &&
        s.id === finding.id &&
        s.file === finding.file &&
        (s.match === undefined || finding.sample.includes(s.match)),
    );
    if (match) used.add(match);
    return !match;
  });
  const stale = suppressions.filter((s) => !used.has(s));

  for (const error of parseErrors) {
    console.error(`could not parse ${toPosix(relative(stage, error.file))}: ${error.message}`);
  }
  for (const finding of open) {
    console.error(
      `${finding.id} ${finding.file}:${finding.line}${finding.manualReview ? ' (review)' : ''} ${finding.description}`,
    );
  }
  for (const suppression of stale) {
    console.error(`unused suppression: ${suppression.id} in ${suppression.file} (remove it)`);
  }

  const failed = open.length > 0 || parseErrors.length > 0 || stale.length > 0;
  console.log(
    `electronegativity ${failed ? 'FAILED' : 'passed'}: ${result.atomicChecks + result.globalChecks} checks ` +
      `on Electron ${electronVersion}, ${findings.length} finding(s), ` +
      `${findings.length - open.length} suppressed, ${open.length} open, ` +
      `${parseErrors.length} parse error(s), ${stale.length} unused suppression(s); ` +
      `excluded: ${EXCLUDED_CHECKS.join(', ')}`,
  );
  return failed ? 1 : 0;
}

process.exitCode = await main();
