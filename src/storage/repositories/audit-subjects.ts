import type { Tx } from '../transaction.js';

/**
 * What an audit entry's record is called, looked up in batches for one page of the log: the facts a label is
 * made of (a role's title, a candidate's name, ...). A record that no longer exists is simply absent.
 */
export interface AuditSubject {
  /** The record's own name: a role title, a candidate or user name, a token or dataset name. */
  name?: string;
  /** For records about a candidate in a role (applications, offers, interviews, events, scorecards). */
  candidateName?: string;
  roleTitle?: string;
  /** Interview kind, or the interviewer of a scorecard. */
  detail?: string;
}

const BATCH = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

/** Subjects keyed by `${entity}:${entityId}`. */
export async function loadAuditSubjects(tx: Tx, refs: ReadonlyArray<{ entity: string; entityId: string }>): Promise<Map<string, AuditSubject>> {
  const out = new Map<string, AuditSubject>();
  const ids = (entity: string) => [...new Set(refs.filter((r) => r.entity === entity).map((r) => r.entityId))];
  const put = (entity: string, id: string, subject: AuditSubject) => out.set(`${entity}:${id}`, subject);

  for (const part of chunks(ids('role'))) {
    for (const r of await tx.selectFrom('roles').select(['id', 'title']).where('id', 'in', part).execute()) put('role', r.id, { name: r.title });
  }
  for (const part of chunks(ids('candidate'))) {
    for (const r of await tx.selectFrom('candidates').select(['id', 'name']).where('id', 'in', part).execute()) put('candidate', r.id, { name: r.name });
  }
  for (const part of chunks(ids('user'))) {
    for (const r of await tx.selectFrom('users').select(['id', 'name']).where('id', 'in', part).execute()) put('user', r.id, { name: r.name });
  }
  for (const part of chunks(ids('company'))) {
    for (const r of await tx.selectFrom('companies').select(['id', 'name']).where('id', 'in', part).execute()) put('company', r.id, { name: r.name });
  }
  for (const part of chunks(ids('market_selection'))) {
    for (const r of await tx.selectFrom('companies').select(['id', 'name']).where('id', 'in', part).execute()) put('market_selection', r.id, { name: r.name });
  }
  for (const part of chunks(ids('api_token'))) {
    for (const r of await tx.selectFrom('api_tokens').select(['id', 'name']).where('id', 'in', part).execute()) put('api_token', r.id, { name: r.name });
  }
  for (const part of chunks(ids('market_dataset'))) {
    for (const r of await tx.selectFrom('market_datasets').select(['id', 'name']).where('id', 'in', part).execute()) put('market_dataset', r.id, { name: r.name });
  }

  // Records about a candidate in a role: resolve each to its application, then name both.
  const applicationOf = new Map<string, string>();
  for (const id of ids('application')) applicationOf.set(`application:${id}`, id);
  for (const part of chunks(ids('offer'))) {
    for (const r of await tx.selectFrom('offers').select(['id', 'application_id']).where('id', 'in', part).execute()) applicationOf.set(`offer:${r.id}`, r.application_id);
  }
  const details = new Map<string, string>();
  for (const part of chunks(ids('interview'))) {
    for (const r of await tx.selectFrom('interviews').select(['id', 'application_id', 'kind']).where('id', 'in', part).execute()) {
      applicationOf.set(`interview:${r.id}`, r.application_id);
      details.set(`interview:${r.id}`, r.kind);
    }
  }
  for (const part of chunks(ids('scorecard'))) {
    const rows = await tx
      .selectFrom('scorecards')
      .innerJoin('interviews', 'interviews.id', 'scorecards.interview_id')
      .leftJoin('users', 'users.id', 'scorecards.interviewer_id')
      .select(['scorecards.id as id', 'interviews.application_id as applicationId', 'users.name as interviewer'])
      .where('scorecards.id', 'in', part)
      .execute();
    for (const r of rows) {
      applicationOf.set(`scorecard:${r.id}`, r.applicationId);
      if (r.interviewer) details.set(`scorecard:${r.id}`, r.interviewer);
    }
  }
  for (const part of chunks(ids('application_event'))) {
    for (const r of await tx.selectFrom('application_events').select(['id', 'application_id', 'type']).where('id', 'in', part).execute()) {
      applicationOf.set(`application_event:${r.id}`, r.application_id);
      details.set(`application_event:${r.id}`, r.type);
    }
  }
  const applicationIds = [...new Set(applicationOf.values())];
  const names = new Map<string, { candidateName: string; roleTitle: string }>();
  for (const part of chunks(applicationIds)) {
    const rows = await tx
      .selectFrom('applications')
      .innerJoin('candidates', 'candidates.id', 'applications.candidate_id')
      .innerJoin('roles', 'roles.id', 'applications.role_id')
      .select(['applications.id as id', 'candidates.name as candidateName', 'roles.title as roleTitle'])
      .where('applications.id', 'in', part)
      .execute();
    for (const r of rows) names.set(r.id, { candidateName: r.candidateName, roleTitle: r.roleTitle });
  }
  for (const [key, applicationId] of applicationOf) {
    const n = names.get(applicationId);
    if (n) out.set(key, { ...n, ...(details.has(key) ? { detail: details.get(key)! } : {}) });
  }
  return out;
}
