import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { requireIfMatch, setEtag } from '../../plugins/etag.js';
import { runWrite } from '../../plugins/idempotency.js';
import { invalidateBoard } from '../../services/board-cache.js';
import { changePostingStatus, putBoardSettings, putPosting, readBoardSettings, readPostingOfRole } from '../../services/postings.js';
import { errorResponses, IdParams, WriteErrors } from '../../../api/shared.js';
import { JobBoardSettings, PostingPublishBody, PostingPutBody, PostingView } from '../../../api/postings.js';
import { presentPosting } from './presenter.js';

/**
 * A role's job posting (issue 16, docs/job-board.md): read with its findings, write the draft, publish, unpublish,
 * close; and the board's look. Owners, admins and the role's hiring manager (`postings.*`); interviewers and
 * recruiters are refused by the policy table. Every write clears this instance's cache of the public board.
 */
export function registerPostingRoutes(app: App, ctx: ServerContext): void {
  app.get('/api/v1/roles/:id/posting', {
    preValidation: requireAction('postings.read'),
    schema: { tags: ['postings'], params: IdParams, response: { 200: PostingView, ...errorResponses } },
  }, async (request, reply) => {
    const state = await readPostingOfRole(ctx.store.db, request.params.id);
    setEtag(reply, state.posting.version);
    return presentPosting(state);
  });

  app.put('/api/v1/roles/:id/posting', {
    preValidation: requireAction('postings.write'),
    schema: { tags: ['postings'], params: IdParams, body: PostingPutBody, response: { 200: PostingView, 201: PostingView, ...WriteErrors } },
  }, async (request, reply) => {
    // The first version has nothing to match; later ones need If-Match (the service says which).
    const expected = request.headers['if-match'] === undefined ? undefined : requireIfMatch(request);
    const result = await runWrite(ctx, request, reply, async (tx) => {
      const state = await putPosting(tx, request.auth!.user, request.params.id, expected, request.body, ctx.now());
      return { status: expected === undefined ? 201 : 200, body: presentPosting(state), version: state.posting.version };
    });
    invalidateBoard(ctx.store);
    return result;
  });

  for (const transition of ['publish', 'unpublish', 'close'] as const) {
    app.post(`/api/v1/roles/:id/posting/${transition}`, {
      preValidation: requireAction('postings.write'),
      schema: { tags: ['postings'], params: IdParams, ...(transition === 'publish' ? { body: PostingPublishBody } : {}), response: { 200: PostingView, ...WriteErrors } },
    }, async (request, reply) => {
      const expected = requireIfMatch(request);
      const body = (request.body ?? {}) as { acknowledgeFindings?: boolean };
      const result = await runWrite(ctx, request, reply, async (tx) => {
        const state = await changePostingStatus(tx, request.auth!.user, request.params.id, expected, transition, { acknowledgeFindings: body.acknowledgeFindings === true }, ctx.now());
        return { status: 200, body: presentPosting(state), version: state.posting.version };
      });
      invalidateBoard(ctx.store);
      return result;
    });
  }

  app.get('/api/v1/job-board/settings', {
    preValidation: requireAction('company.read'),
    schema: { tags: ['postings'], response: { 200: JobBoardSettings, ...errorResponses } },
  }, async () => readBoardSettings(ctx.store.db));

  app.put('/api/v1/job-board/settings', {
    preValidation: requireAction('company.update'),
    schema: { tags: ['postings'], body: JobBoardSettings, response: { 200: JobBoardSettings, ...WriteErrors } },
  }, async (request, reply) => {
    const result = await runWrite(ctx, request, reply, async (tx) => ({ status: 200, body: await putBoardSettings(tx, request.auth!.user, request.body, ctx.now()) }));
    invalidateBoard(ctx.store);
    return result;
  });
}
