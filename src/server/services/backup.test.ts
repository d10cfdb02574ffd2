import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../test-support/dialects.js';
import { createHarness, type Harness } from '../../test-support/app-harness.js';
import { pipelineKit } from '../../test-support/pipeline-kit.js';
import { listErasureLedger, openDatabase, type Store } from '../../storage/index.js';
import { backupStore, digestStore, restoreBackup } from './backup.js';

for (const dialect of dialectsUnderTest()) {
  describe(`closer db backup and restore under writes [${dialect.name}]`, () => {
    let h: Harness;
    let kit: ReturnType<typeof pipelineKit>;
    let target: Store | undefined;
    let targetUrl: string;
    const dir = mkdtempSync(join(tmpdir(), 'closer-backup-'));
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      kit = pipelineKit(h);
      if (dialect.name === 'postgres') {
        target = await dialect.createStore(); // an empty database of its own, dropped at the end
        targetUrl = target.url;
      } else {
        targetUrl = `sqlite:${join(dir, 'restored.db')}`;
      }
    });
    afterAll(async () => {
      await h.close();
      await target?.close();
    });

    it('backs up while candidates are being written, restores every table hash-equal to the backup instant, and re-applies the erasure ledger', async () => {
      const role = await kit.role();
      const keep = await kit.candidate({ name: 'Kept Kim' });
      const gone = await kit.candidate({ name: 'Erased Esther Backupcanary' });
      await kit.application({ candidateId: gone.id, roleId: role.id });

      let stop = false;
      let acknowledged = 0;
      const writer = (async () => {
        while (!stop) {
          await kit.candidate({ name: `Writer ${acknowledged}` });
          acknowledged += 1;
        }
      })();
      while (acknowledged < 5) await new Promise((r) => setImmediate(r));
      const before = acknowledged;
      const backup = await backupStore(h.store, join(dir, dialect.name === 'sqlite' ? 'closer.db' : 'closer.dump.gz'));
      const during = acknowledged;
      while (acknowledged < during + 5) await new Promise((r) => setImmediate(r));
      stop = true;
      await writer;

      // Writes went on around the backup: it holds some of them, the live database has more.
      const live = await digestStore(h.store);
      expect(backup.digest.candidates!.rows).toBeGreaterThanOrEqual(2 + before);
      expect(backup.digest.candidates!.rows).toBeLessThan(live.candidates!.rows);
      expect(Object.keys(backup.digest)).toEqual(expect.arrayContaining(['candidates', 'applications', 'application_events', 'audit_log', 'companies', 'users', 'erasure_ledger']));

      // Erased after the backup was taken.
      const version = (await h.call('GET', `/api/v1/candidates/${gone.id}`, { token: h.ownerToken })).json().version;
      expect((await h.call('DELETE', `/api/v1/candidates/${gone.id}`, { token: h.ownerToken, headers: { 'if-match': `"${version}"` } })).statusCode).toBe(204);

      // A plain restore: every table's content hash equals the backup's, taken at the backup instant.
      const first = await restoreBackup({ file: backup.file, targetUrl, replace: true });
      expect(first.restoredDigest).toEqual(backup.digest);
      expect(first.backupDigest).toEqual(backup.digest);
      expect(first.reErased).toBe(0);

      // Restoring the older backup with the live ledger: the erased person does not come back; everyone else does.
      const ledger = await listErasureLedger(h.store.db);
      const second = await restoreBackup({ file: backup.file, targetUrl, replace: true, ledgers: ledger });
      expect(second.reErased).toBe(1);
      const restored = await openDatabase({ url: targetUrl, migrate: false });
      try {
        const names = (await restored.db.selectFrom('candidates').select('name').execute()).map((c) => c.name);
        expect(names).toContain(keep.name);
        expect(names).not.toContain(gone.name);
        expect(names).toHaveLength(backup.digest.candidates!.rows - 1);
        expect((await restored.db.selectFrom('applications').selectAll().where('candidate_id', '=', gone.id).execute())).toEqual([]);
        expect((await listErasureLedger(restored.db)).map((e) => e.subjectHash)).toEqual(expect.arrayContaining(ledger.map((e) => e.subjectHash)));
      } finally {
        await restored.close();
      }
      // A third restore over it (without a ledger file) keeps the erasure: the replaced database's ledger is read first.
      expect((await restoreBackup({ file: backup.file, targetUrl, replace: true })).reErased).toBe(1);
    });

    it('refuses to overwrite a database without --replace, and a file that is not a backup', async () => {
      await expect(restoreBackup({ file: join(dir, 'missing.bak'), targetUrl })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      const file = join(dir, `again-${dialect.name}.bak`);
      await backupStore(h.store, file);
      await expect(backupStore(h.store, file)).rejects.toMatchObject({ code: 'CONFLICT' });
      await expect(restoreBackup({ file, targetUrl: h.store.url })).rejects.toMatchObject({ code: 'CONFLICT' });
    });
  });
}
