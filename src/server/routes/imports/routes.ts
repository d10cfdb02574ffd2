import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Readable } from 'node:stream';
import type { FastifyError } from 'fastify';
import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { toErrorResponse } from '../../plugins/errors.js';
import { requireIfMatch, setEtag } from '../../plugins/etag.js';
import { runWrite } from '../../plugins/idempotency.js';
import {
  addImportFile,
  beginImportDryRun,
  beginImportRun,
  createImportJob,
  findImportJobs,
  getImportJobOrThrow,
  importDirectory,
  launchImportDryRun,
  launchImportRun,
  MAX_IMPORT_FILE_BYTES,
  setImportStageMapping,
} from '../../services/imports.js';
import type { ImportReport } from '../../../domain/imports/plan.js';
import { DomainError } from '../../../domain/shared/errors.js';
import { errorResponses, IdParams, NoBody, UploadErrors, WriteErrors } from '../../../api/shared.js';
import { ImportCreateBody, ImportFileQuery, ImportJobList, ImportJobView, ImportReportView, ImportStageMappingBody } from '../../../api/imports.js';
import { presentImportJob, presentReport } from './presenter.js';

/**
 * Imports from another hiring system (issue 12): create an import, upload its files (raw bytes, streamed to disk),
 * start the dry run, review the stage mapping, run it, poll it, download the report. Owners and admins only.
 */
export function registerImportRoutes(app: App, ctx: ServerContext): void {
  const dir = importDirectory(ctx.config.filesDir);
  const logError = (error: unknown) => app.log.error({ err: error }, 'import step failed');

  app.get('/api/v1/imports', {
    preValidation: requireAction('imports.manage'),
    schema: { tags: ['imports'], description: 'The last imports, newest first.', response: { 200: ImportJobList, ...errorResponses } },
  }, async () => ({ items: (await findImportJobs(ctx.store.db, 20)).map(presentImportJob) }));

  app.post('/api/v1/imports', {
    preValidation: requireAction('imports.manage'),
    schema: { tags: ['imports'], description: 'A new import of one system\'s files. Upload the files next.', body: ImportCreateBody, response: { 201: ImportJobView, ...WriteErrors } },
  }, async (request, reply) =>
    runWrite(ctx, request, reply, async (tx) => {
      const { system, csvMapping } = request.body;
      const job = await createImportJob(tx, request.auth!.user, system, csvMapping ? { csvMapping } : {}, ctx.now());
      return { status: 201, body: presentImportJob(job), version: job.version };
    }),
  );

  app.get('/api/v1/imports/:id', {
    preValidation: requireAction('imports.manage'),
    schema: { tags: ['imports'], description: 'The import with its status, progress while a step runs, and its reports.', params: IdParams, response: { 200: ImportJobView, ...errorResponses } },
  }, async (request, reply) => {
    const job = await getImportJobOrThrow(ctx.store.db, request.params.id);
    setEtag(reply, job.version);
    reply.header('Cache-Control', 'no-store');
    return presentImportJob(job);
  });

  app.get('/api/v1/imports/:id/report', {
    preValidation: requireAction('imports.manage'),
    schema: { tags: ['imports'], description: 'The full report as a JSON download: the final one after a run, else the dry run\'s.', params: IdParams, response: { 200: ImportReportView, ...errorResponses } },
  }, async (request, reply) => {
    const job = await getImportJobOrThrow(ctx.store.db, request.params.id);
    const report = presentReport((job.report ?? job.dryRun) as ImportReport | null, true);
    if (!report) throw new DomainError('IMPORT_STATE_INVALID', 'There is no report yet: start the dry run first.', 'id');
    reply.header('Content-Disposition', `attachment; filename="closer-import-${job.id}.json"`);
    reply.header('Cache-Control', 'private, no-store');
    return report;
  });

  app.put('/api/v1/imports/:id/stage-mapping', {
    preValidation: requireAction('imports.manage'),
    schema: { tags: ['imports'], description: 'Maps stages of the source to Closer stages (after the dry run; If-Match of the import).', params: IdParams, body: ImportStageMappingBody, response: { 200: ImportJobView, ...WriteErrors } },
  }, async (request, reply) => {
    const expected = requireIfMatch(request);
    return runWrite(ctx, request, reply, async (tx) => {
      const job = await setImportStageMapping(tx, request.auth!.user, request.params.id, expected, request.body.mapping, ctx.now());
      return { status: 200, body: presentImportJob(job), version: job.version };
    });
  });

  app.post('/api/v1/imports/:id/dry-run', {
    preValidation: requireAction('imports.manage'),
    schema: { tags: ['imports'], description: 'Reads the files and says what the import would do, without writing anything. Answers 202; poll the import.', params: IdParams, body: NoBody, response: { 202: ImportJobView, ...WriteErrors } },
  }, async (request, reply) => {
    const sent = await runWrite(ctx, request, reply, async (tx) => {
      const job = await beginImportDryRun(tx, request.auth!.user, request.params.id, ctx.now());
      return { status: 202, body: presentImportJob(job), version: job.version };
    });
    launchImportDryRun(ctx.store, request.params.id, dir, ctx.now, logError);
    return sent;
  });

  app.post('/api/v1/imports/:id/run', {
    preValidation: requireAction('imports.manage'),
    schema: { tags: ['imports'], description: 'Runs the checked import: all or nothing, and a second run of the same files changes nothing. Answers 202; poll the import.', params: IdParams, body: NoBody, response: { 202: ImportJobView, ...WriteErrors } },
  }, async (request, reply) => {
    const sent = await runWrite(ctx, request, reply, async (tx) => {
      const job = await beginImportRun(tx, request.auth!.user, request.params.id, ctx.now());
      return { status: 202, body: presentImportJob(job), version: job.version };
    });
    launchImportRun(ctx.store, request.auth!.user, request.params.id, dir, ctx.now, logError);
    return sent;
  });

  // The upload takes the file as the raw body stream (any content type), written to disk as it arrives.
  app.register(async (instance) => {
    const scoped = instance.withTypeProvider<ZodTypeProvider>();
    scoped.removeAllContentTypeParsers();
    scoped.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    scoped.setErrorHandler((error, request, reply) => {
      const { status, body } = toErrorResponse(error as FastifyError);
      if (status >= 500) request.log.error({ err: error }, 'unhandled error');
      return reply.status(status).send(body);
    });
    scoped.post('/api/v1/imports/:id/files', {
      // Checked on the request line, before a large body is read.
      onRequest: requireAction('imports.manage'),
      bodyLimit: MAX_IMPORT_FILE_BYTES,
      schema: {
        tags: ['imports'],
        description: `Adds one file to the import: its raw bytes as the body (UTF-8 text: CSV or JSON), its name in ?name=, at most ${Math.round(MAX_IMPORT_FILE_BYTES / 1_048_576)} MB. Streamed to disk. A file of the same name replaces the earlier one.`,
        params: IdParams,
        querystring: ImportFileQuery,
        response: { 200: ImportJobView, ...UploadErrors },
      },
    }, async (request, reply) => {
      const body = request.body as Readable | undefined;
      if (!body || typeof (body as Readable).pipe !== 'function') {
        throw new DomainError('VALIDATION_FAILED', 'Send the file as the request body.', 'file');
      }
      const job = await addImportFile(ctx.store, request.auth!.user, request.params.id, request.query.name.trim(), body, dir, ctx.now());
      setEtag(reply, job.version);
      return reply.status(200).send(presentImportJob(job));
    });
  });
}
