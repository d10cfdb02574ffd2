import { z } from 'zod';
import { RETENTION_MONTHS } from '../domain/privacy/retention.js';

/** GET /api/v1/candidates/{id}/export: everything held about a person, table by table, as stored (docs/privacy.md). */
export const PersonExportView = z.object({
  format: z.literal('closer-person-export'),
  version: z.literal(1),
  exportedAt: z.string(),
  candidateId: z.string(),
  candidateIds: z.array(z.string()),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});
export type PersonExportView = z.infer<typeof PersonExportView>;

/** PUT /api/v1/candidates/{id}/talent-pool (If-Match of the candidate). */
export const TalentPoolBody = z.strictObject({ consent: z.boolean() });
export type TalentPoolBody = z.infer<typeof TalentPoolBody>;

export const TalentPoolView = z.object({ candidateId: z.string(), consentAt: z.string().nullable(), version: z.number() });
export type TalentPoolView = z.infer<typeof TalentPoolView>;

/** PUT /api/v1/privacy/retention (If-Match of the settings; "0" before the first save). null = keep until erased by hand. */
export const RetentionBody = z.strictObject({
  rejectedAfterMonths: z.number().int().min(RETENTION_MONTHS.min).max(RETENTION_MONTHS.max).nullable(),
});
export type RetentionBody = z.infer<typeof RetentionBody>;

export const RetentionRunView = z.object({
  id: z.string(),
  ranAt: z.string(),
  trigger: z.enum(['schedule', 'manual']),
  rejectedAfterMonths: z.number().nullable(),
  cutoff: z.string().nullable(),
  candidatesErased: z.number(),
  applicationsErased: z.number(),
  keptForConsent: z.number(),
});
export type RetentionRunView = z.infer<typeof RetentionRunView>;

export const RetentionView = z.object({
  rejectedAfterMonths: z.number().nullable(),
  /** The rule in words, for the settings page and the CLI. */
  summary: z.string(),
  updatedAt: z.string().nullable(),
  version: z.number(),
  /** The last runs, newest first. */
  runs: z.array(RetentionRunView),
});
export type RetentionView = z.infer<typeof RetentionView>;
