import { defineConfig } from 'vitest/config';

// Browser tests: the real server (in-process) and the built web app, driven by the installed Chromium.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['./e2e/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // One browser at a time: steadier on small CI machines, and each test still gets its own server and database.
    fileParallelism: false,
    reporters: ['default', './scripts/dialect-reporter.ts'],
  },
});
