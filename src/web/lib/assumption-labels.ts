import { listModelPresets } from '../../domain/compensation/parameters.js';
import { formatMoney } from './format-money.js';
import { stageWords } from './words.js';

/** One parameter the evaluation used, as the API returns it (`name` is its key, e.g. `model.pNext`). */
export interface AssumptionValue {
  name: string;
  value: unknown;
}

type Kind = 'share' | 'percent' | 'years' | 'money' | 'multiple' | 'count' | 'text' | 'yesNo' | 'shares';

interface Spec {
  label: string;
  kind: Kind;
  /** Arrays are one value per stage of the model's funnel (seed to Series E). */
  perStage?: boolean;
}

const MODEL_STAGES = ['seed', 'series-a', 'series-b', 'series-c', 'series-d', 'series-e'];

/** What each parameter is called on screen; the key stays in the tooltip and beside the source. */
const SPECS: Readonly<Record<string, Spec>> = {
  'simulation.seed': { label: 'Random seed of the simulation', kind: 'count' },
  'simulation.horizonYears': { label: 'Years compared', kind: 'years' },
  'simulation.equityTail': { label: 'Equity paid out after those years', kind: 'text' },
  'model.preset': { label: 'Outcome data used', kind: 'text' },
  'model.pNext': { label: 'Chance of raising the next round', kind: 'share', perStage: true },
  'model.qAcq': { label: 'Chance of an acquisition when no round follows', kind: 'share', perStage: true },
  'model.qIpo': { label: 'Chance of an IPO when no round follows', kind: 'share', perStage: true },
  'model.dilutionMedian': { label: 'Typical dilution of the round into each stage', kind: 'share', perStage: true },
  'model.dilutionBetaK': { label: 'How tightly dilution clusters around its median', kind: 'count' },
  'model.dilutionClamp': { label: 'Smallest and largest dilution of a round', kind: 'share' },
  'model.stepUpMedian': { label: 'Typical valuation step-up to the next round', kind: 'multiple', perStage: true },
  'model.stepUpSigma': { label: 'Spread of valuation step-ups', kind: 'count', perStage: true },
  'model.gapMedianYears': { label: 'Typical time to the next round', kind: 'years', perStage: true },
  'model.gapSigma': { label: 'Spread of the time between rounds', kind: 'count' },
  'model.mnaLogMultiple': { label: 'Acquisition price against the last valuation', kind: 'text' },
  'model.ipoLogMultiple': { label: 'IPO value against the last valuation', kind: 'text' },
  'model.strikeRatio': { label: 'Strike as a share of the preferred price', kind: 'share', perStage: true },
  'model.poolTopUp': { label: 'Option pool top-up at each round', kind: 'share' },
  'model.preferenceMultiple': { label: 'Investor liquidation preference', kind: 'multiple' },
  'model.participating': { label: 'Participating preferred', kind: 'yesNo' },
  'rates.rCash': { label: 'Discount rate for cash', kind: 'share' },
  'rates.rEquity': { label: 'Discount rate for startup equity', kind: 'share' },
  'rates.equityTaxRate': { label: 'Tax rate on equity proceeds', kind: 'share' },
  'startup.raisePerYear': { label: 'Yearly raise at the startup', kind: 'share' },
  'candidate.perceivedFailureProbability': { label: 'Chance the startup fails, as the candidate sees it', kind: 'share' },
  'candidate.savingsShare': { label: 'Share of pay the candidate saves', kind: 'share' },
  'candidate.searchYears': { label: 'Job search after a failure', kind: 'years' },
  'candidate.lossTolerance': { label: 'Loss the candidate can absorb in a year', kind: 'money' },
  'startup.company.preferred': { label: 'Investor preference stack before this offer', kind: 'money' },
  'waterfall.exerciseCash': { label: 'Exercise cash in the payout', kind: 'text' },
  'startup.employee.expectedTenureYears': { label: 'Expected years at the startup', kind: 'years' },
  'startup.employee.exercisePolicy': { label: 'When options are exercised', kind: 'text' },
  'candidate.fallbackSalary': { label: 'Salary after a failed startup', kind: 'money' },
  'incumbent.raisePerYear': { label: 'Yearly raise at the big-tech employer', kind: 'share' },
  'incumbent.stock.sigma': { label: 'Yearly volatility of the big-tech stock', kind: 'share' },
  'incumbent.stock.mu': { label: 'Yearly drift of the big-tech stock', kind: 'share' },
  'breakEvenGrant.maxPlausiblePct': { label: 'Largest plausible grant for a non-founder', kind: 'percent' },
};

const TEXT: Readonly<Record<string, string>> = {
  include: 'counted',
  exclude: 'not counted',
  ...Object.fromEntries(listModelPresets().map((p) => [p.id, p.label])),
  ignored: 'left out',
  extendedWindow: 'within an extended window after leaving',
  exerciseAtDeparture: 'on leaving',
  forfeitAtDeparture: 'never (forfeited on leaving)',
};

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
const PERCENT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const TWO = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

function one(value: number, kind: Kind, currency: string): string {
  switch (kind) {
    case 'share':
      return `${PERCENT.format(value * 100)}%`;
    case 'percent':
      return `${PERCENT.format(value)}%`;
    case 'years':
      return value < 1 ? `${NUMBER.format(Math.round(value * 52 * 2) / 2)} weeks` : `${NUMBER.format(value)} year${value === 1 ? '' : 's'}`;
    case 'money':
      return formatMoney(value, currency);
    case 'multiple':
      return `${TWO.format(value)}×`;
    default:
      return NUMBER.format(value);
  }
}

/** A parameter's name in words: "Chance of raising the next round" for `model.pNext`; an unknown key is spaced out. */
export function assumptionLabel(name: string): string {
  const known = SPECS[name]?.label;
  if (known) return known;
  const last = name.split('.').pop() ?? name;
  const words = last.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A parameter's value in words and units: "Seed 64.5%, Series A 40.7%, …" for a per-stage list, "4 years",
 * "$162,000", "1×"; never the raw fraction beside a formatted one.
 */
export function assumptionValue(a: AssumptionValue, currency: string): string {
  const spec = SPECS[a.name] ?? { label: a.name, kind: 'count' as Kind };
  const v = a.value;
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string') return TEXT[v] ?? v;
  if (typeof v === 'number') return one(v, spec.kind, currency);
  if (v === null || typeof v !== 'object') return String(v);
  if (Array.isArray(v)) {
    const xs = v.map(Number);
    if (spec.perStage && xs.length === MODEL_STAGES.length) return xs.map((x, i) => `${stageWords(MODEL_STAGES[i]!)} ${one(x, spec.kind, currency)}`).join(', ');
    if (a.name === 'model.dilutionClamp' && xs.length === 2) return `${one(xs[0]!, 'share', currency)} to ${one(xs[1]!, 'share', currency)}`;
    return xs.map((x) => one(x, spec.kind, currency)).join(', ');
  }
  const o = v as Record<string, number>;
  if (typeof o.mu === 'number' && typeof o.sigma === 'number') return `typically ${TWO.format(Math.exp(o.mu))}× (spread ${TWO.format(o.sigma)})`;
  return Object.entries(o)
    .map(([k, x]) => `${k} ${NUMBER.format(Number(x))}`)
    .join(', ');
}

/** Keys every evaluation reports, for the test that each has words. */
export const KNOWN_ASSUMPTIONS: readonly string[] = Object.keys(SPECS);
