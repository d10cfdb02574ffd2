import { afterErasure } from '../../services/privacy.js';
import type { FastifyError } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CV_CONTENT_TYPES, CV_MAX_BYTES, contentDisposition, formatMegabytes } from '../../../domain/candidates/cv-file.js';
import { DomainError } from '../../../domain/shared/errors.js';
import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { toErrorResponse } from '../../plugins/errors.js';
import { requireIfMatch } from '../../plugins/etag.js';
import { runWrite } from '../../plugins/idempotency.js';
import {
  archiveCandidate,
  attachCandidateFile,
  deleteCandidate,
  listFilesOfCandidate,
  readCandidateFile,
  removeCandidateFile,
  unarchiveCandidate,
} from '../../services/candidate-record.js';
import { candidateViewer } from '../../services/candidates.js';
import { openFileDirectory } from '../../services/file-store.js';
import { ErrorResponse, errorResponses, IdParams, NoBody, WriteErrors } from '../../../api/shared.js';
import { presentCandidate, presentFile } from './presenter.js';
import { CandidateErasedResponse, CandidateFileListView, CandidateFileView, CandidateView, FileBytesResponse, FileErrors, FileParams, FileRemovedResponse, UploadQuery } from '../../../api/candidates.js';

/**
 * The candidate record beyond its fields: archive and unarchive, erase (DELETE), and CV files (upload as the raw
 * body, list, download, remove). Who may do what: docs/decisions/006-candidate-files.md and 007-candidate-erasure.md.
 */
export function registerCandidateRecordRoutes(app: App, ctx: ServerContext): void {
  const files = ctx.config.filesDir ? openFileDirectory(ctx.config.filesDir) : undefined;

  for (const [action, run] of [
    ['archive', archiveCandidate],
    ['unarchive', unarchiveCandidate],
  ] as const) {
    app.post(`/api/v1/candidates/:id/${action}`, {
      preValidation: requireAction('candidates.write'),
      schema: { tags: ['candidates'], params: IdParams, body: NoBody, response: { 200: CandidateView, ...WriteErrors } },
    }, async (request, reply) => {
      const expected = requireIfMatch(request);
      const user = request.auth!.user;
      return runWrite(ctx, request, reply, async (tx) => {
        const candidate = await run(tx, user, request.params.id, expected, ctx.now());
        return { status: 200, body: presentCandidate(candidate, await candidateViewer(tx, user, [candidate])), version: candidate.version };
      });
    });
  }

  app.delete('/api/v1/candidates/:id', {
    preValidation: requireAction('candidates.delete'),
    schema: { tags: ['candidates'], params: IdParams, response: { 204: CandidateErasedResponse, ...WriteErrors, 503: ErrorResponse } },
  }, async (request, reply) => {
    const expected = requireIfMatch(request);
    const sent = await runWrite(ctx, request, reply, async (tx) => {
      await deleteCandidate(tx, request.auth!.user, request.params.id, expected, ctx.now(), files);
      return { status: 204, body: null };
    });
    // Deleted rows were zeroed (secure_delete); copying the WAL back and truncating it leaves no old page behind.
    await afterErasure(ctx.store);
    return sent;
  });

  app.get('/api/v1/candidates/:id/files', {
    preValidation: requireAction('candidates.read-files'),
    schema: { tags: ['candidates'], params: IdParams, response: { 200: CandidateFileListView, ...errorResponses } },
  }, async (request) => ({ items: (await listFilesOfCandidate(ctx.store.db, request.params.id)).map(presentFile) }));

  app.get('/api/v1/candidates/:id/files/:fileId', {
    preValidation: requireAction('candidates.read-files'),
    schema: {
      tags: ['candidates'],
      description: 'The file itself, as an attachment (Content-Type application/pdf or text/plain; charset=utf-8).',
      params: FileParams,
      response: { 200: FileBytesResponse, ...errorResponses, 503: ErrorResponse },
    },
  }, async (request, reply) => {
    const { file, bytes } = await readCandidateFile(ctx.store.db, request.params.id, request.params.fileId, files);
    return reply
      .header('Content-Type', file.contentType === 'text/plain' ? 'text/plain; charset=utf-8' : 'application/pdf')
      .header('Content-Disposition', contentDisposition(file.filename))
      .header('X-Content-Type-Options', 'nosniff')
      .header('Content-Security-Policy', "sandbox; default-src 'none'")
      .header('Cache-Control', 'private, no-store')
      .send(bytes);
  });

  app.delete('/api/v1/candidates/:id/files/:fileId', {
    preValidation: requireAction('candidates.write'),
    schema: { tags: ['candidates'], params: FileParams, response: { 204: FileRemovedResponse, ...errorResponses, 503: ErrorResponse } },
  }, async (request, reply) =>
    runWrite(ctx, request, reply, async (tx) => {
      await removeCandidateFile(tx, request.auth!.user, request.params.id, request.params.fileId, ctx.now(), files);
      return { status: 204, body: null };
    }),
  );

  // The upload takes the file as the raw body, so it lives in its own scope with its own body parsers.
  app.register(async (instance) => {
    const scoped = instance.withTypeProvider<ZodTypeProvider>();
    scoped.removeAllContentTypeParsers();
    scoped.addContentTypeParser([...CV_CONTENT_TYPES], { parseAs: 'buffer', bodyLimit: CV_MAX_BYTES }, (_request, body, done) => done(null, body));
    scoped.addContentTypeParser('*', (_request, _payload, done) => {
      done(new DomainError('FILE_TYPE_INVALID', 'Upload a PDF or a plain-text file (Content-Type application/pdf or text/plain).', 'Content-Type'), undefined);
    });
    scoped.setErrorHandler((error, request, reply) => {
      const tooLarge = (error as FastifyError).code === 'FST_ERR_CTP_BODY_TOO_LARGE';
      const { status, body } = toErrorResponse(tooLarge ? new DomainError('FILE_TOO_LARGE', `A CV may be at most ${formatMegabytes(CV_MAX_BYTES)}.`, 'file') : error);
      if (status >= 500) request.log.error({ err: error }, 'unhandled error');
      return reply.status(status).send(body);
    });

    scoped.post('/api/v1/candidates/:id/files', {
      // Checked on the request line, before a large body is read.
      onRequest: requireAction('candidates.write'),
      bodyLimit: CV_MAX_BYTES,
      schema: {
        tags: ['candidates'],
        description: `Attach a CV: the raw bytes as the body, Content-Type application/pdf or text/plain (UTF-8), at most ${formatMegabytes(CV_MAX_BYTES)}; the file name in ?filename=. The same bytes again answer 200 with the stored file.`,
        consumes: [...CV_CONTENT_TYPES],
        params: IdParams,
        querystring: UploadQuery,
        response: { 200: CandidateFileView, 201: CandidateFileView, ...FileErrors },
      },
    }, async (request, reply) => {
      const body = request.body as unknown;
      const { file, created } = await attachCandidateFile(
        ctx.store,
        request.auth!.user,
        request.params.id,
        { bytes: Buffer.isBuffer(body) ? body : undefined, contentType: request.headers['content-type'], filename: request.query.filename },
        ctx.now(),
        files,
      );
      return reply.status(created ? 201 : 200).send(presentFile(file));
    });
  });
}
