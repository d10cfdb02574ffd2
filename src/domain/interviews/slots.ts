import { wallTimeOf } from '../pipeline/business-hours.js';
import { DomainError } from '../shared/errors.js';

/** An interview's place in time: it starts at `start` (epoch ms) and ends `durationMinutes` later. */
export interface TimeSlot {
  start: number;
  durationMinutes: number;
  interviewerIds: readonly string[];
}

/** Two slots (their indexes, first < second) that overlap; `interviewerId` when the same person is in both. */
export interface SlotOverlap {
  first: number;
  second: number;
  interviewerId: string | null;
}

const MINUTE_MS = 60_000;

export function slotEnd(slot: Pick<TimeSlot, 'start' | 'durationMinutes'>): number {
  return slot.start + slot.durationMinutes * MINUTE_MS;
}

/** Half-open intervals: an interview that ends at 10:00 and one that starts at 10:00 do not overlap. */
function overlaps(a: TimeSlot, b: TimeSlot): boolean {
  return a.start < slotEnd(b) && b.start < slotEnd(a);
}

/**
 * The first overlap among the slots of one candidate's day: an interviewer booked twice at once comes first
 * (it names the person); otherwise any two slots that overlap, since the candidate cannot be in both.
 * @example findOverlap([{ start: 0, durationMinutes: 60, interviewerIds: ['a'] }, { start: 30 * 60_000, durationMinutes: 60, interviewerIds: ['a'] }])
 * // { first: 0, second: 1, interviewerId: 'a' }
 */
export function findOverlap(slots: readonly TimeSlot[]): SlotOverlap | undefined {
  let anyOverlap: SlotOverlap | undefined;
  for (let i = 0; i < slots.length; i++) {
    for (let j = i + 1; j < slots.length; j++) {
      if (!overlaps(slots[i]!, slots[j]!)) continue;
      const shared = slots[i]!.interviewerIds.find((id) => slots[j]!.interviewerIds.includes(id));
      if (shared !== undefined) return { first: i, second: j, interviewerId: shared };
      anyOverlap ??= { first: i, second: j, interviewerId: null };
    }
  }
  return anyOverlap;
}

/** The local calendar date ('2026-11-03') of an instant in a time zone. */
export function localDate(ms: number, timeZone: string): string {
  const w = wallTimeOf(ms, timeZone);
  return `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/**
 * The rules of a one-day onsite: every slot starts on the same local day in the company's time zone, and no two
 * slots overlap (409 INTERVIEW_OVERLAP; an interviewer booked twice is named). Fields point at the later slot:
 * `slots[i].scheduledAt`. `nameOf` turns a user id into a name for the message.
 */
export function assertOnsiteSlots(slots: readonly TimeSlot[], timeZone: string, nameOf: (userId: string) => string = (id) => id): void {
  const day = slots.length > 0 ? localDate(slots[0]!.start, timeZone) : undefined;
  slots.forEach((slot, i) => {
    const d = localDate(slot.start, timeZone);
    if (d !== day) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `An onsite happens on one day: interview ${i + 1} is on ${d}, interview 1 on ${day} (${timeZone}).`,
        `slots[${i}].scheduledAt`,
      );
    }
  });
  const overlap = findOverlap(slots);
  if (!overlap) return;
  const { first, second, interviewerId } = overlap;
  throw new DomainError(
    'INTERVIEW_OVERLAP',
    interviewerId !== null
      ? `${nameOf(interviewerId)} would be in interviews ${first + 1} and ${second + 1} at the same time. Move one of them or pick someone else.`
      : `Interviews ${first + 1} and ${second + 1} overlap, and the candidate cannot be in both. Move one of them.`,
    `slots[${second}].${interviewerId !== null ? 'interviewerIds' : 'scheduledAt'}`,
  );
}
