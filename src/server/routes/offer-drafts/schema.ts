import { z } from 'zod';
import { cleanText } from '../../../domain/company/company.js';
import { GRANT_KINDS } from '../../../domain/offers/index.js';
import { QueryInt } from '../candidates/schema.js';
import { TermsView } from '../shared/offer-presenter.js';

const Source = z.enum(['role-band', 'company', 'candidate', 'default']);
/** A pre-filled figure with where it came from. */
const figure = <T extends z.ZodType>(value: T) => z.object({ value, source: Source, explanation: z.string() });

const CurrentPay = z.object({ base: z.number(), bonus: z.number(), equityAnnual: z.number(), currency: z.string() });

export const OfferDraftResponse = z.object({
  application: z.object({ id: z.string(), candidateId: z.string(), candidateName: z.string(), roleId: z.string(), roleTitle: z.string(), status: z.string() }),
  openOffer: z.object({ id: z.string(), status: z.string() }).nullable(),
  draft: z.object({
    currency: figure(z.string()),
    base: figure(z.number().int()).nullable(),
    equity: z.object({
      kind: figure(z.enum(GRANT_KINDS)),
      shares: figure(z.number().int()).nullable(),
      fullyDilutedShares: figure(z.number().int()).nullable(),
      strike: figure(z.number()).nullable(),
      vesting: figure(z.object({ preset: z.string() })),
    }),
    lastPostMoney: figure(z.number().int()).nullable(),
    companyStage: figure(z.string()),
    currentPay: figure(CurrentPay).nullable(),
    missing: z.array(z.object({ field: z.string(), message: z.string(), where: z.enum(['role', 'company', 'candidate']), required: z.boolean() })),
    /** The terms to POST to /applications/:id/offers when nothing required is missing. */
    terms: z
      .object({
        currency: z.string(),
        base: z.number().int(),
        equity: TermsView.shape.equity,
        lastPostMoney: z.number().int(),
      })
      .nullable(),
  }),
});

export const OfferTargetsQuery = z.strictObject({ q: cleanText(200).optional(), limit: QueryInt.optional() });

export const OfferTargetsResponse = z.object({
  items: z.array(z.object({ applicationId: z.string(), candidateId: z.string(), candidateName: z.string(), roleId: z.string(), roleTitle: z.string(), stage: z.string() })),
});
