import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs the check on a made-up tree; paths are relative to the tree's root (src/..., e2e/..., bin/...). */
function check(files: Record<string, string>): { code: number; output: string } {
  const root = mkdtempSync(join(tmpdir(), 'closer-test-only-'));
  mkdirSync(join(root, 'src'), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  try {
    const output = execFileSync('node', ['scripts/check-test-only.mjs', join(root, 'src')], { encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, output };
  } catch (error) {
    const e = error as { status: number; stderr: string };
    return { code: e.status, output: e.stderr };
  }
}

describe('scripts/check-test-only.mjs', () => {
  it('flags a module outside src/test-support that only tests import', () => {
    const r = check({ 'src/server/kit.ts': 'export const k = 1;', 'src/server/a.test.ts': "import { k } from './kit.js';", 'e2e/x.e2e.test.ts': "import { k } from '../src/server/kit.js';" });
    expect(r.code).toBe(1);
    expect(r.output).toContain('server/kit.ts: only tests import it');
  });

  it('passes a module production code imports too, a helper in src/test-support and an entry point bin/ imports', () => {
    const r = check({
      'src/domain/a.ts': 'export const a = 1;',
      'src/server/b.ts': "import { a } from '../domain/a.js';",
      'src/domain/a.test.ts': "import { a } from './a.js';",
      'src/test-support/kit.ts': 'export const k = 1;',
      'src/server/b.test.ts': "import { k } from '../test-support/kit.js';",
      'src/cli/main.ts': 'export const main = 1;',
      'src/cli/main.test.ts': "import { main } from './main.js';",
      'bin/closer.mjs': "await import('../src/cli/main.ts');",
    });
    expect(r.output).toContain('Test helpers ok');
    expect(r.code).toBe(0);
  });

  it('checks the real source tree', () => {
    expect(execFileSync('node', ['scripts/check-test-only.mjs'], { encoding: 'utf8' })).toContain('Test helpers ok');
  });
});
