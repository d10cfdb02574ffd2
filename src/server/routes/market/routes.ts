import { DomainError } from '../../../domain/shared/errors.js';
import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { runWrite } from '../../plugins/idempotency.js';
import { MarketService, MAX_IMPORT_BODY_BYTES } from '../../services/market.js';
import { errorResponses, UploadErrors } from '../../../api/shared.js';
import { presentBenchmark, presentDataset, presentTable } from './presenter.js';
import { BenchmarkQuery, BenchmarkResponse, DatasetImportBody, DatasetListView, DatasetView, SelectionBody, TableQuery, TableResponse } from '../../../api/market.js';


/** Query errors name their parameter as the schema's own errors do (`querystring.level`), so a client maps every error of a GET the same way. */
async function inQuery<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError && error.field && !error.field.startsWith('querystring.')) {
      throw new DomainError(error.code, error.message, `querystring.${error.field}`);
    }
    throw error;
  }
}

/**
 * Market benchmarks: datasets (bundled and imported), the company's selection, one benchmark, and the
 * whole role group x level table. Market data is compensation, so every route needs market.read
 * (interviewers get 403); importing and selecting need datasets.manage.
 */
export function registerMarketRoutes(app: App, ctx: ServerContext): void {
  const market = new MarketService(ctx.store);

  app.get('/api/v1/market/datasets', {
    preValidation: requireAction('market.read'),
    schema: { tags: ['market'], response: { 200: DatasetListView, ...errorResponses } },
  }, async () => ({ items: (await market.listDatasets()).map(presentDataset) }));

  app.post('/api/v1/market/datasets', {
    preValidation: requireAction('datasets.manage'),
    bodyLimit: MAX_IMPORT_BODY_BYTES,
    schema: { tags: ['market'], body: DatasetImportBody, response: { 201: DatasetView, ...UploadErrors } },
  }, async (request, reply) => {
    // Parsing a large file takes a few hundred ms: do it before the transaction, not while holding the writer.
    const prepared = market.prepareImport(request.body);
    return runWrite(ctx, request, reply, async (tx) => {
      const view = await market.storeImport(tx, request.auth!.user, request.body, prepared, ctx.now());
      return { status: 201, body: presentDataset(view) };
    });
  });

  app.put('/api/v1/market/selection', {
    preValidation: requireAction('datasets.manage'),
    schema: { tags: ['market'], body: SelectionBody, response: { 200: DatasetView, ...errorResponses } },
  }, async (request, reply) =>
    runWrite(ctx, request, reply, async (tx) => ({ status: 200, body: presentDataset(await market.select(tx, request.auth!.user, request.body.datasetId, ctx.now())) })),
  );

  app.get('/api/v1/market/benchmarks', {
    preValidation: requireAction('market.read'),
    schema: { tags: ['market'], querystring: BenchmarkQuery, response: { 200: BenchmarkResponse, ...errorResponses } },
  }, async (request) => {
    const { dataset, benchmark } = await inQuery(() => market.benchmark(request.query));
    return presentBenchmark(dataset, benchmark);
  });

  app.get('/api/v1/market/table', {
    preValidation: requireAction('market.read'),
    schema: { tags: ['market'], querystring: TableQuery, response: { 200: TableResponse, ...errorResponses } },
  }, async (request) => presentTable(await inQuery(() => market.table(request.query.country, request.query.datasetId))));
}
