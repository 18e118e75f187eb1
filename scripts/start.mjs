// `npm start`: the desktop app. When no Electron binary is installed (offline install: the
// electron package's postinstall download could not run), say so and start browser mode instead.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

/**
 * Where the Electron binary is and whether it can run. Mirrors node_modules/electron/index.js but
 * never calls it blindly: when path.txt or dist/ is missing, that module starts a download.
 * (e2e/electron/smoke.spec.ts computes availability the same way.)
 * @returns {{ available: boolean, path: string }}
 */
export function findElectronBinary() {
  let packageDir;
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
  // Both files are in place, so requiring the package only reads them (no download).
  try {
    const resolved = require(join(packageDir, 'index.js'));
    return { available: typeof resolved === 'string' && existsSync(resolved), path: resolved };
  } catch {
    return { available: false, path: binary };
  }
}

/** Runs a child with inherited stdio, forwarding Ctrl-C / termination; resolves to its exit code. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    const forward = (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (error) => {
      console.error(`Could not start ${command}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function main() {
  const args = process.argv.slice(2);
  const electron = findElectronBinary();
  if (!electron.available) {
    console.log(
      `Electron is not available on this machine (no binary at ${electron.path}); starting browser mode instead.`,
    );
    return run(process.execPath, [join(root, 'scripts', 'serve.mjs'), ...args]);
  }
  const electronVite = join(
    dirname(require.resolve('electron-vite/package.json', { paths: [root] })),
    'bin',
    'electron-vite.js',
  );
  const built = await run(process.execPath, [electronVite, 'build']);
  if (built !== 0) return built;
  return run(electron.path, ['.', ...args]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main();
}
