import { z } from 'zod';
import { cleanText } from '../../../domain/company/company.js';
import { OFFER_STATUSES, OfferTermsInput } from '../../../domain/offers/index.js';

export const OfferCreateBody = OfferTermsInput;
/** A revision sends the whole terms again (PUT): the new version is exactly what was sent. */
export const OfferReviseBody = OfferTermsInput;
export const OfferExtendBody = z.strictObject({ expiresAt: z.iso.datetime({ offset: true }).optional() }).nullish();
export const OfferReasonBody = z.strictObject({ reason: cleanText(2_000).optional() }).nullish();
export const OfferListQuery = z.strictObject({
  status: z.enum(OFFER_STATUSES).optional(),
  applicationId: z.string().min(1).max(64).optional(),
  limit: z.string().regex(/^\d{1,4}$/).optional(),
  offset: z.string().regex(/^\d{1,9}$/).optional(),
});
export const OfferVersionParams = z.strictObject({ id: z.string().min(1).max(64), version: z.string().regex(/^\d{1,6}$/) });
export const SummaryQuery = z.strictObject({ version: z.string().regex(/^\d{1,6}$/).optional() });
