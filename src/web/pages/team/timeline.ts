import type { PlannedHire, TeamPlan } from './api.js';

/** One row of the hiring timeline: the hire plus the running totals after it joins. */
export interface TimelineRow {
  hire: PlannedHire;
  /** Yearly cash comp of the current team plus every planned hire up to and including this one; null when unpriced or hidden. */
  cumulativeCost: number | null;
  /** cumulativeCost as a share of the yearly budget (0.24 = 24%); null without a budget. */
  cumulativeShare: number | null;
}

/**
 * Running cost and budget share after each planned hire, in hiring order.
 * @example planTimeline(plan)[0].cumulativeShare // 0.085 after the founding engineer
 */
export function planTimeline(plan: Pick<TeamPlan, 'hires' | 'teamYearlyCashComp' | 'budget'>): TimelineRow[] {
  const current = plan.teamYearlyCashComp?.current;
  const annualBudget = plan.budget?.annualBudget ?? null;
  let running: number | null = current ?? null;
  return [...plan.hires]
    .sort((a, b) => a.order - b.order)
    .map((hire) => {
      running = running !== null && typeof hire.yearlyCost === 'number' ? running + hire.yearlyCost : null;
      return {
        hire,
        cumulativeCost: running,
        cumulativeShare: running !== null && annualBudget ? running / annualBudget : null,
      };
    });
}

/** When a hire happens, in words. */
export const TIMING_LABELS: Record<PlannedHire['timing'], string> = {
  now: 'Now',
  'after-previous': 'After the previous hire',
  'at-specialist-headcount': 'At about 8-12 people',
};

