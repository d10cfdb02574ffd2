import { bandPlacement, rangeWords } from './band-words.js';
import { getStageBand } from './bands.js';
import type { BudgetShare, StageBand } from './bands.js';
import { formatAmount, formatPercent, isFiniteNumber } from './checks.js';
import type { CashThreshold } from './threshold.js';

/** The comp.* checks of playbook-checks.md as pure functions returning a finding or null. */

export type Severity = 'info' | 'warning' | 'error';

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  fix: string;
  /** where in the input the finding points */
  path: string;
}

/** comp.below-stage-band (warning): base under the band's minimum for the stage. Null when no band applies or currencies differ. */
export function checkBelowStageBand(
  offer: { base: number; stage: string; currency: string },
  bands?: readonly StageBand[],
  path = 'startup.base',
): Finding | null {
  const band = getStageBand(offer.stage, bands);
  if (!band || band.currency !== offer.currency || offer.base >= band.base.min) return null;
  const range = rangeWords(formatAmount(band.base.min), band.base.max === null ? null : formatAmount(band.base.max), band.currency);
  return {
    rule: 'comp.below-stage-band',
    severity: 'warning',
    message: `Base ${formatAmount(offer.base)} ${offer.currency} is ${bandPlacement('below', { kind: 'market', stage: band.stage })} for a ${band.role} (${range}).`,
    fix: `Raise the base to at least ${formatAmount(band.base.min)} ${band.currency}, or record why this role sits below the market's range.`,
    path,
  };
}

/** comp.below-threshold (error): base under the candidate's risk-adjusted threshold. */
export function checkBelowThreshold(offer: { base: number; currency: string }, threshold: CashThreshold, path = 'startup.base'): Finding | null {
  if (offer.base >= Math.round(threshold.amount)) return null;
  const why = threshold.binding === 'risk' ? 'the expected cash loss in the failure case' : 'their obligations, savings and job-search buffer';
  return {
    rule: 'comp.below-threshold',
    severity: 'error',
    message: `Base ${formatAmount(offer.base)} ${offer.currency} is below the candidate's risk-adjusted threshold of ${formatAmount(threshold.amount)} ${offer.currency} (set by ${why}).`,
    fix: `Offer at least ${formatAmount(threshold.amount)} ${offer.currency} base; equity does not count toward this floor.`,
    path,
  };
}

/**
 * comp.equity-not-fully-diluted (error): equity stated without its fully diluted basis (share count
 * and the fully diluted total), or a stated percentage that does not match shares / fully diluted (5% tolerance).
 */
export function checkEquityStatement(
  statement: { shares?: number; fullyDilutedShares?: number; statedPercent?: number },
  path = 'startup.grant',
): Finding | null {
  const { shares, fullyDilutedShares, statedPercent } = statement;
  const rule = 'comp.equity-not-fully-diluted';
  const fix = 'State the grant as a share count and as a percentage of the fully diluted total (all shares, options and the pool).';
  if (!isFiniteNumber(shares) || shares <= 0) {
    return { rule, severity: 'error', message: 'Equity is given without a share count.', fix, path: `${path}.shares` };
  }
  if (!isFiniteNumber(fullyDilutedShares) || fullyDilutedShares <= 0) {
    return { rule, severity: 'error', message: 'Equity is given without the fully diluted share total, so its percentage cannot be known.', fix, path: `${path}.fullyDilutedShares` };
  }
  if (statedPercent !== undefined) {
    const actual = (100 * shares) / fullyDilutedShares;
    if (Math.abs(statedPercent - actual) > 0.05 * actual) {
      return {
        rule,
        severity: 'error',
        message: `The stated ${formatPercent(statedPercent)} does not match ${formatAmount(shares)} of ${formatAmount(fullyDilutedShares)} fully diluted shares (${formatPercent(actual)}).`,
        fix,
        path: `${path}.statedPercent`,
      };
    }
  }
  return null;
}

/** comp.budget-share: warning above 40%, error above 60% of the yearly budget (defaults). */
export function checkBudgetShare(result: BudgetShare, currency: string, path = 'budget'): Finding | null {
  if (result.severity === 'ok') return null;
  const limit = result.severity === 'error' ? result.errorAbove : result.warningAbove;
  return {
    rule: 'comp.budget-share',
    severity: result.severity,
    message: `AI cash comp of ${formatAmount(result.annualCash)} ${currency} a year is ${formatPercent(result.share * 100, 1)} of the yearly budget of ${formatAmount(result.annualBudget)} ${currency} (limit ${formatPercent(limit * 100, 1)}).`,
    fix: 'Stretch the runway, raise more, phase the hires, or shift part of the offer from cash to equity.',
    path,
  };
}
