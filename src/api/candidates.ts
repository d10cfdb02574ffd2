import { z } from 'zod';
import { cleanText, Email, WholeMoney } from '../domain/company/company.js';
import { CANDIDATE_SOURCES } from '../domain/pipeline/index.js';
import { Currency, Specializations } from './roles.js';
import { PageQuery } from './shared.js';

export const CurrentCompensation = z.strictObject({ base: WholeMoney, bonus: WholeMoney, equityAnnual: WholeMoney, currency: Currency });
export type CurrentCompensation = z.infer<typeof CurrentCompensation>;
const Link = cleanText(500).refine((s) => /^https?:\/\/\S+$/i.test(s), { message: 'A link is an http(s) URL' });
const Links = z
  .array(Link)
  .max(20)
  .refine((a) => new Set(a).size === a.length, { message: 'Links must be unique' });

export const CandidateCreateBody = z.strictObject({
  name: cleanText(200),
  email: Email,
  phone: cleanText(40).nullable().optional(),
  links: Links.optional(),
  location: cleanText(200).nullable().optional(),
  currentEmployer: cleanText(200).nullable().optional(),
  source: z.enum(CANDIDATE_SOURCES),
  passive: z.boolean().optional(),
  specializations: Specializations.optional(),
  productionMlYears: z.number().min(0).max(60).nullable().optional(),
  currentCompensation: CurrentCompensation.nullable().optional(),
  /** Create even when the person looks like an existing candidate (same e-mail, or close name at the same employer). */
  allowDuplicate: z.boolean().optional(),
});
export type CandidateCreateBody = z.infer<typeof CandidateCreateBody>;

export const CandidatePatchBody = CandidateCreateBody.omit({ allowDuplicate: true }).partial();
export type CandidatePatchBody = z.infer<typeof CandidatePatchBody>;

export const CandidateMergeBody = z.strictObject({ intoId: z.string().min(1).max(64) });
export type CandidateMergeBody = z.infer<typeof CandidateMergeBody>;

export const CandidateListQuery = z.strictObject({
  q: cleanText(200).optional(),
  ...PageQuery.shape,
  /** `false` (default): people not archived; `true`: only archived ones; `any`: both. */
  archived: z.enum(['false', 'true', 'any']).optional(),
});
export type CandidateListQuery = z.infer<typeof CandidateListQuery>;

export const CandidateView = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  links: z.array(z.string()),
  location: z.string().nullable(),
  /** Absent when hidden from a pedigree-blind viewer (`pedigreeHidden`). */
  currentEmployer: z.string().nullable().optional(),
  pedigreeHidden: z.boolean().optional(),
  source: z.string(),
  passive: z.boolean(),
  specializations: z.array(z.string()),
  productionMlYears: z.number().nullable(),
  /** Only for viewers with compensation.read; interviewers never get this field. */
  currentCompensation: z.object({ base: z.number(), bonus: z.number(), equityAnnual: z.number(), currency: z.string() }).nullable().optional(),
  mergedIntoId: z.string().nullable(),
  /** When the candidate was archived; null while not archived. */
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});

export type CandidateView = z.infer<typeof CandidateView>;
