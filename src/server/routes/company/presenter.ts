import { z } from 'zod';
import { can } from '../../../domain/access/policy.js';
import { COMPANY_STAGES } from '../../../domain/company/company.js';
import type { Company } from '../../services/records.js';

export const CompanyView = z.object({
  id: z.string(),
  name: z.string(),
  stage: z.enum(COMPANY_STAGES),
  raisedUsd: z.number().int(),
  headcount: z.number().int(),
  aiTeamSize: z.number().int(),
  currency: z.string(),
  timeZone: z.string(),
  isDemo: z.boolean(),
  version: z.number().int(),
  /** The figures offers are built on; only for viewers who may read compensation (never interviewers). */
  lastPostMoney: z.number().int().nullable().optional(),
  fullyDilutedShares: z.number().int().nullable().optional(),
  strikePrice: z.number().nullable().optional(),
});
export type CompanyView = z.infer<typeof CompanyView>;

/** The fields of the company profile that leave the server; the equity figures only for viewers who may read compensation. */
export function presentCompany(c: Company, viewer: { role: string }): CompanyView {
  const view: CompanyView = { id: c.id, name: c.name, stage: c.stage as CompanyView['stage'], raisedUsd: c.raisedUsd, headcount: c.headcount, aiTeamSize: c.aiTeamSize, currency: c.currency, timeZone: c.timeZone, isDemo: c.isDemo, version: c.version };
  if (can(viewer.role, 'compensation.read')) Object.assign(view, { lastPostMoney: c.lastPostMoney, fullyDilutedShares: c.fullyDilutedShares, strikePrice: c.strikePrice });
  return view;
}
