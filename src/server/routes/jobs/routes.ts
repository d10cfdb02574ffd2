import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { App, ServerContext } from '../../context.js';
import { DomainError } from '../../../domain/shared/errors.js';
import { ERROR_CATALOGUE, type ErrorCode } from '../../../domain/shared/error-codes.js';
import { checkCvContent, CV_MAX_BYTES, formatMegabytes, parseMediaType } from '../../../domain/candidates/cv-file.js';
import { POSTING_DEFAULTS } from '../../../domain/postings/posting.js';
import { defaultTaxonomy } from '../../../domain/taxonomy/index.js';
import { CONTENT_SECURITY_POLICY, useOwnContentSecurityPolicy } from '../../plugins/security-headers.js';
import { parseMultipart, parseUrlEncoded, type ParsedForm } from '../../plugins/form-body.js';
import { RateLimiter } from '../../services/rate-limit.js';
import { cachedBoard, cachedPage, type RenderedPage } from '../../services/board-cache.js';
import { checkFormToken, issueFormToken, readPublishedPosting, type BoardSnapshot } from '../../services/postings.js';
import { readApplicationForm, submitInboundApplication } from '../../services/inbound.js';
import { openFileDirectory } from '../../services/file-store.js';
import { JobListQuery as ListQuery, JobSlugParams as SlugParams } from '../../../api/postings.js';
import { renderBoardPage, renderFeed, renderMessagePage, renderPostingPage, renderStylesheet, renderThanksPage } from './pages.js';

/**
 * The public job board (issue 16): `/jobs`, `/jobs/:slug`, `/jobs/feed.json`, `/jobs/board.css`, and the application
 * form's `POST /jobs/:slug/apply` with its thank-you page. No sign-in, no session, no cookie: these routes are listed
 * as public in the access matrix (src/server/suite/access-matrix.test.ts). Reads are cached in-process and by HTTP
 * (ETag, Last-Modified, Cache-Control public); the form is guarded by a signed form token, a honeypot field, a
 * per-address rate limit, size and type checks of the CV, and refusal of control characters.
 */

/** Every public route of the board, for the access matrix: method and URL pattern. */
export const PUBLIC_BOARD_ROUTES = ['GET /jobs', 'GET /jobs/board.css', 'GET /jobs/feed.json', 'GET /jobs/:slug', 'POST /jobs/:slug/apply', 'GET /jobs/:slug/thanks'] as const;


/** Room for the text fields and the multipart framing around the largest CV. */
const FORM_BODY_LIMIT = CV_MAX_BYTES + 256 * 1024;

function baseUrlOf(request: FastifyRequest, board: BoardSnapshot): string {
  if (board.settings.publicUrl) return board.settings.publicUrl;
  const host = /^[A-Za-z0-9.-]{1,253}(:\d{1,5})?$/.test(request.host) ? request.host : 'localhost';
  return `${request.protocol}://${host}`;
}

/** The board's CSP: this origin only, plus the origin of an https logo when the company uses one. */
function boardCsp(board: BoardSnapshot): string {
  const logo = board.settings.logoUrl;
  if (!logo || !logo.startsWith('https://')) return CONTENT_SECURITY_POLICY;
  return `${CONTENT_SECURITY_POLICY}; img-src 'self' ${new URL(logo).origin}`;
}

function sendCached(request: FastifyRequest, reply: FastifyReply, page: RenderedPage, type: string, csp: string): FastifyReply {
  reply.header('Cache-Control', `public, max-age=${POSTING_DEFAULTS.boardCacheSeconds}`);
  reply.header('ETag', page.etag);
  reply.header('Last-Modified', page.lastModified);
  useOwnContentSecurityPolicy(reply, csp);
  reply.type(type);
  const inm = request.headers['if-none-match'];
  if (page.status === 200 && typeof inm === 'string' && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === page.etag)) return reply.status(304).send();
  return reply.status(page.status).send(page.body);
}

function statusOf(error: DomainError): number {
  return ERROR_CATALOGUE[error.code as ErrorCode]?.status ?? 400;
}

