import { z } from 'zod';
import { can } from '../../../domain/access/policy.js';
import type { CandidateRecord } from '../../services/records.js';

export const CandidateView = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  links: z.array(z.string()),
  location: z.string().nullable(),
  /** Absent when hidden from a pedigree-blind viewer (`pedigreeHidden`). */
  currentEmployer: z.string().nullable().optional(),
  pedigreeHidden: z.boolean().optional(),
  source: z.string(),
  passive: z.boolean(),
  specializations: z.array(z.string()),
  productionMlYears: z.number().nullable(),
  /** Only for viewers with compensation.read; interviewers never get this field. */
  currentCompensation: z.object({ base: z.number(), bonus: z.number(), equityAnnual: z.number(), currency: z.string() }).nullable().optional(),
  mergedIntoId: z.string().nullable(),
  /** When the candidate was archived; null while not archived. */
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type CandidateView = z.infer<typeof CandidateView>;

export interface CandidateViewer {
  role: string;
  /** Candidates whose employer this viewer may not see (pedigree-blind roles, for viewers without candidates.read-pedigree). */
  hiddenEmployers?: ReadonlySet<string>;
}

/** The fields of a candidate that leave the server: compensation only with compensation.read, the employer unless pedigree-blind. */
export function presentCandidate(c: CandidateRecord, viewer: CandidateViewer): CandidateView {
  const view: CandidateView = {
    id: c.id,
    name: c.name,
    email: c.email,
    phone: c.phone,
    links: c.links,
    location: c.location,
    source: c.source,
    passive: c.passive,
    specializations: c.specializations,
    productionMlYears: c.productionMlYears,
    mergedIntoId: c.mergedIntoId,
    archivedAt: c.archivedAt,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    version: c.version,
  };
  if (viewer.hiddenEmployers?.has(c.id)) view.pedigreeHidden = true;
  else view.currentEmployer = c.currentEmployer;
  if (can(viewer.role, 'compensation.read')) view.currentCompensation = c.currentCompensation;
  return view;
}
