import { describeAuditAction, describeAuditEntity } from '../../../domain/audit/words.js';
import type { AuditRecord, AuditSubject } from '../../services/records.js';
import { AuditView } from '../../../api/audit.js';

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
