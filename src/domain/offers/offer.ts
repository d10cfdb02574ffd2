import { z } from 'zod';
import { cleanText, WholeMoney } from '../company/company.js';
import { DomainError, toResult, type Result } from '../shared/errors.js';

import { GRANT_KINDS, OFFER_ACTIONS, type OfferAction, type OfferStatus } from './lists.js';

export { GRANT_KINDS, OFFER_ACTIONS, OFFER_STATUSES, type GrantKind, type OfferAction, type OfferStatus } from './lists.js';
export const TERMINAL_OFFER_STATUSES: ReadonlySet<OfferStatus> = new Set(['accepted', 'declined', 'expired', 'withdrawn']);

/**
 * The moves of the lifecycle. A revision always lands in draft as a new version (the old one is kept), so a
 * changed offer is approved again; a rejection sends the offer back to draft for a revision.
 */
const TRANSITIONS: Record<OfferAction, Partial<Record<OfferStatus, OfferStatus>>> = {
  revise: { draft: 'draft', 'pending-approval': 'draft', approved: 'draft', extended: 'draft' },
  submit: { draft: 'pending-approval' },
  approve: { 'pending-approval': 'approved' },
  reject: { 'pending-approval': 'draft' },
  extend: { approved: 'extended' },
  accept: { extended: 'accepted' },
  decline: { extended: 'declined' },
  expire: { extended: 'expired' },
  withdraw: { draft: 'withdrawn', 'pending-approval': 'withdrawn', approved: 'withdrawn', extended: 'withdrawn' },
};

/**
 * The status after `action`, or OFFER_STATE_INVALID when the lifecycle does not allow it.
 * @example nextOfferStatus('approved', 'extend') // 'extended'
 */
export function nextOfferStatus(from: OfferStatus, action: OfferAction): OfferStatus {
  const to = TRANSITIONS[action][from];
  if (!to) throw new DomainError('OFFER_STATE_INVALID', `An offer that is ${from} cannot be ${pastTense(action)}.`, 'status');
  return to;
}

export function safeNextOfferStatus(from: OfferStatus, action: OfferAction): Result<OfferStatus> {
  return toResult(() => nextOfferStatus(from, action));
}

/** The actions the lifecycle allows from a status (for the UI's buttons). */
export function allowedOfferActions(status: OfferStatus): OfferAction[] {
  return OFFER_ACTIONS.filter((a) => TRANSITIONS[a][status] !== undefined);
}

function pastTense(action: OfferAction): string {
  const words: Record<OfferAction, string> = {
    revise: 'revised',
    submit: 'submitted for approval',
    approve: 'approved',
    reject: 'rejected',
    extend: 'extended',
    accept: 'accepted',
    decline: 'declined',
    expire: 'expired',
    withdraw: 'withdrawn',
  };
  return words[action];
}

const PositiveShares = z.number().int().min(1).max(1e15);
const Years = z.number().positive().max(30);

/** A vesting schedule: a named preset (data/compensation/vesting-presets.json) or its parts. */
export const VestingTerms = z.union([
  z.strictObject({ preset: z.string().min(1).max(64) }),
  z.strictObject({
    totalYears: Years,
    cliffYears: z.number().min(0).max(30),
    periodYears: z.number().positive().max(30),
    yearWeights: z.array(z.number().min(0).max(1)).min(1).max(30).optional(),
  }),
]);
export type VestingTerms = z.infer<typeof VestingTerms>;

/** A competing or current offer to compare against (compensation.md contract, `incumbent`). */
export const IncumbentTerms = z.strictObject({
  base: WholeMoney,
  /** Percent of base, 15 = 15%, as the compensation engine reads it (it allows up to 1000). */
  bonusTargetPct: z.number().min(0).max(1000),
  signOn: z.array(WholeMoney).max(10).optional(),
  grantValue: WholeMoney,
  preset: z.enum(['amazon', 'google', 'meta', 'nvidia', 'airbnb', 'generic']),
  label: cleanText(120).optional(),
});
export type IncumbentTerms = z.infer<typeof IncumbentTerms>;

