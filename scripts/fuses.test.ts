import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseState, FuseV1Options, FuseVersion } from '@electron/fuses';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ESM script without type declarations
import { applyFuses, binaryOfPackContext, FUSES } from './fuses.mjs';

/** Electron's fuse sentinel (@electron/fuses declares it but its entry point does not export it). */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A stand-in for an Electron binary: some bytes, the fuse sentinel, then a V1 wire. */
function fakeElectron(wire: number[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'intersession-fuses-'));
  dirs.push(dir);
  const file = join(dir, 'electron');
  writeFileSync(
    file,
    Buffer.concat([
      Buffer.alloc(4096, 0x90),
      Buffer.from(SENTINEL),
      Buffer.from([1, wire.length, ...wire]),
      Buffer.alloc(4096, 0x90),
    ]),
  );
  return file;
}

describe('Electron fuses', () => {
  it('the config sets the hardening fuses the release needs', () => {
    expect(FUSES).toMatchObject({
      version: FuseVersion.V1,
      strictlyRequireAllFuses: true,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
    // Every fuse the library knows is decided (strict mode needs all of them).
    const known = Object.values(FuseV1Options).filter((v) => typeof v === 'number');
    for (const index of known) expect(typeof FUSES[index], FuseV1Options[index]).toBe('boolean');
  });

  it('flips them in a binary and reads them back', async () => {
    // Electron's defaults: everything on except cookie encryption, asar checks and V8 snapshot.
    const file = fakeElectron([49, 48, 49, 49, 48, 48, 48, 49, 49]);
    const wire = await applyFuses(file);
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    // The bytes around the wire are untouched.
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 4096).every((b) => b === 0x90)).toBe(true);
  });

  it('refuses a binary whose wire has fewer fuses than the config decides', async () => {
    const file = fakeElectron([49, 48, 49]);
    await expect(applyFuses(file)).rejects.toThrow(/not long enough|fuse wire/);
  });

  it('finds the binary electron-builder produced on each platform', () => {
    const ctx = (platform: string) => ({
      electronPlatformName: platform,
      appOutDir: '/out',
      packager: { appInfo: { productFilename: 'Intersession' }, executableName: 'intersession' },
    });
    expect(binaryOfPackContext(ctx('win32'))).toBe(join('/out', 'Intersession.exe'));
    expect(binaryOfPackContext(ctx('darwin'))).toBe(join('/out', 'Intersession.app'));
    expect(binaryOfPackContext(ctx('linux'))).toBe(join('/out', 'intersession'));
  });
});
