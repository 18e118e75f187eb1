import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);

/**
 * Same rule as scripts/start.mjs: read node_modules/electron/path.txt and check that the binary
 * exists and is executable, without requiring 'electron' blindly (that starts a download).
 */
function findElectronBinary(): { available: boolean; path: string } {
  let packageDir: string;
  try {
    packageDir = dirname(require.resolve('electron/package.json', { paths: [root] }));
  } catch {
    return { available: false, path: join(root, 'node_modules', 'electron') };
  }
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!override && !relative) return { available: false, path: join(packageDir, 'dist') };
  const binary = override
    ? join(override, relative || 'electron')
    : join(packageDir, 'dist', relative);
  try {
    accessSync(binary, constants.X_OK);
  } catch {
    return { available: false, path: binary };
  }
  try {
    const resolved: unknown = require(join(packageDir, 'index.js'));
    return typeof resolved === 'string' && existsSync(resolved)
      ? { available: true, path: resolved }
      : { available: false, path: binary };
  } catch {
    return { available: false, path: binary };
  }
}

const electronBinary = findElectronBinary();

const skipReason =
  'Electron binary is not installed on this machine (offline install): the desktop shell is covered by unit tests';
test.skip(!electronBinary.available, skipReason);

test.describe('desktop app', () => {
  let app: ElectronApplication | undefined;
  let dataDir = '';

  test.beforeAll(() => {
    test.setTimeout(240_000);
    const electronVite = join(
      dirname(require.resolve('electron-vite/package.json', { paths: [root] })),
      'bin',
      'electron-vite.js',
    );
    const build = spawnSync(process.execPath, [electronVite, 'build'], {
      cwd: root,
      stdio: 'inherit',
    });
    expect(build.status, 'electron-vite build').toBe(0);
    dataDir = mkdtempSync(join(tmpdir(), 'intersession-electron-smoke-'));
  });

  test.afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('opens the Intersession window with the app shell and a working bridge', async () => {
    // Production mode: the app must load its own files, never a dev server.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(
        (entry): entry is [string, string] =>
          entry[1] !== undefined && entry[0] !== 'ELECTRON_RENDERER_URL',
      ),
    );
    app = await electron.launch({
      executablePath: electronBinary.path,
      args: [root, '--db', join(dataDir, 'smoke.db')],
      cwd: root,
      env,
    });
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');

    await expect(page).toHaveTitle(/Intersession/);
    expect(page.url()).toBe('app://intersession/index.html');
    await expect(page.locator('#root')).not.toBeEmpty();
    await expect(page.getByRole('heading').first()).toBeVisible();

    // Runs in the renderer; the tsconfig for e2e has no DOM types, hence globalThis.
    const state = await page.evaluate(async () => {
      const bridge = (globalThis as { intersession?: IntersessionBridge }).intersession;
      return {
        bridgeKeys: Object.keys(bridge ?? {}).sort(),
        nodeGlobals: ['require', 'process', 'module', 'Buffer'].filter(
          (name) => name in globalThis,
        ),
        forums: await bridge?.invoke('forums.list', {}),
      };
    });
    expect(state.bridgeKeys).toEqual(['invoke', 'on']);
    expect(state.nodeGlobals).toEqual([]);
    expect(state.forums).toMatchObject({ ok: true });
  });
});
