import { z } from 'zod';
import { DomainError } from '../../../domain/shared/errors.js';
import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { requireIfMatch, setEtag } from '../../plugins/etag.js';
import { runWrite } from '../../plugins/idempotency.js';
import { changeCandidate, createCandidate, DuplicateCandidateError, mergeCandidates } from '../../services/pipeline.js';
import '../../services/pipeline-demo.js';
import { candidateViewer, findCandidates, readCandidate } from '../../services/candidates.js';
import { ErrorResponse, errorResponses, IdParams, writeErrorResponses } from '../common-schemas.js';
import { CandidateView, presentCandidate } from './presenter.js';
import { CandidateCreateBody, CandidateListQuery, CandidateMergeBody, CandidatePatchBody } from './schema.js';

function listWindow(limit: string | undefined, offset: string | undefined): { limit: number; offset: number } {
  const l = limit === undefined ? 100 : Number(limit);
  const o = offset === undefined ? 0 : Number(offset);
  if (l < 1 || l > 500) throw new DomainError('VALIDATION_FAILED', 'limit is a whole number from 1 to 500.', 'limit');
  return { limit: l, offset: o };
}

const DuplicateResponse = ErrorResponse.extend({
  matches: z.array(z.object({ candidate: CandidateView, reasons: z.array(z.string()) })),
});

export function registerCandidateRoutes(app: App, ctx: ServerContext): void {
  app.get('/api/v1/candidates', {
    preValidation: requireAction('candidates.read'),
    schema: { tags: ['candidates'], querystring: CandidateListQuery, response: { 200: z.object({ items: z.array(CandidateView) }), ...errorResponses } },
  }, async (request) => {
    const user = request.auth!.user;
    const window = listWindow(request.query.limit, request.query.offset);
    const archived = ({ false: 'exclude', true: 'only', any: 'include' } as const)[request.query.archived ?? 'false'];
    const items = await findCandidates(ctx.store.db, user, { q: request.query.q, archived, ...window });
    const viewer = await candidateViewer(ctx.store.db, user, items);
    return { items: items.map((c) => presentCandidate(c, viewer)) };
  });

  app.post('/api/v1/candidates', {
    preValidation: requireAction('candidates.write'),
    schema: { tags: ['candidates'], body: CandidateCreateBody, response: { 201: CandidateView, ...writeErrorResponses, 409: DuplicateResponse.or(ErrorResponse) } },
  }, async (request, reply) => {
    const user = request.auth!.user;
    try {
      return await runWrite(ctx, request, reply, async (tx) => {
        const candidate = await createCandidate(tx, user, request.body, ctx.now());
        return { status: 201, body: presentCandidate(candidate, { role: user.role }), version: candidate.version };
      });
    } catch (error) {
      if (!(error instanceof DuplicateCandidateError)) throw error;
      const viewer = await candidateViewer(ctx.store.db, user, error.matches);
      return reply.status(409).send({
        code: error.code,
        message: error.message,
        field: error.field,
        matches: error.matches.map((c) => ({ candidate: presentCandidate(c, viewer), reasons: error.reasons[c.id] ?? [] })),
      });
    }
  });

  app.get('/api/v1/candidates/:id', {
    preValidation: requireAction('candidates.read'),
    schema: { tags: ['candidates'], params: IdParams, response: { 200: CandidateView, ...errorResponses } },
  }, async (request, reply) => {
    const candidate = await readCandidate(ctx.store.db, request.params.id);
    setEtag(reply, candidate.version);
    return presentCandidate(candidate, await candidateViewer(ctx.store.db, request.auth!.user, [candidate]));
  });

  app.patch('/api/v1/candidates/:id', {
    preValidation: requireAction('candidates.write'),
    schema: { tags: ['candidates'], params: IdParams, body: CandidatePatchBody, response: { 200: CandidateView, ...writeErrorResponses } },
  }, async (request, reply) => {
    const expected = requireIfMatch(request);
    const user = request.auth!.user;
    return runWrite(ctx, request, reply, async (tx) => {
      const candidate = await changeCandidate(tx, user, request.params.id, expected, request.body, ctx.now());
      return { status: 200, body: presentCandidate(candidate, await candidateViewer(tx, user, [candidate])), version: candidate.version };
    });
  });

  app.post('/api/v1/candidates/:id/merge', {
    preValidation: requireAction('candidates.write'),
    schema: {
      tags: ['candidates'],
      params: IdParams,
      body: CandidateMergeBody,
      response: { 200: z.object({ candidate: CandidateView, mergedId: z.string(), movedApplicationIds: z.array(z.string()) }), ...writeErrorResponses },
    },
  }, async (request, reply) => {
    const user = request.auth!.user;
    return runWrite(ctx, request, reply, async (tx) => {
      const { candidate, movedApplicationIds } = await mergeCandidates(tx, user, request.params.id, request.body.intoId, ctx.now());
      const viewer = await candidateViewer(tx, user, [candidate]);
      return { status: 200, body: { candidate: presentCandidate(candidate, viewer), mergedId: request.params.id, movedApplicationIds }, version: candidate.version };
    });
  });
}
