import { defineConfig } from 'vitest/config';

// Browser tests: the real server (in-process) and the built web app, driven by the installed Chromium.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['./e2e/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Two files at a time: each has its own server, database and browser, and a browser test spends much of its time
    // waiting on rendering, so two workers use a two-core CI machine better than one (the suite's time budget).
    fileParallelism: true,
    maxWorkers: 2,
    reporters: ['default', './scripts/dialect-reporter.ts'],
  },
});
