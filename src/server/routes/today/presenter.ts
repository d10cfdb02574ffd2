import { z } from 'zod';
import {
  CLOCK_IDS,
  SIGNAL_TYPES,
  TODAY_REASONS,
  TODAY_SCOPES,
  todayItemName,
  todayReasonText,
  wholeDays,
  type TodayAction,
  type TodayItem,
} from '../../../domain/pipeline/index.js';
import type { PipelineSettingsState } from '../../services/pipeline-settings.js';
import type { PersonalToday, TodayMarkOfPerson } from '../../services/today.js';

export const TodayItemView = z.object({
  applicationId: z.string(),
  candidateName: z.string(),
  roleTitle: z.string(),
  kind: z.enum(['clock', 'risk']),
  /** The clock id, or 'risk'. */
  id: z.union([z.enum(CLOCK_IDS), z.literal('risk')]),
  level: z.enum(['warning', 'critical', 'high']),
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
  /** The worst of its items. */
  level: z.enum(['critical', 'high', 'warning']),
  /** Why the card is the viewer's; empty for cards shown only under "everything". */
  reasons: z.array(z.object({ code: z.enum(TODAY_REASONS), text: z.string() })),
  /** Whole days since first contact (the cycle clock; the first day is day 0), and whether they are working days. */
  firstContactDays: z.number().int().nullable(),
  firstContactBusiness: z.boolean(),
  /** Every item carries a mark of the viewer today. */
  done: z.boolean(),
  items: z.array(TodayCardItemView),
});

export const TodayView = z.object({
  scope: z.enum(TODAY_SCOPES),
  /** Whether the viewer may switch to scope=all. */
  canSeeAll: z.boolean(),
  /** The UTC day the marks belong to. */
  day: z.string(),
  undoSeconds: z.number(),
  cards: z.array(TodayCardView),
  /** For people who may see everything: how many cards "Everything" has (so an empty "for you" can say so); else null. */
  cardsInEverything: z.number().int().nullable(),
  /** The items of the scope as one flat list, most urgent first. */
  items: z.array(TodayItemView),
  total: z.number().int(),
  activeApplications: z.number().int(),
  at: z.string(),
  marks: z.array(TodayMarkView),
});

export function presentTodayItem(item: TodayItem): z.infer<typeof TodayItemView> {
  const base = { applicationId: item.applicationId, candidateName: item.candidateName, roleTitle: item.roleTitle, kind: item.kind, id: item.id, level: item.level, action: item.action, key: item.key };
  if (item.kind === 'clock') {
    const c = item.clock;
    return { ...base, elapsedHours: c.elapsedHours, targetHours: c.targetHours, criticalHours: c.criticalHours, basis: c.basis, dayHours: c.dayHours };
  }
  return item.hoursToDeadline === undefined ? { ...base, score: item.risk.score } : { ...base, score: item.risk.score, hoursToDeadline: item.hoursToDeadline };
}

function presentAction(action: TodayAction): z.infer<typeof TodayActionView> {
  return action.kind === 'record' ? { kind: 'record', id: action.id, label: action.label, done: action.done } : { kind: 'link', id: action.id, label: action.label, to: action.to };
}

export function presentMark(m: TodayMarkOfPerson): z.infer<typeof TodayMarkView> {
  return { id: m.id, itemKey: m.itemKey, applicationId: m.applicationId, candidateName: m.candidateName, roleTitle: m.roleTitle, actionId: m.actionId, text: m.text, eventId: m.eventId, at: m.createdAt, undoUntil: m.undoUntil };
}

export function presentToday(today: PersonalToday, limit: number, now: Date, undoSeconds: number): z.infer<typeof TodayView> {
  const markOf = new Map(today.marks.map((m) => [m.itemKey, m.id]));
  return {
    scope: today.scope,
    canSeeAll: today.canSeeAll,
    day: today.day,
    undoSeconds,
    cards: today.cards.slice(0, limit).map(({ card, heading, cycle }) => {
      const items = card.items.map(({ item, reasons, action }) => ({
        ...presentTodayItem(item),
        name: todayItemName(item.id),
        reasons,
        do: presentAction(action),
        markId: markOf.get(item.key) ?? null,
      }));
      return {
        applicationId: card.applicationId,
        candidateId: heading.candidateId,
        candidateName: card.candidateName,
        roleId: heading.roleId,
        roleTitle: card.roleTitle,
        level: card.level,
        reasons: card.reasons.map((code) => ({ code, text: todayReasonText(code, card.roleTitle) })),
        firstContactDays: cycle ? wholeDays(cycle.elapsedHours, cycle.dayHours) : null,
        firstContactBusiness: cycle?.basis === 'business',
        done: items.every((i) => i.markId !== null),
        items,
      };
    }),
    cardsInEverything: today.cardsInEverything,
    items: today.items.slice(0, limit).map(presentTodayItem),
    total: today.items.length,
    activeApplications: today.activeApplications,
    at: now.toISOString(),
    marks: today.marks.map(presentMark),
  };
}

export const PipelineSettingsView = z.object({
  /** What the company changed (as stored). */
  overrides: z.object({ clocks: z.unknown().optional(), risk: z.unknown().optional() }),
  /** The result over the defaults: what every role without its own overrides uses. */
  effective: z.object({
    clocks: z.object({ targets: z.record(z.string(), z.object({ warningHours: z.number(), criticalHours: z.number() })), hours: z.record(z.string(), z.unknown()) }),
    risk: z.object({
      weights: z.record(z.enum(SIGNAL_TYPES), z.number()),
      halfLifeDays: z.number(),
      levels: z.object({ medium: z.number(), high: z.number(), critical: z.number() }),
      engagementReplies: z.number(),
    }),
  }),
});

/** The company's clock and risk settings as the API shows them: the stored overrides and the effective result. */
export function presentPipelineSettings(s: PipelineSettingsState): z.infer<typeof PipelineSettingsView> {
  const { clocks, risk, stored } = s;
  return {
    overrides: { ...(stored.clocks !== undefined ? { clocks: stored.clocks } : {}), ...(stored.risk !== undefined ? { risk: stored.risk } : {}) },
    effective: {
      clocks: { targets: clocks.targets, hours: clocks.hours as Record<string, unknown> },
      risk: {
        weights: Object.fromEntries(SIGNAL_TYPES.map((t) => [t, risk.signals[t].weight])) as Record<(typeof SIGNAL_TYPES)[number], number>,
        halfLifeDays: risk.halfLifeDays,
        levels: risk.levels,
        engagementReplies: risk.engagementReplies,
      },
    },
  };
}
