import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // Packages in `dependencies` stay external (they ship in node_modules); better-sqlite3 is a
      // native module and must never be bundled, so it is named explicitly as well.
      externalizeDeps: { include: ['better-sqlite3-multiple-ciphers'] },
      rolldownOptions: {
        // main, the backend's utility process and its worker script (out/main/*.js); the two
        // backend entries compute sibling paths from their own file, so they stay entries.
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          backend: resolve(root, 'electron/backend/host/utilityEntry.ts'),
          'backend-worker': resolve(root, 'electron/backend/threads/workerEntry.ts'),
        },
        external: ['better-sqlite3-multiple-ciphers'],
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload cannot `require` anything but 'electron' (and a few polyfills), so it
      // is bundled into one self-contained CommonJS file (sandboxed preloads cannot be ESM).
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        external: ['electron'],
        output: {
          format: 'cjs',
          entryFileNames: '[name].cjs',
          codeSplitting: false,
        },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      rolldownOptions: {
        input: { index: resolve(root, 'renderer/index.html') },
      },
    },
  },
});
