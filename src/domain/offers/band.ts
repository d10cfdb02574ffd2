import { bandPlacement, type BandKind } from '../compensation/band-words.js';
import type { OfferTermsInput } from './offer.js';

const BOARD: BandKind = { kind: 'board' };

/** A role's board-approved band: base in whole units of `currency`, equity in percent of fully diluted shares. */
export interface RoleBand {
  currency: string | null;
  baseMin: number | null;
  baseMax: number | null;
  equityPctMin: number | null;
  equityPctMax: number | null;
}

export interface BandCheck {
  /** True when the role has a complete band and the offer lies inside it: no further approval needed. */
  inside: boolean;
  /** True when the role has a complete band (base and equity ranges, and a currency). */
  hasBand: boolean;
  /** Why the offer is outside, one line per reason, with the term at fault. */
  reasons: Array<{ field: string; message: string }>;
}

/**
 * Whether an offer lies inside the role's board-approved band (compensation.md: "offers inside it need no
 * further approval, offers outside it do"). A band needs both ranges: a role with only a base range has not
 * pre-negotiated equity, so its offers go to the approvers. Bounds are inclusive.
 * @example checkBand(terms, { currency: 'USD', baseMin: 180000, baseMax: 220000, equityPctMin: 0.5, equityPctMax: 1 })
 */
export function checkBand(terms: Pick<OfferTermsInput, 'currency' | 'base' | 'equity'>, band: RoleBand | undefined): BandCheck {
  const complete =
    band !== undefined &&
    band.currency !== null &&
    band.baseMin !== null &&
    band.baseMax !== null &&
    band.equityPctMin !== null &&
    band.equityPctMax !== null;
  if (!complete) {
    return { inside: false, hasBand: false, reasons: [{ field: 'role.band', message: 'The role has no board-approved band (base and equity ranges), so the offer needs approval.' }] };
  }
  const reasons: BandCheck['reasons'] = [];
  if (terms.currency !== band.currency) {
    reasons.push({ field: 'currency', message: `The band is in ${band.currency}; the offer is in ${terms.currency}.` });
  } else {
    if (terms.base < band.baseMin!) reasons.push({ field: 'base', message: `Base is ${bandPlacement('below', BOARD)}.` });
    if (terms.base > band.baseMax!) reasons.push({ field: 'base', message: `Base is ${bandPlacement('above', BOARD)}.` });
  }
  // The exact ratio, not the rounded display value: 49,999 of 10,000,000 is below a 0.5% floor.
  const pct = (terms.equity.shares / terms.equity.fullyDilutedShares) * 100;
  if (pct < band.equityPctMin! - 1e-9) reasons.push({ field: 'equity.shares', message: `Equity is ${bandPlacement('below', BOARD)} (percent of fully diluted).` });
  if (pct > band.equityPctMax! + 1e-9) reasons.push({ field: 'equity.shares', message: `Equity is ${bandPlacement('above', BOARD)} (percent of fully diluted).` });
  return { inside: reasons.length === 0, hasBand: true, reasons };
}
