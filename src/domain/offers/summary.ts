import offerDefaults from '../../../data/offers/offer-defaults.json' with { type: 'json' };
import { normalizeVesting, vestedFraction, type VestingInput } from '../compensation/index.js';
import { fullyDilutedPct, type OfferTerms, type VestingTerms } from './offer.js';

/** What the candidate is shown (compensation.md "Offer letter view"): every equity figure with its fully diluted basis. */
export interface OfferSummary {
  offerId: string;
  version: number;
  status: string;
  companyName: string;
  candidateName: string;
  roleTitle: string;
  generatedAt: string;
  currency: string;
  base: number;
  bonusTarget: number;
  signOn: number;
  startDate: string | null;
  expiresAt: string | null;
  equity: {
    kind: string;
    shares: number;
    fullyDilutedShares: number;
    fullyDilutedPct: number;
    strike: number | null;
    /** What exercising the whole grant costs (options only). */
    exerciseCost: number | null;
    /** Shares at the last post-money price per fully diluted share: what recruiters quote, not what it is worth. */
    paperValue: number;
  };
  vesting: {
    totalYears: number;
    cliffYears: number;
    rows: Array<{ atYears: number; date: string | null; vestedShares: number; vestedPctOfGrant: number; fullyDilutedPct: number }>;
  };
  dilution: Array<{ stage: string; fullyDilutedPct: number }>;
  /**
   * The grant's value at a few exit values, today and after expected dilution: after liquidation preferences
   * when the engine's scenario table is given (`waterfall`), else gross of preferences (`gross`).
   */
  exitScenarios: Array<{ multiple: number; exitValue: number; valueToday: number; valueAfterDilution: number; basis: 'waterfall' | 'gross' }>;
  notes: string[];
}

/** The summary's identifying fields come from the caller as they are. */
export interface OfferSummaryInput extends Pick<OfferSummary, 'offerId' | 'version' | 'status' | 'companyName' | 'candidateName' | 'roleTitle' | 'expiresAt'> {
  terms: OfferTerms;
  /** Ownership today (first step) and after each expected round, from the compensation engine's evaluation. */
  ownership?: ReadonlyArray<{ stage: string; fullyDilutedPct: number }>;
  /** The engine's scenario table: values[i][j] is the grant's value at exitValues[i] after stages[j], after preferences. */
  scenarioTable?: { exitValues: readonly number[]; stages: ReadonlyArray<{ stage: string; fullyDilutedPct: number }>; values: ReadonlyArray<readonly number[]> };
  now: Date;
  exitMultiples?: readonly number[];
}

export function toVestingInput(v: VestingTerms): VestingInput {
  return ('preset' in v ? { preset: v.preset } : { ...v }) as VestingInput;
}

function addMonths(isoDate: string, months: number): string {
  const d = new Date(`${isoDate}T00:00:00.000Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
}

/**
 * Builds the candidate-facing summary of one offer version: base, equity as percent of fully diluted and as
 * shares, the vesting timeline (cliff, then each year), ownership after expected dilution and what the grant
 * would be worth at a few exit values. Pure: the same input gives the same summary.
 */
export function buildOfferSummary(input: OfferSummaryInput): OfferSummary {
  const { terms } = input;
  const e = terms.equity;
  const pct = fullyDilutedPct(e.shares, e.fullyDilutedShares);
  const schedule = normalizeVesting(toVestingInput(e.vesting), 'equity.vesting');
  const points = new Set<number>();
  if (schedule.cliffYears > 0) points.add(schedule.cliffYears);
  for (let y = 1; y <= Math.ceil(schedule.totalYears - 1e-9); y++) points.add(Math.min(y, schedule.totalYears));
  const rows = [...points]
    .sort((a, b) => a - b)
    .map((t) => {
      const fraction = vestedFraction(schedule, t);
      const vestedShares = Math.floor(e.shares * fraction + 1e-9);
      return {
        atYears: Math.round(t * 1000) / 1000,
        date: terms.startDate ? addMonths(terms.startDate, Math.round(t * 12)) : null,
        vestedShares,
        vestedPctOfGrant: Math.round(fraction * 10_000) / 100,
        fullyDilutedPct: fullyDilutedPct(vestedShares, e.fullyDilutedShares),
      };
    });
  const strike = e.strike ?? null;
  const exerciseCost = e.kind === 'ISO' || e.kind === 'NSO' ? Math.round(e.shares * (strike ?? 0)) : null;
  // The engine's first ownership step is the company's current stage: today's grant.
  const dilution =
    input.ownership && input.ownership.length > 0
      ? input.ownership.map((o, i) => ({ stage: i === 0 ? 'today' : o.stage, fullyDilutedPct: i === 0 ? pct : Math.round(o.fullyDilutedPct * 10_000) / 10_000 }))
      : [{ stage: 'today', fullyDilutedPct: pct }];
  const afterPct = dilution[dilution.length - 1]!.fullyDilutedPct;
  const multiples = input.exitMultiples ?? offerDefaults.exitMultiples.value;
  const cost = exerciseCost ?? 0;
  const table = input.scenarioTable;
  const exitScenarios = multiples.map((m) => {
    const exitValue = Math.round(terms.lastPostMoney * m);
    const row = table ? table.exitValues.findIndex((v) => Math.abs(v - exitValue) <= 1) : -1;
    if (table && row >= 0 && table.values[row]!.length > 0) {
      const values = table.values[row]!;
      return { multiple: m, exitValue, valueToday: Math.round(values[0]!), valueAfterDilution: Math.round(values[values.length - 1]!), basis: 'waterfall' as const };
    }
    return {
      multiple: m,
      exitValue,
      valueToday: Math.max(0, Math.round((exitValue * pct) / 100 - cost)),
      valueAfterDilution: Math.max(0, Math.round((exitValue * afterPct) / 100 - cost)),
      basis: 'gross' as const,
    };
  });
  const notes = [
    `Percentages are of ${e.fullyDilutedShares.toLocaleString('en-US')} fully diluted shares: all issued shares, options and the option pool.`,
    exitScenarios.every((x) => x.basis === 'waterfall')
      ? 'Exit values are illustrations after investors\' liquidation preferences and net of the exercise cost, before taxes; they are not a forecast.'
      : 'Exit values are illustrations before liquidation preferences and taxes, net of the exercise cost for options; they are not a forecast.',
  ];
  if (dilution.length > 1) notes.push('Ownership after future rounds uses the median dilution per round; actual rounds differ.');
  return {
    offerId: input.offerId,
    version: input.version,
    status: input.status,
    companyName: input.companyName,
    candidateName: input.candidateName,
    roleTitle: input.roleTitle,
    generatedAt: input.now.toISOString(),
    currency: terms.currency,
    base: terms.base,
    bonusTarget: terms.bonusTarget,
    signOn: terms.signOn,
    startDate: terms.startDate ?? null,
    expiresAt: input.expiresAt,
    equity: {
      kind: e.kind,
      shares: e.shares,
      fullyDilutedShares: e.fullyDilutedShares,
      fullyDilutedPct: pct,
      strike,
      exerciseCost,
      paperValue: Math.round((e.shares * terms.lastPostMoney) / e.fullyDilutedShares),
    },
    vesting: { totalYears: schedule.totalYears, cliffYears: schedule.cliffYears, rows },
    dilution,
    exitScenarios,
    notes,
  };
}
