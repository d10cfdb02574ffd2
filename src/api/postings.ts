import { z } from 'zod';
import { cleanText } from '../domain/company/company.js';
import { POSTING_STATUSES, REMOTE_POLICIES, SLUG_PATTERN, isPostingSignal } from '../domain/postings/posting.js';
import { FindingView } from './scoping.js';

/** Request and response schemas of job postings (issue 16): one posting per role, published to the public board. */

const SingleLine = (max: number) => cleanText(max).refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { message: 'One line, without control characters' });

export const PostingSignal = z.strictObject({
  id: z.string().max(64).refine(isPostingSignal, { message: 'An attractiveness signal (see GET /api/v1/company/attractiveness)' }),
  /** What the posting says about it, e.g. "200 K USD of GPU credits for 2027". */
  text: SingleLine(200),
});
export type PostingSignal = z.infer<typeof PostingSignal>;

export const PostingQuestion = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,32}$/, { message: 'Lower-case letters, digits and dashes' }),
  label: SingleLine(200),
  required: z.boolean(),
});
export type PostingQuestion = z.infer<typeof PostingQuestion>;

/** The public content of a posting; PUT creates the draft or replaces the content (under If-Match once it exists). */
export const PostingPutBody = z.strictObject({
  title: SingleLine(200),
  publicText: cleanText(20_000),
  location: SingleLine(120),
  remotePolicy: z.enum(REMOTE_POLICIES),
  signals: z.array(PostingSignal).max(12).refine((s) => new Set(s.map((x) => x.id)).size === s.length, { message: 'Each signal once' }),
  questions: z.array(PostingQuestion).max(5).refine((q) => new Set(q.map((x) => x.id)).size === q.length, { message: 'Each question id once' }),
});
export type PostingPutBody = z.infer<typeof PostingPutBody>;

export const PostingPublishBody = z.strictObject({
  /** The caller has shown the findings to the person publishing (a warning never blocks once acknowledged). */
  acknowledgeFindings: z.boolean(),
});
export type PostingPublishBody = z.infer<typeof PostingPublishBody>;

export const BaseRangeView = z.object({ min: z.number().int(), max: z.number().int(), currency: z.string() });

export const PostingView = z.object({
  id: z.string(),
  roleId: z.string(),
  slug: z.string(),
  /** Where the public page is (or will be): `/jobs/<slug>`. */
  publicPath: z.string(),
  title: z.string(),
  publicText: z.string(),
  location: z.string(),
  remotePolicy: z.enum(REMOTE_POLICIES),
  signals: z.array(z.object({ id: z.string(), text: z.string() })),
  questions: z.array(z.object({ id: z.string(), label: z.string(), required: z.boolean() })),
  /** The range published (copied from the band at publishing). */
  baseRange: BaseRangeView.nullable(),
  /** The range publishing now would show: the role's current board-approved band. */
  bandRange: BaseRangeView.nullable(),
  status: z.enum(POSTING_STATUSES),
  publishedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
  /** What to fix before publishing: the analyser's findings on the role, no base range, equity before cash. */
  findings: z.array(FindingView),
});
export type PostingView = z.infer<typeof PostingView>;

/** The job board's look (company settings `jobBoard`): a logo address and two colours. */
export const JobBoardSettings = z.strictObject({
  /** A same-origin path (`/brand/logo.svg`) or an https address; null for none. */
  logoUrl: z
    .string()
    .max(500)
    .regex(/^(\/[A-Za-z0-9._~\-/]+|https:\/\/[A-Za-z0-9.-]+(:\d{1,5})?(\/[A-Za-z0-9._~\-/%]*)?)$/, { message: 'A path starting with / or an https:// address' })
    .nullable(),
  brandColour: z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'A colour as #RRGGBB' }),
  textColour: z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'A colour as #RRGGBB' }),
  /** How long an applicant who agrees is kept in the talent pool. */
  talentPoolMonths: z.number().int().min(1).max(36),
  /** The public address of Closer (`https://jobs.example.com`), for links in structured data and feeds; null = the request's host. */
  publicUrl: z.string().max(300).regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, { message: 'An address like https://jobs.example.com (no path)' }).nullable(),
});
export type JobBoardSettings = z.infer<typeof JobBoardSettings>;

/** The public board's filters: `/jobs?specialization=mlops&location=Berlin`. */
export const JobListQuery = z.strictObject({ specialization: z.string().max(64).optional(), location: z.string().max(120).optional() });
export type JobListQuery = z.infer<typeof JobListQuery>;

/** A posting's public address. */
export const JobSlugParams = z.strictObject({ slug: z.string().min(1).max(120).regex(SLUG_PATTERN) });
export type JobSlugParams = z.infer<typeof JobSlugParams>;
