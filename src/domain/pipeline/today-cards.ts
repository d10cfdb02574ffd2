import { mayViewAllToday, TODAY_REASONS, todayReasons, type TodayAudienceContext, type TodayReason, type TodayScope, type TodayViewer } from './audience.js';
import { todayActionFor, type TodayAction, type TodayWords } from './today-actions.js';
import type { TodayItem } from './today.js';

/** One late clock or risk on a card, with why it is the viewer's and what they can do about it. */
export interface TodayCardItem {
  item: TodayItem;
  /** Empty when the item is shown only because the viewer looks at everything. */
  reasons: TodayReason[];
  action: TodayAction;
}

/** One application on Today: all its late clocks and its risk together. */
export interface TodayCard {
  applicationId: string;
  candidateName: string;
  roleTitle: string;
  /** The worst of its items: critical, then high (risk), then warning, then new (a new applicant). */
  level: 'critical' | 'high' | 'warning' | 'new';
  /** Most urgent first. */
  items: TodayCardItem[];
  /** Why the card is the viewer's: the reasons of its items, in TODAY_REASONS order. */
  reasons: TodayReason[];
}

/** What the rules need about an application of the list. */
export type TodayCardContext = TodayAudienceContext & TodayWords;

const LEVEL_RANK = { critical: 0, high: 1, warning: 2, new: 3 } as const;

/**
 * Groups Today items into one card per application for one viewer. With scope 'mine' (the default) only the
 * viewer's items are kept (see todayReasons); with 'all', for people allowed to see everything, every item is.
 * Items keep their order (buildTodayItems: most urgent first), so each card lists its items most urgent first and
 * cards come in the order of their most urgent item.
 * @example buildTodayCards(buildTodayItems(apps, now), { id: 'u_1', role: 'recruiter' }, 'mine', contextOf)
 */
export function buildTodayCards(
  items: readonly TodayItem[],
  viewer: TodayViewer,
  scope: TodayScope,
  contextOf: (applicationId: string) => TodayCardContext,
): TodayCard[] {
  return buildTodayCardsPage(items, viewer, scope, contextOf, Number.POSITIVE_INFINITY).cards;
}

/** One page of a viewer's Today: the first cards, and what the whole list counts. */
export interface TodayCardsPage {
  /** buildTodayCards(...).slice(0, limit). */
  cards: TodayCard[];
  /** How many cards the whole list has. */
  cardCount: number;
  /** The viewer's items (those on any card), most urgent first. */
  items: TodayItem[];
}

/**
 * buildTodayCards limited to the first `limit` cards: every item is sorted into the viewer's or not (the counts need
 * it), but only the cards shown get their items' actions (the words and links), the costly part.
 */
export function buildTodayCardsPage(
  items: readonly TodayItem[],
  viewer: TodayViewer,
  scope: TodayScope,
  contextOf: (applicationId: string) => TodayCardContext,
  limit: number,
  /** Called on each item of the cards shown before its action is made (e.g. fillClockAction). */
  prepare?: (item: TodayItem) => void,
): TodayCardsPage {
  const everything = scope === 'all' && mayViewAllToday(viewer.role);
  const cards = new Map<string, TodayCard>();
  const beyond = new Set<string>();
  const mine: TodayItem[] = [];
  for (const item of items) {
    const ctx = contextOf(item.applicationId);
    const reasons = todayReasons(viewer, item, ctx);
    if (!everything && reasons.length === 0) continue;
    mine.push(item);
    let card = cards.get(item.applicationId);
    if (!card) {
      if (cards.size >= limit) {
        beyond.add(item.applicationId);
        continue;
      }
      card = { applicationId: item.applicationId, candidateName: item.candidateName, roleTitle: item.roleTitle, level: item.level, items: [], reasons: [] };
      cards.set(item.applicationId, card);
    }
    prepare?.(item);
    card.items.push({ item, reasons, action: todayActionFor(item, viewer, reasons, ctx) });
    if (LEVEL_RANK[item.level] < LEVEL_RANK[card.level]) card.level = item.level;
  }
  for (const card of cards.values()) {
    const seen = new Set(card.items.flatMap((i) => i.reasons));
    card.reasons = TODAY_REASONS.filter((r) => seen.has(r));
  }
  return { cards: [...cards.values()], cardCount: cards.size + beyond.size, items: mine };
}
