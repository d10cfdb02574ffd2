import { z } from 'zod';
import { cleanText, WholeMoney } from '../domain/company/company.js';
import { ClockSettingsOverride } from '../domain/pipeline/index.js';
import { SENIORITY_LEVELS, specializationKeys } from '../domain/taxonomy/taxonomy.js';
import { listOf } from './shared.js';

/** A specialization key of the taxonomy (taxonomy.md: ml-engineering, mlops, ...). */
export const SpecializationKey = z.string().max(64).refine((k) => specializationKeys().includes(k), { message: 'Unknown specialization (see the taxonomy)' });
export type SpecializationKey = z.infer<typeof SpecializationKey>;
export const Specializations = z
  .array(SpecializationKey)
  .max(16)
  .refine((a) => new Set(a).size === a.length, { message: 'Specializations must be unique' });
export const ROLE_SENIORITIES = [...SENIORITY_LEVELS, 'unknown'] as const;
export const ROLE_STATUSES = ['open', 'closed'] as const;

export const StageId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'A stage id is a lowercase slug of up to 64 characters' });
export type StageId = z.infer<typeof StageId>;
export const RoleStage = z.strictObject({ id: StageId, name: cleanText(80), plannedDays: z.number().min(0).max(90) });
export type RoleStage = z.infer<typeof RoleStage>;
export const ProcessPlan = z.strictObject({
  stages: z
    .array(RoleStage)
    .min(1)
    .max(20)
    .refine((s) => new Set(s.map((x) => x.id)).size === s.length, { message: 'Stage ids must be unique' }),
});
export type ProcessPlan = z.infer<typeof ProcessPlan>;
export const Currency = z.string().regex(/^[A-Z]{3}$/, { message: 'A currency is a 3-letter ISO 4217 code' });
export type Currency = z.infer<typeof Currency>;
export const EquityPct = z.number().min(0).max(100);
export type EquityPct = z.infer<typeof EquityPct>;
export const RoleBand = z.strictObject({ baseMin: WholeMoney, baseMax: WholeMoney, equityPctMin: EquityPct, equityPctMax: EquityPct, currency: Currency });
export type RoleBand = z.infer<typeof RoleBand>;

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
export type RoleListQuery = z.infer<typeof RoleListQuery>;

export const RoleStageView = z.object({ id: z.string(), name: z.string(), plannedDays: z.number() });

export const RoleView = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  specializations: z.array(z.string()),
  seniority: z.enum(ROLE_SENIORITIES),
  hiringManagerId: z.string().nullable(),
  recruiterId: z.string().nullable(),
  processPlan: z.object({ stages: z.array(RoleStageView), plannedDays: z.number() }),
  clockOverrides: z.record(z.string(), z.unknown()),
  /** Pay and equity: absent for viewers without compensation.read (interviewers). */
  band: z.object({ baseMin: z.number(), baseMax: z.number(), equityPctMin: z.number(), equityPctMax: z.number(), currency: z.string() }).nullable().optional(),
  pedigreeBlind: z.boolean(),
  status: z.enum(ROLE_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});

export type RoleView = z.infer<typeof RoleView>;

export const BoardCardView = z.object({
  applicationId: z.string(),
  candidateId: z.string(),
  candidateName: z.string(),
  stage: z.string(),
  status: z.string(),
  /** Calendar days since the first outreach or application; null before first contact. */
  daysSinceFirstContact: z.number().nullable(),
  targetDays: z.number(),
  overTarget: z.boolean(),
  risk: z.object({ level: z.enum(['low', 'medium', 'high', 'critical']), score: z.number() }),
});

export const BoardView = z.object({
  role: z.object({ id: z.string(), title: z.string(), status: z.enum(ROLE_STATUSES) }),
  targetDays: z.number(),
  columns: z.array(z.object({ stage: z.string(), name: z.string(), kind: z.enum(['stage', 'closed']), cards: z.array(BoardCardView) })),
  leading: BoardCardView.nullable(),
});

export const Finding = z.object({ rule: z.string(), severity: z.enum(['error', 'warning', 'info']), message: z.string(), fix: z.string(), path: z.string() });

export const SourceMixView = z.object({
  roleId: z.string(),
  total: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
  shares: z.record(z.string(), z.number()),
  referralOnlyShare: z.number(),
  findings: z.array(Finding),
  errors: z.number().int(),
  warnings: z.number().int(),
});
export type RoleStageView = z.infer<typeof RoleStageView>;
export type BoardCardView = z.infer<typeof BoardCardView>;
export type BoardView = z.infer<typeof BoardView>;
export type Finding = z.infer<typeof Finding>;
export type SourceMixView = z.infer<typeof SourceMixView>;

export const RoleListView = listOf(RoleView);
export type RoleListView = z.infer<typeof RoleListView>;
