import { isNewApplicant, type Clock } from './clocks.js';
import type { ClockId } from './clock-settings.js';
import type { ApplicationStatus } from './history.js';
import { nextActionForClock } from './next-action.js';
import { riskLevel, type RiskAssessment, type RiskLevels } from './risk.js';
import { DAY_MS, HOUR_MS, toEpochMs } from './time.js';

/** What the Today list needs from one application (summarizeApplication's result plus names). */
export interface TodayApplication {
  applicationId: string;
  candidateName: string;
  roleTitle: string;
  clocks: readonly Clock[];
  risk: RiskAssessment;
  /** When given and not 'active', the application's risk is not listed (its clocks have stopped anyway). */
  status?: ApplicationStatus;
  /** Display names of approvers and interviewers by id, for the action text. */
  people?: Readonly<Record<string, string>>;
  interviews?: Readonly<Record<string, string>>;
}

interface TodayItemBase {
  /** Unique across the list: application, kind, clock and subject. */
  key: string;
  applicationId: string;
  candidateName: string;
  roleTitle: string;
  action: string;
  /** How far past the threshold of its level, relative to that threshold (0.5 = 50% past). The sort key after level. */
  overshoot: number;
}

export type TodayItem =
  /** A late clock (warning, critical), or a new applicant ('new': an inbound application's reply clock, unanswered and not yet late). */
  | (TodayItemBase & { kind: 'clock'; id: ClockId; level: 'warning' | 'critical' | 'new'; clock: Clock })
  | (TodayItemBase & {
      kind: 'risk';
      id: 'risk';
      level: 'high' | 'critical';
      risk: RiskAssessment;
      /** Hours from now to the nearest competing-offer deadline (negative once passed); a date counts to its end, UTC. */
      hoursToDeadline?: number;
    });

/** The overshoot buildTodayItems sorts by (exported for the read model's ranks). */
export function todayOvershoot(value: number, threshold: number): number {
  return relativeOvershoot(value, threshold);
}

function relativeOvershoot(value: number, threshold: number): number {
  return threshold > 0 ? (value - threshold) / threshold : value;
}

function deadlineMs(deadline: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(deadline) ? Date.parse(deadline) + DAY_MS : Date.parse(deadline);
}

function clockAction(clock: Clock, app: TodayApplication): string {
  return nextActionForClock(clock, { candidateName: app.candidateName, people: app.people, interviews: app.interviews })!;
}

/**
 * With `deferClockActions`, buildTodayItems leaves the action words of clock items empty (a list that shows a page of
 * many items words only that page); this fills them in, the same words as without the option. `app` is the item's.
 */
export function fillClockAction(item: TodayItem, app: TodayApplication): void {
  if (item.kind === 'clock' && item.action === '') item.action = clockAction(item.clock, app);
}

/**
 * Every warning or critical clock, every high or critical risk and every new applicant, most urgent first: critical
 * (clock or risk) before warning/high before new, then by relative overshoot of the level's threshold, then by application and key so the
 * order is stable.
 */
export function buildTodayItems(applications: readonly TodayApplication[], now: Date | number, opts: { deferClockActions?: boolean } = {}): TodayItem[] {
  const nowMs = toEpochMs(now);
  const items: TodayItem[] = [];
  for (const app of applications) {
    for (const clock of app.clocks) {
      if (isNewApplicant(clock)) {
        // Listed from the application on; the longest waiting first (the overshoot of a zero threshold is the elapsed hours).
        items.push({
          applicationId: app.applicationId,
          candidateName: app.candidateName,
          roleTitle: app.roleTitle,
          key: `${app.applicationId}|new|${clock.id}`,
          kind: 'clock',
          id: clock.id,
          level: 'new',
          action: opts.deferClockActions ? '' : clockAction(clock, app),
          overshoot: relativeOvershoot(clock.elapsedHours, 0),
          clock,
        });
        continue;
      }
      if (clock.state !== 'warning' && clock.state !== 'critical') continue;
      const threshold = clock.state === 'critical' ? clock.criticalHours : clock.targetHours;
      const s = clock.subject;
      // Fields are spelled out: spreading a shared base into 100k+ literals makes slow dictionary-mode objects.
      items.push({
        applicationId: app.applicationId,
        candidateName: app.candidateName,
        roleTitle: app.roleTitle,
        key: [app.applicationId, 'clock', clock.id, s?.offerId ?? '', s?.interviewId ?? '', s?.interviewerId ?? ''].join('|'),
        kind: 'clock',
        id: clock.id,
        level: clock.state,
        action: opts.deferClockActions ? '' : clockAction(clock, app),
        overshoot: relativeOvershoot(clock.elapsedHours, threshold),
        clock,
      });
    }
    const risk = app.risk;
    const listed = app.status === undefined || app.status === 'active';
    if (listed && (risk.level === 'high' || risk.level === 'critical') && risk.actions.length > 0) {
      const item: TodayItem = {
        applicationId: app.applicationId,
        candidateName: app.candidateName,
        roleTitle: app.roleTitle,
        key: `${app.applicationId}|risk`,
        kind: 'risk',
        id: 'risk',
        level: risk.level,
        action: risk.actions[0]!.text,
        overshoot: relativeOvershoot(risk.score, risk.level === 'critical' ? risk.levels.critical : risk.levels.high),
        risk,
      };
      const deadlines = risk.signals.flatMap((sig) => (sig.deadline ? [deadlineMs(sig.deadline)] : [])).filter(Number.isFinite);
      if (deadlines.length > 0) item.hoursToDeadline = (Math.min(...deadlines) - nowMs) / HOUR_MS;
      items.push(item);
    }
  }
  return items.sort(compareTodayItems);
}

/** A risk's level and overshoot on Today (high or critical), or null below high: what buildTodayItems ranks a risk item by. */
export function todayRiskRank(score: number, levels: RiskLevels): { level: 'high' | 'critical'; overshoot: number } | null {
  const level = riskLevel(score, levels);
  if (level !== 'high' && level !== 'critical') return null;
  return { level, overshoot: relativeOvershoot(score, level === 'critical' ? levels.critical : levels.high) };
}

/** Today's order: critical before warning/high before new, then by relative overshoot (largest first), then application and key. */
export function compareTodayItems(a: TodayItem, b: TodayItem): number {
  const rank = (item: TodayItem) => (item.level === 'critical' ? 0 : item.level === 'new' ? 2 : 1);
  return (
    rank(a) - rank(b) ||
    b.overshoot - a.overshoot ||
    (a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0) ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}
