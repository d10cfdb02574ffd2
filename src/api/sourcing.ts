import { z } from 'zod';
import { cleanText, Email } from '../domain/company/company.js';
import { FOUND_HOW, PROSPECT_IMPORT_FIELDS, PROSPECT_STATUSES, ProspectEventBody } from '../domain/sourcing/index.js';
import { ApplicationView } from './applications.js';
import { StageId, Specializations } from './roles.js';
import { ErrorResponse, PageQuery } from './shared.js';

/* Sourcing (docs/sourcing.md): talent pools, prospects, their outreach history, imports and conversion. */

const UserId = z.string().min(1).max(64);
const Link = cleanText(500).refine((s) => /^https?:\/\/\S+$/i.test(s), { message: 'A link is an http(s) URL' });
const Links = z
  .array(Link)
  .max(20)
  .refine((a) => new Set(a).size === a.length, { message: 'Links must be unique' });
const TimeZone = cleanText(64).refine((tz) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, { message: 'An IANA time zone such as Europe/Berlin' });
/** Days between touches a prospect of the pool should get. */
const CadenceDays = z.number().int().min(1).max(365);

export const PoolCreateBody = z.strictObject({
  name: cleanText(120),
  ownerId: UserId.nullable().optional(),
  specializations: Specializations.optional(),
  cadenceDays: CadenceDays.optional(),
});
export type PoolCreateBody = z.infer<typeof PoolCreateBody>;
export const PoolPatchBody = PoolCreateBody.partial();
export type PoolPatchBody = z.infer<typeof PoolPatchBody>;

