import { ReportParams, ReportQuery, ReportView } from '../../../api/reports.js';
import { errorResponses } from '../../../api/shared.js';
import { can } from '../../../domain/access/policy.js';
import { DomainError } from '../../../domain/shared/errors.js';
import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { buildCycle, clockBreaches, buildFunnel, buildOffers, lossesFromStore, readPeopleNames, readReportInputs, sourcesFromStore, type ReportFilters } from '../../services/reports.js';
import { MarketService } from '../../services/market.js';
import { groupLabel, personName } from './presenter.js';

const DAY_MS = 86_400_000;

/** `from` inclusive, `to` a whole UTC day included: [from 00:00, the day after `to` 00:00). */
function periodOf(q: ReportQuery): ReportFilters['period'] {
  const from = q.from === undefined ? undefined : Date.parse(`${q.from}T00:00:00Z`);
  const to = q.to === undefined ? undefined : Date.parse(`${q.to}T00:00:00Z`) + DAY_MS;
  if (from !== undefined && to !== undefined && from >= to) throw new DomainError('VALIDATION_FAILED', 'The period ends before it starts.', 'to');
  return { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
}

export function registerReportRoutes(app: App, ctx: ServerContext): void {
  const market = new MarketService(ctx.store);
  app.get('/api/v1/reports/:name', {
    preValidation: requireAction('reports.read'),
    schema: { tags: ['reports'], params: ReportParams, querystring: ReportQuery, response: { 200: ReportView, ...errorResponses } },
  }, async (request) => {
    const q = request.query;
    const filters: ReportFilters = { by: q.by ?? 'all', period: periodOf(q), ...(q.roleId ? { roleId: q.roleId } : {}), ...(q.specialization ? { specialization: q.specialization } : {}), ...(q.source ? { source: q.source } : {}) };
    const asOf = ctx.now();
    const seesPay = can(request.auth!.user.role, 'compensation.read');
    const db = ctx.store.db;
    const envelopeOf = (applications: number) => ({
      filters: { by: filters.by, roleId: q.roleId ?? null, specialization: q.specialization ?? null, source: q.source ?? null, from: q.from ?? null, to: q.to ?? null },
      asOf: asOf.toISOString(),
      applications,
      payHidden: !seesPay,
    });
    if (request.params.name === 'clock-breaches') {
      const { applications, report: r } = await clockBreaches(db, filters, asOf);
      const people = await readPeopleNames(db);
      return { name: 'clock-breaches' as const, ...envelopeOf(applications), data: { clocks: r.clocks, people: r.people.map((p) => ({ ...p, personName: personName(people, p.personId) })) } };
    }
    if (request.params.name === 'sources') {
      const { applications, report: r } = await sourcesFromStore(db, filters);
      return { name: 'sources' as const, ...envelopeOf(applications), data: { ...r, findings: r.findings.map(({ rule, severity, message, fix }) => ({ rule, severity, message, fix })) } };
    }
    if (request.params.name === 'losses') {
      const { applications, report: r } = await lossesFromStore(db, filters);
      return { name: 'losses' as const, ...envelopeOf(applications), data: r };
    }
    const inputs = await readReportInputs(db, filters);
    const envelope = envelopeOf(inputs.facts.length);
    const label = (key: string) => groupLabel(inputs, filters.by, key);
    switch (request.params.name) {
      case 'funnel':
        return { name: 'funnel' as const, ...envelope, data: { groups: buildFunnel(inputs, filters).map((g) => ({ ...g, label: label(g.key) })) } };
      case 'cycle-time': {
        const r = buildCycle(inputs, filters);
        return { name: 'cycle-time' as const, ...envelope, data: { groups: r.groups.map((g) => ({ ...g, label: label(g.key) })), stages: r.stages } };
      }
      case 'offers': {
        const r = await buildOffers(db, inputs, filters, seesPay, market);
        return { name: 'offers' as const, ...envelope, data: { groups: r.groups.map((g) => ({ ...g, label: label(g.key) })), pay: r.pay } };
      }
    }
  });
}
