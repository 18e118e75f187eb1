import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'db/**/*.test.ts',
      'electron/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'scripts/**/*.test.ts',
      'bench/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 30000,
    pool: 'forks',
  },
});
