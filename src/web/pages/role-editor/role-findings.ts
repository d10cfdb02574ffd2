import type { JobAnalysis } from '../../../domain/scoping/analyze-job-description.js';
import type { Finding } from '../../../domain/scoping/findings.js';
import { checkRoleScope } from '../../../domain/scoping/role-scope.js';
import type { CompanyScopeInput } from '../../../domain/scoping/role-scope.js';
import type { Taxonomy } from '../../../domain/taxonomy/taxonomy.js';

/** The role as the form will save it. */
export interface RoleDraft {
  title: string;
  specializations: readonly string[];
  seniority: string;
}

const COMPANY_RULES = new Set(['scope.too-broad', 'scope.founding-generalist', 'scope.specialist-too-early', 'scope.juniors-without-anchor']);
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * The findings beside the role editor: the analyser's own (seniority mismatch read from the text) plus the
 * role-scoping rules over the role being saved and the company's AI team, one finding per rule, errors first;
 * the same merge `POST /roles/analyze` does on the server, computed here so it follows every keystroke.
 * Without the company context (not loaded, or not readable) the analyser's findings stand alone.
 */
export function roleFindings(analysis: JobAnalysis, role: RoleDraft, company: CompanyScopeInput | null, taxonomy?: Taxonomy): Finding[] {
  if (!company) return analysis.findings;
  const years = analysis.seniorityEvidence.yearsRequired;
  let scope: Finding[];
  try {
    scope = checkRoleScope(
      {
        title: role.title.trim().slice(0, 300) || 'This role',
        ...(role.seniority !== 'unknown' ? { seniority: role.seniority } : {}),
        specializations: [...role.specializations],
        ...(years !== null && Number.isInteger(years) && years >= 0 && years <= 50 ? { yearsRequired: years } : {}),
      },
      company,
      taxonomy,
    );
  } catch {
    return analysis.findings;
  }
  const findings = analysis.findings.filter((f) => !COMPANY_RULES.has(f.rule));
  const seen = new Set(findings.map((f) => f.rule));
  for (const f of scope) {
    if (seen.has(f.rule)) continue;
    seen.add(f.rule);
    findings.push(f);
  }
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
