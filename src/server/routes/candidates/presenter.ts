import { can } from '../../../domain/access/policy.js';
import type { CandidateFileRecord, CandidateRecord } from '../../services/records.js';
import type { CandidateFileView, CandidateView } from '../../../api/candidates.js';

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

/** A CV file's record as it leaves the server (the bytes have their own route). */
export function presentFile(f: CandidateFileRecord): CandidateFileView {
  return {
    id: f.id,
    candidateId: f.candidateId,
    kind: f.kind,
    filename: f.filename,
    contentType: f.contentType as CandidateFileView['contentType'],
    byteSize: f.byteSize,
    sha256: f.sha256,
    createdAt: f.createdAt,
    createdBy: f.createdBy,
  };
}
