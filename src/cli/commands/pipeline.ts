import type { Command } from '../command.js';
import { callApi, UsageError } from '../io.js';
import type { EventRecordedView } from '../../api/applications.js';
import type { TodayView } from '../../api/today.js';

/** What the CLI prints of GET /today: the flat list of items, most urgent first. */
type TodayResponse = Pick<TodayView, 'items' | 'total' | 'activeApplications' | 'at' | 'scope' | 'cardsInEverything' | 'cards'>;

/** One line per item, most urgent first: level, what, who, and the next action; a pointer to --all when it has more. */
export function formatToday(today: TodayResponse): string {
  const mine = new Set((today.cards ?? today.items).map((i) => i.applicationId)).size;
  const elsewhere = today.scope === 'mine' && typeof today.cardsInEverything === 'number' ? today.cardsInEverything - mine : 0;
  const hint = elsewhere > 0 ? [`${elsewhere} more application(s) need someone else; closer today --all shows everything.`] : [];
  if (today.items.length === 0) return [today.scope === 'mine' ? 'Nothing needs you right now.' : `Nothing is late across ${today.activeApplications} active application(s).`, ...hint].join('\n');
  const level = Math.max(...today.items.map((i) => i.level.length));
  const what = Math.max(...today.items.map((i) => i.id.length));
  const lines = today.items.map((i) => `${i.level.toUpperCase().padEnd(level)}  ${i.id.padEnd(what)}  ${i.candidateName} (${i.roleTitle}): ${i.action}  [${i.applicationId}]`);
  const more = today.total > today.items.length ? [`... and ${today.total - today.items.length} more (--limit N)`] : [];
  return [...lines, ...more, ...hint].join('\n');
}

export const todayCommand: Command = {
  path: ['today'],
  summary: "What to do now: late clocks and high flight risks, most urgent first (yours; --all: everyone's, for owners, admins, recruiters and hiring managers)",
  usage: 'closer today [--all] [--limit N] [--json]   (needs CLOSER_URL and CLOSER_TOKEN)',
  options: { limit: { type: 'string' }, all: { type: 'boolean' } },
  async run(ctx) {
    const limit = ctx.values.limit;
    if (limit !== undefined && (typeof limit !== 'string' || !/^\d{1,5}$/.test(limit) || Number(limit) < 1)) throw new UsageError('--limit must be a whole number from 1', 'limit');
    const query = new URLSearchParams();
    if (ctx.values.all === true) query.set('scope', 'all');
    if (limit) query.set('limit', limit);
    const search = query.toString();
    const today = await callApi<TodayResponse>(ctx.io, 'GET', `/api/v1/today${search ? `?${search}` : ''}`);
    ctx.print(today, formatToday(today));
    return 0;
  },
};

type EventResponse = EventRecordedView;

export const eventAddCommand: Command = {
  path: ['event', 'add'],
  summary: "Append an event to an application's history",
  usage: "closer event add --application ID --type TYPE [--occurred-at ISO] [--data JSON] [--idempotency-key KEY] [--json]\n  e.g. closer event add --application APP --type signal.observed --data '{\"signal\":\"competing-offer\",\"deadline\":\"2026-11-20\"}'",
  options: { application: { type: 'string' }, type: { type: 'string' }, 'occurred-at': { type: 'string' }, data: { type: 'string' }, 'idempotency-key': { type: 'string' } },
  async run(ctx) {
    const application = ctx.values.application;
    const type = ctx.values.type;
    if (typeof application !== 'string' || application.trim() === '') throw new UsageError('--application is required', 'application');
    if (typeof type !== 'string' || type.trim() === '') throw new UsageError('--type is required (for example stage.changed, signal.observed, note)', 'type');
    const body: Record<string, unknown> = { type };
    const occurredAt = ctx.values['occurred-at'];
    if (typeof occurredAt === 'string') body.occurredAt = occurredAt;
    const data = ctx.values.data;
    if (typeof data === 'string') {
      try {
        body.data = JSON.parse(data) as unknown;
      } catch {
        throw new UsageError('--data must be a JSON object, e.g. --data \'{"text":"called"}\'', 'data');
      }
    }
    const key = ctx.values['idempotency-key'];
    const headers: Record<string, string> = typeof key === 'string' ? { 'idempotency-key': key } : {};
    const res = await callApi<EventResponse>(ctx.io, 'POST', `/api/v1/applications/${encodeURIComponent(application)}/events`, body, headers);
    ctx.print(res, `Recorded ${res.event.type} at ${res.event.occurredAt} (event ${res.event.id}); application is ${res.application.status} at stage ${res.application.stage}.`);
    return 0;
  },
};
