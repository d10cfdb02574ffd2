import { z } from 'zod';
import { cleanText, WholeMoney } from '../../../domain/company/company.js';
import { ClockSettingsOverride } from '../../../domain/pipeline/index.js';
import { SENIORITY_LEVELS, specializationKeys } from '../../../domain/taxonomy/taxonomy.js';

/** A specialization key of the taxonomy (taxonomy.md: ml-engineering, mlops, ...). */
export const SpecializationKey = z.string().max(64).refine((k) => specializationKeys().includes(k), { message: 'Unknown specialization (see the taxonomy)' });
export const Specializations = z
  .array(SpecializationKey)
  .max(16)
  .refine((a) => new Set(a).size === a.length, { message: 'Specializations must be unique' });
export const ROLE_SENIORITIES = [...SENIORITY_LEVELS, 'unknown'] as const;
export const ROLE_STATUSES = ['open', 'closed'] as const;

export const StageId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'A stage id is a lowercase slug of up to 64 characters' });
export const RoleStage = z.strictObject({ id: StageId, name: cleanText(80), plannedDays: z.number().min(0).max(90) });
export const ProcessPlan = z.strictObject({
  stages: z
    .array(RoleStage)
    .min(1)
    .max(20)
    .refine((s) => new Set(s.map((x) => x.id)).size === s.length, { message: 'Stage ids must be unique' }),
});
export const Currency = z.string().regex(/^[A-Z]{3}$/, { message: 'A currency is a 3-letter ISO 4217 code' });
export const EquityPct = z.number().min(0).max(100);
export const RoleBand = z.strictObject({ baseMin: WholeMoney, baseMax: WholeMoney, equityPctMin: EquityPct, equityPctMax: EquityPct, currency: Currency });

/** Same bound as POST /roles/analyze accepts, so any description that can be analysed can be saved. */
export const ROLE_DESCRIPTION_MAX = 100_000;

export const RoleCreateBody = z.strictObject({
  title: cleanText(200),
  description: cleanText(ROLE_DESCRIPTION_MAX).nullable().optional(),
  specializations: Specializations.optional(),
  seniority: z.enum(ROLE_SENIORITIES),
  hiringManagerId: z.string().min(1).max(64).nullable().optional(),
  recruiterId: z.string().min(1).max(64).nullable().optional(),
  processPlan: ProcessPlan.optional(),
  clockOverrides: ClockSettingsOverride.optional(),
  band: RoleBand.nullable().optional(),
  pedigreeBlind: z.boolean().optional(),
  status: z.enum(ROLE_STATUSES).optional(),
});
export type RoleCreateBody = z.infer<typeof RoleCreateBody>;

export const RolePatchBody = RoleCreateBody.partial();
export type RolePatchBody = z.infer<typeof RolePatchBody>;

export const RoleListQuery = z.strictObject({ status: z.enum(ROLE_STATUSES).optional() });