export const PoolView = z.object({
  id: z.string(),
  name: z.string(),
  ownerId: z.string().nullable(),
  specializations: z.array(z.string()),
  cadenceDays: z.number().int(),
  prospects: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()),
  lastTouchAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type PoolView = z.infer<typeof PoolView>;
export const PoolListView = z.object({ items: z.array(PoolView) });
export type PoolListView = z.infer<typeof PoolListView>;

export const ProspectCreateBody = z.strictObject({
  /** Add a person already in Closer to the pool (then name and e-mail are theirs). */
  candidateId: z.string().min(1).max(64).optional(),
  name: cleanText(200).optional(),
  email: Email.nullable().optional(),
  links: Links.optional(),
  currentEmployer: cleanText(200).nullable().optional(),
  lab: cleanText(200).nullable().optional(),
  foundHow: z.enum(FOUND_HOW),
  foundDetail: cleanText(1_000).nullable().optional(),
  lawfulBasis: cleanText(1_000).nullable().optional(),
  timeZone: TimeZone.nullable().optional(),
  specializations: Specializations.optional(),
  /** Add even when the person looks like a candidate already in Closer. */
  allowDuplicate: z.boolean().optional(),
});
export type ProspectCreateBody = z.infer<typeof ProspectCreateBody>;

/** Statuses a person sets by hand; `converted` is set by POST /prospects/:id/convert. */
export const MANUAL_STATUS_VALUES = PROSPECT_STATUSES.filter((s) => s !== 'converted') as Exclude<(typeof PROSPECT_STATUSES)[number], 'converted'>[];
export const ProspectPatchBody = z.strictObject({
  status: z.enum(MANUAL_STATUS_VALUES as [string, ...string[]]).optional(),
  links: Links.optional(),
  currentEmployer: cleanText(200).nullable().optional(),
  lab: cleanText(200).nullable().optional(),
  foundHow: z.enum(FOUND_HOW).optional(),
  foundDetail: cleanText(1_000).nullable().optional(),
  lawfulBasis: cleanText(1_000).nullable().optional(),
  timeZone: TimeZone.nullable().optional(),
});
export type ProspectPatchBody = z.infer<typeof ProspectPatchBody>;

export const ProspectListQuery = z.strictObject({
  /** Comma-separated statuses. */
  status: cleanText(200).optional(),
  ...PageQuery.shape,
});
export type ProspectListQuery = z.infer<typeof ProspectListQuery>;

export const ProspectView = z.object({
  id: z.string(),
  poolId: z.string(),
  candidateId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  status: z.enum(PROSPECT_STATUSES),
  foundBy: z.string().nullable(),
  foundHow: z.enum(FOUND_HOW),
  foundDetail: z.string().nullable(),
  currentEmployer: z.string().nullable(),
  lab: z.string().nullable(),
  links: z.array(z.string()),
  lawfulBasis: z.string().nullable(),
  timeZone: z.string().nullable(),
  touches: z.number().int(),
  lastTouchAt: z.string().nullable(),
  lastReplyAt: z.string().nullable(),
  convertedApplicationId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ProspectView = z.infer<typeof ProspectView>;
export const ProspectListView = z.object({ items: z.array(ProspectView), total: z.number().int() });
export type ProspectListView = z.infer<typeof ProspectListView>;

export const ProspectEventView = z.object({
  id: z.string(),
  prospectId: z.string(),
  seq: z.number().int(),
  type: z.string(),
  occurredAt: z.string(),
  recordedAt: z.string(),
  actorId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type ProspectEventView = z.infer<typeof ProspectEventView>;
export const ProspectDetailView = ProspectView.extend({ events: z.array(ProspectEventView) });
export type ProspectDetailView = z.infer<typeof ProspectDetailView>;

/** POST /prospects/:id/events, as documented; the domain's parseProspectEventInput checks it for the stable codes. */
export const ProspectEventCreateBody = ProspectEventBody as unknown as z.ZodType<unknown>;
export const ProspectEventRecordedView = z.object({ event: ProspectEventView, prospect: ProspectView });
export type ProspectEventRecordedView = z.infer<typeof ProspectEventRecordedView>;

export const ProspectDuplicateResponse = ErrorResponse.extend({
  details: z.object({ matches: z.array(z.object({ candidate: z.object({ id: z.string(), name: z.string(), email: z.string(), links: z.array(z.string()), currentEmployer: z.string().nullable() }), reasons: z.array(z.string()) })) }),
});
export type ProspectDuplicateResponse = z.infer<typeof ProspectDuplicateResponse>;

/* ----------------------------------------------------------------- import */

export const ProspectImportBody = z.strictObject({
  /** The CSV text, first row the headers. */
  csv: z.string().max(5_000_000).optional(),
  /** Header -> field; absent: guessed from the headers. */
  mapping: z.record(cleanText(200), z.enum(PROSPECT_IMPORT_FIELDS).nullable()).optional(),
  /** A pasted list of profile URLs (instead of `csv`). */
  urls: z.string().max(500_000).optional(),
  /** How rows without a "found how" column were found. */
  foundHow: z.enum(FOUND_HOW).optional(),
  foundDetail: cleanText(1_000).nullable().optional(),
  lawfulBasis: cleanText(1_000).nullable().optional(),
  /** Check and report only; nothing is written. */
  dryRun: z.boolean().optional(),
  /** Leave out rows that match a candidate already in Closer instead of refusing the import. */
  skipDuplicates: z.boolean().optional(),
});
export type ProspectImportBody = z.infer<typeof ProspectImportBody>;

export const ImportRowProblemView = z.object({ row: z.number().int(), field: z.string().nullable(), message: z.string() });
export const ImportDuplicateView = z.object({ row: z.number().int(), name: z.string(), candidateId: z.string(), candidateName: z.string(), reasons: z.array(z.string()), inPool: z.boolean() });
export const ProspectImportReport = z.object({
  dryRun: z.boolean(),
  /** The column mapping used (guessed when none was sent). */
  mapping: z.record(z.string(), z.string().nullable()),
  headers: z.array(z.string()),
  rows: z.number().int(),
  /** Rows that would be (or were) added. */
  ready: z.number().int(),
  imported: z.number().int(),
  skipped: z.number().int(),
  problems: z.array(ImportRowProblemView),
  duplicates: z.array(ImportDuplicateView),
});
export type ProspectImportReport = z.infer<typeof ProspectImportReport>;
export const ProspectImportRefused = ErrorResponse.extend({ details: z.object({ report: ProspectImportReport }) });

/* ------------------------------------------------------------- conversion */

export const ProspectConvertBody = z.strictObject({ roleId: z.string().min(1).max(64), stage: StageId.optional() });
export type ProspectConvertBody = z.infer<typeof ProspectConvertBody>;
export const ProspectConvertedView = z.object({ application: ApplicationView, prospect: ProspectView, copiedEvents: z.number().int() });
export type ProspectConvertedView = z.infer<typeof ProspectConvertedView>;

/* ---------------------------------------------------------- network reach */

const ReachShareView = z.object({ key: z.string(), count: z.number().int(), share: z.number() });
export const ReachView = z.object({
  subject: z.object({ kind: z.enum(['pool', 'role']), id: z.string(), name: z.string() }),
  total: z.number().int(),
  bySource: z.array(ReachShareView),
  byReferrer: z.array(ReachShareView),
  byEmployer: z.array(ReachShareView),
  byOrigin: z.array(ReachShareView),
  /** Herfindahl-Hirschman index of origins (0 spread .. 1 a single origin). */
  concentration: z.number(),
  warning: z.object({ rule: z.literal('sourcing.referral-only'), severity: z.literal('warning'), share: z.number(), origins: z.number().int(), keys: z.array(z.string()), message: z.string() }).nullable(),
});
export type ReachView = z.infer<typeof ReachView>;
