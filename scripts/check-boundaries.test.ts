import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function check(files: Record<string, string>): { code: number; output: string } {
  const root = mkdtempSync(join(tmpdir(), 'closer-layers-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, 'src', path, '..'), { recursive: true });
    writeFileSync(join(root, 'src', path), text);
  }
  try {
    const output = execFileSync('node', ['scripts/check-boundaries.mjs', join(root, 'src')], { encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, output };
  } catch (error) {
    const e = error as { status: number; stderr: string };
    return { code: e.status, output: e.stderr };
  }
}

describe('scripts/check-boundaries.mjs', () => {
  it('passes imports that point inward', () => {
    expect(check({ 'domain/a.ts': "export const a = 1;", 'storage/b.ts': "import { a } from '../domain/a.js';", 'server/c.ts': "import '../storage/b.js';" }).code).toBe(0);
  });

  it('fails when the domain imports storage', () => {
    const r = check({ 'domain/a.ts': "import { b } from '../storage/b.js';", 'storage/b.ts': 'export const b = 1;' });
    expect(r.code).toBe(1);
    expect(r.output).toContain('domain may not import storage');
  });

  it('fails when the web or the CLI imports storage', () => {
    expect(check({ 'web/a.tsx': "import '../storage/b.js';", 'storage/b.ts': '' }).output).toContain('web may not import storage');
    expect(check({ 'cli/a.ts': "import '../storage/b.js';", 'storage/b.ts': '' }).output).toContain('cli may not import storage');
  });

  it('fails when the domain imports a framework or Node module', () => {
    expect(check({ 'domain/a.ts': "import Fastify from 'fastify';" }).code).toBe(1);
    expect(check({ 'domain/a.ts': "import { readFileSync } from 'node:fs';" }).code).toBe(1);
  });

  // --- web pages: one area never imports another ---
  describe('web pages', () => {
    it('fails when a page folder imports another page folder, statically, by type or dynamically', () => {
      const page = 'export function P() { return null; }';
      for (const line of [
        "import { P } from '../team/P.js';",
        "import type { P } from '../team/P.js';",
        "export { P } from '../team/P.js';",
        "const lazy = () => import('../team/P.js');",
      ]) {
        const r = check({ 'web/pages/team/P.tsx': page, 'web/pages/roles/Board.tsx': line });
        expect(r.code, line).toBe(1);
        expect(r.output).toContain("web/pages/roles/Board.tsx: the roles pages may not import another area's folder (pages/team: ../team/P.js)");
      }
    });

    it('passes imports inside one area and of shared components and helpers', () => {
      const r = check({
        'web/components/Chart.tsx': 'export const Chart = 1;',
        'web/lib/words.ts': 'export const w = 1;',
        'web/pages/roles/parts/Card.tsx': "import { Chart } from '../../../components/Chart.js';",
        'web/pages/roles/Board.tsx': "import '../../lib/words.js';\nimport './parts/Card.js';",
        'web/pages/web-constants.test.ts': "import '../lib/words.js';",
      });
      expect(r.output).toContain('Import boundaries ok');
      expect(r.code).toBe(0);
    });
  });
  // --- end web pages ---

  it('checks the real source tree', () => {
    expect(execFileSync('node', ['scripts/check-boundaries.mjs'], { encoding: 'utf8' })).toContain('Import boundaries ok');
  });
});

describe('scripts/check-boundaries.mjs: the API contract (src/api)', () => {
  const domain = { 'domain/a.ts': 'export const A = 1;' };

  it('lets the contract import the domain and zod, and the server and the CLI import the contract', () => {
    const r = check({
      ...domain,
      'api/x.ts': "import { z } from 'zod';\nimport { A } from '../domain/a.js';\nexport const X = z.object({});",
      'server/r.ts': "import { X } from '../api/x.js';",
      'cli/c.ts': "import type { X } from '../api/x.js';",
    });
    expect(r.output).toContain('Import boundaries ok');
    expect(r.code).toBe(0);
  });

  it('fails when the contract imports storage, the server or another package', () => {
    expect(check({ 'api/x.ts': "import '../storage/b.js';", 'storage/b.ts': '' }).output).toContain('api may not import storage');
    expect(check({ 'api/x.ts': "import '../server/b.js';", 'server/b.ts': '' }).output).toContain('api may not import server');
    expect(check({ 'api/x.ts': "import Fastify from 'fastify';" }).output).toContain('may import only the domain and zod');
  });

  it('lets the web import the contract only as types, or from the zod-free constants module', () => {
    const api = { 'api/x.ts': "import { z } from 'zod';\nexport const X = z.object({});", 'api/constants.ts': "export { A } from '../domain/a.js';", ...domain };
    expect(check({ ...api, 'web/p.ts': "import type { X } from '../api/x.js';\nimport { A } from '../api/constants.js';" }).code).toBe(0);
    const r = check({ ...api, 'web/p.ts': "import { X } from '../api/x.js';" });
    expect(r.code).toBe(1);
    expect(r.output).toContain('only with `import type`');
    expect(check({ ...api, 'web/p.ts': "const m = import('../api/x.js');" }).output).toContain('only with `import type`');
  });

  it('fails when a constants module brings zod along, directly or through the domain', () => {
    expect(check({ 'api/constants.ts': "import { z } from 'zod';\nexport const A = z.string();" }).output).toContain('zod-free constants module may not bring zod');
    const r = check({ 'api/constants.ts': "export { A } from '../domain/a.js';", 'domain/a.ts': "import { z } from 'zod';\nexport const A = ['x'] as const;\nexport const S = z.string();" });
    expect(r.code).toBe(1);
    expect(r.output).toContain('may not bring zod (via domain/a.ts)');
  });
});