/** What the candidate needs from pay, for the cash threshold (compensation-model.md 4.1); optional. */
export const CandidateFinances = z.strictObject({
  annualObligations: WholeMoney,
  effectiveTaxRate: z.number().min(0).max(0.7),
  savingsShare: z.number().min(0).lt(1).optional(),
  perceivedFailureProbability: z.number().min(0).max(1).optional(),
});
export type CandidateFinances = z.infer<typeof CandidateFinances>;

/**
 * The terms of one offer version. Money is whole units of `currency`; equity is always a share count with the
 * fully diluted total (the percentage is derived, never entered), so "0.3% vs 1%" cannot be misread.
 */
export const OfferTermsInput = z.strictObject({
  currency: z.string().regex(/^[A-Z]{3}$/, { message: 'A currency is a three-letter ISO code' }),
  base: WholeMoney.min(1),
  bonusTarget: WholeMoney.optional(),
  signOn: WholeMoney.optional(),
  equity: z.strictObject({
    kind: z.enum(GRANT_KINDS),
    shares: PositiveShares,
    fullyDilutedShares: PositiveShares,
    /** Price per share; fractions of a unit are normal (0.25). */
    strike: z.number().min(0).max(1e9).optional(),
    vesting: VestingTerms,
  }),
  /** Last post-money valuation of the company, whole units: the basis of the paper value and the exit table. */
  lastPostMoney: WholeMoney.min(1),
  startDate: z.iso.date().optional(),
  incumbent: IncumbentTerms.optional(),
  candidateFinances: CandidateFinances.optional(),
  note: cleanText(2_000).optional(),
});
export type OfferTermsInput = z.infer<typeof OfferTermsInput>;

export interface OfferTerms extends OfferTermsInput {
  bonusTarget: number;
  signOn: number;
}

/**
 * Checks the rules a schema cannot: the grant is below the fully diluted total, options have a sensible strike.
 * Throws EQUITY_OUT_OF_RANGE or STRIKE_INVALID with the field.
 */
export function parseOfferTerms(input: OfferTermsInput): OfferTerms {
  if (input.equity.shares >= input.equity.fullyDilutedShares) {
    throw new DomainError('EQUITY_OUT_OF_RANGE', 'The grant must be smaller than the fully diluted share count.', 'equity.shares');
  }
  if ((input.equity.kind === 'ISO' || input.equity.kind === 'NSO') && input.equity.strike === undefined) {
    throw new DomainError('STRIKE_INVALID', 'Options (ISO, NSO) need a strike price per share.', 'equity.strike');
  }
  const v = input.equity.vesting;
  if ('totalYears' in v && v.cliffYears > v.totalYears) {
    throw new DomainError('VESTING_INVALID', 'The cliff cannot be longer than the vesting.', 'equity.vesting.cliffYears');
  }
  return { ...input, bonusTarget: input.bonusTarget ?? 0, signOn: input.signOn ?? 0 };
}

export function safeParseOfferTerms(input: OfferTermsInput): Result<OfferTerms> {
  return toResult(() => parseOfferTerms(input));
}

/**
 * The grant as a percentage of the fully diluted total, to 4 decimals (basis points of a percent).
 * @example fullyDilutedPct(50_000, 10_000_000) // 0.5
 */
export function fullyDilutedPct(shares: number, fullyDilutedShares: number): number {
  return Math.round((shares / fullyDilutedShares) * 100 * 10_000) / 10_000;
}

/** The names of the terms that differ between two versions (for the audit log and the version list). */
export function changedTermFields(before: OfferTermsInput, after: OfferTermsInput): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify((before as Record<string, unknown>)[k]) !== JSON.stringify((after as Record<string, unknown>)[k])).sort();
}
