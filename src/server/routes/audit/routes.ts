import type { App, ServerContext } from '../../context.js';
import { requireAction } from '../../plugins/auth.js';
import { describeAuditAction, describeAuditEntity } from '../../../domain/audit/words.js';
import { auditFacets, countAudit, listAudit, listUsers, loadAuditSubjects, type AuditFilter } from '../../../storage/index.js';
import { errorResponses, PAGE_EXCEPTIONS, pageWindow } from '../../../api/shared.js';
import { presentAudit } from './presenter.js';
import { AuditFacetsView, AuditPageView, AuditQuery } from '../../../api/audit.js';

const DAY_MS = 86_400_000;

/** An ISO date or instant as the stored form (toISOString), so text comparison orders it right; a `to` date takes its whole day. */
function instant(value: string | undefined, end: boolean): string | undefined {
  if (value === undefined) return undefined;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const t = new Date(dateOnly ? `${value}T00:00:00.000Z` : value).getTime();
  return new Date(dateOnly && end ? t + DAY_MS : t).toISOString();
}

export function registerAuditRoutes(app: App, ctx: ServerContext): void {
  app.get('/api/v1/audit', {
    preValidation: requireAction('audit.read'),
    schema: { tags: ['audit'], querystring: AuditQuery, response: { 200: AuditPageView, ...errorResponses } },
  }, async (request) => {
    const q = request.query;
    const { limit } = pageWindow(q, PAGE_EXCEPTIONS.audit);
    const filter: AuditFilter = { entity: q.entity, entityId: q.entityId, actorId: q.actorId, action: q.action, from: instant(q.from, false), to: instant(q.to, true) };
    const db = ctx.store.db;
    const [rows, total, users] = await Promise.all([
      listAudit(db, { ...filter, limit: limit + 1, beforeSeq: q.cursor === undefined ? undefined : Number(q.cursor) }),
      countAudit(db, filter),
      listUsers(db),
    ]);
    const page = rows.slice(0, limit);
    const subjects = await loadAuditSubjects(db, page);
    const people = new Map(users.map((u) => [u.id, u.name]));
    return {
      items: page.map((r) => presentAudit(r, people, subjects)),
      total,
      nextCursor: rows.length > limit ? String(page[page.length - 1]!.seq) : null,
    };
  });

  app.get('/api/v1/audit/facets', {
    preValidation: requireAction('audit.read'),
    schema: { tags: ['audit'], response: { 200: AuditFacetsView, ...errorResponses } },
  }, async () => {
    const [facets, users] = await Promise.all([auditFacets(ctx.store.db), listUsers(ctx.store.db)]);
    const people = new Map(users.map((u) => [u.id, u.name]));
    const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label);
    return {
      actions: facets.actions.map((value) => ({ value, label: describeAuditAction(value) })).sort(byLabel),
      entities: facets.entities.map((value) => ({ value, label: describeAuditEntity(value) })).sort(byLabel),
      actors: facets.actorIds.map((id) => ({ id, name: people.get(id) ?? 'A former user' })).sort((a, b) => a.name.localeCompare(b.name)),
    };
  });
}
