import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { setEtag } from '../../plugins/etag.js';
import {
  getDecisionView,
  getMyScorecard,
  listVisibleScorecards,
  readScorecard,
  saveScorecardDraft,
  submitScorecard,
  writeScorecard,
} from '../../services/interviews.js';
import { errorResponses, IdParams } from '../../../api/shared.js';
import { presentDecision, presentMyScorecard, presentScorecard } from './presenter.js';
import { DecisionViewSchema, MyScorecardView, ScorecardDraftBody, ScorecardListView, ScorecardSubmitBody, ScorecardView } from '../../../api/scorecards.js';

export function registerScorecardRoutes(app: App, ctx: ServerContext): void {
  app.get('/api/v1/interviews/:id/scorecard', {
    preValidation: requireAction('scorecards.write-own'),
    schema: { tags: ['scorecards'], params: IdParams, response: { 200: MyScorecardView, ...errorResponses } },
  }, async (request) => {
    const user = request.auth!.user;
    return presentMyScorecard(await getMyScorecard(ctx.store.db, user, request.params.id), user);
  });

  app.put('/api/v1/interviews/:id/scorecard', {
    preValidation: requireAction('scorecards.write-own'),
    schema: { tags: ['scorecards'], params: IdParams, body: ScorecardDraftBody, response: { 200: MyScorecardView, ...errorResponses } },
  }, async (request) => {
    const user = request.auth!.user;
    const saved = await writeScorecard(ctx.store, (tx) => saveScorecardDraft(tx, user, request.params.id, request.body, ctx.now()));
    return presentMyScorecard(saved, user);
  });

  app.post('/api/v1/interviews/:id/scorecard/submit', {
    preValidation: requireAction('scorecards.write-own'),
    schema: { tags: ['scorecards'], params: IdParams, body: ScorecardSubmitBody, response: { 200: MyScorecardView, ...errorResponses } },
  }, async (request) => {
    const user = request.auth!.user;
    const saved = await writeScorecard(ctx.store, (tx) => submitScorecard(tx, user, request.params.id, request.body ?? undefined, ctx.now()));
    return presentMyScorecard(saved, user);
  });

  app.get('/api/v1/interviews/:id/scorecards', {
    preValidation: requireAction('interviews.read-assigned'),
    schema: { tags: ['scorecards'], params: IdParams, response: { 200: ScorecardListView, ...errorResponses } },
  }, async (request) => {
    const { cards, names } = await listVisibleScorecards(ctx.store.db, request.auth!.user, request.params.id);
    return { items: cards.map((c) => presentScorecard(c, names.get(c.interviewerId) ?? c.interviewerId)) };
  });

  app.get('/api/v1/scorecards/:id', {
    preValidation: requireAction('interviews.read-assigned'),
    schema: { tags: ['scorecards'], params: IdParams, response: { 200: ScorecardView, ...errorResponses } },
  }, async (request, reply) => {
    const { card, authorName } = await readScorecard(ctx.store.db, request.auth!.user, request.params.id);
    setEtag(reply, card.version);
    return presentScorecard(card, authorName);
  });

  app.get('/api/v1/applications/:id/decision', {
    preValidation: requireAction('interviews.read-assigned'),
    schema: { tags: ['scorecards'], params: IdParams, response: { 200: DecisionViewSchema, ...errorResponses } },
  }, async (request) => {
    const d = await getDecisionView(ctx.store.db, request.auth!.user, request.params.id);
    return presentDecision({ applicationId: d.application.id, role: d.role, template: d.template, view: d.view });
  });

}