export function registerJobRoutes(app: App, ctx: ServerContext): void {
  const limiter = new RateLimiter(ctx.store, 'job-application', POSTING_DEFAULTS.applicationsPerAddress, POSTING_DEFAULTS.applicationWindowMinutes * 60_000, ctx.now);
  const files = ctx.config.filesDir ? openFileDirectory(ctx.config.filesDir) : undefined;
  const names = new Map(defaultTaxonomy().specializations.map((s) => [s.key, s.name]));
  const maxCvMb = formatMegabytes(CV_MAX_BYTES);

  app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    // The form's body: multipart (with the CV) or urlencoded, held in memory up to the CV limit plus the fields.
    scope.addContentTypeParser(['multipart/form-data', 'application/x-www-form-urlencoded'], { parseAs: 'buffer', bodyLimit: FORM_BODY_LIMIT }, (_request, body, done) => done(null, body));
    scope.addContentTypeParser('*', (_request, _payload, done) => done(new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the application form.'), undefined));

    // Errors on these pages are pages too (a visitor's browser shows them), with the catalogue's status.
    scope.setErrorHandler(async (error: Error & { statusCode?: number; code?: string }, request, reply) => {
      const board = (await cachedBoard(ctx.store, ctx.now()).catch(() => undefined))?.snapshot;
      const status = error instanceof DomainError ? statusOf(error) : error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
      if (status >= 500) request.log.error({ err: error }, 'job board request failed');
      const message = status === 413 ? `The form is too large: a CV may be at most ${maxCvMb}.` : status >= 500 ? 'Something went wrong on our side. Try again in a moment.' : error instanceof DomainError ? error.message : 'This request could not be read.';
      reply.header('Cache-Control', 'no-store');
      if (!board) return reply.status(status === 409 ? 404 : status).type('text/plain; charset=utf-8').send(status === 409 ? 'No jobs here yet.' : message);
      return reply.status(status).type('text/html; charset=utf-8').send(renderMessagePage(board, status === 404 ? 'Not found' : 'Something is wrong', message));
    });

    scope.get('/jobs', { schema: { hide: true, querystring: ListQuery } }, async (request, reply) => {
      const specialization = request.query.specialization ?? '';
      const location = request.query.location ?? '';
      const now = ctx.now();
      const entry = await cachedBoard(ctx.store, now);
      const page = await cachedPage(ctx.store, now, `list:${specialization}\u0000${location}`, async (board) => {
        const shown = board.postings.filter((p) => (specialization === '' || p.specializations.includes(specialization)) && (location === '' || p.location.toLowerCase() === location.toLowerCase()));
        return { body: renderBoardPage(board, shown, { specialization, location }, names) };
      });
      return sendCached(request, reply, page, 'text/html; charset=utf-8', boardCsp(entry.snapshot));
    });

    scope.get('/jobs/board.css', { schema: { hide: true } }, async (request, reply) => {
      const now = ctx.now();
      const page = await cachedPage(ctx.store, now, 'css', async (board) => ({ body: renderStylesheet(board.settings) }));
      return sendCached(request, reply, page, 'text/css; charset=utf-8', CONTENT_SECURITY_POLICY);
    });

    scope.get('/jobs/feed.json', { schema: { hide: true } }, async (request, reply) => {
      const now = ctx.now();
      const entry = await cachedBoard(ctx.store, now);
      const base = baseUrlOf(request, entry.snapshot);
      const page = await cachedPage(ctx.store, now, `feed:${base}`, async (board) => ({ body: JSON.stringify(renderFeed(board, base)) }));
      return sendCached(request, reply, page, 'application/feed+json; charset=utf-8', CONTENT_SECURITY_POLICY);
    });

    scope.get('/jobs/:slug', { schema: { hide: true, params: SlugParams } }, async (request, reply) => {
      const now = ctx.now();
      const entry = await cachedBoard(ctx.store, now);
      const base = baseUrlOf(request, entry.snapshot);
      const slug = request.params.slug;
      const page = await cachedPage(ctx.store, now, `posting:${slug}\u0000${base}`, async (board) => {
        const posting = board.postings.find((p) => p.slug === slug);
        if (!posting) return { status: 404, body: renderMessagePage(board, 'This job is not open', 'It may have been filled or taken down.') };
        return { body: renderPostingPage(board, posting, { formToken: await issueFormToken(ctx.store, slug, now), baseUrl: base, maxCvMb }) };
      });
      return sendCached(request, reply, page, 'text/html; charset=utf-8', boardCsp(entry.snapshot));
    });

    scope.get('/jobs/:slug/thanks', { schema: { hide: true, params: SlugParams } }, async (request, reply) => {
      const now = ctx.now();
      const page = await cachedPage(ctx.store, now, `thanks:${request.params.slug}`, async (board) => {
        const posting = board.postings.find((p) => p.slug === request.params.slug);
        return posting ? { body: renderThanksPage(board, posting) } : { status: 404, body: renderMessagePage(board, 'This job is not open', 'It may have been filled or taken down.') };
      });
      return sendCached(request, reply, page, 'text/html; charset=utf-8', CONTENT_SECURITY_POLICY);
    });

    scope.post('/jobs/:slug/apply', { schema: { hide: true, params: SlugParams } }, async (request, reply) => {
      const now = ctx.now();
      reply.header('Cache-Control', 'no-store');
      const waitSeconds = await limiter.take(request.ip);
      if (waitSeconds > 0) {
        reply.header('Retry-After', String(waitSeconds));
        throw new DomainError('RATE_LIMITED', 'Too many applications from your network. Wait an hour and try again.');
      }
      const slug = request.params.slug;
      const body = request.body;
      if (!Buffer.isBuffer(body)) throw new DomainError('VALIDATION_FAILED', 'Send the application form.', 'body');
      const type = parseMediaType(request.headers['content-type']).type;
      const form: ParsedForm = type === 'multipart/form-data' ? parseMultipart(body, request.headers['content-type']) : parseUrlEncoded(body);
      const entry = await cachedBoard(ctx.store, now);
      const posting = await readPublishedPosting(ctx.store.db, slug);
      if (!posting) throw new DomainError('POSTING_NOT_FOUND', 'This job is not open any more: it may have been filled or taken down.');
      // A field people never see (hidden by the stylesheet, skipped by screen readers): only scripts fill it in. They
      // get the thank-you page and nothing is stored, so they learn nothing.
      if ((form.fields.website ?? '') !== '') return reply.status(303).header('Location', `/jobs/${slug}/thanks`).send();
      const retry = (error: DomainError) => {
        const values = { name: form.fields.name ?? '', email: form.fields.email ?? '', links: form.fields.links ?? '', talentPool: form.fields.talentPool ?? '', ...Object.fromEntries(posting.questions.map((q) => [`q-${q.id}`, form.fields[`q-${q.id}`] ?? ''])) };
        // Values with control characters are not echoed back: the page shows the fields empty instead.
        // eslint-disable-next-line no-control-regex
        for (const [k, v] of Object.entries(values)) if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v) || !v.isWellFormed()) values[k as keyof typeof values] = '';
        return renderPostingPage(entry.snapshot, posting, { formToken: '', baseUrl: baseUrlOf(request, entry.snapshot), maxCvMb, form: { values, error: { message: error.message, ...(error.field ? { field: error.field } : {}) } } });
      };
      try {
        await checkFormToken(ctx.store, slug, form.fields.formToken, now);
        const cvPart = form.files.find((f) => f.field === 'cv');
        if (form.files.some((f) => f.field !== 'cv')) throw new DomainError('VALIDATION_FAILED', 'Only a CV can be attached.', 'cv');
        let cv = null;
        if (cvPart) {
          if (parseMediaType(cvPart.contentType).type !== 'application/pdf') throw new DomainError('FILE_TYPE_INVALID', 'Attach your CV as a PDF.', 'cv');
          try {
            checkCvContent(cvPart.bytes, 'application/pdf');
          } catch (error) {
            if (error instanceof DomainError) throw new DomainError(error.code, error.message, 'cv');
            throw error;
          }
          cv = { bytes: cvPart.bytes, contentType: 'application/pdf', filename: cvPart.filename };
        }
        const input = readApplicationForm(posting, form.fields, cv);
        await submitInboundApplication(ctx.store, posting, input, entry.snapshot.settings.talentPoolMonths, entry.snapshot.companyName, now, files);
      } catch (error) {
        if (!(error instanceof DomainError) || error.code === 'POSTING_NOT_FOUND') throw error;
        const page = retry(error);
        // A fresh token for the next try.
        const withToken = page.replace('name="formToken" value=""', `name="formToken" value="${await issueFormToken(ctx.store, slug, now)}"`);
        useOwnContentSecurityPolicy(reply, boardCsp(entry.snapshot));
        return reply.status(statusOf(error)).type('text/html; charset=utf-8').send(withToken);
      }
      return reply.status(303).header('Location', `/jobs/${slug}/thanks`).send();
    });
  });
}
