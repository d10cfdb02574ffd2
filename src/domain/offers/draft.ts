import offerDefaults from '../../../data/offers/offer-defaults.json' with { type: 'json' };
import type { RoleBand } from './band.js';
import type { CurrentPay } from './evaluation.js';
import type { GrantKind, OfferTermsInput } from './offer.js';
import { formatMoney, formatShares } from './render.js';

/** Where a pre-filled figure came from. */
export type DraftSource = 'role-band' | 'company' | 'candidate' | 'default';

export interface DraftFigure<T> {
  value: T;
  source: DraftSource;
  /** Where the figure came from, in words: "The middle of the band of Staff ML Engineer (220,000–260,000 USD)". */
  explanation: string;
}

/** An input the draft could not fill, in words, with where a person fills it in. */
export interface MissingDraftInput {
  /** The offer term it would fill ('base', 'equity.shares', 'lastPostMoney', …), or 'comparison'. */
  field: string;
  message: string;
  where: 'role' | 'company' | 'candidate';
  /** False for what only improves the draft (the comparison with current pay); true for what an offer needs. */
  required: boolean;
}

export interface OfferDraft {
  currency: DraftFigure<string>;
  base: DraftFigure<number> | null;
  equity: {
    kind: DraftFigure<GrantKind>;
    shares: DraftFigure<number> | null;
    fullyDilutedShares: DraftFigure<number> | null;
    strike: DraftFigure<number> | null;
    vesting: DraftFigure<{ preset: string }>;
  };
  lastPostMoney: DraftFigure<number> | null;
  companyStage: DraftFigure<string>;
  /** The candidate's current pay: what the offer is compared with (the incumbent) until a competing offer is entered. */
  currentPay: DraftFigure<CurrentPay> | null;
  missing: MissingDraftInput[];
  /** The terms to save as the offer, when nothing required is missing. */
  terms: OfferTermsInput | null;
}

export interface OfferDraftContext {
  roleTitle: string;
  band: RoleBand | null;
  company: { currency: string; stage: string; lastPostMoney: number | null; fullyDilutedShares: number | null; strikePrice: number | null };
  candidateName: string;
  currentPay: CurrentPay | null;
  /** The company's own choices over data/offers/offer-defaults.json "draft". */
  defaults?: { bandPoint?: number; grantKind?: GrantKind; vestingPreset?: string };
}

const DRAFT = offerDefaults.draft;

/** Where in a band the draft starts: 0.5 is the middle. */
export const DRAFT_BAND_POINT: number = DRAFT.bandPoint.value;

function pointWords(point: number): string {
  if (point === 0.5) return 'The middle';
  if (point === 0) return 'The bottom';
  if (point === 1) return 'The top';
  return `${Math.round(point * 100)}% of the way up`;
}

function pct(n: number): string {
  return `${Number(n.toFixed(4))}%`;
}

function completeBand(band: RoleBand | null): band is { currency: string; baseMin: number; baseMax: number; equityPctMin: number; equityPctMax: number } {
  return band !== null && band.currency !== null && band.baseMin !== null && band.baseMax !== null && band.equityPctMin !== null && band.equityPctMax !== null;
}

/**
 * Shares for a percentage of the fully diluted total, kept inside the band after rounding to whole shares (so a
 * draft at the band's edge is never a share outside it, which would send it to the approvers).
 * @example sharesForPct(0.75, 10_000_000, { min: 0.5, max: 1 }) // 75_000
 */
export function sharesForPct(percent: number, fullyDilutedShares: number, band: { min: number; max: number }): number {
  let shares = Math.round((percent / 100) * fullyDilutedShares);
  const low = Math.ceil((band.min / 100) * fullyDilutedShares - 1e-9);
  const high = Math.floor((band.max / 100) * fullyDilutedShares + 1e-9);
  if (low <= high) shares = Math.min(high, Math.max(low, shares));
  return Math.min(fullyDilutedShares - 1, Math.max(1, shares));
}

/**
 * The pre-filled offer for an application: base and equity at the draft point of the role's board-approved band
 * (the middle by default: inside the band, so no further approval, with room to negotiate either way), equity as a
 * share count of the company's fully diluted total, strike and post-money from the company profile, vesting and
 * grant kind from data, and the candidate's current pay as the comparison. Every figure says where it came from;
 * whatever is missing is listed in words with where to fill it in.
 */
