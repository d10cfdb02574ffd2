import { z } from 'zod';
import { COMPANY_STAGES, type CompanyStage } from './stages.js';

export { COMPANY_STAGES, type CompanyStage };

/** Text from people: bounded, no NUL, no lone surrogates (they corrupt SQLite and break PostgreSQL). */
export function cleanText(max: number, min = 1) {
  return z
    .string()
    .min(min)
    .max(max)
    .refine((s) => !s.includes('\u0000') && s.isWellFormed(), { message: 'Text may not contain NUL characters or lone surrogates' });
}

export const Email = cleanText(254, 3).pipe(z.email());
export const WholeMoney = z.number().int().min(0).max(1_000_000_000_000);

export const CompanyProfile = z.strictObject({
  name: cleanText(200),
  stage: z.enum(COMPANY_STAGES),
  raisedUsd: WholeMoney,
  headcount: z.number().int().min(1).max(1_000_000),
  aiTeamSize: z.number().int().min(0).max(1_000_000),
  currency: z.string().regex(/^[A-Z]{3}$/).default('USD'),
  timeZone: cleanText(64).refine(isTimeZone, { message: 'Unknown IANA time zone' }).default('UTC'),
});
export type CompanyProfile = z.infer<typeof CompanyProfile>;

/**
 * The company figures an offer is built on (compensation.md, offer evaluation inputs): the last post-money valuation
 * in whole units of the company currency, the fully diluted share count, and the current strike (409A price) per
 * share, which may have cents like every price per share (see OfferTermsInput's strike). Null clears a figure.
 */
export const CompanyEquityFigures = z.strictObject({
  lastPostMoney: WholeMoney.min(1).nullable(),
  fullyDilutedShares: z.number().int().min(1).max(1e15).nullable(),
  strikePrice: z.number().min(0).max(1e9).nullable(),
});
export type CompanyEquityFigures = z.infer<typeof CompanyEquityFigures>;

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
