import { parseWholeNumber } from '../../lib/parse-number.js';

/** The offer builder's form: text as typed (so nothing is lost), turned into the evaluation input. */

export interface OfferForm {
  currency: string;
  // candidate
  currentBase: string;
  currentBonus: string;
  currentEquityAnnual: string;
  annualObligations: string;
  /** percent, 35 = 35% */
  effectiveTaxRate: string;
  /** percent, optional */
  savingsShare: string;
  /** percent, optional: the candidate's own belief that the startup fails */
  perceivedFailure: string;
  // startup offer
  base: string;
  bonusTarget: string;
  grantKind: 'ISO' | 'NSO' | 'RSU' | 'RSA';
  shares: string;
  fullyDilutedShares: string;
  /** per share, may have decimals; optional */
  strike: string;
  vestingPreset: string;
  stage: string;
  lastPostMoney: string;
  modelPreset: string;
  // incumbent offer
  incumbentEnabled: boolean;
  incumbentPreset: string;
  incumbentBase: string;
  incumbentBonusPct: string;
  incumbentGrantValue: string;
  incumbentSignOn: string;
  // market placement
  roleGroup: string;
  level: string;
  country: string;
}

/** A senior big-tech ML engineer weighing a seed offer: the default model of compensation.md. */
export const DEFAULT_OFFER_FORM: OfferForm = {
  currency: 'USD',
  currentBase: '220000',
  currentBonus: '30000',
  currentEquityAnnual: '200000',
  annualObligations: '80000',
  effectiveTaxRate: '35',
  savingsShare: '',
  perceivedFailure: '',
  base: '200000',
  bonusTarget: '',
  grantKind: 'ISO',
  shares: '50000',
  fullyDilutedShares: '10000000',
  strike: '',
  vestingPreset: 'standard-4y-1y-cliff-monthly',
  stage: 'seed',
  lastPostMoney: '19200000',
  modelPreset: 'default',
  incumbentEnabled: true,
  incumbentPreset: 'google',
  incumbentBase: '220000',
  incumbentBonusPct: '15',
  incumbentGrantValue: '800000',
  incumbentSignOn: '',
  roleGroup: 'ml-engineer',
  level: 'SE',
  country: 'US',
};

/** Paths per evaluation while editing: fast enough to follow a slider (about 40 ms), stable enough to read. */
export const INTERACTIVE_PATHS = 20_000;

export interface BuiltInput {
  /** the evaluation input, when every field could be read */
  input: Record<string, unknown> | undefined;
  /** messages by API field path ("startup.base") */
  errors: Record<string, string>;
}

function decimal(text: string): { ok: true; value: number } | { ok: false; message: string } {
  const cleaned = text.trim().replace(/[\s,_%]/g, '');
  if (cleaned === '') return { ok: false, message: 'Enter a number.' };
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return { ok: false, message: 'Enter a number, for example 35 or 0.5.' };
  return { ok: true, value: Number(cleaned) };
}

/**
 * Reads the form into an offer-evaluation input. Money is whole units ("200k" and "1.5M" are read);
 * percentages become the decimals the engine expects. Nothing is clamped: a value the engine refuses
 * comes back from the worker with its field.
 */
export function buildOfferInput(form: OfferForm, options: { paths?: number; seed?: number } = {}): BuiltInput {
  const errors: Record<string, string> = {};
  const money = (field: string, text: string, optional = false): number | undefined => {
    if (optional && text.trim() === '') return undefined;
    const parsed = parseWholeNumber(text, { allowSuffix: true });
    if (!parsed.ok) {
      errors[field] = parsed.message;
      return undefined;
    }
    return parsed.value;
  };
  const count = (field: string, text: string): number | undefined => {
    const parsed = parseWholeNumber(text, { allowSuffix: true });
    if (!parsed.ok) {
      errors[field] = parsed.message;
      return undefined;
    }
    return parsed.value;
  };
  const percent = (field: string, text: string, optional = false): number | undefined => {
    if (optional && text.trim() === '') return undefined;
    const parsed = decimal(text);
    if (!parsed.ok) {
      errors[field] = parsed.message;
      return undefined;
    }
    if (parsed.value >= 100) {
      errors[field] = 'Enter a percentage below 100.';
      return undefined;
    }
    return Math.round(parsed.value * 1e6) / 1e8;
  };
  const price = (field: string, text: string): number | undefined => {
    if (text.trim() === '') return undefined;
    const parsed = decimal(text.replace(/^\$/, ''));
    if (!parsed.ok) {
      errors[field] = parsed.message;
      return undefined;
    }
    return parsed.value;
  };

  const candidate = {
    currentBase: money('candidate.currentBase', form.currentBase),
    currentBonus: money('candidate.currentBonus', form.currentBonus),
    currentEquityAnnual: money('candidate.currentEquityAnnual', form.currentEquityAnnual),
    annualObligations: money('candidate.annualObligations', form.annualObligations),
    effectiveTaxRate: percent('candidate.effectiveTaxRate', form.effectiveTaxRate),
    savingsShare: percent('candidate.savingsShare', form.savingsShare, true),
    perceivedFailureProbability: percent('candidate.perceivedFailureProbability', form.perceivedFailure, true),
  };
  const startup = {
    base: money('startup.base', form.base),
    bonusTarget: money('startup.bonusTarget', form.bonusTarget, true),
    grant: {
      kind: form.grantKind,
      shares: count('startup.grant.shares', form.shares),
      strike: price('startup.grant.strike', form.strike),
      vesting: { preset: form.vestingPreset },
    },
    company: {
      stage: form.stage,
      fullyDilutedShares: count('startup.company.fullyDilutedShares', form.fullyDilutedShares),
      lastPostMoney: money('startup.company.lastPostMoney', form.lastPostMoney),
    },
  };
  const incumbent = form.incumbentEnabled
    ? {
        base: money('incumbent.base', form.incumbentBase),
        bonusTargetPct: (() => {
          const parsed = decimal(form.incumbentBonusPct);
          if (!parsed.ok) errors['incumbent.bonusTargetPct'] = parsed.message;
          return parsed.ok ? parsed.value : undefined;
        })(),
        grantValue: money('incumbent.grantValue', form.incumbentGrantValue),
        signOn: money('incumbent.signOn', form.incumbentSignOn, true),
        preset: form.incumbentPreset,
      }
    : undefined;

  if (Object.keys(errors).length > 0) return { input: undefined, errors };
  return {
    input: dropUndefined({
      currency: form.currency,
      candidate,
      startup,
      incumbent,
      simulation: { paths: options.paths ?? INTERACTIVE_PATHS, seed: options.seed, preset: form.modelPreset },
    }) as Record<string, unknown>,
    errors,
  };
}

/** Removes undefined members deeply, so optional fields the user left empty are absent (strict schemas). */
export function dropUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropUndefined);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) if (member !== undefined) out[key] = dropUndefined(member);
    return out;
  }
  return value;
}

/** Share of the fully diluted total in percent, or undefined while either count is unreadable. */
export function fullyDilutedPercent(form: Pick<OfferForm, 'shares' | 'fullyDilutedShares'>): number | undefined {
  const shares = parseWholeNumber(form.shares, { allowSuffix: true });
  const total = parseWholeNumber(form.fullyDilutedShares, { allowSuffix: true });
  if (!shares.ok || !total.ok || total.value === 0) return undefined;
  return (shares.value / total.value) * 100;
}
