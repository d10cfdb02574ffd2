import type { TimedEvent } from './events.js';
import type { ApplicationStatus } from './history.js';
import { summarizeApplication } from './summary.js';

/** An event as stored: its time is an ISO string. */
export type StoredTimedEvent = TimedEvent & { occurredAt: string };

/** What an application's row stores as a view of its history (not the read model: that is projection.ts). */
export interface ApplicationView {
  stage: string;
  status: Exclude<ApplicationStatus, 'accepted'>;
  lossReason: string | null;
  closedAt: string | null;
}

/**
 * Stage, status, loss reason and close time as the history says: the status from the domain's summary
 * (an accepted offer counts as hired), the stage from the latest stage.changed (else the stage it was
 * created at), the loss reason and close time from the event that closed it. The history is oldest first.
 */
export function projectApplication(app: { stage: string }, history: readonly StoredTimedEvent[], now: Date): ApplicationView {
  const summary = summarizeApplication(history, now);
  const status = summary.status === 'accepted' ? 'hired' : summary.status;
  let lossReason: string | null = null;
  let closedAt: string | null = null;
  let hasStageChange = false;
  let open = true;
  // Events after `now` have not happened yet.
  for (const e of history) {
    if (Date.parse(e.occurredAt) > now.getTime()) continue;
    if (e.type === 'stage.changed' || e.type === 'application.reopened') {
      hasStageChange = true;
      if (!open) [open, lossReason, closedAt] = [true, null, null];
    } else if (e.type === 'application.closed' || e.type === 'candidate.withdrew' || e.type === 'offer.accepted') {
      if (open) [open, closedAt] = [false, e.occurredAt];
      if (e.type === 'application.closed') lossReason = 'lossReason' in e.data && e.data.lossReason !== undefined ? e.data.lossReason : null;
      if (e.type === 'candidate.withdrew') lossReason = null;
    }
  }
  if (status === 'active') [lossReason, closedAt] = [null, null];
  return { stage: hasStageChange ? summary.stage : app.stage, status, lossReason, closedAt };
}
