import { z } from 'zod';
import { CLOCK_IDS, TODAY_REASONS, TODAY_SCOPES } from '../domain/pipeline/index.js';
import { EventView } from './applications.js';
import { PageLimit } from './shared.js';

/** Request and response schemas of Today: the cards of the viewer, the done-today marks and their undo (docs/api-pipeline.md). */

/**
 * `limit`: at most this many cards and items (PAGE_EXCEPTIONS.today: 1 to 10,000, default 500). `cursor`: the
 * `nextCursor` of the previous page, for the cards after it.
 */
export const TodayQuery = z.strictObject({ limit: PageLimit.optional(), scope: z.enum(TODAY_SCOPES).optional(), cursor: z.string().regex(/^\d{1,6}$/, { message: 'The nextCursor of the previous page' }).optional() });

export type TodayQuery = z.infer<typeof TodayQuery>;

/** Do the action of an item: the item's application and key. */
export const TodayActionBody = z.strictObject({ applicationId: z.string().min(1).max(64), key: z.string().min(1).max(1_000) });
export type TodayActionBody = z.infer<typeof TodayActionBody>;

export const TodayItemView = z.object({
  applicationId: z.string(),
  candidateName: z.string(),
  roleTitle: z.string(),
  kind: z.enum(['clock', 'risk']),
  /** The clock id, or 'risk'. */
  id: z.union([z.enum(CLOCK_IDS), z.literal('risk')]),
  /** 'new': a new applicant through the job board, not answered yet (before its reply clock is late). */
  level: z.enum(['warning', 'critical', 'high', 'new']),
  action: z.string(),
  /** Unique per item: application, kind, clock and its subject. */
  key: z.string(),
  /** Clock items: hours run and the warning / critical times. */
  elapsedHours: z.number().optional(),
  targetHours: z.number().optional(),
  criticalHours: z.number().optional(),
  /** Clock items: calendar or working hours, and the hours of one day in that basis (for day counts: clockDays). */
  basis: z.enum(['calendar', 'business']).optional(),
  dayHours: z.number().optional(),
  /** Risk items: the score and, with a competing offer, hours to its deadline. */
  score: z.number().optional(),
  hoursToDeadline: z.number().optional(),
});

/** What the item's button does: record (its words say what it records) or go to another page. */
export const TodayActionView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('record'), id: z.string(), label: z.string(), done: z.string() }),
  z.object({ kind: z.literal('link'), id: z.string(), label: z.string(), to: z.string() }),
]);

export const TodayMarkView = z.object({
  id: z.string(),
  itemKey: z.string(),
  applicationId: z.string(),
  candidateName: z.string(),
  roleTitle: z.string(),
  actionId: z.string(),
  /** What was done, in words ("You logged that you contacted Rahul"). */
  text: z.string(),
  /** The event the click recorded. */
  eventId: z.string(),
  at: z.string(),
  /** Undo is possible until then. */
  undoUntil: z.string(),
});

export const TodayCardItemView = TodayItemView.extend({
  /** What the item is about, in words: "No activity", "Offer approval", "Flight risk". */
  name: z.string(),
  reasons: z.array(z.enum(TODAY_REASONS)),
  do: TodayActionView,
  /** The viewer's "done today" mark of this item, if any. */
  markId: z.string().nullable(),
});

export const TodayCardView = z.object({
  applicationId: z.string(),
  candidateId: z.string(),
  candidateName: z.string(),
  roleId: z.string(),
  roleTitle: z.string(),
  /** The worst of its items ('new' when its only item is a new applicant). */
  level: z.enum(['critical', 'high', 'warning', 'new']),
  /** Why the card is the viewer's; empty for cards shown only under "everything". */
  reasons: z.array(z.object({ code: z.enum(TODAY_REASONS), text: z.string() })),
  /** Whole days since first contact (the cycle clock; the first day is day 0), and whether they are working days. */
  firstContactDays: z.number().int().nullable(),
  firstContactBusiness: z.boolean(),
  /** Every item carries a mark of the viewer today. */
  done: z.boolean(),
  items: z.array(TodayCardItemView),
});

export const TodaySourcingItemView = z.object({
  kind: z.enum(['neglected', 'many-touches']),
  prospectId: z.string(),
  name: z.string(),
  poolId: z.string(),
  poolName: z.string(),
  touches: z.number().int(),
  daysSinceTouch: z.number().int(),
  cadenceDays: z.number().int(),
  action: z.string(),
});
export type TodaySourcingItemView = z.infer<typeof TodaySourcingItemView>;

export const TodayView = z.object({
  scope: z.enum(TODAY_SCOPES),
  /** Whether the viewer may switch to scope=all. */
  canSeeAll: z.boolean(),
  /** The UTC day the marks belong to. */
  day: z.string(),
  undoSeconds: z.number(),
  /** The cards of this page (from the cursor's position, at most `limit`). */
  cards: z.array(TodayCardView),
  /** How many cards the scope has (every page). */
  cardCount: z.number().int(),
  /** For the next page's `cursor`; null on the last page. */
  nextCursor: z.string().nullable(),
  /** For people who may see everything: how many cards "Everything" has (so an empty "for you" can say so); else null. */
  cardsInEverything: z.number().int().nullable(),
  /** The items of the scope as one flat list, most urgent first (the same window: from the cursor's position, at most `limit`). */
  items: z.array(TodayItemView),
  total: z.number().int(),
  activeApplications: z.number().int(),
  at: z.string(),
  marks: z.array(TodayMarkView),
  /** Sourcing (docs/sourcing.md, "Nurture pace"): prospects past their pool's cadence, or touched many times without a reply. Only for people who may read pools. */
  sourcing: z.array(TodaySourcingItemView).optional(),
});
export type TodayItemView = z.infer<typeof TodayItemView>;
export type TodayActionView = z.infer<typeof TodayActionView>;
export type TodayMarkView = z.infer<typeof TodayMarkView>;
export type TodayCardItemView = z.infer<typeof TodayCardItemView>;
export type TodayCardView = z.infer<typeof TodayCardView>;
export type TodayView = z.infer<typeof TodayView>;

/** POST /today/actions: the viewer's new mark and the event it recorded. */
export const TodayActionResultView = z.object({ mark: TodayMarkView, event: EventView });
export type TodayActionResultView = z.infer<typeof TodayActionResultView>;

/** POST /today/marks/:id/undo: the mark undone, its event and the retraction that undid it. */
export const TodayUndoView = z.object({ markId: z.string(), eventId: z.string(), retractionId: z.string() });
export type TodayUndoView = z.infer<typeof TodayUndoView>;
export const TodayUndoBody = z.strictObject({}).nullish();
