import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: {
    include: ['lib/**/*.test.ts', 'data/**/*.test.ts', 'app/**/*.test.ts'],
    environment: 'node',
    // Property and statistical tests do real work; on a busy 2-core machine the 5 s default flakes. Speed is
    // measured by `npm run bench`, never by test time-outs.
    testTimeout: 60_000,
  },
});