export function buildOfferDraft(ctx: OfferDraftContext): OfferDraft {
  const point = ctx.defaults?.bandPoint ?? DRAFT_BAND_POINT;
  const grantKind = (ctx.defaults?.grantKind ?? DRAFT.grantKind.value) as GrantKind;
  const vestingPreset = ctx.defaults?.vestingPreset ?? DRAFT.vestingPreset.value;
  const missing: MissingDraftInput[] = [];
  const band = completeBand(ctx.band) ? ctx.band : null;
  const company = ctx.company;
  const bandName = `the band of ${ctx.roleTitle}`;

  const currency: DraftFigure<string> = band
    ? { value: band.currency, source: 'role-band', explanation: `The currency of ${bandName}.` }
    : { value: company.currency, source: 'company', explanation: 'The pay currency of the company profile.' };

  let base: DraftFigure<number> | null = null;
  let shares: DraftFigure<number> | null = null;
  if (!band) {
    missing.push({
      field: 'base',
      message: `${ctx.roleTitle} has no board-approved band (base and equity ranges), so base and equity cannot be pre-filled: set the band on the role, or type the figures here.`,
      where: 'role',
      required: true,
    });
  } else {
    const value = Math.round(band.baseMin + point * (band.baseMax - band.baseMin));
    base = {
      value,
      source: 'role-band',
      explanation: `${pointWords(point)} of ${bandName} (${formatMoney(band.baseMin, band.currency)} to ${formatMoney(band.baseMax, band.currency)}): inside the band, so no further approval, with room to negotiate either way.`,
    };
  }

  const fullyDilutedShares: DraftFigure<number> | null =
    company.fullyDilutedShares !== null
      ? { value: company.fullyDilutedShares, source: 'company', explanation: 'The fully diluted share count of the company profile (every share, option and reserved pool share).' }
      : null;
  if (!fullyDilutedShares) {
    missing.push({
      field: 'equity.fullyDilutedShares',
      message: 'The company’s fully diluted share count is not recorded, so the grant cannot be turned into shares: add it to the company profile (Settings, Company).',
      where: 'company',
      required: true,
    });
  }
  if (band && fullyDilutedShares) {
    const target = band.equityPctMin + point * (band.equityPctMax - band.equityPctMin);
    const value = sharesForPct(target, fullyDilutedShares.value, { min: band.equityPctMin, max: band.equityPctMax });
    shares = {
      value,
      source: 'role-band',
      explanation: `${pointWords(point)} of ${bandName} (${pct(band.equityPctMin)} to ${pct(band.equityPctMax)} of fully diluted): ${pct((value / fullyDilutedShares.value) * 100)} of ${formatShares(fullyDilutedShares.value)} shares.`,
    };
  }

  const isOption = grantKind === 'ISO' || grantKind === 'NSO';
  const strike: DraftFigure<number> | null =
    company.strikePrice !== null ? { value: company.strikePrice, source: 'company', explanation: 'The current strike (409A price per share) of the company profile.' } : null;
  if (!strike && isOption) {
    missing.push({
      field: 'equity.strike',
      message: 'The current strike (409A price per share) is not recorded, and options need one: add it to the company profile (Settings, Company).',
      where: 'company',
      required: true,
    });
  }

  const lastPostMoney: DraftFigure<number> | null =
    company.lastPostMoney !== null ? { value: company.lastPostMoney, source: 'company', explanation: 'The last post-money valuation of the company profile.' } : null;
  if (!lastPostMoney) {
    missing.push({
      field: 'lastPostMoney',
      message: 'The company’s last post-money valuation is not recorded, and the grant’s paper value and exit table need it: add it to the company profile (Settings, Company).',
      where: 'company',
      required: true,
    });
  }

  let currentPay: DraftFigure<CurrentPay> | null = null;
  if (!ctx.currentPay) {
    missing.push({
      field: 'comparison',
      message: `${ctx.candidateName}’s current pay is not recorded, so the offer is compared with nothing: add it on their candidate page to see the odds the offer beats it.`,
      where: 'candidate',
      required: false,
    });
  } else if (ctx.currentPay.currency !== currency.value) {
    missing.push({
      field: 'comparison',
      message: `${ctx.candidateName}’s current pay is recorded in ${ctx.currentPay.currency} and the offer is in ${currency.value}, so they are not compared: record the current pay in ${currency.value} to compare.`,
      where: 'candidate',
      required: false,
    });
  } else {
    currentPay = {
      value: ctx.currentPay,
      source: 'candidate',
      explanation: `${ctx.candidateName}’s current pay from their candidate record: the offer is compared with it until you enter a competing offer.`,
    };
  }

  const kind: DraftFigure<GrantKind> = { value: grantKind, source: 'default', explanation: DRAFT.grantKind.note };
  const vesting: DraftFigure<{ preset: string }> = { value: { preset: vestingPreset }, source: 'default', explanation: DRAFT.vestingPreset.source.replace(/^data\/[^:]+: /, 'The default schedule: ') };
  const companyStage: DraftFigure<string> = { value: company.stage, source: 'company', explanation: 'The stage of the company profile: it sets the odds of each round and exit.' };

  const terms: OfferTermsInput | null =
    base && shares && fullyDilutedShares && lastPostMoney && (strike || !isOption)
      ? {
          currency: currency.value,
          base: base.value,
          equity: {
            kind: grantKind,
            shares: shares.value,
            fullyDilutedShares: fullyDilutedShares.value,
            ...(strike ? { strike: strike.value } : {}),
            vesting: { preset: vestingPreset },
          },
          lastPostMoney: lastPostMoney.value,
        }
      : null;

  return { currency, base, equity: { kind, shares, fullyDilutedShares, strike, vesting }, lastPostMoney, companyStage, currentPay, missing, terms };
}
