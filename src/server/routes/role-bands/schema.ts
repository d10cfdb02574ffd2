import { z } from 'zod';
import { COMPANY_STAGES, cleanText, WholeMoney } from '../../../domain/company/company.js';
import { Currency, EquityPct } from '../roles/schema.js';

export const RoleStageParams = z.strictObject({ id: z.string().min(1).max(64), stage: z.enum(COMPANY_STAGES) });

/** A board-approved band: base and equity ranges, who approved it (a person's name or "Board meeting") and the day. */
export const RoleBandBody = z.strictObject({
  baseMin: WholeMoney,
  baseMax: WholeMoney,
  equityPctMin: EquityPct,
  equityPctMax: EquityPct,
  currency: Currency,
  approvedBy: cleanText(200).refine((s) => s.trim().length > 0, { message: 'Say who approved the band: a name or "Board meeting"' }),
  approvedOn: z.iso.date({ message: 'A date as YYYY-MM-DD' }),
});
export type RoleBandBody = z.infer<typeof RoleBandBody>;

export const OfferBandCheckQuery = z.strictObject({ version: z.string().regex(/^\d{1,6}$/).optional() });
