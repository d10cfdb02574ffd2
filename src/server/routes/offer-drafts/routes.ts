import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { getOfferDraft, listOfferTargets } from '../../services/offer-draft.js';
import { errorResponses, IdParams, PAGE_EXCEPTIONS, pageWindow } from '../../../api/shared.js';
import { OfferDraftResponse, OfferTargetsQuery, OfferTargetsResponse } from '../../../api/offer-drafts.js';

export function registerOfferDraftRoutes(app: App, ctx: ServerContext): void {
  // Pay, bands and the company's valuation: only for people who make offers.
  app.get('/api/v1/applications/:id/offer-draft', {
    preValidation: requireAction('offers.write'),
    schema: { tags: ['offers'], params: IdParams, response: { 200: OfferDraftResponse, ...errorResponses } },
  }, async (request) => getOfferDraft(ctx.store.db, request.params.id));

  app.get('/api/v1/offer-drafts', {
    preValidation: requireAction('offers.write'),
    schema: { tags: ['offers'], querystring: OfferTargetsQuery, response: { 200: OfferTargetsResponse, ...errorResponses } },
  }, async (request) => {
    const { limit } = pageWindow(request.query, PAGE_EXCEPTIONS.offerTargets);
    return { items: await listOfferTargets(ctx.store.db, request.query.q, limit) };
  });
}
