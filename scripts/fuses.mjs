// Electron fuses for the packaged app, flipped in the Electron binary after packaging (fuses are
// bits compiled into the binary; they cannot be set at run time, so nothing in the app's code can
// switch them back on). Use it either as a packager's afterPack hook (electron-builder:
// `"afterPack": "scripts/fuses.mjs"`) or by hand on the packaged binary:
//   node scripts/fuses.mjs path/to/Intersession(.exe|.app)
//
// EnableEmbeddedAsarIntegrityValidation needs the packager to embed the asar's integrity hash
// (electron-builder and Electron Forge do when they build an asar); OnlyLoadAppFromAsar needs the
// app packed as app.asar. Both are what a release build does; an unpacked dev run never uses this.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { flipFuses, FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';

/** Every fuse of the V1 wire set explicitly (strict), so a new Electron fuse cannot slip by. */
export const FUSES = Object.freeze({
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  // The binary can never act as a plain Node.js (ELECTRON_RUN_AS_NODE).
  [FuseV1Options.RunAsNode]: false,
  // Cookies on disk are encrypted with the OS key store.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS cannot inject code or flags into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and friends cannot attach a debugger to the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash embedded at packaging time.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only the (integrity-checked) app.asar is loaded, never a loose app folder next to it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // Not used: one V8 snapshot for every process.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The UI is served from app://, so file:// needs none of its legacy privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // Electron's default: WebAssembly bounds checks through trap handlers.
  [FuseV1Options.WasmTrapHandlers]: true,
  // An ad-hoc signed macOS build must be re-signed after its binary changed.
  resetAdHocDarwinSignature: process.platform === 'darwin',
});

/** The binary electron-builder produced for an afterPack context. */
export function binaryOfPackContext(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(context.appOutDir, `${name}.app`);
    case 'win32':
      return join(context.appOutDir, `${name}.exe`);
    default:
      return join(context.appOutDir, context.packager.executableName ?? name.toLowerCase());
  }
}

/** Flips the fuses and reads them back; throws if any fuse did not take the value asked. */
export async function applyFuses(binary, fuses = FUSES) {
  await flipFuses(binary, fuses);
  const wire = await getCurrentFuseWire(binary);
  const expected = (on) => (on ? 49 : 48); // FuseState.ENABLE / DISABLE, as bytes '1' / '0'
  for (const [key, value] of Object.entries(fuses)) {
    if (!/^\d+$/.test(key)) continue;
    if (wire[key] !== expected(value))
      throw new Error(`Fuse ${FuseV1Options[key]} of ${binary} is ${wire[key]}, not ${value}.`);
  }
  return wire;
}

/** electron-builder afterPack hook. */
export default async function afterPack(context) {
  await applyFuses(binaryOfPackContext(context));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const binary = process.argv[2];
  if (!binary) {
    console.error('Usage: node scripts/fuses.mjs PATH_TO_PACKAGED_ELECTRON_BINARY');
    process.exit(2);
  }
  try {
    await applyFuses(binary);
    console.log(`Fuses set in ${binary}.`);
  } catch (e) {
    console.error(`fuses: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
