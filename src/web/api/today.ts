/**
 * Today for the signed-in person (docs/api-pipeline.md, "Today"): one card per application, the "done today"
 * marks kept on the server, and Undo within a minute. The server owns the contract; these types mirror it.
 */
import { api } from './client.js';
import { newIdempotencyKey } from './pipeline.js';
import type { ClockId } from './pipeline.js';

export type TodayScope = 'mine' | 'all';
export type TodayReasonCode = 'approver' | 'interviewer' | 'recruiter' | 'hiring-manager' | 'unassigned';

/** What an item's button does: record (its words say what) or go to the page where the work is done. */
export type TodayDo = { kind: 'record'; id: string; label: string; done: string } | { kind: 'link'; id: string; label: string; to: string };

export interface TodayCardItem {
  applicationId: string;
  candidateName: string;
  roleTitle: string;
  kind: 'clock' | 'risk';
  id: ClockId | 'risk';
  level: 'warning' | 'critical' | 'high';
  /** The next action in words ("No activity for 12 days: contact Rahul today"). */
  action: string;
  key: string;
  elapsedHours?: number;
  targetHours?: number;
  criticalHours?: number;
  basis?: 'calendar' | 'business';
  dayHours?: number;
  score?: number;
  hoursToDeadline?: number;
  /** "No activity", "Offer approval", "Flight risk". */
  name: string;
  reasons: TodayReasonCode[];
  do: TodayDo;
  markId: string | null;
}

export interface TodayCard {
  applicationId: string;
  candidateId: string;
  candidateName: string;
  roleId: string;
  roleTitle: string;
  level: 'critical' | 'high' | 'warning';
  reasons: Array<{ code: TodayReasonCode; text: string }>;
  firstContactDays: number | null;
  firstContactBusiness: boolean;
  done: boolean;
  items: TodayCardItem[];
}

export interface TodayMark {
  id: string;
  itemKey: string;
  applicationId: string;
  candidateName: string;
  roleTitle: string;
  actionId: string;
  text: string;
  eventId: string;
  at: string;
  undoUntil: string;
}

export interface PersonalToday {
  scope: TodayScope;
  canSeeAll: boolean;
  day: string;
  undoSeconds: number;
  cards: TodayCard[];
  cardsInEverything: number | null;
  total: number;
  activeApplications: number;
  /** The server's time of this answer: Undo windows are measured against it. */
  at: string;
  marks: TodayMark[];
}

export function getPersonalToday(scope: TodayScope, signal?: AbortSignal): Promise<PersonalToday> {
  return api.get('/today', { query: { scope }, signal });
}

/** Records what an item's button says (a note or a team reply) and marks it done today. */
export function recordTodayAction(applicationId: string, key: string, idempotencyKey: string = newIdempotencyKey()): Promise<{ mark: TodayMark; event: { id: string; type: string } }> {
  return api.post('/today/actions', { applicationId, key }, { headers: { 'Idempotency-Key': idempotencyKey } });
}

/** Takes a click back within its minute (409 UNDO_EXPIRED after). */
export function undoTodayMark(markId: string): Promise<{ markId: string; eventId: string; retractionId: string }> {
  return api.post(`/today/marks/${encodeURIComponent(markId)}/undo`, {}, { headers: { 'Idempotency-Key': newIdempotencyKey() } });
}
