import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { runWrite } from '../../plugins/idempotency.js';
import {
  analyzeRole,
  checkPlanForCompany,
  computeAttractiveness,
  computeTeamPlan,
  deleteTaxonomyExtension,
  getAttractivenessInputs,
  getTaxonomyState,
  getTeamPlanInputs,
  putAttractivenessInputs,
  putTaxonomyExtension,
  putTeamPlanInputs,
} from '../../services/scoping.js';
import { presentTeamPlan, presentTeamPlanInputs } from './presenter.js';
import {
  AnalysisView,
  AnalyzeBody,
  AttractivenessInputsBody,
  AttractivenessInputsView,
  AttractivenessView,
  PlanCheckBody,
  PlanCheckView,
  ScopingErrors,
  ScopingWriteErrors,
  TaxonomyExtension,
  TaxonomyView,
  TeamPlanInputsBody,
  TeamPlanInputsView,
  TeamPlanView,
} from '../../../api/scoping.js';

/** Role analysis, taxonomy extension, plan checker, attractiveness and team plan (docs/api-scoping.md). */
export function registerScopingRoutes(app: App, ctx: ServerContext): void {
  // A static path: find-my-way matches it before the pipeline's parametric /roles/:id.
  app.post('/api/v1/roles/analyze', {
    preValidation: requireAction('scope.analyze'),
    schema: { tags: ['scoping'], body: AnalyzeBody, response: { 200: AnalysisView, ...ScopingErrors } },
  }, async (request) => analyzeRole(ctx.store.db, request.body));

  app.get('/api/v1/taxonomy', {
    preValidation: requireAction('scope.analyze'),
    schema: { tags: ['scoping'], response: { 200: TaxonomyView, ...ScopingErrors } },
  }, async () => {
    const state = await getTaxonomyState(ctx.store.db);
    return { version: state.taxonomy.version, ...state };
  });

  app.put('/api/v1/taxonomy/extensions', {
    preValidation: requireAction('company.update'),
    schema: { tags: ['scoping'], body: TaxonomyExtension, response: { 200: TaxonomyView, ...ScopingWriteErrors } },
  }, async (request, reply) =>
    runWrite(ctx, request, reply, async (tx) => {
      const state = await putTaxonomyExtension(tx, request.auth!.user, request.body, ctx.now());
      return { status: 200, body: { version: state.taxonomy.version, ...state } };
    }),
  );

  app.delete('/api/v1/taxonomy/extensions', {
    preValidation: requireAction('company.update'),
    schema: { tags: ['scoping'], response: { 200: TaxonomyView, ...ScopingWriteErrors } },
  }, async (request, reply) =>
    runWrite(ctx, request, reply, async (tx) => {
      const state = await deleteTaxonomyExtension(tx, request.auth!.user, ctx.now());
      return { status: 200, body: { version: state.taxonomy.version, ...state } };
    }),
  );

  app.post('/api/v1/plans/check', {
    preValidation: requireAction('plans.check'),
    schema: { tags: ['scoping'], body: PlanCheckBody, response: { 200: PlanCheckView, ...ScopingErrors } },
  }, async (request) => checkPlanForCompany(ctx.store.db, request.body));

  app.get('/api/v1/company/attractiveness', {
    preValidation: requireAction('company.read'),
    schema: { tags: ['scoping'], response: { 200: AttractivenessView, ...ScopingErrors } },
  }, async () => computeAttractiveness(ctx.store.db));

  app.get('/api/v1/company/attractiveness-inputs', {
    preValidation: requireAction('company.read'),
    schema: { tags: ['scoping'], response: { 200: AttractivenessInputsView, ...ScopingErrors } },
  }, async () => getAttractivenessInputs(ctx.store.db));

  app.put('/api/v1/company/attractiveness-inputs', {
    preValidation: requireAction('company.update'),
    schema: { tags: ['scoping'], body: AttractivenessInputsBody, response: { 200: AttractivenessInputsView, ...ScopingWriteErrors } },
  }, async (request, reply) =>
    runWrite(ctx, request, reply, async (tx) => ({ status: 200, body: await putAttractivenessInputs(tx, request.auth!.user, request.body, ctx.now()) })),
  );

  app.get('/api/v1/team/plan', {
    preValidation: requireAction('team.read'),
    schema: { tags: ['scoping'], response: { 200: TeamPlanView, ...ScopingErrors } },
  }, async (request) => presentTeamPlan(await computeTeamPlan(ctx.store.db), request.auth!.user));

  app.get('/api/v1/team/plan-inputs', {
    preValidation: requireAction('team.read'),
    schema: { tags: ['scoping'], response: { 200: TeamPlanInputsView, ...ScopingErrors } },
  }, async (request) => presentTeamPlanInputs(await getTeamPlanInputs(ctx.store.db), request.auth!.user));

  app.put('/api/v1/team/plan-inputs', {
    preValidation: requireAction('company.update'),
    schema: { tags: ['scoping'], body: TeamPlanInputsBody, response: { 200: TeamPlanInputsView, ...ScopingWriteErrors } },
  }, async (request, reply) =>
    runWrite(ctx, request, reply, async (tx) => {
      const state = await putTeamPlanInputs(tx, request.auth!.user, request.body, ctx.now());
      return { status: 200, body: presentTeamPlanInputs(state, request.auth!.user) };
    }),
  );
}
