// Builders for the pipeline's tests (and for storage/API tests that need realistic histories).
import type { EventData, EventType, TimedEvent } from '../domain/pipeline/events.js';
import { HOUR_MS } from '../domain/pipeline/time.js';

/** Monday 2025-03-03 09:00 UTC: the zero of the tests' timelines. */
export const T0 = Date.parse('2025-03-03T09:00:00.000Z');

/** T0 plus `hours`, as epoch ms. */
export function at(hours: number): number {
  return T0 + hours * HOUR_MS;
}

/** One event `hours` after T0 (or at an absolute ISO time). */
export function ev<T extends EventType>(type: T, when: number | string, data: EventData<T>): TimedEvent {
  const occurredAt = typeof when === 'string' ? when : new Date(at(when)).toISOString();
  return { type, occurredAt, data } as TimedEvent;
}

export const e = {
  outreach: (h: number | string) => ev('outreach.sent', h, { channel: 'email' }),
  received: (h: number | string) => ev('application.received', h, { source: 'inbound' }),
  replied: (h: number | string, latencyHours = 2, length = 400, asksQuestion = false) =>
    ev('candidate.replied', h, { latencyHours, length, asksQuestion }),
  question: (h: number | string) => ev('candidate.replied', h, { latencyHours: 1, length: 200, asksQuestion: true }),
  teamReplied: (h: number | string) => ev('team.replied', h, {}),
  stage: (h: number | string, from: string, to: string) => ev('stage.changed', h, { from, to }),
  interview: (h: number | string, interviewId: string, interviewerIds: string[], final = false) =>
    ev('interview.completed', h, { interviewId, final, interviewerIds }),
  scorecard: (h: number | string, interviewId: string, interviewerId: string) => ev('scorecard.submitted', h, { interviewId, interviewerId }),
  approvalRequested: (h: number | string, offerId = 'of_1', approverIds?: string[]) =>
    ev('offer.approval-requested', h, approverIds ? { offerId, approverIds } : { offerId }),
  approved: (h: number | string, offerId = 'of_1') => ev('offer.approved', h, { offerId }),
  rejected: (h: number | string, offerId = 'of_1') => ev('offer.rejected', h, { offerId }),
  extended: (h: number | string, offerId = 'of_1') => ev('offer.extended', h, { offerId }),
  accepted: (h: number | string, offerId = 'of_1') => ev('offer.accepted', h, { offerId }),
  withdrew: (h: number | string) => ev('candidate.withdrew', h, { reason: 'took another offer' }),
  closed: (h: number | string, status: 'hired' | 'lost' | 'withdrawn' = 'lost') =>
    ev('application.closed', h, status === 'lost' ? { status, lossReason: 'accepted-other-offer' } : { status }),
  signal: (h: number | string, signal: EventData<'signal.observed'>['signal'], deadline?: string) =>
    ev('signal.observed', h, deadline && signal === 'competing-offer' ? { signal, deadline } : { signal } as EventData<'signal.observed'>),
  note: (h: number | string, text = 'Called the candidate') => ev('note', h, { text }),
  reopened: (h: number | string, stage = 'screen') => ev('application.reopened', h, { stage }),
};
