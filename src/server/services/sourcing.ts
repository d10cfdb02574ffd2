import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/shared/errors.js';
import { applyProspectEvent, parseProspectEventInput, type ProspectCounters, type ProspectStatus } from '../../domain/sourcing/index.js';
import { getProspectOrThrow, insertProspectEvent, lockProspect, recordAudit, updateProspect, type ProspectEventRecord, type ProspectPatch, type ProspectRecord, type Tx } from '../../storage/index.js';

/**
 * Sourcing (docs/sourcing.md): talent pools, prospects and their outreach history. Every write runs inside the
 * caller's transaction and is audited there (field names only).
 */

/**
 * Appends one event to a prospect's outreach history and moves the prospect with it (applyProspectEvent: an
 * outreach counts a touch and moves new -> contacted, a reply moves new/contacted -> replied; a status set by hand
 * is never moved back). `body` is `{ type, occurredAt?, data? }`, validated by the domain (400/422 codes as for
 * application events). `actorId` is the user who logged it, or null for the system (sending, the inbound webhook).
 * Appends to one prospect are serialised by its row lock. Audited as `prospect.event` with the fields that moved.
 */
export async function recordProspectEvent(
  tx: Tx,
  actorId: string | null,
  prospectId: string,
  body: unknown,
  now: Date,
): Promise<{ event: ProspectEventRecord; prospect: ProspectRecord }> {
  if (!(await lockProspect(tx, prospectId))) throw new DomainError('PROSPECT_NOT_FOUND', 'No such prospect.', 'id');
  const input = parseProspectEventInput(body, now);
  const prospect = await getProspectOrThrow(tx, prospectId);
  const event = await insertProspectEvent(tx, {
    id: randomUUID(),
    prospectId,
    type: input.type,
    occurredAt: input.occurredAt,
    recordedAt: now.toISOString(),
    actorId,
    data: input.data as Record<string, unknown>,
  });
  const before: ProspectCounters = { status: prospect.status as ProspectStatus, touches: prospect.touches, lastTouchAt: prospect.lastTouchAt, lastReplyAt: prospect.lastReplyAt };
  const after = applyProspectEvent(before, input);
  const patch: ProspectPatch = {};
  for (const k of ['status', 'touches', 'lastTouchAt', 'lastReplyAt'] as const) if (after[k] !== before[k]) (patch as Record<string, unknown>)[k] = after[k];
  let updated = prospect;
  if (Object.keys(patch).length > 0) {
    const moved = await updateProspect(tx, prospectId, prospect.version, patch, now);
    if (!moved) throw new DomainError('PRECONDITION_FAILED', 'The prospect changed while the event was recorded. Try again.', 'id');
    updated = moved;
  }
  await recordAudit(tx, { actorId, action: 'prospect.event', entity: 'prospect', entityId: prospectId, fields: ['events', ...Object.keys(patch)], at: now });
  return { event, prospect: updated };
}
