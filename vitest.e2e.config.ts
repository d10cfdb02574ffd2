import { defineConfig } from 'vitest/config';

// Browser tests: the real server (in-process) and the built web app, driven by the installed Chromium.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['./e2e/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // One browser at a time. Two files at a time was tried (2026-12-06): it passed once, then the layout file timed out
    // on every 390 px page while another file ran beside it, and passed alone. Steadiness first; each test still gets
    // its own server and database.
    fileParallelism: false,
    // The files share the loaded server modules instead of importing them again for each file; every file starts its
    // own server, database and browser.
    isolate: false,
    reporters: ['default', './scripts/dialect-reporter.ts'],
  },
});
