import { z } from 'zod';
import scopeData from '../../../data/scoping/role-scope.json' with { type: 'json' };
import { DomainError, toResult, type Result } from '../shared/errors.js';
import { COMPANY_STAGES } from '../company/company.js';
import { KebabKey, SENIORITY_LEVELS, compileTaxonomy, defaultTaxonomy, getSpecialization, type SeniorityLevel, type Taxonomy } from '../taxonomy/index.js';
import type { Finding } from './findings.js';
import { SENIORITY_RANK, levelForYears, titleSeniority } from './seniority.js';

const Level = z.enum(SENIORITY_LEVELS);

/** A role as the scoping rules see it: title, level, the specializations that are core duties. */
export const RoleScopeInput = z.strictObject({
  title: z.string().min(1).max(300),
  seniority: Level.optional(),
  specializations: z.array(KebabKey).max(20),
  foundingGeneralist: z.boolean().optional(),
  yearsRequired: z.number().int().min(0).max(50).optional(),
});
export type RoleScopeInput = z.infer<typeof RoleScopeInput>;

/** One member of the current AI team. */
export const TeamMember = z.strictObject({
  name: z.string().min(1).max(200).optional(),
  specializations: z.array(KebabKey).max(20),
  seniority: Level,
  yearlyCashComp: z.number().int().min(0).max(100_000_000).optional(),
});
export type TeamMember = z.infer<typeof TeamMember>;

/** The company context of the scoping rules. */
export const CompanyScopeInput = z.strictObject({
  stage: z.enum(COMPANY_STAGES).optional(),
  headcount: z.number().int().min(1).max(1_000_000).optional(),
  aiTeam: z.array(TeamMember).max(1000).default([]),
  coreIsSafetyOrResearch: z.boolean().default(false),
});
export type CompanyScopeInput = z.input<typeof CompanyScopeInput>;

/** Plain values of data/scoping/role-scope.json. */
export interface RoleScopeParams {
  tooBroadAt: number;
  narrowSpecialistMax: number;
  seniorLevels: SeniorityLevel[];
  juniorLevels: SeniorityLevel[];
  researchCoreSpecializations: string[];
  foundingGeneralistYears: number;
  fractionalAdvisorHoursPerWeek: { min: number; max: number };
  seniorityMismatchSteps: number;
}

export const DEFAULT_ROLE_SCOPE_PARAMS: RoleScopeParams = Object.freeze({
  tooBroadAt: scopeData.tooBroadAt.value,
  narrowSpecialistMax: scopeData.narrowSpecialistMax.value,
  seniorLevels: scopeData.seniorLevels.value as SeniorityLevel[],
  juniorLevels: scopeData.juniorLevels.value as SeniorityLevel[],
  researchCoreSpecializations: scopeData.researchCoreSpecializations.value,
  foundingGeneralistYears: scopeData.foundingGeneralistYears.value,
  fractionalAdvisorHoursPerWeek: scopeData.fractionalAdvisorHoursPerWeek.value,
  seniorityMismatchSteps: scopeData.seniorityMismatchSteps.value,
});

function parse<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = [what, ...(issue?.path ?? []).map(String)].join('.');
  throw new DomainError('SCOPING_INPUT_INVALID', `${field}: ${issue?.message ?? 'invalid'}`, field);
}

/** True when the team has at least one senior (or above) AI practitioner. */
export function hasSeniorAiPractitioner(team: readonly TeamMember[], params: RoleScopeParams = DEFAULT_ROLE_SCOPE_PARAMS): boolean {
  return team.some((m) => m.specializations.length > 0 && params.seniorLevels.includes(m.seniority));
}

/**
 * The scoping rules of scoping-and-team.md over one role in its company: too broad, founding
 * generalist, specialist too early, juniors without an anchor, seniority mismatch. Each finding has a
 * stable rule id, a severity, a message, a fix and the evidence. Throws SCOPING_INPUT_INVALID.
 */
