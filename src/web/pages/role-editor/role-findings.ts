import type { JobAnalysis } from '../../../domain/scoping/analyze-job-description.js';
import type { Finding } from '../../../domain/scoping/findings.js';
import { roleScopeFindings, type RoleUnderReview } from '../../../domain/scoping/role-findings.js';
import type { CompanyScopeInput } from '../../../domain/scoping/role-scope.js';
import type { Taxonomy } from '../../../domain/taxonomy/taxonomy.js';

/** The role as the form will save it. */
export type RoleDraft = RoleUnderReview;

/**
 * The findings beside the role editor: the domain's one merge (`roleScopeFindings`, the same as `POST /roles/analyze`
 * and `closer scope --company`), computed here so it follows every keystroke. A draft the rules cannot read yet
 * (a half-typed title) shows the analyser's findings until it can.
 */
export function roleFindings(analysis: JobAnalysis, role: RoleDraft, company: CompanyScopeInput | null, taxonomy?: Taxonomy): Finding[] {
  try {
    return roleScopeFindings(analysis, role, company, taxonomy);
  } catch {
    return analysis.findings;
  }
}
