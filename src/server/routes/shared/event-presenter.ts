import { can } from '../../../domain/access/policy.js';
import type { ApplicationEventRecord } from '../../services/records.js';
import type { EventView } from '../../../api/applications.js';

/** Free text that tends to carry pay and offer terms ("their offer is 420k + 0.1%"): hidden from viewers without compensation.read. */
const SENSITIVE_TEXT: Readonly<Record<string, readonly string[]>> = {
  'signal.observed': ['note'],
  'offer.rejected': ['reason'],
  'offer.declined': ['reason'],
  // Why someone was lost or came back is often about money ("went to BigLab for 420k").
  'application.closed': ['note'],
  'application.reopened': ['note'],
};

/** An event of an application's timeline as it leaves the server (the application page, Today's undo, event writes). */
export function presentEvent(e: ApplicationEventRecord, viewer?: { role: string }): EventView {
  let data = e.data as Record<string, unknown>;
  const hidden = SENSITIVE_TEXT[e.type];
  if (hidden && viewer && !can(viewer.role, 'compensation.read')) data = Object.fromEntries(Object.entries(data).filter(([k]) => !hidden.includes(k)));
  return { id: e.id, applicationId: e.applicationId, type: e.type, occurredAt: e.occurredAt, recordedAt: e.recordedAt, actorId: e.actorId, data };
}
