import type { ApplicationDetailView, ClockView } from '../../../api/applications.js';
import { api } from '../../api/client.js';
import { hoursBetween } from './offer-format.js';

/** The approval.pending clock of an application, as GET /applications/:id lists it. */
export type ApprovalClock = ClockView;

/** The approval.pending clock of this offer from its application (running or last stopped); undefined when it cannot be read. */
export async function approvalClock(applicationId: string, offerId: string, signal: AbortSignal): Promise<ApprovalClock | undefined> {
  try {
    const application = await api.get<ApplicationDetailView>(`/applications/${encodeURIComponent(applicationId)}`, { signal });
    const mine = application.clocks.filter((c) => c.id === 'approval.pending' && (!c.subject?.offerId || c.subject.offerId === offerId));
    return mine.find((c) => c.state !== 'stopped') ?? mine[mine.length - 1];
  } catch {
    return undefined;
  }
}

/**
 * What the approval clock shows: the server's clock when there is one, else the hours since submission against the
 * default 24 h warning and 48 h critical limits.
 */
export function pendingClockView(clock: ApprovalClock | undefined, submittedAt: string | null, now: number): { elapsed: number; warning: number; critical: number; state: ApprovalClock['state'] } {
  const elapsed = clock ? Math.floor(clock.elapsedHours) : submittedAt ? hoursBetween(submittedAt, now) : 0;
  const warning = clock?.targetHours ?? 24;
  const critical = clock?.criticalHours ?? 48;
  const state = clock?.state ?? (elapsed >= critical ? 'critical' : elapsed >= warning ? 'warning' : 'ok');
  return { elapsed, warning, critical, state };
}
