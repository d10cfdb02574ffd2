import kindsData from '../../../../data/interviews/interview-kinds.json' with { type: 'json' };
import schedulingData from '../../../../data/interviews/scheduling.json' with { type: 'json' };
import { findOverlap } from '../../../domain/interviews/slots.js';
import type { InterviewBody, OnsiteBody } from '../../api/interviews.js';
import { interviewKindLabel } from '../../api/interviews.js';
import { toZonedInput, zonedInputToIso } from '../../lib/zoned-time.js';

// The schedule and onsite forms as typed, and how they become API bodies. Pure, so the rules are unit-tested; the
// server checks the same rules again and its errors land beside the same fields.

export const DEFAULT_DURATION = schedulingData.defaultDurationMinutes.value;
export const DURATION_LIMITS = schedulingData.durationMinutes.value;
export const ONSITE_LIMITS = schedulingData.onsiteSlots.value;
export const KIND_OPTIONS = kindsData.kinds.value.map((kind) => ({ value: kind, label: interviewKindLabel(kind) }));

/** One interview as typed: its own time, length, people and focus. */
export interface SlotDraft {
  kind: string;
  time: string;
  durationMinutes: string;
  interviewerIds: string[];
  /** None ticked: every attribute. */
  focusAttributeIds: string[];
  notes: string;
  final: boolean;
}

export interface InterviewDraft extends SlotDraft {
  date: string;
  stageId: string;
  location: string;
}

export interface OnsiteDraft {
  date: string;
  stageId: string;
  location: string;
  slots: SlotDraft[];
}

export type FormErrors = Record<string, string>;

/** Fields of the schedule form, in the order errors are focused. */
export const INTERVIEW_FIELDS = ['kind', 'date', 'scheduledAt', 'durationMinutes', 'interviewerIds', 'stageId', 'focusAttributeIds', 'location', 'notes'] as const;

/** Fields of the onsite form: the day, then each slot's (`slots.1.scheduledAt`), in order. */
export function onsiteFields(slotCount: number): string[] {
  const per = ['kind', 'scheduledAt', 'durationMinutes', 'interviewerIds', 'focusAttributeIds', 'notes'];
  return ['date', 'stageId', 'location', 'slots', ...Array.from({ length: slotCount }, (_, i) => per.map((f) => `slots.${i}.${f}`)).flat()];
}

/** Tomorrow in the company's time zone: the day a new interview form starts on. */
export function tomorrow(now: number, timeZone: string): string {
  return toZonedInput(new Date(now + 86_400_000).toISOString(), timeZone).date;
}

/** "10:00" plus 75 minutes is "11:15" (within the day; later than 23:59 stays at 23:59). */
export function addMinutes(time: string, minutes: number): string {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m) return time;
  const total = Math.min(23 * 60 + 59, Number(m[1]) * 60 + Number(m[2]) + minutes);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

export function emptySlot(over: Partial<SlotDraft> = {}): SlotDraft {
  return { kind: 'technical-deep-dive', time: '10:00', durationMinutes: String(DEFAULT_DURATION), interviewerIds: [], focusAttributeIds: [], notes: '', final: false, ...over };
}

/** The next slot of an onsite: a quarter of an hour after the last one ends. */
export function nextSlot(slots: readonly SlotDraft[]): SlotDraft {
  const last = slots[slots.length - 1];
  if (!last) return emptySlot();
  return emptySlot({ kind: 'system-design', time: addMinutes(last.time, (Number(last.durationMinutes) || DEFAULT_DURATION) + 15) });
}

/** A new onsite: three interviews with breaks, the last one final. */
export function defaultOnsite(date: string, stageId: string): OnsiteDraft {
  const first = emptySlot({ kind: 'technical-deep-dive' });
  const second = { ...nextSlot([first]), kind: 'system-design' };
  const third = { ...nextSlot([first, second]), kind: 'founder-call', final: true };
  return { date, stageId, location: '', slots: [first, second, third] };
}

function durationError(value: string): string | undefined {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n)) return 'Give the length in whole minutes.';
  if (n < DURATION_LIMITS.min || n > DURATION_LIMITS.max) return `An interview lasts ${DURATION_LIMITS.min} to ${DURATION_LIMITS.max} minutes.`;
  return undefined;
}

function slotBody(slot: SlotDraft, date: string, timeZone: string, prefix: string, errors: FormErrors): Omit<InterviewBody, 'stageId' | 'location'> | undefined {
  const scheduledAt = zonedInputToIso(date, slot.time, timeZone);
  if (!scheduledAt) errors[`${prefix}scheduledAt`] = 'Give a start time.';
  const lengthProblem = durationError(slot.durationMinutes);
  if (lengthProblem) errors[`${prefix}durationMinutes`] = lengthProblem;
  if (slot.interviewerIds.length === 0) errors[`${prefix}interviewerIds`] = 'Pick at least one interviewer.';
  if (!scheduledAt || lengthProblem || slot.interviewerIds.length === 0) return undefined;
  return {
    kind: slot.kind,
    interviewerIds: [...slot.interviewerIds],
    scheduledAt,
    durationMinutes: Number(slot.durationMinutes),
    focusAttributeIds: slot.focusAttributeIds.length > 0 ? [...slot.focusAttributeIds] : null,
    ...(slot.notes.trim() ? { notes: slot.notes.trim() } : {}),
    final: slot.final,
  };
}

/** The body for POST /applications/{id}/interviews, or the errors to show beside the fields. */
export function interviewBody(draft: InterviewDraft, timeZone: string): { body?: InterviewBody; errors: FormErrors } {
  const errors: FormErrors = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) errors.date = 'Pick a day.';
  const slot = slotBody(draft, draft.date, timeZone, '', errors);
  if (!slot || Object.keys(errors).length > 0) return { errors };
  return { body: { ...slot, stageId: draft.stageId, location: draft.location.trim() || null }, errors };
}

/**
 * The body for POST /applications/{id}/onsites, or the errors: a day, at least two slots, each complete, and no two
 * slots at the same time (the same rule the server applies: an interviewer cannot be in two places, nor the
 * candidate). `nameOf` names an interviewer booked twice.
 */
export function onsiteBody(draft: OnsiteDraft, timeZone: string, nameOf: (id: string) => string = (id) => id): { body?: OnsiteBody; errors: FormErrors } {
  const errors: FormErrors = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) errors.date = 'Pick the day of the onsite.';
  if (draft.slots.length < ONSITE_LIMITS.min) errors.slots = `An onsite has at least ${ONSITE_LIMITS.min} interviews; schedule a single interview instead.`;
  if (draft.slots.length > ONSITE_LIMITS.max) errors.slots = `An onsite has at most ${ONSITE_LIMITS.max} interviews.`;
  const slots = draft.slots.map((s, i) => slotBody(s, draft.date, timeZone, `slots.${i}.`, errors));
  if (Object.keys(errors).length > 0) return { errors };
  const complete = slots as NonNullable<(typeof slots)[number]>[];
  const overlap = findOverlap(complete.map((s) => ({ start: Date.parse(s.scheduledAt), durationMinutes: s.durationMinutes ?? DEFAULT_DURATION, interviewerIds: s.interviewerIds })));
  if (overlap) {
    const { first, second, interviewerId } = overlap;
    errors[`slots.${second}.scheduledAt`] =
      interviewerId !== null
        ? `${nameOf(interviewerId)} is also in interview ${first + 1} at this time.`
        : `This overlaps interview ${first + 1}; the candidate cannot be in both.`;
    return { errors };
  }
  return { body: { stageId: draft.stageId, location: draft.location.trim() || null, slots: complete }, errors };
}
