export { analyzeJobDescription, safeAnalyzeJobDescription } from './analyze-job-description.js';
export type { JobDescriptionInput, JobAnalysis, SpecializationScore, EvidenceMatch } from './analyze-job-description.js';
export { assertRecognisableText, unrecognisedReason, DEFAULT_TEXT_LIMITS } from './text-validation.js';
export type { TextLimits } from './text-validation.js';
export { detectSeniority, titleSeniority, yearsRequired, levelForYears, SENIORITY_RANK } from './seniority.js';
export type { SeniorityEvidence, YearsEvidence } from './seniority.js';
export { evaluateAnalyzer } from './evaluate-analyzer.js';
export type { LabelledPosting, AnalyzerMetrics, PostingComparison } from './evaluate-analyzer.js';
export {
  checkRoleScope,
  safeCheckRoleScope,
  hasSeniorAiPractitioner,
  RoleScopeInput,
  CompanyScopeInput,
  TeamMember,
  DEFAULT_ROLE_SCOPE_PARAMS,
} from './role-scope.js';
export type { RoleScopeParams } from './role-scope.js';
export { roleScopeFindings, COMPANY_SCOPE_RULES } from './role-findings.js';
export type { RoleUnderReview } from './role-findings.js';
export { planTeam, safePlanTeam, TeamPlanInput, BOTTLENECKS } from './team-plan.js';
export type { TeamPlan, PlannedHire, Bottleneck } from './team-plan.js';
export { scoreAttractiveness, safeScoreAttractiveness, AttractivenessSignals, DEFAULT_ATTRACTIVENESS_WEIGHTS } from './attractiveness.js';
export type { Attractiveness, SignalContribution, SignalState } from './attractiveness.js';
export { countSeverities } from './findings.js';
export type { Finding, Severity } from './findings.js';
