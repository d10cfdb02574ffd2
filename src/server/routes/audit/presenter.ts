import { describeAuditAction, describeAuditEntity } from '../../../domain/audit/words.js';
import type { AuditPage } from '../../services/audit.js';
import type { AuditRecord, AuditSubject } from '../../services/records.js';
import { AuditFacetsView, AuditPageView, AuditView } from '../../../api/audit.js';

/** The label of an audited record from its looked-up facts. */
export function subjectLabel(entity: string, subject: AuditSubject | undefined): string {
  const type = describeAuditEntity(entity).toLowerCase();
  if (!subject) return entity === 'notification' ? 'A notification' : `A ${type} that no longer exists`;
  if (subject.name !== undefined) return subject.name;
  const who = subject.candidateName && subject.roleTitle ? `${subject.candidateName} (${subject.roleTitle})` : (subject.candidateName ?? subject.roleTitle ?? '');
  switch (entity) {
    case 'offer':
      return `Offer to ${who}`;
    case 'interview':
      return `Interview with ${who}`;
    case 'scorecard':
      return subject.detail ? `Scorecard by ${subject.detail} on ${who}` : `Scorecard on ${who}`;
    case 'application_event':
      return `Event on ${who}`;
    default:
      return who;
  }
}

export function presentAudit(r: AuditRecord, people: Map<string, string>, subjects: Map<string, AuditSubject>): AuditView {
  return {
    id: r.id,
    at: r.at,
    actorId: r.actorId,
    actorName: r.actorId ? (people.get(r.actorId) ?? 'A former user') : 'System',
    action: r.action,
    actionLabel: describeAuditAction(r.action, r.fields),
    entity: r.entity,
    entityType: describeAuditEntity(r.entity),
    entityId: r.entityId,
    entityLabel: subjectLabel(r.entity, subjects.get(`${r.entity}:${r.entityId}`)),
    fields: r.fields,
  };
}

export function presentAuditPage(page: AuditPage): AuditPageView {
  return {
    items: page.entries.map((r) => presentAudit(r, page.people, page.subjects)),
    total: page.total,
    nextCursor: page.nextSeq === null ? null : String(page.nextSeq),
  };
}

/** The filter choices in words, sorted by their labels; an actor no longer in the workspace is "A former user". */
export function presentAuditFacets(f: { actions: string[]; entities: string[]; actorIds: string[]; people: Map<string, string> }): AuditFacetsView {
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label);
  return {
    actions: f.actions.map((value) => ({ value, label: describeAuditAction(value) })).sort(byLabel),
    entities: f.entities.map((value) => ({ value, label: describeAuditEntity(value) })).sort(byLabel),
    actors: f.actorIds.map((id) => ({ id, name: f.people.get(id) ?? 'A former user' })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}
