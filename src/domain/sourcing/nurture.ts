import nurture from '../../../data/sourcing/nurture.json' with { type: 'json' };

/** Nurture pace (data/sourcing/nurture.json): a pool's default cadence and when many touches call for a direct message. */
export interface NurtureSettings {
  cadenceDays: number;
  manyTouches: number;
  openStatuses: readonly string[];
}

export const DEFAULT_NURTURE_SETTINGS: NurtureSettings = {
  cadenceDays: nurture.cadenceDays.value,
  manyTouches: nurture.manyTouches.value,
  openStatuses: nurture.openStatuses.value,
};

/** A prospect as the nurture rules read it. */
export interface NurtureProspect {
  id: string;
  name: string;
  poolId: string;
  poolName: string;
  cadenceDays: number;
  status: string;
  touches: number;
  lastTouchAt: string | null;
  lastReplyAt: string | null;
  createdAt: string;
}

export type NurtureKind = 'neglected' | 'many-touches';

/** One sourcing item of Today. */
export interface NurtureItem {
  kind: NurtureKind;
  prospectId: string;
  name: string;
  poolId: string;
  poolName: string;
  touches: number;
  /** Whole days since the last touch (or since they were added, when never touched). */
  daysSinceTouch: number;
  cadenceDays: number;
  /** What to do, in words. */
  action: string;
}

const DAY_MS = 86_400_000;

/**
 * Today's two sourcing items (issue 13, "nurture pace"), pure:
 * - `neglected`: an open prospect (settings.openStatuses) whose last touch, or addition when never touched, is
 *   more than its pool's cadence ago;
 * - `many-touches`: an open prospect touched `manyTouches` times or more without a reply: prolonged nurturing reads
 *   as low intent (the field report), so the suggestion is one direct cash-first message or closing them.
 * A prospect that is both is shown once, as `many-touches`. Most overdue first, then by name.
 */
export function buildNurtureItems(prospects: readonly NurtureProspect[], now: Date | number, settings: NurtureSettings = DEFAULT_NURTURE_SETTINGS): NurtureItem[] {
  const nowMs = typeof now === 'number' ? now : now.getTime();
  const open = new Set(settings.openStatuses);
  const out: Array<NurtureItem & { overdue: number }> = [];
  for (const p of prospects) {
    if (!open.has(p.status)) continue;
    const since = Date.parse(p.lastTouchAt ?? p.createdAt);
    const days = Math.floor((nowMs - since) / DAY_MS);
    const base = { prospectId: p.id, name: p.name, poolId: p.poolId, poolName: p.poolName, touches: p.touches, daysSinceTouch: days, cadenceDays: p.cadenceDays };
    if (p.touches >= settings.manyTouches && p.lastReplyAt === null) {
      out.push({ ...base, kind: 'many-touches', action: `${p.touches} touches and no reply: send one direct message that names the base salary first, or close them.`, overdue: Number.POSITIVE_INFINITY });
    } else if (nowMs - since > p.cadenceDays * DAY_MS) {
      out.push({ ...base, kind: 'neglected', action: p.lastTouchAt === null ? `Added ${days} days ago and never contacted (this pool: every ${p.cadenceDays} days).` : `Last touched ${days} days ago (this pool: every ${p.cadenceDays} days).`, overdue: days - p.cadenceDays });
    }
  }
  out.sort((a, b) => b.overdue - a.overdue || a.name.localeCompare(b.name));
  return out.map(({ overdue: _overdue, ...item }) => item);
}
