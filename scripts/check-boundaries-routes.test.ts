import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function check(files: Record<string, string>): { code: number; output: string } {
  const root = mkdtempSync(join(tmpdir(), 'closer-routes-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, 'src', path, '..'), { recursive: true });
    writeFileSync(join(root, 'src', path), text);
  }
  try {
    return { code: 0, output: execFileSync('node', ['scripts/check-boundaries.mjs', join(root, 'src')], { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (error) {
    const e = error as { status: number; stderr: string };
    return { code: e.status, output: e.stderr };
  }
}

describe('scripts/check-boundaries.mjs: thin routes', () => {
  it('passes routes that go through services, plugins and the shared route modules', () => {
    const r = check({
      'storage/index.ts': 'export const listRoles = 1;',
      'server/services/roles.ts': "import { listRoles } from '../../storage/index.js'; export const findRoles = listRoles;",
      'server/plugins/etag.ts': 'export const setEtag = 1;',
      'server/routes/shared/user-presenter.ts': 'export const presentUser = 1;',
      'api/shared.ts': 'export const errorResponses = 1;',
      'server/routes/roles/routes.ts':
        "import { findRoles } from '../../services/roles.js'; import { setEtag } from '../../plugins/etag.js'; import { presentUser } from '../shared/user-presenter.js'; import { errorResponses } from '../../../api/shared.js'; import { presentRole } from './presenter.js';",
      'server/routes/roles/presenter.ts': 'export const presentRole = 1;',
      'server/routes/index.ts': "import '../routes/roles/routes.js';",
    });
    expect(r.output).toContain('Import boundaries ok');
    expect(r.code).toBe(0);
  });

  it('fails when a route file imports storage, even only its types', () => {
    const r = check({ 'storage/index.ts': 'export type RoleRecord = {};', 'server/routes/roles/presenter.ts': "import type { RoleRecord } from '../../../storage/index.js';" });
    expect(r.code).toBe(1);
    expect(r.output).toContain('server/routes/roles/presenter.ts: routes go through services and may not import storage');
  });

  it('fails when a route folder imports another route folder', () => {
    const r = check({ 'server/routes/users/presenter.ts': 'export const presentUser = 1;', 'server/routes/auth/routes.ts': "import { presentUser } from '../users/presenter.js';" });
    expect(r.code).toBe(1);
    expect(r.output).toContain('server/routes/auth/routes.ts: a route folder may not import another route folder (../users/presenter.js)');
  });

  it('fails for a schema module of another route folder too: schemas live in the contract (src/api)', () => {
    const r = check({ 'server/routes/candidates/schema.ts': 'export const QueryInt = 1;', 'server/routes/today/routes.ts': "import { QueryInt } from '../candidates/schema.js';" });
    expect(r.code).toBe(1);
    expect(r.output).toContain('server/routes/today/routes.ts: a route folder may not import another route folder (../candidates/schema.js)');
  });

  it('leaves tests beside the routes alone (they may read the database to check what a request did)', () => {
    const r = check({ 'storage/index.ts': 'export const listAudit = 1;', 'server/routes/audit/audit.test.ts': "import { listAudit } from '../../../storage/index.js';" });
    expect(r.code).toBe(0);
  });
});
