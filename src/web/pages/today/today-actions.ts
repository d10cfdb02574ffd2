import type { EventBody, TodayItem } from '../../api/pipeline.js';

/** What one click on a Today item records. */
export interface TodayAction {
  /** The button's words. */
  label: string;
  /** The event appended to the application's history. */
  event: EventBody;
  /** True when the event stops the item's clock, so the item leaves the list; otherwise it is marked done for today. */
  stopsClock: boolean;
}

/** The subject ids carried in a Today item's key: `applicationId|clock|clockId|offerId|interviewId|interviewerId`. */
export function subjectOfKey(key: string): { offerId?: string; interviewId?: string; interviewerId?: string } {
  const parts = key.split('|');
  if (parts[1] !== 'clock') return {};
  const [offerId, interviewId, interviewerId] = [parts[3], parts[4], parts[5]];
  return {
    ...(offerId ? { offerId } : {}),
    ...(interviewId ? { interviewId } : {}),
    ...(interviewerId ? { interviewerId } : {}),
  };
}

/**
 * The one next action of a Today item as an event. Clocks the team stops itself (a reply, a scorecard, any
 * contact) record the event that stops them; offers move through the offer pages, and a risk is lowered by
 * acting on it, so those record a note that the action was taken.
 * @example todayActionFor({ kind: 'clock', id: 'reply.to-candidate', ... }).event // { type: 'team.replied', data: {} }
 */
export function todayActionFor(item: Pick<TodayItem, 'kind' | 'id' | 'key' | 'action' | 'candidateName'>): TodayAction {
  const done = (label: string): TodayAction => ({ label, event: { type: 'note', data: { text: `Done from Today: ${item.action}` } }, stopsClock: false });
  if (item.kind === 'risk') return done('Mark done');
  switch (item.id) {
    case 'reply.to-candidate':
      return { label: 'Mark replied', event: { type: 'team.replied', data: {} }, stopsClock: true };
    case 'stage.idle':
      return { label: 'Mark contacted', event: { type: 'note', data: { text: `Contacted ${item.candidateName} (from Today)` } }, stopsClock: true };
    case 'scorecard.due': {
      const { interviewId, interviewerId } = subjectOfKey(item.key);
      if (interviewId && interviewerId) {
        return { label: 'Mark scorecard in', event: { type: 'scorecard.submitted', data: { interviewId, interviewerId } }, stopsClock: true };
      }
      return done('Mark chased');
    }
    case 'approval.pending':
      return done('Mark chased');
    default:
      return done('Mark done');
  }
}

/** The UTC day of an instant, "2026-11-26": a done mark lasts for that day. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

const STORAGE_KEY = 'closer.today.done';

/** Items marked done today (by key), kept in this browser; older marks are dropped. */
export function readDoneToday(now: Date, storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): Record<string, string> {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    const parsed = raw ? (JSON.parse(raw) as Record<string, string>) : {};
    const day = utcDay(now);
    return Object.fromEntries(Object.entries(parsed).filter(([, d]) => d === day));
  } catch {
    return {};
  }
}

export function writeDoneToday(done: Record<string, string>, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(done));
  } catch {
    // Private mode or a full quota: the mark then lasts until the page is left.
  }
}
