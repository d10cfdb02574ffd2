import { z } from 'zod';
import { DomainError } from '../../../domain/shared/errors.js';
import { INTERVIEW_STATUSES, InterviewCreateInput, InterviewPatchInput, OnsiteCreateInput } from '../../../domain/interviews/index.js';

export const InterviewCreateBody = InterviewCreateInput;
export const InterviewPatchBody = InterviewPatchInput;
export const OnsiteCreateBody = OnsiteCreateInput;
/** Whose invite: `candidate`, an interviewer's user id, or absent for your own. */
export const InviteQuery = z.strictObject({ for: z.string().min(1).max(64).optional() });
export const InterviewCompleteBody = z.strictObject({ occurredAt: z.iso.datetime({ offset: true }).optional() }).nullish();

/** Query strings arrive as strings and are parsed explicitly (no coercion). */
export const InterviewListQuery = z.strictObject({
  applicationId: z.string().min(1).max(64).optional(),
  status: z.enum(INTERVIEW_STATUSES).optional(),
  mine: z.enum(['true', 'false']).optional(),
  limit: z.string().regex(/^\d{1,4}$/).optional(),
  offset: z.string().regex(/^\d{1,9}$/).optional(),
});

/** `limit` (1-500, default 100) and `offset` from their query-string digits. */
export function pageWindow(limit: string | undefined, offset: string | undefined): { limit: number; offset: number } {
  const l = limit === undefined ? 100 : Number(limit);
  if (l < 1 || l > 500) throw new DomainError('VALIDATION_FAILED', 'limit is a whole number from 1 to 500.', 'limit');
  return { limit: l, offset: offset === undefined ? 0 : Number(offset) };
}
