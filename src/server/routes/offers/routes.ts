import type { FastifyReply } from 'fastify';
import { offerSummaryFileName, renderOfferSummaryHtml, renderOfferSummaryPdf } from '../../../domain/offers/index.js';
import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { requireIfMatch, setEtag } from '../../plugins/etag.js';
import { runWrite } from '../../plugins/idempotency.js';
import {
  buildSummary,
  createOffer,
  extendOffer,
  getOfferDetail,
  getOfferHistory,
  listOffersWithPeople,
  prepareOfferRevision,
  prepareOfferVersion,
  respondToOffer,
  reviseOffer,
  submitOffer,
  withdrawOffer,
} from '../../services/offers.js';
import { ERROR_CATALOGUE } from '../../../domain/shared/error-codes.js';
import { errorResponses, IdParams, NoBody, pageWindow, PreconditionErrors } from '../../../api/shared.js';
import { presentOffer, presentOfferDetail, presentSummary, presentVersion } from '../shared/offer-presenter.js';
import { OfferCreateBody, OfferDetailView, OfferExtendBody, OfferListQuery, OfferListView, OfferReasonBody, OfferReviseBody, OfferVersionParams, SummaryQuery, SummaryView, VersionListView, VersionView } from '../../../api/offers.js';


export function registerOfferRoutes(app: App, ctx: ServerContext): void {
  const detail = async (tx: Parameters<typeof getOfferDetail>[0], id: string) => {
    const d = await getOfferDetail(tx, id);
    return { status: 200, body: presentOfferDetail(d), version: d.offer.version };
  };

  app.post('/api/v1/applications/:id/offers', {
    preValidation: requireAction('offers.write'),
    schema: { tags: ['offers'], params: IdParams, body: OfferCreateBody, response: { 201: OfferDetailView, ...PreconditionErrors } },
  }, async (request, reply) => {
    // The engine runs before the transaction: it takes a few hundred ms and must not hold the writer.
    const prepared = await prepareOfferVersion(ctx.store, request.params.id, request.body);
    return runWrite(ctx, request, reply, async (tx) => {
      const { offer } = await createOffer(tx, request.auth!.user, prepared, ctx.now());
      return { ...(await detail(tx, offer.id)), status: 201 };
    });
  });

  app.get('/api/v1/offers', {
    preValidation: requireAction('offers.read'),
    schema: { tags: ['offers'], querystring: OfferListQuery, response: { 200: OfferListView, ...errorResponses } },
  }, async (request) => {
    const q = request.query;
    const { entries, people } = await listOffersWithPeople(ctx.store.db, { status: q.status, applicationId: q.applicationId, ...pageWindow(q) });
    return { items: entries.map((e) => presentOffer(e, people)) };
  });

  app.get('/api/v1/offers/:id', {
    preValidation: requireAction('offers.read'),
    schema: { tags: ['offers'], params: IdParams, response: { 200: OfferDetailView, ...errorResponses } },
  }, async (request, reply) => {
    const d = await getOfferDetail(ctx.store.db, request.params.id);
    setEtag(reply, d.offer.version);
    return presentOfferDetail(d);
  });

  app.get('/api/v1/offers/:id/versions', {
    preValidation: requireAction('offers.read'),
    schema: { tags: ['offers'], params: IdParams, response: { 200: VersionListView, ...errorResponses } },
  }, async (request) => {
    const { detail: d, decisions } = await getOfferHistory(ctx.store.db, request.params.id);
    return { items: d.versions.map((v) => presentVersion(v, decisions, d.people)) };
  });

  app.get('/api/v1/offers/:id/versions/:version', {
    preValidation: requireAction('offers.read'),
    schema: { tags: ['offers'], params: OfferVersionParams, response: { 200: VersionView, ...errorResponses } },
  }, async (request) => {
    const d = await getOfferDetail(ctx.store.db, request.params.id, Number(request.params.version));
    return presentVersion(d.version, d.decisions, d.people);
  });

  app.put('/api/v1/offers/:id', {
    preValidation: requireAction('offers.write'),
    schema: { tags: ['offers'], params: IdParams, body: OfferReviseBody, response: { 200: OfferDetailView, ...PreconditionErrors } },
  }, async (request, reply) => {
    const expected = requireIfMatch(request);
    const prepared = await prepareOfferRevision(ctx.store, request.params.id, request.body);
    return runWrite(ctx, request, reply, async (tx) => {
      await reviseOffer(tx, request.auth!.user, request.params.id, expected, prepared, ctx.now());
      return detail(tx, request.params.id);
    });
  });

  app.post('/api/v1/offers/:id/submit', {
    preValidation: requireAction('offers.write'),
    schema: { tags: ['offers'], params: IdParams, body: NoBody, response: { 200: OfferDetailView, ...PreconditionErrors } },
  }, async (request, reply) =>
    runWrite(ctx, request, reply, async (tx) => {
      await submitOffer(tx, request.auth!.user, request.params.id, ctx.now());
      return detail(tx, request.params.id);
    }),
  );

  app.post('/api/v1/offers/:id/extend', {
    preValidation: requireAction('offers.write'),
    schema: { tags: ['offers'], params: IdParams, body: OfferExtendBody, response: { 200: OfferDetailView, ...PreconditionErrors } },
  }, async (request, reply) =>
    runWrite(ctx, request, reply, async (tx) => {
      await extendOffer(tx, request.auth!.user, request.params.id, request.body?.expiresAt, ctx.now());
      return detail(tx, request.params.id);
    }),
  );

  for (const answer of ['accept', 'decline'] as const) {
    app.post(`/api/v1/offers/:id/${answer}`, {
      preValidation: requireAction('offers.write'),
      schema: { tags: ['offers'], params: IdParams, body: OfferReasonBody, response: { 200: OfferDetailView, ...PreconditionErrors } },
    }, async (request, reply) =>
      runWrite(ctx, request, reply, async (tx) => {
        const { expired } = await respondToOffer(tx, request.auth!.user, request.params.id, answer, request.body?.reason, ctx.now());
        // The expiry is committed; the answer says why the acceptance did not happen.
        if (expired) return { status: 409, body: { code: 'OFFER_EXPIRED', message: ERROR_CATALOGUE.OFFER_EXPIRED.message, field: 'expiresAt' } };
        return detail(tx, request.params.id);
      }),
    );
  }

  app.post('/api/v1/offers/:id/withdraw', {
    preValidation: requireAction('offers.write'),
    schema: { tags: ['offers'], params: IdParams, body: OfferReasonBody, response: { 200: OfferDetailView, ...PreconditionErrors } },
  }, async (request, reply) =>
    runWrite(ctx, request, reply, async (tx) => {
      await withdrawOffer(tx, request.auth!.user, request.params.id, request.body?.reason, ctx.now());
      return detail(tx, request.params.id);
    }),
  );

  app.get('/api/v1/offers/:id/summary', {
    preValidation: requireAction('offers.read'),
    schema: { tags: ['offers'], params: IdParams, querystring: SummaryQuery, response: { 200: SummaryView, ...errorResponses } },
  }, async (request) => presentSummary(await buildSummary(ctx.store.db, request.params.id, ctx.now(), request.query.version ? Number(request.query.version) : undefined)));

  app.get('/api/v1/offers/:id/summary.html', {
    preValidation: requireAction('offers.read'),
    schema: { tags: ['offers'], params: IdParams, querystring: SummaryQuery, response: { ...errorResponses } },
  }, async (request, reply) => {
    const summary = await buildSummary(ctx.store.db, request.params.id, ctx.now(), request.query.version ? Number(request.query.version) : undefined);
    return (reply as FastifyReply)
      .type('text/html; charset=utf-8')
      .header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
      .header('Cache-Control', 'no-store')
      .send(renderOfferSummaryHtml(summary));
  });

  app.get('/api/v1/offers/:id/summary.pdf', {
    preValidation: requireAction('offers.read'),
    schema: { tags: ['offers'], params: IdParams, querystring: SummaryQuery, response: { ...errorResponses } },
  }, async (request, reply) => {
    const summary = await buildSummary(ctx.store.db, request.params.id, ctx.now(), request.query.version ? Number(request.query.version) : undefined);
    return (reply as FastifyReply)
      .type('application/pdf')
      .header('Content-Disposition', `attachment; filename="${offerSummaryFileName(summary)}"`)
      .header('Cache-Control', 'no-store')
      .send(Buffer.from(renderOfferSummaryPdf(summary)));
  });
}
