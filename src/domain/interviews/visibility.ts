/**
 * Who may see what of an application's interviews (evaluation.md): people with the read-all permission see
 * every submitted scorecard; an interviewer sees their own card always, and other people's submitted cards on
 * the same application only once every card they owe on it is submitted. Drafts are private to their author.
 */
export interface ScorecardVisibilityInput {
  viewerId: string;
  viewerReadsAll: boolean;
  /** The viewer's own scorecard duties on the application: one per completed interview they are on. */
  viewerOwes: ReadonlyArray<{ submitted: boolean }>;
  card: { interviewerId: string; status: 'draft' | 'submitted' };
}

export function canSeeScorecard(input: ScorecardVisibilityInput): boolean {
  if (input.card.interviewerId === input.viewerId) return true;
  if (input.card.status !== 'submitted') return false;
  if (input.viewerReadsAll) return true;
  return hasSubmittedAllOwn(input.viewerOwes);
}

/** True when the interviewer owes at least one card on the application and has submitted them all. */
export function hasSubmittedAllOwn(owes: ReadonlyArray<{ submitted: boolean }>): boolean {
  return owes.length > 0 && owes.every((o) => o.submitted);
}

/**
 * In a pedigree-blind interview its interviewers see no employer, school or lab names until their own card is in.
 * People not on the interview (a recruiter, the hiring manager reading the pipeline) are not blinded by it.
 */
export function pedigreeHidden(input: { blind: boolean; viewerAssigned: boolean; viewerSubmitted: boolean }): boolean {
  return input.blind && input.viewerAssigned && !input.viewerSubmitted;
}

/** Candidate fields that name pedigree (employer, schools, labs) or lead to it (profile links). */
/** A candidate as an interview shows them: skills and, unless pedigree is hidden, employer and links. Never pay or contact details. */
// A type alias, not an interface: redactPedigree takes it as a plain record.
export type InterviewCandidate = {
  id: string;
  name: string;
  specializations: string[];
  productionMlYears: number | null;
  location: string | null;
  /** Absent while the interview is pedigree-blind for this viewer. */
  currentEmployer?: string | null;
  links?: string[];
};

export const PEDIGREE_FIELDS = ['currentEmployer', 'schools', 'labs', 'links'] as const;

/** A candidate view with pedigree fields removed, and the names of the fields removed so the UI can say so. */
export function redactPedigree<T extends Record<string, unknown>>(candidate: T): { candidate: Omit<T, (typeof PEDIGREE_FIELDS)[number]>; hiddenFields: string[] } {
  const out: Record<string, unknown> = {};
  const hiddenFields: string[] = [];
  for (const [key, value] of Object.entries(candidate)) {
    if ((PEDIGREE_FIELDS as readonly string[]).includes(key)) hiddenFields.push(key);
    else out[key] = value;
  }
  return { candidate: out as Omit<T, (typeof PEDIGREE_FIELDS)[number]>, hiddenFields };
}
