import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { requireIfMatch, setEtag } from '../../plugins/etag.js';
import { approvalInbox, changeApprovalSettings, decideAndRead, readApprovalSettings } from '../../services/approvals.js';
import { errorResponses, IdParams, PreconditionErrors } from '../../../api/shared.js';
import { presentOfferDetail } from '../shared/offer-presenter.js';
import { OfferDetailView } from '../../../api/offers.js';
import { presentApprovalInboxItem, presentApprovalSettings } from './presenter.js';
import { ApprovalInboxView, ApprovalSettingsBody, ApprovalSettingsView, DecisionBody } from '../../../api/approvals.js';

export function registerApprovalRoutes(app: App, ctx: ServerContext): void {
  app.get('/api/v1/approvals', {
    preValidation: requireAction('offers.approve'),
    schema: { tags: ['approvals'], response: { 200: ApprovalInboxView, ...errorResponses } },
  }, async (request) => {
    const { entries, people } = await approvalInbox(ctx.store.db, request.auth!.user.id);
    return { items: entries.map((e) => presentApprovalInboxItem(e, people)) };
  });

  for (const [verb, decision] of [['approve', 'approved'], ['reject', 'rejected']] as const) {
    app.post(`/api/v1/offers/:id/${verb}`, {
      preValidation: requireAction('offers.approve'),
      schema: { tags: ['approvals'], params: IdParams, body: DecisionBody, response: { 200: OfferDetailView, ...errorResponses } },
    }, async (request, reply) => {
      const d = await decideAndRead(ctx.store, request.auth!.user, request.params.id, decision, request.body?.comment, ctx.now());
      setEtag(reply, d.offer.version);
      return presentOfferDetail(d);
    });
  }

  app.get('/api/v1/approvals/settings', {
    preValidation: requireAction('offers.read'),
    schema: { tags: ['approvals'], response: { 200: ApprovalSettingsView, ...errorResponses } },
  }, async (_request, reply) => {
    const state = await readApprovalSettings(ctx.store.db);
    setEtag(reply, state.settings.version);
    return presentApprovalSettings(state);
  });

  app.put('/api/v1/approvals/settings', {
    preValidation: requireAction('company.update'),
    schema: { tags: ['approvals'], body: ApprovalSettingsBody, response: { 200: ApprovalSettingsView, ...PreconditionErrors } },
  }, async (request, reply) => {
    // If-Match is checked when sent (the web always sends it); scripts written before it was added still work without.
    const expected = request.headers['if-match'] === undefined ? undefined : requireIfMatch(request);
    const state = await changeApprovalSettings(ctx.store, request.auth!.user, request.body, ctx.now(), expected);
    setEtag(reply, state.settings.version);
    return presentApprovalSettings(state);
  });
}
