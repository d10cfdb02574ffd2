import {
  SIGNAL_TYPES,
  todayItemNameOf,
  todayReasonText,
  wholeDays,
  type TodayAction,
  type TodayItem,
} from '../../../domain/pipeline/index.js';
import type { PipelineSettingsState } from '../../services/pipeline-settings.js';
import type { PersonalToday, TodayMarkOfPerson } from '../../services/today.js';
import { TodayActionView, TodayItemView, TodayMarkView, TodayView } from '../../../api/today.js';
import type { PipelineSettingsView } from '../../../api/pipeline-settings.js';

export function presentTodayItem(item: TodayItem): TodayItemView {
  const base = { applicationId: item.applicationId, candidateName: item.candidateName, roleTitle: item.roleTitle, kind: item.kind, id: item.id, level: item.level, action: item.action, key: item.key };
  if (item.kind === 'clock') {
    const c = item.clock;
    return { ...base, elapsedHours: c.elapsedHours, targetHours: c.targetHours, criticalHours: c.criticalHours, basis: c.basis, dayHours: c.dayHours };
  }
  return item.hoursToDeadline === undefined ? { ...base, score: item.risk.score } : { ...base, score: item.risk.score, hoursToDeadline: item.hoursToDeadline };
}

function presentAction(action: TodayAction): TodayActionView {
  return action.kind === 'record' ? { kind: 'record', id: action.id, label: action.label, done: action.done } : { kind: 'link', id: action.id, label: action.label, to: action.to };
}

export function presentMark(m: TodayMarkOfPerson): TodayMarkView {
  return { id: m.id, itemKey: m.itemKey, applicationId: m.applicationId, candidateName: m.candidateName, roleTitle: m.roleTitle, actionId: m.actionId, text: m.text, eventId: m.eventId, at: m.createdAt, undoUntil: m.undoUntil };
}

/** One page of Today: the cards and items from `offset` (the cursor), at most `limit` of each. */
export function presentToday(today: PersonalToday, page: { offset: number; limit: number }, now: Date, undoSeconds: number): TodayView {
  const markOf = new Map(today.marks.map((m) => [m.itemKey, m.id]));
  const { offset, limit } = page;
  const end = offset + limit;
  return {
    scope: today.scope,
    canSeeAll: today.canSeeAll,
    day: today.day,
    undoSeconds,
    cards: today.cards.slice(offset, end).map(({ card, heading, cycle }) => {
      const items = card.items.map(({ item, reasons, action }) => ({
        ...presentTodayItem(item),
        name: todayItemNameOf(item),
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
    cardCount: today.cardCount,
    nextCursor: end < today.cardCount ? String(end) : null,
    cardsInEverything: today.cardsInEverything,
    items: today.items.slice(offset, end).map(presentTodayItem),
    total: today.total,
    activeApplications: today.activeApplications,
    at: now.toISOString(),
    marks: today.marks.map(presentMark),
  };
}

/** The company's clock and risk settings as the API shows them: the stored overrides and the effective result. */
export function presentPipelineSettings(s: PipelineSettingsState): PipelineSettingsView {
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
