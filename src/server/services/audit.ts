import { auditInstant } from '../../domain/audit/period.js';
import { auditFacets, countAudit, listAudit, loadAuditSubjects, type AuditFilter, type AuditRecord, type AuditSubject, type Tx } from '../../storage/index.js';
import { namesOfPeople } from './people.js';

export interface AuditQueryInput {
  entity?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  /** ISO date or instant; a `to` date takes its whole day. */
  from?: string;
  to?: string;
  /** The `seq` to read below (the previous page's last entry). */
  beforeSeq?: number;
  limit: number;
}

export interface AuditPage {
  entries: AuditRecord[];
  total: number;
  /** The `seq` of the last entry when there are older ones. */
  nextSeq: number | null;
  people: Map<string, string>;
  subjects: Map<string, AuditSubject>;
}

/** One page of the audit log, newest first, with the count over all pages and the people and records it names. */
export async function readAuditPage(db: Tx, q: AuditQueryInput): Promise<AuditPage> {
  const filter: AuditFilter = { entity: q.entity, entityId: q.entityId, actorId: q.actorId, action: q.action, from: auditInstant(q.from, false), to: auditInstant(q.to, true) };
  const [rows, total, people] = await Promise.all([listAudit(db, { ...filter, limit: q.limit + 1, beforeSeq: q.beforeSeq }), countAudit(db, filter), namesOfPeople(db)]);
  const entries = rows.slice(0, q.limit);
  const subjects = await loadAuditSubjects(db, entries);
  return { entries, total, nextSeq: rows.length > q.limit ? entries[entries.length - 1]!.seq : null, people, subjects };
}

/** The actions, kinds of record and actors that occur in the log, for the filters, with the actors' names. */
export async function readAuditFacets(db: Tx): Promise<{ actions: string[]; entities: string[]; actorIds: string[]; people: Map<string, string> }> {
  const [facets, people] = await Promise.all([auditFacets(db), namesOfPeople(db)]);
  return { ...facets, people };
}
