import { randomUUID } from 'node:crypto';
import type { Tx } from '../transaction.js';
import { runCompiled } from '../compiled-queries.js';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  /** Names of the fields that changed, never their values. */
  fields: readonly string[];
  at: Date;
}

export interface AuditRecord {
  id: string;
  seq: number;
  at: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  fields: string[];
}

/** Appends one row to the audit log; call it with the same transaction as the change it describes. */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  const row = {
    id: randomUUID(),
    at: entry.at.toISOString(),
    actor_id: entry.actorId,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    fields: JSON.stringify([...entry.fields].sort()),
  };
  const values = Object.values(row);
  // Every write records one: compiled once and bound with the row's values (in its keys' order; a missing value would
  // leave its column out of the statement, so that row is built as before).
  if (values.every((v) => v !== undefined)) await runCompiled(tx, 'audit.insert', () => tx.insertInto('audit_log').values(row), values);
  else await tx.insertInto('audit_log').values(row).execute();
}

/** Which audit rows to read; every filter is optional and they combine with AND. */
export interface AuditFilter {
  entity?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  /** ISO instant, inclusive. */
  from?: string;
  /** ISO instant, exclusive. */
  to?: string;
}

function filtered<Q extends { where: (...args: any[]) => Q }>(q: Q, f: AuditFilter): Q {
  let out = q;
  if (f.entity) out = out.where('entity', '=', f.entity);
  if (f.entityId) out = out.where('entity_id', '=', f.entityId);
  if (f.actorId) out = out.where('actor_id', '=', f.actorId);
  if (f.action) out = out.where('action', '=', f.action);
  if (f.from) out = out.where('at', '>=', f.from);
  if (f.to) out = out.where('at', '<', f.to);
  return out;
}

/** Audit rows, newest first; `beforeSeq` continues a page after the last row seen (keyset paging). */
export async function listAudit(tx: Tx, opts: AuditFilter & { limit: number; beforeSeq?: number }): Promise<AuditRecord[]> {
  let q = filtered(tx.selectFrom('audit_log').selectAll(), opts).orderBy('seq', 'desc').limit(opts.limit);
  if (opts.beforeSeq !== undefined) q = q.where('seq', '<', opts.beforeSeq);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    seq: Number(r.seq),
    at: r.at,
    actorId: r.actor_id,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    fields: JSON.parse(r.fields) as string[],
  }));
}

/** How many audit rows match the filter. */
export async function countAudit(tx: Tx, f: AuditFilter): Promise<number> {
  const row = await filtered(tx.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')), f).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The distinct actions, entity types and actors in the log, for filter pickers. */
export async function auditFacets(tx: Tx): Promise<{ actions: string[]; entities: string[]; actorIds: string[] }> {
  const [actions, entities, actors] = await Promise.all([
    tx.selectFrom('audit_log').select('action').distinct().orderBy('action').execute(),
    tx.selectFrom('audit_log').select('entity').distinct().orderBy('entity').execute(),
    tx.selectFrom('audit_log').select('actor_id').distinct().where('actor_id', 'is not', null).execute(),
  ]);
  return { actions: actions.map((r) => r.action), entities: entities.map((r) => r.entity), actorIds: actors.map((r) => r.actor_id!) };
}
