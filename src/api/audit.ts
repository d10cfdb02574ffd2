import { z } from 'zod';
import { PageLimit } from './shared.js';

const Instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()], { message: 'An ISO date (YYYY-MM-DD) or date and time' });

/** GET /audit: page size, where to continue, and the filters (all optional, combined with AND). */
export const AuditQuery = z.strictObject({
  /** 1 to 1,000 (PAGE_EXCEPTIONS.audit); default 100. */
  limit: PageLimit.optional(),
  /** `nextCursor` of the previous page. */
  cursor: z.string().regex(/^\d{1,18}$/, { message: 'Use nextCursor from the previous page' }).optional(),
  actorId: z.string().min(1).max(64).optional(),
  entity: z.string().min(1).max(64).optional(),
  entityId: z.string().min(1).max(64).optional(),
  action: z.string().min(1).max(100).optional(),
  /** From this instant (or the start of this UTC day), inclusive. */
  from: Instant.optional(),
  /** Up to this instant, exclusive; a date includes that whole UTC day. */
  to: Instant.optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditView = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  /** The actor's name; "System" for work without a signed-in user. */
  actorName: z.string(),
  action: z.string(),
  /** What the action did, in words ("Created a role"). */
  actionLabel: z.string(),
  entity: z.string(),
  /** The kind of record, in words ("Role"). */
  entityType: z.string(),
  entityId: z.string(),
  /** The record by name (a role's title, a candidate's name), or words saying it no longer exists. */
  entityLabel: z.string(),
  /** Names of the fields that changed, never their values. */
  fields: z.array(z.string()),
});

export type AuditView = z.infer<typeof AuditView>;

export const AuditPageView = z.object({
  items: z.array(AuditView),
  /** How many entries match the filters, over all pages. */
  total: z.number().int(),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});

export const AuditFacetsView = z.object({
  actions: z.array(z.object({ value: z.string(), label: z.string() })),
  entities: z.array(z.object({ value: z.string(), label: z.string() })),
  actors: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type AuditPageView = z.infer<typeof AuditPageView>;
export type AuditFacetsView = z.infer<typeof AuditFacetsView>;
