import type { Taxonomy } from '../taxonomy/index.js';
import { bySeverity } from '../shared/severity.js';
import type { JobAnalysis } from './analyze-job-description.js';
import type { Finding } from './findings.js';
import { checkRoleScope, type CompanyScopeInput } from './role-scope.js';

/** The role-scoping rules that need the company's AI team; without it, the analyser's own reading stands. */
export const COMPANY_SCOPE_RULES: ReadonlySet<string> = new Set(['scope.too-broad', 'scope.founding-generalist', 'scope.specialist-too-early', 'scope.juniors-without-anchor']);

/** A role as it will be saved: its title, the specializations that are core duties, its seniority ('unknown' allowed). */
export interface RoleUnderReview {
  title: string;
  specializations: readonly string[];
  seniority: string;
}

/**
 * The findings on a role, the one merge that the role editor (every keystroke), `POST /roles/analyze` and
 * `closer scope --company` all run: the analyser's findings read from the text (seniority mismatch), then the
 * role-scoping rules over the role and the company's AI team, one finding per rule, errors first. With the company
 * known, the role-scoping rules decide too-broad (a founding generalist is not too broad), so the same posting and
 * team give the same severity everywhere. Without the company (`null`) the analyser's findings stand alone.
 * Throws SCOPING_INPUT_INVALID on a role or company the rules cannot read.
 */
export function roleScopeFindings(
  analysis: Pick<JobAnalysis, 'findings' | 'seniorityEvidence'>,
  role: RoleUnderReview,
  company: CompanyScopeInput | null,
  taxonomy?: Taxonomy,
): Finding[] {
  if (!company) return analysis.findings;
  const years = analysis.seniorityEvidence.yearsRequired;
  const scope = checkRoleScope(
    {
      title: role.title.trim().slice(0, 300) || 'This role',
      ...(role.seniority !== 'unknown' ? { seniority: role.seniority } : {}),
      specializations: [...role.specializations],
      ...(years !== null && Number.isInteger(years) && years >= 0 && years <= 50 ? { yearsRequired: years } : {}),
    },
    company,
    taxonomy,
  );
  const findings = analysis.findings.filter((f) => !COMPANY_SCOPE_RULES.has(f.rule));
  const seen = new Set(findings.map((f) => f.rule));
  for (const f of scope) {
    if (seen.has(f.rule)) continue;
    seen.add(f.rule);
    findings.push(f);
  }
  return findings.sort(bySeverity);
}
