import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    globalSetup: ['./src/test-support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: a single worker on CI's 2 cores. Most of a file's time is
    // spent waiting on PostgreSQL, SQLite's disk writes and password hashing, so two workers overlap that waiting.
    maxWorkers: 2,
    // The files share a worker's loaded modules instead of importing the whole server again for each file (import time
    // was more than half of the run). Every file builds its own app and database, so no state is shared through them.
    isolate: false,
    reporters: ['default', './scripts/dialect-reporter.ts'],
  },
});
