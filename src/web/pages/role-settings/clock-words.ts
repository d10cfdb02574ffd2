import { formatDays } from '../../../domain/pipeline/day-count.js';
import type { ClockId } from '../../api/pipeline.js';

/** What each clock measures, in plain words (velocity-and-signals.md, "Clocks"). */
export const CLOCK_WORDS: Record<ClockId, { label: string; measures: string }> = {
  'cycle.total': { label: 'Whole process', measures: 'from first contact to the decision' },
  'offer.after-final': { label: 'Offer after the final interview', measures: 'from the final interview to the offer' },
  'approval.pending': { label: 'Offer approval', measures: 'from sending an offer for approval to the decision' },
  'reply.to-candidate': { label: 'Reply to the candidate', measures: 'from a question of the candidate to your reply' },
  'scorecard.due': { label: 'Scorecard', measures: 'from an interview to its scorecard' },
  'stage.idle': { label: 'No activity', measures: 'since anything last happened on an application' },
};

/** Hours in words: whole days as days ("7 days"), anything else as hours ("36 hours"). */
export function formatHours(hours: number, business = false): string {
  if (hours > 0 && hours % 24 === 0) return formatDays(hours / 24, { business });
  const h = Math.round(hours * 100) / 100;
  return `${h} ${business ? 'working hours' : h === 1 ? 'hour' : 'hours'}`;
}

/** "warning after 1 day, critical after 2 days" */
export function describeTarget(target: { warningHours: number; criticalHours: number }, business = false): string {
  return `warning after ${formatHours(target.warningHours, business)}, critical after ${formatHours(target.criticalHours, business)}`;
}

export type HoursUnit = 'hours' | 'days';

/** The unit a pair of times reads best in: days when both are whole days. */
export function unitFor(...hours: number[]): HoursUnit {
  return hours.every((h) => h > 0 && h % 24 === 0) ? 'days' : 'hours';
}

/** A typed amount in `unit` as hours, or undefined when it is not a positive number. */
export function toHours(text: string, unit: HoursUnit): number | undefined {
  const t = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return undefined;
  const n = Number(t) * (unit === 'days' ? 24 : 1);
  return n > 0 ? n : undefined;
}

export function fromHours(hours: number, unit: HoursUnit): string {
  return String(unit === 'days' ? Math.round((hours / 24) * 100) / 100 : hours);
}
