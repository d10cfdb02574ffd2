import { can } from '../../domain/access/policy.js';
import { getCandidateOrThrow, listCandidates, listCandidatesInBlindRoles, type CandidateRecord, type Tx } from '../../storage/index.js';

/** Reads of candidates for the API; writes are in pipeline.ts (create, change, merge) and candidate-record.ts. */
export interface CandidateListFilter {
  q?: string;
  archived: 'exclude' | 'only' | 'include';
  limit: number;
  offset?: number;
}

/** Who sees a list of candidates: the employer is hidden from pedigree-blind viewers for candidates in blind roles. */
export interface CandidateAudience {
  role: string;
  hiddenEmployers?: ReadonlySet<string>;
}

/** What this user may see of these candidates: the employer is hidden from pedigree-blind viewers for candidates in blind roles. */
export async function candidateViewer(tx: Tx, user: { role: string }, candidates: readonly CandidateRecord[]): Promise<CandidateAudience> {
  if (can(user.role, 'candidates.read-pedigree')) return { role: user.role };
  return { role: user.role, hiddenEmployers: await listCandidatesInBlindRoles(tx, candidates.map((c) => c.id)) };
}

/** Candidates matching the filter; pedigree-blind viewers cannot find people by employer either. */
export function findCandidates(db: Tx, viewer: { role: string }, filter: CandidateListFilter): Promise<CandidateRecord[]> {
  return listCandidates(db, { ...filter, searchEmployer: can(viewer.role, 'candidates.read-pedigree') });
}

/** One candidate; 404 CANDIDATE_NOT_FOUND when there is none. */
export function readCandidate(db: Tx, id: string): Promise<CandidateRecord> {
  return getCandidateOrThrow(db, id);
}
