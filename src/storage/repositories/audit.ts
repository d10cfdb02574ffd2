import { randomUUID } from 'node:crypto';
import type { Tx } from '../transaction.js';

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
  await tx
    .insertInto('audit_log')
    .values({
      id: randomUUID(),
      at: entry.at.toISOString(),
      actor_id: entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      fields: JSON.stringify([...entry.fields].sort()),
    })
    .execute();
}

export async function listAudit(tx: Tx, opts: { limit: number; entity?: string; entityId?: string }): Promise<AuditRecord[]> {
  let q = tx.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(opts.limit);
  if (opts.entity) q = q.where('entity', '=', opts.entity);
  if (opts.entityId) q = q.where('entity_id', '=', opts.entityId);
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
