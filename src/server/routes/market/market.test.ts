import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit, listMarketDatasets } from '../../../storage/index.js';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';
import { loadBundledDataset, MarketService } from '../../services/market.js';

const HEADER = 'work_year,experience_level,employment_type,job_title,salary,salary_currency,salary_in_usd,employee_residence,remote_ratio,company_location,company_size';

/**
 * 40 senior ML engineers in the US in 2024 at 100,000 + i x 1,000. Neighbours differ in remote_ratio,
 * so no two rows collapse into a posted range: type-7 p10 = 103,900, p50 = 119,500, p90 = 135,100.
 */
function surveyCsv(): string {
  const rows = Array.from({ length: 40 }, (_, i) => `2024,SE,FT,Machine Learning Engineer,${100_000 + i * 1000},USD,${100_000 + i * 1000},US,${i % 2 === 0 ? 0 : 100},US,M`);
  return [HEADER, ...rows].join('\n');
}

function importBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: 'Founders survey 2025', source: 'Our own survey of 40 offers', asOf: '2025-06-30', licence: 'internal', csv: surveyCsv(), ...overrides };
}

for (const dialect of dialectsUnderTest()) {
  describe(`market API [${dialect.name}]`, () => {
    let h: Harness;
    let interviewer: string;
    let manager: string;
    let recruiter: { token: string; userId: string };
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      interviewer = (await h.tokenFor('interviewer')).token;
      manager = (await h.tokenFor('hiring-manager')).token;
      recruiter = await h.tokenFor('recruiter');
    });
    afterAll(async () => h.close());

    it('GET /api/v1/market/datasets lists the bundled aijobs.net dataset, selected by default', async () => {
      const res = await h.call('GET', '/api/v1/market/datasets', { token: manager });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().items).toEqual([
        {
          id: 'aijobs-2025-01-19',
          name: 'aijobs.net salaries (2025-01-19)',
          source: 'aijobs.net CC0',
          sourceUrl: 'https://github.com/foorilla/ai-jobs-net-salaries',
          asOf: '2025-01-19',
          licence: 'CC0-1.0',
          rows: 74_301,
          builtIn: true,
          selected: true,
        },
      ]);
    });

    it('GET /api/v1/market/benchmarks returns the percentiles with n, the fallback and the dataset they come from', async () => {
      const res = await h.call('GET', '/api/v1/market/benchmarks?roleGroup=ml-engineer&level=SE&country=US', { token: manager });
      expect(res.statusCode, res.body).toBe(200);
      const { dataset, benchmark } = res.json();
      expect(dataset).toEqual({ id: 'aijobs-2025-01-19', name: 'aijobs.net salaries (2025-01-19)', source: 'aijobs.net CC0', asOf: '2025-01-19' });
      expect(benchmark).toMatchObject({ fallback: 'none', currency: 'USD', datasetId: 'aijobs-2025-01-19', used: { roleGroup: 'ml-engineer', level: 'SE', country: 'US' } });
      expect(benchmark.n).toBeGreaterThanOrEqual(30);
      const ps = [benchmark.p10, benchmark.p25, benchmark.p50, benchmark.p75, benchmark.p90];
      expect([...ps].sort((a, b) => a - b)).toEqual(ps);
      // Seniority words map to levels; the country defaults to US.
      const senior = await h.call('GET', '/api/v1/market/benchmarks?roleGroup=ML%20Engineer&level=senior', { token: manager });
      expect(senior.json().benchmark).toEqual(benchmark);
    });

    it('GET /api/v1/market/table covers every role group x level with whole-dollar percentiles that match single benchmarks', async () => {
      const res = await h.call('GET', '/api/v1/market/table?country=US', { token: manager });
      expect(res.statusCode, res.body).toBe(200);
      const t = res.json();
      expect(t.dataset).toEqual({
        id: 'aijobs-2025-01-19',
        name: 'aijobs.net salaries (2025-01-19)',
        source: 'aijobs.net CC0',
        sourceUrl: 'https://github.com/foorilla/ai-jobs-net-salaries',
        asOf: '2025-01-19',
        licence: 'CC0-1.0',
      });
      expect(t.country).toBe('US');
      expect(t.levels).toEqual(['EN', 'MI', 'SE', 'EX']);
      expect(t.roleGroups.map((g: { id: string }) => g.id)).toEqual(['ml-engineer', 'ai-engineer', 'research-scientist', 'data-scientist', 'software-engineer', 'all-ml-ai']);
      expect(t.rows).toHaveLength(t.roleGroups.length * 4);
      for (const g of t.roleGroups) for (const l of t.levels) expect(t.rows.filter((r: any) => r.roleGroup === g.id && r.level === l)).toHaveLength(1);
      const row = t.rows.find((r: any) => r.roleGroup === 'research-scientist' && r.level === 'MI');
      const single = (await h.call('GET', '/api/v1/market/benchmarks?roleGroup=research-scientist&level=MI&country=US', { token: manager })).json().benchmark;
      expect(row).toEqual({
        roleGroup: 'research-scientist',
        level: 'MI',
        n: single.n,
        p10: Math.round(single.p10),
        p25: Math.round(single.p25),
        p50: Math.round(single.p50),
        p75: Math.round(single.p75),
        p90: Math.round(single.p90),
        fallback: single.fallback,
      });
      // The country defaults to US; lower case is accepted and reported upper case.
      expect((await h.call('GET', '/api/v1/market/table', { token: manager })).body).toBe(res.body);
      expect((await h.call('GET', '/api/v1/market/table?country=us', { token: manager })).json().country).toBe('US');
    });

    const badQueries: Array<[string, number, string, string]> = [
      ['/api/v1/market/benchmarks?roleGroup=ml-engineer&level=XX', 400, 'BENCHMARK_QUERY_INVALID', 'querystring.level'],
      ['/api/v1/market/benchmarks?roleGroup=astronaut&level=SE', 400, 'BENCHMARK_QUERY_INVALID', 'querystring.roleGroup'],
      ['/api/v1/market/benchmarks?roleGroup=ml-engineer&level=SE&country=USA', 400, 'VALIDATION_FAILED', 'querystring.country'],
      ['/api/v1/market/benchmarks?level=SE', 400, 'VALIDATION_FAILED', 'querystring.roleGroup'],
      ['/api/v1/market/benchmarks?roleGroup=ml-engineer&level=SE&limit=5', 400, 'UNKNOWN_FIELD', 'querystring.limit'],
      ['/api/v1/market/benchmarks?roleGroup=ml-engineer&level=SE&datasetId=nope', 404, 'DATASET_NOT_FOUND', 'querystring.datasetId'],
      ['/api/v1/market/table?country=1', 400, 'VALIDATION_FAILED', 'querystring.country'],
      ['/api/v1/market/table?datasetId=nope', 404, 'DATASET_NOT_FOUND', 'querystring.datasetId'],
    ];
    for (const [url, status, code, field] of badQueries) {
      it(`GET ${url} -> ${status} ${code} (${field})`, async () => {
        const res = await h.call('GET', url, { token: manager });
        expect(res.statusCode, res.body).toBe(status);
        expect(res.json()).toMatchObject({ code, field });
      });
    }

    it('imports a survey CSV (audited, field names only), lets the company select it, and serves benchmarks from it', async () => {
      const created = await h.call('POST', '/api/v1/market/datasets', { token: recruiter.token, body: importBody({ sourceUrl: 'https://example.com/survey' }) });
      expect(created.statusCode, created.body).toBe(201);
      const dataset = created.json();
      expect(dataset).toEqual({
        id: expect.any(String),
        name: 'Founders survey 2025',
        source: 'Our own survey of 40 offers',
        sourceUrl: 'https://example.com/survey',
        asOf: '2025-06-30',
        licence: 'internal',
        rows: 40,
        builtIn: false,
        selected: false,
      });
      const importAudit = (await listAudit(h.store.db, { limit: 10, entity: 'market_dataset', entityId: dataset.id }))[0];
      expect(importAudit).toMatchObject({ actorId: recruiter.userId, action: 'market.dataset.import', fields: ['asOf', 'csv', 'licence', 'name', 'source', 'sourceUrl'] });

      // Any dataset can be queried by id before it is selected.
      const byId = await h.call('GET', `/api/v1/market/benchmarks?roleGroup=ml-engineer&level=SE&datasetId=${dataset.id}`, { token: manager });
      expect(byId.json().benchmark).toMatchObject({ n: 40, p10: 103_900, p50: 119_500, p90: 135_100, fallback: 'none', datasetId: dataset.id });

      const selected = await h.call('PUT', '/api/v1/market/selection', { token: recruiter.token, body: { datasetId: dataset.id } });
      expect(selected.statusCode, selected.body).toBe(200);
      expect(selected.json()).toEqual({ ...dataset, selected: true });
      const selAudit = await listAudit(h.store.db, { limit: 10, entity: 'market_selection' });
      expect(selAudit[0]).toMatchObject({ actorId: recruiter.userId, action: 'market.selection.update', fields: ['datasetId'] });

      const list = (await h.call('GET', '/api/v1/market/datasets', { token: manager })).json().items;
      expect(list.map((d: { id: string; selected: boolean }) => [d.id, d.selected])).toEqual([
        ['aijobs-2025-01-19', false],
        [dataset.id, true],
      ]);
      const bench = (await h.call('GET', '/api/v1/market/benchmarks?roleGroup=ml-engineer&level=SE', { token: manager })).json();
      expect(bench.dataset).toEqual({ id: dataset.id, name: 'Founders survey 2025', source: 'Our own survey of 40 offers', asOf: '2025-06-30' });
      expect(bench.benchmark).toMatchObject({ n: 40, p50: 119_500, asOf: '2025-06-30', source: 'Our own survey of 40 offers' });
      const table = (await h.call('GET', '/api/v1/market/table', { token: manager })).json();
      expect(table.dataset).toMatchObject({ id: dataset.id, sourceUrl: 'https://example.com/survey', licence: 'internal' });
      expect(table.rows.find((r: any) => r.roleGroup === 'ml-engineer' && r.level === 'SE')).toMatchObject({ n: 40, p50: 119_500, fallback: 'none' });

      // Back to the bundled dataset: the selection is one row per company, updated in place.
      const back = await h.call('PUT', '/api/v1/market/selection', { token: h.ownerToken, body: { datasetId: 'aijobs-2025-01-19' } });
      expect(back.statusCode).toBe(200);
      expect(back.json()).toMatchObject({ id: 'aijobs-2025-01-19', builtIn: true, selected: true });
      expect((await h.call('GET', '/api/v1/market/benchmarks?roleGroup=ml-engineer&level=SE', { token: manager })).json().dataset.id).toBe('aijobs-2025-01-19');
      expect(await listAudit(h.store.db, { limit: 10, entity: 'market_selection' })).toHaveLength(2);
    });

    it('states "not stated" when an import gives no licence, and null when it gives no source URL', async () => {
      const res = await h.call('POST', '/api/v1/market/datasets', { token: h.ownerToken, body: importBody({ licence: undefined, name: 'No licence' }) });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ licence: 'not stated', sourceUrl: null });
    });

    const badImports: Array<[string, Record<string, unknown>, number, string, string]> = [
      ['a CSV without a needed column', { csv: 'work_year,job_title\n2024,ML Engineer' }, 400, 'DATASET_INVALID', 'csv'],
      ['a CSV with a bad level on a row', { csv: `${HEADER}\n2024,XX,FT,ML Engineer,1,USD,1,US,0,US,M` }, 400, 'DATASET_INVALID', 'csv'],
      ['a CSV with a short row', { csv: `${HEADER}\n2024,SE,FT,ML Engineer,1,USD` }, 400, 'DATASET_INVALID', 'csv'],
      ['a header and no rows', { csv: HEADER }, 400, 'DATASET_INVALID', 'csv'],
      ['an empty CSV', { csv: '' }, 400, 'VALIDATION_FAILED', 'csv'],
      ['an impossible as-of date', { asOf: '2025-02-30' }, 400, 'VALIDATION_FAILED', 'asOf'],
      ['an as-of date in another format', { asOf: '30/06/2025' }, 400, 'VALIDATION_FAILED', 'asOf'],
      ['a number for the name', { name: 42 }, 400, 'VALIDATION_FAILED', 'name'],
      ['an unknown field', { rows: 40 }, 400, 'UNKNOWN_FIELD', 'rows'],
      ['a source URL that is not http(s)', { sourceUrl: 'javascript:alert(1)' }, 400, 'VALIDATION_FAILED', 'sourceUrl'],
    ];
    for (const [what, override, status, code, field] of badImports) {
      it(`POST /api/v1/market/datasets rejects ${what} with ${status} ${code} (${field}) and stores nothing`, async () => {
        const before = (await listMarketDatasets(h.store.db)).length;
        const audits = (await listAudit(h.store.db, { limit: 1000 })).length;
        const res = await h.call('POST', '/api/v1/market/datasets', { token: h.ownerToken, body: importBody(override) });
        expect(res.statusCode, res.body).toBe(status);
        expect(res.json()).toMatchObject({ code, field });
        if (code === 'DATASET_INVALID') expect(res.json().message).toMatch(/line \d+/);
        expect(await listMarketDatasets(h.store.db)).toHaveLength(before);
        expect(await listAudit(h.store.db, { limit: 1000 })).toHaveLength(audits);
      });
    }

    it('refuses a CSV over the stated size limit, and a body over the request limit, storing nothing', async () => {
      const stored = (await listMarketDatasets(h.store.db)).length;
      const huge = `${HEADER}\n${'2024,SE,FT,Machine Learning Engineer,1,USD,1,US,0,US,M\n'.repeat(160_000)}`;
      expect(huge.length).toBeGreaterThan(8 * 1024 * 1024);
      const res = await h.call('POST', '/api/v1/market/datasets', { token: h.ownerToken, body: importBody({ csv: huge }) });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'csv' });
      // Above the 12 MiB request limit the body is not even read.
      const tooLarge = await h.call('POST', '/api/v1/market/datasets', { token: h.ownerToken, body: importBody({ csv: huge + huge.slice(0, 5 * 1024 * 1024) }) });
      expect(tooLarge.statusCode).toBe(413);
      expect(tooLarge.json().code).toBe('BODY_TOO_LARGE');
      expect(await listMarketDatasets(h.store.db)).toHaveLength(stored);
    });

    it('PUT /api/v1/market/selection: concurrent first selections all succeed, one row per company, one audit entry each', async () => {
      const fresh = await createHarness(await dialect.createStore());
      try {
        const before = (await listAudit(fresh.store.db, { limit: 1000, entity: 'market_selection' })).length;
        const results = await Promise.all(Array.from({ length: 5 }, () => fresh.call('PUT', '/api/v1/market/selection', { token: fresh.ownerToken, body: { datasetId: 'aijobs-2025-01-19' } })));
        expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
        const rows = await fresh.store.db.selectFrom('market_selection').selectAll().execute();
        expect(rows).toHaveLength(1);
        expect(rows[0]!.version).toBe(5);
        expect(await listAudit(fresh.store.db, { limit: 1000, entity: 'market_selection' })).toHaveLength(before + 5);
      } finally {
        await fresh.close();
      }
    });

    it('PUT /api/v1/market/selection rejects an unknown dataset with 404 and a bad body with 400', async () => {
      const unknown = await h.call('PUT', '/api/v1/market/selection', { token: h.ownerToken, body: { datasetId: 'does-not-exist' } });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toMatchObject({ code: 'DATASET_NOT_FOUND', field: 'datasetId' });
      const bad = await h.call('PUT', '/api/v1/market/selection', { token: h.ownerToken, body: { datasetId: 7 } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ field: 'datasetId' });
    });

    it('refuses interviewers on every market route (403, no market data), and hiring managers on import and selection', async () => {
      const calls: Array<[string, string, unknown?]> = [
        ['GET', '/api/v1/market/datasets'],
        ['GET', '/api/v1/market/benchmarks?roleGroup=ml-engineer&level=SE'],
        ['GET', '/api/v1/market/table'],
        ['POST', '/api/v1/market/datasets', importBody()],
        ['PUT', '/api/v1/market/selection', { datasetId: 'aijobs-2025-01-19' }],
      ];
      for (const [method, url, body] of calls) {
        const res = await h.call(method, url, { token: interviewer, body });
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(res.json()).toEqual({ code: 'FORBIDDEN', message: 'Your role does not allow this.' });
      }
      for (const [method, url, body] of calls.slice(3)) {
        expect((await h.call(method, url, { token: manager, body })).statusCode, `${method} ${url}`).toBe(403);
      }
    });

    it('parses the bundled file once per process and an imported file once per server', async () => {
      expect(await loadBundledDataset()).toBe(await loadBundledDataset());
      const market = new MarketService(h.store);
      const id = (await listMarketDatasets(h.store.db))[0]!.id;
      const first = await market.resolve(id);
      const second = await market.resolve(id);
      expect(second.ds).toBe(first.ds);
      expect(first.ds.rowCount).toBe(40);
    });

    it('builds the table of a dataset and country once per server, and still refuses an unknown dataset', async () => {
      const market = new MarketService(h.store);
      const id = (await listMarketDatasets(h.store.db))[0]!.id;
      const table = await market.table('us', id);
      expect(table).toMatchObject({ country: 'US', dataset: { id } });
      expect(await market.table('US', id)).toBe(table);
      expect(await market.table('DE', id)).not.toBe(table);
      await expect(market.table('US', 'no-such-dataset')).rejects.toMatchObject({ code: 'DATASET_NOT_FOUND' });
    });
  });
}
