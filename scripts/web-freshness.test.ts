import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isWebSource, webBuildIsStale } from './web-freshness.mjs';

const BUILT = new Date('2026-01-02T00:00:00Z');
const BEFORE = new Date('2026-01-01T00:00:00Z');
const AFTER = new Date('2026-01-03T00:00:00Z');

/** A project tree whose sources predate the built dist/web/index.html. */
function project(): { root: string; touch: (path: string, at?: Date) => void } {
  const root = mkdtempSync(join(tmpdir(), 'closer-fresh-'));
  const touch = (path: string, at = AFTER) => {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, 'x');
    utimesSync(file, at, at);
  };
  for (const path of ['src/web/main.tsx', 'src/domain/pipeline/day-count.ts', 'data/pipeline/clocks.json', 'vite.config.ts', 'package-lock.json']) touch(path, BEFORE);
  touch('dist/web/index.html', BUILT);
  return { root, touch };
}

describe('scripts/web-freshness.mjs', () => {
  it('is stale when dist/web has never been built', () => {
    const { root } = project();
    expect(webBuildIsStale(join(root, 'nowhere'))).toBe(true);
  });

  it('is fresh when no source changed since the build', () => {
    expect(webBuildIsStale(project().root)).toBe(false);
  });

  it('is fresh after npm start wrote its database, journal and logs under data/', () => {
    const { root, touch } = project();
    for (const path of ['data/closer.db', 'data/closer.db-wal', 'data/closer.db-shm', 'data/closer.db-journal', 'data/server.log', 'data/.DS_Store']) touch(path);
    expect(webBuildIsStale(root)).toBe(false);
  });

  it('is fresh after a test file changed (tests are not in the bundle)', () => {
    const { root, touch } = project();
    touch('src/domain/pipeline/day-count.test.ts');
    touch('src/web/pages/x.test.tsx');
    expect(webBuildIsStale(root)).toBe(false);
  });

  it.each(['src/web/pages/today/TodayPage.tsx', 'src/domain/pipeline/day-count.ts', 'data/pipeline/next-actions.json', 'data/market/salaries.csv', 'vite.config.ts', 'package-lock.json'])(
    'is stale after %s changed',
    (path) => {
      const { root, touch } = project();
      touch(path);
      expect(webBuildIsStale(root)).toBe(true);
    },
  );

  it('tells sources from databases by name', () => {
    expect(['closer.db', 'closer.db-wal', 'a.sqlite', 'b.sqlite3-journal', 'x.test.ts', '.env'].filter(isWebSource)).toEqual([]);
    expect(['clocks.json', 'App.tsx', 'styles.css', 'salaries.csv', 'dbx.ts'].every(isWebSource)).toBe(true);
  });
});
