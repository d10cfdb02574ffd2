import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { requireIfMatch, setEtag } from '../../plugins/etag.js';
import { approvalPlanFor, approvalSettingsOf, approvalSettingsVersion, asDecisionConflict, decideOffer, getOfferDetail, listMyApprovals, putApprovalSettings } from '../../services/offers.js';
import { getCompany, inTransaction, listUsers } from '../../../storage/index.js';
import { errorResponses, IdParams, PreconditionErrors } from '../../../api/shared.js';
import { presentOfferDetail } from '../offers/presenter.js';
import { OfferDetailView } from '../../../api/offers.js';
import { presentApprovalInboxItem, presentApprovalSettings } from './presenter.js';
import { ApprovalInboxView, ApprovalSettingsBody, ApprovalSettingsView, DecisionBody } from '../../../api/approvals.js';

/** True when none of the configured approvers can decide, so the owners do (services/offers.ts approvalPlanFor). */
function ownersDecide(settings: Parameters<typeof approvalPlanFor>[0], users: Parameters<typeof approvalPlanFor>[1]): boolean {
  return !approvalPlanFor(settings, users).approverIds.some((id) => settings.approverIds.includes(id));
}

export function registerApprovalRoutes(app: App, ctx: ServerContext): void {
  app.get('/api/v1/approvals', {
    preValidation: requireAction('offers.approve'),
    schema: { tags: ['approvals'], response: { 200: ApprovalInboxView, ...errorResponses } },
  }, async (request) => {
    const [entries, users] = await Promise.all([listMyApprovals(ctx.store.db, request.auth!.user.id), listUsers(ctx.store.db)]);
    const people = new Map(users.map((u) => [u.id, u.name]));
    return { items: entries.map((e) => presentApprovalInboxItem(e, people)) };
  });

  for (const [verb, decision] of [['approve', 'approved'], ['reject', 'rejected']] as const) {
    app.post(`/api/v1/offers/:id/${verb}`, {
      preValidation: requireAction('offers.approve'),
      schema: { tags: ['approvals'], params: IdParams, body: DecisionBody, response: { 200: OfferDetailView, ...errorResponses } },
    }, async (request, reply) => {
      try {
        const d = await inTransaction(ctx.store.db, async (tx) => {
          await decideOffer(tx, request.auth!.user, request.params.id, decision, request.body?.comment, ctx.now());
          return getOfferDetail(tx, request.params.id);
        });
        setEtag(reply, d.offer.version);
        return presentOfferDetail(d);
      } catch (error) {
        // A concurrent second click that reached the unique constraint is the same answer as a later one.
        throw asDecisionConflict(error);
      }
    });
  }

  app.get('/api/v1/approvals/settings', {
    preValidation: requireAction('offers.read'),
    schema: { tags: ['approvals'], response: { 200: ApprovalSettingsView, ...errorResponses } },
  }, async (_request, reply) => {
    const [company, users] = await Promise.all([getCompany(ctx.store.db), listUsers(ctx.store.db)]);
    const settings = approvalSettingsOf(company);
    const version = approvalSettingsVersion(company);
    setEtag(reply, version);
    return presentApprovalSettings({ ...settings, version }, users, ownersDecide(settings, users));
  });

  app.put('/api/v1/approvals/settings', {
    preValidation: requireAction('company.update'),
    schema: { tags: ['approvals'], body: ApprovalSettingsBody, response: { 200: ApprovalSettingsView, ...PreconditionErrors } },
  }, async (request, reply) => {
    // If-Match is checked when sent (the web always sends it); scripts written before it was added still work without.
    const expected = request.headers['if-match'] === undefined ? undefined : requireIfMatch(request);
    const settings = await inTransaction(ctx.store.db, (tx) => putApprovalSettings(tx, request.auth!.user, request.body, ctx.now(), expected));
    const users = await listUsers(ctx.store.db);
    setEtag(reply, settings.version);
    return presentApprovalSettings(settings, users, ownersDecide(settings, users));
  });
}
