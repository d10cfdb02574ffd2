import { z } from 'zod';
import { cleanText, Email, WholeMoney } from '../domain/company/company.js';
import { CANDIDATE_SOURCES } from '../domain/pipeline/index.js';
import { Currency, Specializations } from './roles.js';
import { ErrorResponse, errorResponses, listOf, PageQuery } from './shared.js';

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

export const CandidateListView = listOf(CandidateView);
export type CandidateListView = z.infer<typeof CandidateListView>;

/** 409 CONFLICT on create: the people this one may duplicate, and why ('email', 'name-and-employer'), under `details`. */
export const DuplicateResponse = ErrorResponse.extend({
  details: z.object({ matches: z.array(z.object({ candidate: CandidateView, reasons: z.array(z.string()) })) }),
});
export type DuplicateResponse = z.infer<typeof DuplicateResponse>;

/** POST /candidates/:id/merge: the record kept, the one merged away, and the applications that moved. */
export const CandidateMergedView = z.object({ candidate: CandidateView, mergedId: z.string(), movedApplicationIds: z.array(z.string()) });
export type CandidateMergedView = z.infer<typeof CandidateMergedView>;

/* ---------------------------------------------------------- candidate files */

export const CandidateFileView = z.object({
  id: z.string(),
  candidateId: z.string(),
  kind: z.literal('cv'),
  /** Cleaned on upload (docs/api-pipeline.md): safe to show and to use as a download name. */
  filename: z.string(),
  contentType: z.enum(['application/pdf', 'text/plain']),
  byteSize: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type CandidateFileView = z.infer<typeof CandidateFileView>;
export const CandidateFileListView = listOf(CandidateFileView);
export type CandidateFileListView = z.infer<typeof CandidateFileListView>;

export const FileParams = z.strictObject({ id: z.string().min(1).max(64), fileId: z.string().min(1).max(64) });
export type FileParams = z.infer<typeof FileParams>;
export const UploadQuery = z.strictObject({ filename: cleanText(500).optional() });
export type UploadQuery = z.infer<typeof UploadQuery>;
/** A file upload: too large (413), a type other than PDF or text (415), file storage not configured (503). */
export const FileErrors = { ...errorResponses, 413: ErrorResponse, 415: ErrorResponse, 503: ErrorResponse } as const;
export const CandidateErasedResponse = z.null().describe('Erased');
export const FileBytesResponse = z.unknown().describe('The file bytes');
export const FileRemovedResponse = z.null().describe('Removed');
