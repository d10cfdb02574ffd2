import { z } from 'zod';
import { COMPANY_STAGES, CompanyEquityFigures, CompanyProfile } from '../domain/company/company.js';

/** Request and response schemas of the company profile (docs/api-foundation.md). */

export const CompanyView = z.object({
  id: z.string(),
  name: z.string(),
  stage: z.enum(COMPANY_STAGES),
  raisedUsd: z.number().int(),
  headcount: z.number().int(),
  aiTeamSize: z.number().int(),
  currency: z.string(),
  timeZone: z.string(),
  isDemo: z.boolean(),
  version: z.number().int(),
  /** The figures offers are built on; only for viewers who may read compensation (never interviewers). */
  lastPostMoney: z.number().int().nullable().optional(),
  fullyDilutedShares: z.number().int().nullable().optional(),
  strikePrice: z.number().nullable().optional(),
});
export type CompanyView = z.infer<typeof CompanyView>;

/** Any subset of the profile; defaults do not apply to a patch, so an omitted field stays as it is. */
export const CompanyPatchBody = z
  .strictObject({
    name: CompanyProfile.shape.name,
    stage: CompanyProfile.shape.stage,
    raisedUsd: CompanyProfile.shape.raisedUsd,
    headcount: CompanyProfile.shape.headcount,
    aiTeamSize: CompanyProfile.shape.aiTeamSize,
    currency: z.string().regex(/^[A-Z]{3}$/),
    timeZone: CompanyProfile.shape.timeZone.unwrap(),
    ...CompanyEquityFigures.shape,
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Send at least one field to change' });
export type CompanyPatchBody = z.infer<typeof CompanyPatchBody>;
