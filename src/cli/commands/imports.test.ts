import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { captureIo } from '../../test-support/cli-io.js';
import { dialectsUnderTest } from '../../test-support/dialects.js';
import { createHarness, type Harness } from '../../test-support/app-harness.js';
import { importDirectory, settledImport } from '../../server/services/imports.js';
import { openDatabase } from '../../storage/index.js';

describe('closer import without a server', () => {
  it('exits 2 with a clear message on a bad system, a missing path and a bad stage map', async () => {
    const env = { CLOSER_URL: 'http://127.0.0.1:9', CLOSER_TOKEN: 'cl_x' };
    const bad = captureIo({ env });
    expect(await main(['import', 'workday', 'x.csv'], bad)).toBe(2);
    expect(bad.err()).toContain('Name the system');
    const missing = captureIo({ env });
    expect(await main(['import', 'csv', '/no/such/file.csv'], missing)).toBe(2);
    expect(missing.err()).toContain('does not exist');
    const dir = mkdtempSync(join(tmpdir(), 'closer-import-cli-'));
    writeFileSync(join(dir, 'a.csv'), 'Name\nAda\n');
    writeFileSync(join(dir, 'map.json'), '["screen"]');
    const map = captureIo({ env });
    expect(await main(['import', 'csv', join(dir, 'a.csv'), '--map-stages', join(dir, 'map.json')], map)).toBe(2);
    expect(map.err()).toContain('must map stage names');
    writeFileSync(join(dir, 'columns.json'), JSON.stringify({ 'Full name': 'salary' }));
    const columns = captureIo({ env });
    expect(await main(['import', 'csv', join(dir, 'a.csv'), '--map-columns', join(dir, 'columns.json')], columns)).toBe(2);
    expect(columns.err()).toContain('must map column headers to Closer fields');
    const notCsv = captureIo({ env });
    expect(await main(['import', 'lever', join(dir, 'a.csv'), '--map-columns', join(dir, 'columns.json')], notCsv)).toBe(2);
    expect(notCsv.err()).toContain('--map-columns is for a spreadsheet');
  });
});

const CSV = ['Name,Email,Job,Stage,Applied At', 'Ada Lovelace,ada@cli.example,Compiler Engineer,Phone Screen,2026-10-01', 'Grace Hopper,grace@cli.example,Compiler Engineer,Mystery Round,2026-10-02'].join('\n');

for (const dialect of dialectsUnderTest()) {
  describe(`closer import against a live server [${dialect.name}]`, () => {
    let h: Harness;
    let env: NodeJS.ProcessEnv;
    let dir: string;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      env = { CLOSER_URL: await h.app.listen({ port: 0, host: '127.0.0.1' }), CLOSER_TOKEN: h.ownerToken };
      dir = mkdtempSync(join(tmpdir(), 'closer-import-cli-'));
      writeFileSync(join(dir, 'people.csv'), CSV);
      writeFileSync(join(dir, 'stages.json'), JSON.stringify({ 'Mystery Round': 'technical' }));
    });
    afterAll(async () => h.close());

    it('a dry run writes nothing; unmapped stages exit 2 with how to map them; --map-stages runs it; a second run skips all', async () => {
      const dry = captureIo({ env });
      expect(await main(['import', 'csv', join(dir, 'people.csv'), '--dry-run', '--json'], dry)).toBe(0);
      const report = JSON.parse(dry.out()) as { dryRun: boolean; unmappedStages: string[]; report: { counts: Record<string, { create: number }> } };
      expect(report).toMatchObject({ dryRun: true, unmappedStages: ['Mystery Round'] });
      expect(report.report.counts.candidates!.create).toBe(2);
      const unmapped = captureIo({ env });
      expect(await main(['import', 'csv', join(dir, 'people.csv')], unmapped)).toBe(2);
      expect(unmapped.out()).toContain('Stages to map before the import can run: Mystery Round');
      expect(await h.store.db.selectFrom('candidates').select('id').where('email', '=', 'ada@cli.example').execute()).toEqual([]);

      const run = captureIo({ env });
      expect(await main(['import', 'csv', join(dir, 'people.csv'), '--map-stages', join(dir, 'stages.json')], run)).toBe(0);
      expect(run.out()).toMatch(/candidates\s+created 2, merged 0, skipped 0/);
      const again = captureIo({ env });
      expect(await main(['import', 'csv', dir, '--map-stages', join(dir, 'stages.json')], again)).toBe(0);
      expect(again.out()).toMatch(/candidates\s+created 0, merged 0, skipped 2/);
      expect(await h.store.db.selectFrom('candidates').select('id').where('email', 'in', ['ada@cli.example', 'grace@cli.example']).execute()).toHaveLength(2);
    });

    it('--map-columns names the columns a spreadsheet calls otherwise', async () => {
      writeFileSync(join(dir, 'odd.csv'), ['Who,Reach,Opening', 'Lin Odd,lin@cli.example,Compiler Engineer'].join('\n'));
      writeFileSync(join(dir, 'columns.json'), JSON.stringify({ Who: 'name', Reach: 'email', Opening: 'roleTitle' }));
      const unnamed = captureIo({ env });
      expect(await main(['import', 'csv', join(dir, 'odd.csv'), '--dry-run', '--json'], unnamed)).toBe(2);
      const named = captureIo({ env });
      expect(await main(['import', 'csv', join(dir, 'odd.csv'), '--dry-run', '--json', '--map-columns', join(dir, 'columns.json')], named)).toBe(0);
      expect((JSON.parse(named.out()) as { report: { counts: Record<string, { create: number }> } }).report.counts.candidates!.create).toBe(1);
    });

    if (dialect.name === 'sqlite') {
      it('a process killed in the middle of an import leaves nothing of it in the SQLite file', async () => {
        const rows = ['Name,Email,Job,Stage,Applied At', ...Array.from({ length: 1_200 }, (_, i) => `Person ${i},p${i}@kill.example,Kill Role,Phone Screen,2026-10-01`)];
        const created = (await h.call('POST', '/api/v1/imports', { token: h.ownerToken, body: { system: 'csv' } })).json() as { id: string };
        await h.app.inject({ method: 'POST', url: `/api/v1/imports/${created.id}/files?name=kill.csv`, headers: { authorization: `Bearer ${h.ownerToken}`, 'content-type': 'text/csv' }, payload: rows.join('\n') });
        await h.call('POST', `/api/v1/imports/${created.id}/dry-run`, { token: h.ownerToken });
        await settledImport(created.id);
        const file = h.store.sqlite!.name;
        const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../../test-support/import-crash-child.ts'), file, created.id, importDirectory(undefined)], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        await new Promise<void>((resolveWritten, reject) => {
          child.stdout.on('data', (d: Buffer) => {
            if (d.toString().includes('written')) resolveWritten();
          });
          child.on('exit', (code) => reject(new Error(`the child ended before writing (${code}): ${stderr}`)));
        });
        const exited = new Promise((r) => child.on('exit', r));
        child.kill('SIGKILL');
        await exited;
        const fresh = await openDatabase({ url: `sqlite:${file}`, migrate: false });
        try {
          expect(await fresh.db.selectFrom('candidates').select('id').where('email', 'like', '%@kill.example').execute()).toEqual([]);
          expect(await fresh.db.selectFrom('roles').select('id').where('title', '=', 'Kill Role').execute()).toEqual([]);
          expect(await fresh.db.selectFrom('import_links').select('external_id').where('job_id', '=', created.id).execute()).toEqual([]);
        } finally {
          await fresh.close();
        }
      }, 60_000);
    }
  });
}
