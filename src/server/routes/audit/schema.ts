import { z } from 'zod';

const Instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()], { message: 'An ISO date (YYYY-MM-DD) or date and time' });

/** GET /audit: page size, where to continue, and the filters (all optional, combined with AND). */
export const AuditQuery = z.strictObject({
  limit: z.string().regex(/^\d{1,4}$/, { message: 'A whole number from 1 to 1000' }).optional(),
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
