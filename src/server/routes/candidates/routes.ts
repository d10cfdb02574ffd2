import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { requireIfMatch, setEtag } from '../../plugins/etag.js';
import { runWrite } from '../../plugins/idempotency.js';
import { changeCandidate, createCandidate, DuplicateCandidateError, mergeCandidates } from '../../services/pipeline.js';
import { candidateViewer, findCandidates, readCandidate } from '../../services/candidates.js';
import { ErrorResponse, errorResponses, IdParams, pageWindow, WriteErrors } from '../../../api/shared.js';
import { presentCandidate } from './presenter.js';
import { CandidateCreateBody, CandidateListQuery, CandidateListView, CandidateMergeBody, CandidateMergedView, CandidatePatchBody, CandidateView, DuplicateResponse } from '../../../api/candidates.js';

export function registerCandidateRoutes(app: App, ctx: ServerContext): void {
  app.get('/api/v1/candidates', {
    preValidation: requireAction('candidates.read'),
    schema: { tags: ['candidates'], querystring: CandidateListQuery, response: { 200: CandidateListView, ...errorResponses } },
  }, async (request) => {
    const user = request.auth!.user;
    const window = pageWindow(request.query);
    const archived = ({ false: 'exclude', true: 'only', any: 'include' } as const)[request.query.archived ?? 'false'];
    const items = await findCandidates(ctx.store.db, user, { q: request.query.q, archived, ...window });
    const viewer = await candidateViewer(ctx.store.db, user, items);
    return { items: items.map((c) => presentCandidate(c, viewer)) };
  });

  app.post('/api/v1/candidates', {
    preValidation: requireAction('candidates.write'),
    schema: { tags: ['candidates'], body: CandidateCreateBody, response: { 201: CandidateView, ...WriteErrors, 409: DuplicateResponse.or(ErrorResponse) } },
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
        details: { matches: error.matches.map((c) => ({ candidate: presentCandidate(c, viewer), reasons: error.reasons[c.id] ?? [] })) },
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
    schema: { tags: ['candidates'], params: IdParams, body: CandidatePatchBody, response: { 200: CandidateView, ...WriteErrors } },
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
      response: { 200: CandidateMergedView, ...WriteErrors },
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
