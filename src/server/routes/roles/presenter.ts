import { z } from 'zod';
import { can } from '../../../domain/access/policy.js';
import type { RoleRecord } from '../../services/records.js';
import { ROLE_SENIORITIES, ROLE_STATUSES } from './schema.js';

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

export interface Viewer {
  role: string;
}

/** The fields of a role that leave the server; the band only for viewers who may read compensation. */
export function presentRole(r: RoleRecord, viewer: Viewer): RoleView {
  const view: RoleView = {
    id: r.id,
    title: r.title,
    description: r.description,
    specializations: r.specializations,
    seniority: r.seniority as RoleView['seniority'],
    hiringManagerId: r.hiringManagerId,
    recruiterId: r.recruiterId,
    processPlan: { stages: r.processPlan.stages, plannedDays: r.processPlan.stages.reduce((n, s) => n + s.plannedDays, 0) },
    clockOverrides: r.clockOverrides,
    pedigreeBlind: r.pedigreeBlind,
    status: r.status as RoleView['status'],
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  };
  if (can(viewer.role, 'compensation.read')) view.band = r.band;
  return view;
}

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
