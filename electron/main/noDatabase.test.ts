// The Electron main process never loads db/ or better-sqlite3: the backend runs in its utility
// process. Checked on the real module graph (esbuild's metafile of main's entry), so an import
// through any number of modules fails here.
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('the main process module graph', () => {
  it('contains no db/ module and no better-sqlite3 import', async () => {
    const result = await build({
      entryPoints: ['electron/main/index.ts'],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toContain('electron/main/index.ts'); // the graph is really main's
    expect(inputs).toContain('electron/main/backendProcess.ts');
    // db/cipher.ts is allowed: the keystore uses its file helpers (the plain-header check, durable
    // writes, the key length). It loads no SQLite driver, which the package check below proves.
    expect(inputs.filter((f) => f.startsWith('db/') && f !== 'db/cipher.ts')).toEqual([]);
    const packages = Object.values(result.metafile.inputs).flatMap((i) =>
      i.imports.filter((x) => x.external).map((x) => x.path),
    );
    expect(packages).not.toContain('better-sqlite3-multiple-ciphers');
    expect(packages.filter((p) => p.startsWith('drizzle-orm'))).toEqual([]);
  });
});
