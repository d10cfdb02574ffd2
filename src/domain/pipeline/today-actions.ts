import data from '../../../data/pipeline/today-actions.json' with { type: 'json' };
import { can } from '../access/policy.js';
import { awaitedApprovers, type TodayAudienceContext, type TodayReason, type TodayViewer } from './audience.js';
import { fillTemplate } from './template.js';
import type { ClockId } from './clock-settings.js';
import { renderTemplate } from './template.js';
import type { TodayItem } from './today.js';

/** What one click on a Today item records: an event appended to the application, and the words shown after. */
export interface TodayRecordAction {
  kind: 'record';
  /** Stable id of the action: the clock id, or `risk:<risk action id>`. */
  id: string;
  /** The button's words: what it records ("Log that I contacted Rahul"). */
  label: string;
  /** What Today shows once it is recorded ("You logged that you contacted Rahul"). */
  done: string;
  event: { type: 'note'; data: { text: string } } | { type: 'team.replied'; data: Record<string, never> };
}

/** Work done on another page (write the scorecard, review the offer): a link, never a mark. */
export interface TodayLinkAction {
  kind: 'link';
  id: string;
  label: string;
  to: string;
}

export type TodayAction = TodayRecordAction | TodayLinkAction;

/** Names for the action words: people and interviews by id. */
export interface TodayWords {
  people?: Readonly<Record<string, string>>;
  /** Interview names by id ("the onsite"). */
  interviews?: Readonly<Record<string, string>>;
}

interface Param {
  value: string;
}
interface RecordSpec {
  kind: 'record';
  event: 'note' | 'team.replied';
  label: Param;
  note?: Param;
  done: Param;
}
interface LinkSpec {
  kind: 'link';
  to: string;
  label: Param;
}

const CLOCK_SPECS = data.clocks as Record<ClockId, RecordSpec | LinkSpec>;
const OWN_SPECS = data.own as Record<'scorecard.due' | 'approval.pending', LinkSpec>;
const RISK_SPEC = data.risk as RecordSpec & { labels: Record<string, Param> };
const OPEN_SPEC = data.open as LinkSpec;
const L = data.labels;

/** How long after a click its record can be taken back, in ms (data: `undoSeconds`). */
export const UNDO_WINDOW_MS = data.undoSeconds.value * 1000;

/** The words naming what each item is about: "No activity", "Offer approval", "Flight risk". */
export function todayItemName(id: TodayItem['id']): string {
  return (data.names as Record<string, Param>)[id]!.value;
}

/** todayItemName of an item: a new applicant is named so ("New applicant"), not by its reply clock. */
export function todayItemNameOf(item: Pick<TodayItem, 'id' | 'level'>): string {
  return item.level === 'new' ? data.names.newApplicant.value : todayItemName(item.id);
}

/** Why a card is someone's, in words: "You run the search for MLOps Engineer". */
export function todayReasonText(reason: TodayReason, roleTitle: string): string {
  return fillTemplate((data.reasons as Record<TodayReason, Param>)[reason].value, { role: roleTitle });
}

/** How an interview is named in action words: "the technical screen" for kind `technical-screen`. */
export function interviewName(kind: string): string {
  return fillTemplate(L.interviewNamed.value, { kind: kind.replaceAll('-', ' ') });
}

/** The UTC day of an instant ("2026-11-02"): a done mark lasts for that day. */
export function utcDay(now: Date | number): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** "Rahul" of "Rahul Mehta": buttons speak of people the way colleagues do. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] || name;
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')}${L.and.value}${names[names.length - 1]}`;
}

function wordsFor(item: TodayItem, ctx: TodayAudienceContext & TodayWords): (name: string) => string | undefined {
  const people = ctx.people ?? {};
  const subject = item.kind === 'clock' ? item.clock.subject : undefined;
  return (name) => {
    switch (name) {
      case 'candidate':
        return firstName(item.candidateName);
      case 'candidateFull':
        return item.candidateName;
      case 'interviewer':
        return (subject?.interviewerId !== undefined ? people[subject.interviewerId] : undefined) ?? L.interviewerUnknown.value;
      case 'interview':
        return (subject?.interviewId !== undefined ? ctx.interviews?.[subject.interviewId] : undefined) ?? L.interviewUnknown.value;
      case 'approver': {
        const names = awaitedApprovers(item, ctx).map((id) => people[id]).filter((n): n is string => n !== undefined);
        return names.length > 0 ? joinNames(names) : L.approverUnknown.value;
      }
      case 'applicationId':
        return encodeURIComponent(item.applicationId);
      case 'interviewId':
        return encodeURIComponent(subject?.interviewId ?? '');
      case 'offerId':
        return encodeURIComponent(subject?.offerId ?? '');
      case 'action':
        return item.action;
      default:
        return undefined;
    }
  };
}

function link(id: string, spec: LinkSpec, words: (name: string) => string | undefined): TodayLinkAction {
  return { kind: 'link', id, label: renderTemplate(spec.label.value, words), to: renderTemplate(spec.to, words) };
}

function record(id: string, spec: RecordSpec, label: string, words: (name: string) => string | undefined): TodayRecordAction {
  const event: TodayRecordAction['event'] =
    spec.event === 'team.replied' ? { type: 'team.replied', data: {} } : { type: 'note', data: { text: renderTemplate(spec.note!.value, words) } };
  return { kind: 'record', id, label, done: renderTemplate(spec.done.value, words), event };
}

/**
 * The action a person takes on a Today item, in words from data/pipeline/today-actions.json that say what it
 * records. An interviewer's own overdue scorecard is a link to write it, an approver's own approval a link to
 * review it; people who may not write applications otherwise get a link to open the candidate; everyone else
 * records what they did (a note, or `team.replied` for a reply).
 * @example todayActionFor(idleItem, owner, ['unassigned'], ctx).label // 'Log that I contacted Rahul'
 */
export function todayActionFor(item: TodayItem, viewer: TodayViewer, reasons: readonly TodayReason[], ctx: TodayAudienceContext & TodayWords): TodayAction {
  const words = wordsFor(item, ctx);
  if (item.id === 'scorecard.due' && reasons.includes('interviewer')) return link('own:scorecard.due', OWN_SPECS['scorecard.due'], words);
  if (item.id === 'approval.pending' && reasons.includes('approver')) return link('own:approval.pending', OWN_SPECS['approval.pending'], words);
  if (!can(viewer.role, 'applications.write')) return link('open', OPEN_SPEC, words);
  if (item.kind === 'risk') {
    const riskAction = item.risk.actions[0];
    const label = (riskAction && RISK_SPEC.labels[riskAction.id]?.value) ?? RISK_SPEC.label.value;
    return record(`risk:${riskAction?.id ?? 'any'}`, RISK_SPEC, renderTemplate(label, words), words);
  }
  const spec = CLOCK_SPECS[item.id];
  return spec.kind === 'link' ? link(item.id, spec, words) : record(item.id, spec, renderTemplate(spec.label.value, words), words);
}
