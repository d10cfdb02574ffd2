/**
 * Today for the signed-in person (docs/api-pipeline.md, "Today"): one card per application, the "done today"
 * marks kept on the server, and Undo within a minute. The shapes are the contract's (src/api/today.ts), types only.
 */
import type { TodayActionResultView, TodayActionView, TodayCardItemView, TodayCardView, TodayMarkView, TodayUndoView, TodayView } from '../../api/today.js';
import { api } from './client.js';
import { newIdempotencyKey } from './pipeline.js';

export type TodayScope = TodayView['scope'];
export type TodayReasonCode = TodayCardItemView['reasons'][number];

/** What an item's button does: record (its words say what) or go to the page where the work is done. */
export type TodayDo = TodayActionView;
export type TodayCardItem = TodayCardItemView;
export type TodayCard = TodayCardView;
export type TodayMark = TodayMarkView;
/** The page reads the cards; the flat `items` list of the same answer is for the CLI. */
export type PersonalToday = Omit<TodayView, 'items'>;

/** Cards the page asks for at a time (the contract's TODAY_PAGE_SIZE); "Show more" asks for the next ones. */
export { TODAY_PAGE_SIZE } from '../../api/constants.js';

/** One page of Today: the first `limit` cards, or those after `cursor` (the previous page's nextCursor). */
export function getPersonalToday(scope: TodayScope, page: { limit: number; cursor?: string }, signal?: AbortSignal): Promise<PersonalToday> {
  return api.get('/today', { query: { scope, limit: page.limit, ...(page.cursor !== undefined ? { cursor: page.cursor } : {}) }, signal });
}

/** Records what an item's button says (a note or a team reply) and marks it done today. */
export function recordTodayAction(applicationId: string, key: string, idempotencyKey: string = newIdempotencyKey()): Promise<TodayActionResultView> {
  return api.post('/today/actions', { applicationId, key }, { headers: { 'Idempotency-Key': idempotencyKey } });
}

/** Takes a click back within its minute (409 UNDO_EXPIRED after). */
export function undoTodayMark(markId: string): Promise<TodayUndoView> {
  return api.post(`/today/marks/${encodeURIComponent(markId)}/undo`, {}, { headers: { 'Idempotency-Key': newIdempotencyKey() } });
}
