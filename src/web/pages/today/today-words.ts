import { formatDays, wholeDays } from '../../../domain/pipeline/day-count.js';
import type { PersonalToday, TodayCard, TodayCardItem, TodayMark } from '../../api/today.js';

/** Clocks measured in hours where hours matter (the approval, scorecard, reply and offer windows of 1 to 3 days). */
const HOURLY = new Set<string>(['approval.pending', 'scorecard.due', 'reply.to-candidate', 'offer.after-final']);

/**
 * A span in words: hours below two days for hourly clocks ("30 h"), else whole days passed by the one day-count
 * rule (day-count.ts: "12 days", "3 working days").
 * @example spanWords(30, { hourly: true }) // '30 h'
 */
export function spanWords(hours: number, options: { dayHours?: number; business?: boolean; hourly?: boolean } = {}): string {
  const dayHours = options.dayHours ?? 24;
  if (options.hourly && hours < 2 * dayHours) return `${Math.floor(Math.max(0, hours))} ${options.business ? 'working h' : 'h'}`;
  return formatDays(wholeDays(hours, dayHours), { business: options.business });
}

/** The facts of an item: how long a clock has run against its target, or a risk's score and deadline. */
export function itemFacts(item: TodayCardItem): string {
  if (item.kind === 'risk') {
    const score = item.score === undefined ? '' : `${Math.round(item.score * 100)} of 100`;
    if (item.hoursToDeadline === undefined) return score;
    const deadline = item.hoursToDeadline < 0 ? 'competing offer deadline passed' : `competing offer deadline in ${spanWords(item.hoursToDeadline, { hourly: true })}`;
    return score ? `${score} · ${deadline}` : deadline;
  }
  if (item.elapsedHours === undefined || item.targetHours === undefined) return '';
  const options = { dayHours: item.dayHours, business: item.basis === 'business', hourly: HOURLY.has(item.id) };
  if (item.level === 'new') {
    const applied = item.elapsedHours < 1 ? 'applied within the hour' : `applied ${spanWords(item.elapsedHours, options)} ago`;
    return `${applied} · reply within ${spanWords(item.targetHours, options)}`;
  }
  return `${spanWords(item.elapsedHours, options)} · late after ${spanWords(item.targetHours, options)}`;
}

/** "12 days since first contact", from the card's cycle clock; null before first contact. */
export function firstContactWords(card: Pick<TodayCard, 'firstContactDays' | 'firstContactBusiness'>): string | null {
  if (card.firstContactDays === null) return null;
  return `${formatDays(card.firstContactDays, { business: card.firstContactBusiness })} since first contact`;
}

/** The applications done today that have no open card left, with their marks (newest application first). */
export function doneGroups(today: Pick<PersonalToday, 'cards' | 'marks'>): Array<{ applicationId: string; candidateName: string; roleTitle: string; marks: TodayMark[] }> {
  const open = new Set(today.cards.filter((c) => !c.done).map((c) => c.applicationId));
  const groups = new Map<string, { applicationId: string; candidateName: string; roleTitle: string; marks: TodayMark[] }>();
  for (const mark of today.marks) {
    if (open.has(mark.applicationId)) continue;
    let group = groups.get(mark.applicationId);
    if (!group) groups.set(mark.applicationId, (group = { applicationId: mark.applicationId, candidateName: mark.candidateName, roleTitle: mark.roleTitle, marks: [] }));
    group.marks.push(mark);
  }
  return [...groups.values()].reverse();
}

/** Today with a new mark in place (before the reload confirms it): its item and, when all are marked, its card done. */
export function withMark(today: PersonalToday, mark: TodayMark): PersonalToday {
  const cards = today.cards.map((card) => {
    if (card.applicationId !== mark.applicationId) return card;
    const items = card.items.map((i) => (i.key === mark.itemKey ? { ...i, markId: mark.id } : i));
    return { ...card, items, done: items.every((i) => i.markId !== null) };
  });
  return { ...today, cards, marks: [...today.marks.filter((m) => m.id !== mark.id), mark] };
}

/** Today without an undone mark (before the reload shows what the undo brought back). */
export function withoutMark(today: PersonalToday, markId: string): PersonalToday {
  const cards = today.cards.map((card) => {
    if (!card.items.some((i) => i.markId === markId)) return card;
    return { ...card, done: false, items: card.items.map((i) => (i.markId === markId ? { ...i, markId: null } : i)) };
  });
  return { ...today, cards, marks: today.marks.filter((m) => m.id !== markId) };
}