export function checkRoleScope(
  roleInput: unknown,
  companyInput: unknown,
  taxonomy: Taxonomy = defaultTaxonomy(),
  params: RoleScopeParams = DEFAULT_ROLE_SCOPE_PARAMS,
): Finding[] {
  const role = parse(RoleScopeInput, roleInput, 'role');
  const company = parse(CompanyScopeInput, companyInput, 'company');
  const compiled = compileTaxonomy(taxonomy);
  const specs = [...new Set(role.specializations)];
  // Evidence is read by people (the role editor, the CLI): specializations by name, never by key.
  const nameOf = (k: string) => getSpecialization(k, taxonomy)?.name ?? k;
  const names = specs.map(nameOf);
  const namesOf = (keys: readonly string[]) => keys.map(nameOf).join('/');
  const isAi = specs.length > 0;
  const title = titleSeniority(role.title, compiled);
  const yearsLevel = role.yearsRequired !== undefined ? levelForYears(role.yearsRequired, compiled) : null;
  const level: SeniorityLevel | null = role.seniority ?? title.level ?? yearsLevel;
  const senior = level !== null && params.seniorLevels.includes(level);
  const hasSenior = hasSeniorAiPractitioner(company.aiTeam, params);
  const generalist = role.foundingGeneralist === true || specs.length >= params.tooBroadAt;
  const founding = isAi && generalist && senior && !hasSenior;
  const teamEvidence = hasSenior
    ? company.aiTeam.filter((m) => params.seniorLevels.includes(m.seniority)).map((m) => `${m.name ?? 'team member'}: ${m.seniority} ${namesOf(m.specializations)}`)
    : [`AI team: ${company.aiTeam.length === 0 ? 'nobody yet' : company.aiTeam.map((m) => `${m.seniority} ${namesOf(m.specializations)}`).join(', ')}`];
  const findings: Finding[] = [];

  if (specs.length >= params.tooBroadAt && !founding) {
    findings.push({
      rule: 'scope.too-broad',
      severity: 'error',
      message: `'${role.title}' has ${specs.length} core specializations (${names.join(', ')}). Candidates identify with one specialization and read a role that mixes several as a junior generalist job.`,
      fix: hasSenior
        ? 'Split it into one role per specialization, starting with the one that addresses your current bottleneck.'
        : 'Split it, or make it the founding generalist role on purpose: senior, 5+ years of production ML, end to end from data pipelines to deployment.',
      evidence: [`core specializations: ${names.join(', ')}`, ...(level ? [`seniority: ${level}`] : []), ...teamEvidence],
    });
  }
  if (founding) {
    findings.push({
      rule: 'scope.founding-generalist',
      severity: 'info',
      message: `Right first hire: with no senior AI practitioner yet, '${role.title}' is the founding generalist.`,
      fix: `Hire a senior generalist with ${params.foundingGeneralistYears}+ years of production ML who owns everything from data pipelines to deployment; say so in the posting.`,
      evidence: [...teamEvidence, `role: ${level} covering ${specs.length === 0 ? 'the whole stack' : names.join(', ')}`],
    });
  }
  const researchCompany =
    company.coreIsSafetyOrResearch && specs.some((s) => params.researchCoreSpecializations.includes(s));
  if (isAi && !hasSenior && !generalist && specs.length <= params.narrowSpecialistMax && !researchCompany) {
    findings.push({
      rule: 'scope.specialist-too-early',
      severity: 'warning',
      message: `'${role.title}' is a narrow ${names.join('/')} specialist, and the company has no senior AI practitioner yet.`,
      fix: 'Hire the senior generalist first: specialists optimise their own corner without system-level integration. Hire this specialist once the architecture is defined (usually at 8-12 employees).',
      evidence: [...teamEvidence, `core specializations: ${names.join(', ')}`],
    });
  }
  if (isAi && level !== null && params.juniorLevels.includes(level) && !hasSenior) {
    const h = params.fractionalAdvisorHoursPerWeek;
    findings.push({
      rule: 'scope.juniors-without-anchor',
      severity: 'warning',
      message: `'${role.title}' is a ${level} AI role, and nobody on the team is a senior AI practitioner to anchor them.`,
      fix: `Hire the senior anchor first, or bring in a fractional ML lead for ${h.min}-${h.max} h/week before this hire starts.`,
      evidence: [...teamEvidence, `role seniority: ${level}`],
    });
  }
  const mismatch = seniorityMismatch(role, title, yearsLevel, params);
  if (mismatch) findings.push(mismatch);
  return findings;
}

/** The result-returning twin of checkRoleScope. */
export function safeCheckRoleScope(role: unknown, company: unknown, taxonomy?: Taxonomy): Result<Finding[]> {
  return toResult(() => checkRoleScope(role, company, taxonomy));
}

function seniorityMismatch(
  role: RoleScopeInput,
  title: { level: SeniorityLevel | null; words: string[] },
  yearsLevel: SeniorityLevel | null,
  params: RoleScopeParams,
): Finding | null {
  if (!title.level) return null;
  const readings: { level: SeniorityLevel; why: string }[] = [];
  if (role.seniority) readings.push({ level: role.seniority, why: `duties read ${role.seniority}` });
  if (yearsLevel) readings.push({ level: yearsLevel, why: `${role.yearsRequired} years asked read ${yearsLevel}` });
  const off = readings.find((r) => Math.abs(SENIORITY_RANK[r.level] - SENIORITY_RANK[title.level!]) >= params.seniorityMismatchSteps);
  if (!off) return null;
  return {
    rule: 'scope.seniority-mismatch',
    severity: 'warning',
    message: `The title says ${title.level} (${title.words.join(', ')}) but the ${off.why}.`,
    fix: 'Align title, duties and pay: candidates self-select on the title, and the band follows it.',
    evidence: [`title: ${role.title}`, off.why],
  };
}
