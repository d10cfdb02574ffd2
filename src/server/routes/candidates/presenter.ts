import { can } from '../../../domain/access/policy.js';
import type { CandidateRecord } from '../../services/records.js';
import { CandidateView } from '../../../api/candidates.js';

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
