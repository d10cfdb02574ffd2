import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportBatch } from '../../domain/imports/canonical.js';
import { parseGreenhouse } from '../../domain/imports/greenhouse.js';
import { proposeStageMapping, stageKey, stageNamesOf } from '../../domain/imports/registry.js';
import { createHarness, type Harness } from '../../test-support/app-harness.js';
import { dialectsUnderTest } from '../../test-support/dialects.js';
import { filesFromDir } from '../../test-support/import-files.js';
import { CLOSER_IMPORT_STAGES, applyImportBatch } from './imports.js';

// The run writes an import chunk by chunk (records, events, read-model rows, links and audit entries together). Written
// two records at a time into one new workspace and in one chunk into another, the same files leave the same rows.
const FIXTURES = fileURLToPath(new URL('../../domain/imports/fixtures/greenhouse', import.meta.url));
const JOB = '00000000-0000-4000-8000-00000000c4c4';
const TABLES = ['roles', 'candidates', 'applications', 'application_events', 'application_projections', 'report_facts', 'interviews', 'imported_offers', 'imported_offer_versions', 'imported_feedback', 'import_links', 'audit_log'] as const;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

function mappingOf(batch: ImportBatch): Record<string, string> {
  const proposed = proposeStageMapping(stageNamesOf(batch), CLOSER_IMPORT_STAGES);
  return Object.fromEntries(stageNamesOf(batch).map((n) => [stageKey(n), proposed[stageKey(n)] ?? 'screen']));
}

/** Every row the import wrote, with Closer's ids replaced by the external ids they are linked to (others by "?"). */
async function snapshot(h: Harness): Promise<Record<string, string[]>> {
  const links = await h.store.db.selectFrom('import_links').select(['entity', 'external_id', 'closer_id']).execute();
  const name = new Map(links.map((l) => [l.closer_id, `${l.entity}:${l.external_id}`]));
  name.set(JOB, 'job');
  const out: Record<string, string[]> = {};
  for (const table of TABLES) {
    const rows = await h.store.db.selectFrom(table).selectAll().execute();
    out[table] = rows.map((r) => JSON.stringify(r).replace(UUID, (id) => name.get(id) ?? '?')).sort();
  }
  return out;
}

for (const dialect of dialectsUnderTest()) {
  describe(`an import written in many chunks [${dialect.name}]`, () => {
    let small: Harness;
    let whole: Harness;
    const run = async (h: Harness, chunkSize: number) => {
      const batch = await parseGreenhouse(filesFromDir(FIXTURES));
      const actor = { id: (await h.store.db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id, role: 'owner' as const };
      let chunks = 0;
      const report = await applyImportBatch(h.store, actor, JOB, batch, mappingOf(batch), h.clock.now, { chunkSize, afterChunk: () => void chunks++ });
      return { report, chunks };
    };
    beforeAll(async () => {
      [small, whole] = await Promise.all([dialect.createStore().then((s) => createHarness(s)), dialect.createStore().then((s) => createHarness(s))]);
    });
    afterAll(async () => Promise.all([small.close(), whole.close()]));

    it('leaves exactly the rows and report of a one-chunk import', async () => {
      const many = await run(small, 2);
      const one = await run(whole, 10_000);
      const [a, b] = [await snapshot(small), await snapshot(whole)];
      expect(many.chunks).toBeGreaterThanOrEqual(one.chunks + 4);
      expect(many.report).toEqual(one.report);
      expect(one.report.counts.applications.create).toBeGreaterThan(2);
      expect(a.application_events!.length).toBeGreaterThan(10);
      expect(a.audit_log!.length).toBeGreaterThan(10);
      expect(a).toEqual(b);
    });
  });
}
