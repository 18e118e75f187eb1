import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Builds the UI for browser mode (`npm run serve`) into out/renderer. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
