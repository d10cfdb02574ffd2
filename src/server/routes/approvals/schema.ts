import { z } from 'zod';
import { cleanText } from '../../../domain/company/company.js';
import { ApprovalSettings } from '../../../domain/offers/index.js';

export const DecisionBody = z.strictObject({ comment: cleanText(2_000).optional() }).nullish();
export const ApprovalSettingsBody = ApprovalSettings;
