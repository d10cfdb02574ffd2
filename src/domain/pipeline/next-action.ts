import nextActions from '../../../data/pipeline/next-actions.json' with { type: 'json' };
import { isNewApplicant, type Clock } from './clocks.js';
import type { ClockId } from './clock-settings.js';
import { wholeDays } from './day-count.js';
import { fillTemplate, renderTemplate } from './template.js';

export interface NextActionContext {
  candidateName?: string;
  /** Display names of people by id (approvers, interviewers). */
  people?: Readonly<Record<string, string>>;
  /** Display names of interviews by id ("the onsite with Sam"). */
  interviews?: Readonly<Record<string, string>>;
}

type Templates = Record<ClockId, Record<'ok' | 'warning' | 'critical', { value: string }>>;
const TEMPLATES = nextActions.clocks as Templates;
const L = Object.fromEntries(Object.entries(nextActions.labels).map(([k, v]) => [k, v.value])) as Record<keyof typeof nextActions.labels, string>;

function hoursText(hours: number, basis: Clock['basis']): string {
  return fillTemplate(basis === 'business' ? L.businessHours : L.hours, { n: String(Math.floor(hours)) });
}

/** Whole days (the first day is day 0, docs/pipeline.md "Day counts") in the wording of next-actions.json. */
function daysText(hours: number, dayHours: number, basis: Clock['basis']): string {
  const n = wholeDays(hours, dayHours);
  if (n === 1) return basis === 'business' ? L.businessDay : L.day;
  return fillTemplate(basis === 'business' ? L.businessDays : L.days, { n: String(n) });
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')}${L.and}${names[names.length - 1]}`;
}

function approverLabel(clock: Clock, people: Readonly<Record<string, string>>): string {
  const ids = clock.subject?.approverIds ?? [];
  const names = ids.map((id) => people[id]).filter((n): n is string => n !== undefined);
  if (names.length === 0) return L.approverUnknown;
  return fillTemplate(names.length === 1 ? L.approverNamed : L.approversNamed, { names: joinNames(names) });
}

/**
 * The single next action for a clock, worded from data/pipeline/next-actions.json; undefined once it has stopped.
 * @example nextActionForClock(approvalClock, { people: { u_dana: 'Dana' } }) // 'Approver Dana has had it for 51 h: get the decision today'
 */
export function nextActionForClock(clock: Clock, context: NextActionContext = {}): string | undefined {
  if (clock.state === 'stopped') return undefined;
  const people = context.people ?? {};
  const interviewerId = clock.subject?.interviewerId;
  const interviewId = clock.subject?.interviewId;
  const lookup = (name: string): string | undefined => {
    switch (name) {
      case 'elapsed':
        return hoursText(clock.elapsedHours, clock.basis);
      case 'elapsedDays':
        return daysText(clock.elapsedHours, clock.dayHours, clock.basis);
      case 'target':
        return daysText(clock.targetHours, clock.dayHours, clock.basis);
      case 'toTarget':
        return hoursText(Math.max(0, Math.ceil(clock.targetHours - clock.elapsedHours)), clock.basis);
      case 'day':
        // Kept for edited wordings: the same whole-day count as {elapsedDays}, as a bare number.
        return String(wholeDays(clock.elapsedHours, clock.dayHours));
      case 'targetDays':
        return String(Math.round((clock.targetHours / clock.dayHours) * 10) / 10);
      case 'candidate':
        return context.candidateName ?? L.candidateUnknown;
      case 'approverHas':
        return approverLabel(clock, people);
      case 'interviewer':
        return (interviewerId !== undefined ? people[interviewerId] : undefined) ?? L.interviewerUnknown;
      case 'interview':
        return (interviewId !== undefined ? context.interviews?.[interviewId] : undefined) ?? L.interviewUnknown;
      default:
        return undefined;
    }
  };
  return renderTemplate(isNewApplicant(clock) ? L.newApplicant : TEMPLATES[clock.id][clock.state].value, lookup);
}
