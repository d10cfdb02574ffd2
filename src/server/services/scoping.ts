import {
  BOTTLENECKS,
  analyzeJobDescription,
  roleScopeFindings,
  hasSeniorAiPractitioner,
  planTeam,
  scoreAttractiveness,
  DEFAULT_ATTRACTIVENESS_WEIGHTS,
  type Attractiveness,
  type JobAnalysis,
  type TeamMember,
  type TeamPlan,
} from '../../domain/scoping/index.js';
import { checkPlan, parsePlanText, type PlanCheckResult } from '../../domain/plans/index.js';
import { defaultTaxonomy, getSpecialization, mergeTaxonomy, compileTaxonomy, type Taxonomy, type TaxonomyExtension } from '../../domain/taxonomy/index.js';
import { DomainError } from '../../domain/shared/errors.js';
import type { CompanyStage } from '../../domain/company/company.js';
import {
  deleteScopingDocument,
  getCompany,
  getScopingDocument,
  putScopingDocument,
  recordAudit,
  type Company,
  type ScopingDocument,
  type Tx,
} from '../../storage/index.js';
import type { DemoContext } from './demo.js';

export interface ScopingActor {
  id: string;
}

type SignalState = 'present' | 'partial' | 'absent';

/** What a company stores as attractiveness inputs (the funding stage comes from the company profile). */
export interface AttractivenessInputs {
  mlInfrastructure?: { trainingPipelines?: SignalState; experimentTracking?: SignalState; featureStore?: SignalState; deploymentAutomation?: SignalState };
  seniorAiPractitioner?: SignalState;
  recognisedLab?: SignalState;
  computeBudgetStated?: SignalState;
  infraBudgetVisible?: SignalState;
  proprietaryData?: SignalState;
  productStrategy?: SignalState;
  productionMl?: SignalState;
  weights?: Record<string, number>;
}

/** What a company stores as team-plan inputs (stage, headcount and currency come from the company profile). */
export interface TeamPlanInputs {
  bottleneck: (typeof BOTTLENECKS)[number];
  aiTeam?: TeamMember[];
  coreIsSafetyOrResearch?: boolean;
  coreFocus?: 'ai-safety' | 'applied-research';
  budget?: { annualBudget?: number; raise?: number; runwayYears?: number; annualBurn?: number };
  hires?: number;
}

/** The team-plan inputs used when none are stored (docs/api-scoping.md). */
export const DEFAULT_TEAM_PLAN_INPUTS: TeamPlanInputs = Object.freeze({ bottleneck: 'infrastructure' });

async function companyOrThrow(tx: Tx): Promise<Company> {
  const company = await getCompany(tx);
  if (!company) throw new DomainError('NOT_SET_UP', 'Set up the workspace first.');
  return company;
}

/** Re-raises a domain error with its field renamed (domain names -> API body names). */
function withField<T>(run: () => T, rename: (field: string | undefined) => string | undefined): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof DomainError) throw new DomainError(error.code, error.message, rename(error.field));
    throw error;
  }
}

/* ------------------------------------------------------------------ taxonomy */

// Merged taxonomies by extension text: the same object each time, so compileTaxonomy's per-object cache hits.
const MERGED = new Map<string, Taxonomy>();
const MERGED_MAX = 32;

/** The shipped taxonomy with the company's extension merged in (memoised by the extension's content). */
export function effectiveTaxonomy(extension: ScopingDocument | undefined): Taxonomy {
  if (!extension) return defaultTaxonomy();
  const key = JSON.stringify(extension.document);
  const hit = MERGED.get(key);
  if (hit) return hit;
  const merged = mergeTaxonomy(defaultTaxonomy(), extension.document);
  if (MERGED.size >= MERGED_MAX) MERGED.delete(MERGED.keys().next().value!);
  MERGED.set(key, merged);
  return merged;
}

export interface TaxonomyState {
  taxonomy: Taxonomy;
  extension: TaxonomyExtension | null;
  updatedAt: string | null;
}

export async function getTaxonomyState(tx: Tx): Promise<TaxonomyState> {
  const company = await companyOrThrow(tx);
  const doc = await getScopingDocument(tx, company.id, 'taxonomy-extension');
  return { taxonomy: effectiveTaxonomy(doc), extension: (doc?.document as TaxonomyExtension | undefined) ?? null, updatedAt: doc?.updatedAt ?? null };
}

/** Validates (merge, compile, a trial analysis) and stores the company's taxonomy extension; audited. */
export async function putTaxonomyExtension(tx: Tx, actor: ScopingActor, extension: TaxonomyExtension, now: Date): Promise<TaxonomyState> {
  const company = await companyOrThrow(tx);
  const merged = mergeTaxonomy(defaultTaxonomy(), extension);
  try {
    compileTaxonomy(merged);
    analyzeJobDescription({ title: 'Senior ML Engineer', text: 'Build training pipelines and deploy models to production.' }, merged);
  } catch (error) {
    if (error instanceof DomainError) throw new DomainError('TAXONOMY_INVALID', error.message, error.field);
    throw new DomainError('TAXONOMY_INVALID', 'The extension cannot be applied to the taxonomy.');
  }
  const doc = await putScopingDocument(tx, company.id, 'taxonomy-extension', extension, actor.id, now);
  await recordAudit(tx, { actorId: actor.id, action: 'taxonomy.extension.update', entity: 'company', entityId: company.id, fields: ['taxonomyExtension'], at: now });
  return { taxonomy: merged, extension: doc.document as TaxonomyExtension, updatedAt: doc.updatedAt };
}

/** Removes the company's taxonomy extension (back to the shipped taxonomy); audited when there was one. */
export async function deleteTaxonomyExtension(tx: Tx, actor: ScopingActor, now: Date): Promise<TaxonomyState> {
  const company = await companyOrThrow(tx);
  if (await deleteScopingDocument(tx, company.id, 'taxonomy-extension')) {
    await recordAudit(tx, { actorId: actor.id, action: 'taxonomy.extension.delete', entity: 'company', entityId: company.id, fields: ['taxonomyExtension'], at: now });
  }
  return { taxonomy: defaultTaxonomy(), extension: null, updatedAt: null };
}

/* ------------------------------------------------------------- role analysis */

export interface RoleAnalysis extends JobAnalysis {
  companyContext: { seniorAiPractitioner: boolean; teamInputsStored: boolean };
}

const FIELD_OF_TEXT = (field: string | undefined) => (field === 'text' || field === undefined ? 'description' : field);

/**
 * The analyser over a posting with the company's taxonomy, plus the role-scoping rules against the
 * company's stored AI team (one finding per rule id; the analyser's own findings first).
 */
export async function analyzeRole(tx: Tx, input: { title?: string; description: string }): Promise<RoleAnalysis> {
  const company = await companyOrThrow(tx);
  const [extension, teamDoc] = await Promise.all([
    getScopingDocument(tx, company.id, 'taxonomy-extension'),
    getScopingDocument(tx, company.id, 'team-plan-inputs'),
  ]);
  const taxonomy = effectiveTaxonomy(extension);
  const title = input.title ?? '';
  const analysis = withField(() => analyzeJobDescription({ title, text: input.description }, taxonomy), FIELD_OF_TEXT);
  const team = (teamDoc?.document as TeamPlanInputs | undefined) ?? DEFAULT_TEAM_PLAN_INPUTS;
  const aiTeam = team.aiTeam ?? [];
  // The one merge the role editor and `closer scope --company` run too (domain/scoping/role-findings.ts).
  const findings = roleScopeFindings(
    analysis,
    { title, seniority: analysis.seniority, specializations: analysis.core },
    { stage: company.stage as CompanyStage, headcount: company.headcount, aiTeam, coreIsSafetyOrResearch: team.coreIsSafetyOrResearch ?? false },
    taxonomy,
  );
  return { ...analysis, findings, companyContext: { seniorAiPractitioner: hasSeniorAiPractitioner(aiTeam), teamInputsStored: teamDoc !== undefined } };
}

/* --------------------------------------------------------------- plan check */

/** Reads a plan body: a plan document, or `{ yaml }` with YAML (or JSON) text. Throws PLAN_INVALID on bad YAML. */
export function planFromBody(body: unknown): unknown {
  if (body && typeof body === 'object' && !Array.isArray(body) && 'yaml' in body) {
    const keys = Object.keys(body);
    if (keys.length !== 1) throw new DomainError('UNKNOWN_FIELD', `Send either { yaml } or a plan document, not both (unexpected "${keys.find((k) => k !== 'yaml')}").`, keys.find((k) => k !== 'yaml'));
    const text = (body as { yaml: unknown }).yaml;
    if (typeof text !== 'string') throw new DomainError('VALIDATION_FAILED', 'yaml must be the plan text as a string.', 'yaml');
    return parsePlanText(text);
  }
  return body;
}

/** Every playbook check over a plan, with the company's taxonomy for the scope checks. */
export async function checkPlanForCompany(tx: Tx, body: unknown): Promise<PlanCheckResult> {
  const company = await companyOrThrow(tx);
  const extension = await getScopingDocument(tx, company.id, 'taxonomy-extension');
  const plan = planFromBody(body);
  return checkPlan(plan, { taxonomy: effectiveTaxonomy(extension) });
}

/* ------------------------------------------------------------ attractiveness */

function signalsOf(inputs: AttractivenessInputs, stage: string) {
  const infra = inputs.mlInfrastructure ?? {};
  return {
    mlInfrastructure: {
      trainingPipelines: infra.trainingPipelines ?? 'absent',
      experimentTracking: infra.experimentTracking ?? 'absent',
      featureStore: infra.featureStore ?? 'absent',
      deploymentAutomation: infra.deploymentAutomation ?? 'absent',
    },
    seniorAiPractitioner: inputs.seniorAiPractitioner ?? 'absent',
    recognisedLab: inputs.recognisedLab ?? 'absent',
    computeBudgetStated: inputs.computeBudgetStated ?? 'absent',
    infraBudgetVisible: inputs.infraBudgetVisible ?? 'absent',
    proprietaryData: inputs.proprietaryData ?? 'absent',
    productStrategy: inputs.productStrategy ?? 'absent',
    productionMl: inputs.productionMl ?? 'absent',
    fundingStage: stage,
  };
}

export interface AttractivenessInputsState {
  inputs: Required<Omit<AttractivenessInputs, 'weights' | 'mlInfrastructure'>> & { mlInfrastructure: Required<NonNullable<AttractivenessInputs['mlInfrastructure']>> };
  weights: Record<string, number>;
  defaultWeights: Record<string, number>;
  stored: boolean;
  updatedAt: string | null;
  /** Set when the senior-practitioner signal is known from the AI team or setup (the form then does not ask it). */
  seniorAiPractitionerFrom: KnownFrom;
}

function inputsState(doc: ScopingDocument | undefined, stage: string, known: { state: SignalState; from: Exclude<KnownFrom, null> } | undefined): AttractivenessInputsState {
  const stored = (doc?.document as AttractivenessInputs | undefined) ?? {};
  const { fundingStage: _stage, ...inputs } = signalsOf(known ? { ...stored, seniorAiPractitioner: known.state } : stored, stage);
  return {
    inputs,
    weights: { ...(stored.weights ?? {}) },
    defaultWeights: { ...DEFAULT_ATTRACTIVENESS_WEIGHTS },
    stored: doc !== undefined,
    updatedAt: doc?.updatedAt ?? null,
    seniorAiPractitionerFrom: known?.from ?? null,
  };
}

export async function getAttractivenessInputs(tx: Tx): Promise<AttractivenessInputsState> {
  const company = await companyOrThrow(tx);
  return inputsState(await getScopingDocument(tx, company.id, 'attractiveness-inputs'), company.stage, await knownSeniorPractitioner(tx, company));
}

/** Validates (a trial score) and stores the company's attractiveness inputs; audited with the keys sent. */
export async function putAttractivenessInputs(tx: Tx, actor: ScopingActor, inputs: AttractivenessInputs, now: Date): Promise<AttractivenessInputsState> {
  const company = await companyOrThrow(tx);
  scoreAttractiveness(signalsOf(inputs, company.stage), inputs.weights);
  const doc = await putScopingDocument(tx, company.id, 'attractiveness-inputs', inputs, actor.id, now);
  await recordAudit(tx, {
    actorId: actor.id,
    action: 'attractiveness.inputs.update',
    entity: 'company',
    entityId: company.id,
    fields: Object.keys(inputs).length > 0 ? Object.keys(inputs).map((k) => `attractiveness.${k}`) : ['attractiveness'],
    at: now,
  });
  return inputsState(doc, company.stage, await knownSeniorPractitioner(tx, company));
}

export interface CompanyAttractiveness extends Attractiveness {
  fundingStage: CompanyStage;
  inputsStored: boolean;
  /** Where the senior-practitioner signal comes from when Closer already knows it: the described AI team, or setup's count of zero. */
  seniorAiPractitionerFrom: KnownFrom;
}

/** 'ai-team': the team inputs describe the AI team; 'company-profile': setup says nobody builds ML/AI; null: asked. */
export type KnownFrom = 'ai-team' | 'company-profile' | null;

/**
 * Whether the company has a senior AI practitioner, when Closer knows it without asking again: from the AI team
 * described on the Team page, or from setup's AI team size of zero. Undefined when only the attractiveness input can say.
 */
async function knownSeniorPractitioner(tx: Tx, company: Company): Promise<{ state: SignalState; from: Exclude<KnownFrom, null> } | undefined> {
  const team = (await getScopingDocument(tx, company.id, 'team-plan-inputs'))?.document as TeamPlanInputs | undefined;
  if (team?.aiTeam && team.aiTeam.length > 0) return { state: hasSeniorAiPractitioner(team.aiTeam) ? 'present' : 'absent', from: 'ai-team' };
  if (company.aiTeamSize === 0) return { state: 'absent', from: 'company-profile' };
  return undefined;
}

export async function computeAttractiveness(tx: Tx): Promise<CompanyAttractiveness> {
  const company = await companyOrThrow(tx);
  const doc = await getScopingDocument(tx, company.id, 'attractiveness-inputs');
  const stored = (doc?.document as AttractivenessInputs | undefined) ?? {};
  const known = await knownSeniorPractitioner(tx, company);
  const inputs = known ? { ...stored, seniorAiPractitioner: known.state } : stored;
  return {
    ...scoreAttractiveness(signalsOf(inputs, company.stage), inputs.weights),
    fundingStage: company.stage as CompanyStage,
    inputsStored: doc !== undefined,
    seniorAiPractitionerFrom: known?.from ?? null,
  };
}

/* ----------------------------------------------------------------- team plan */

function teamPlanDomainInput(inputs: TeamPlanInputs, company: Company) {
  return {
    stage: company.stage as CompanyStage,
    headcount: Math.max(1, company.headcount),
    aiTeam: inputs.aiTeam ?? [],
    // Setup asked how many people build ML/AI: the plan counts them even before they are described.
    aiTeamSize: Math.max(company.aiTeamSize, (inputs.aiTeam ?? []).length),
    bottleneck: inputs.bottleneck,
    coreIsSafetyOrResearch: inputs.coreIsSafetyOrResearch ?? false,
    ...(inputs.coreFocus ? { coreFocus: inputs.coreFocus } : {}),
    ...(inputs.budget ? { budget: inputs.budget } : {}),
    ...(inputs.hires !== undefined ? { hires: inputs.hires } : {}),
    currency: company.currency,
  };
}

/** Domain field names of the team input -> the API body's (`team.budget.raise` -> `budget.raise`). */
const FIELD_OF_TEAM = (field: string | undefined) => field?.replace(/^team\./, '');

function runTeamPlan(inputs: TeamPlanInputs, company: Company): TeamPlan {
  return withField(() => planTeam(teamPlanDomainInput(inputs, company)), FIELD_OF_TEAM);
}

/** What setup (the company profile) already says, so the team inputs start from it instead of asking again. */
export interface CompanyProfileFacts {
  stage: string;
  headcount: number;
  aiTeamSize: number;
  currency: string;
  raisedUsd: number;
}

function profileFacts(company: Company): CompanyProfileFacts {
  return { stage: company.stage, headcount: company.headcount, aiTeamSize: company.aiTeamSize, currency: company.currency, raisedUsd: company.raisedUsd };
}

export interface TeamPlanInputsState {
  inputs: TeamPlanInputs | null;
  stored: boolean;
  updatedAt: string | null;
  profile: CompanyProfileFacts;
}

export async function getTeamPlanInputs(tx: Tx): Promise<TeamPlanInputsState> {
  const company = await companyOrThrow(tx);
  const doc = await getScopingDocument(tx, company.id, 'team-plan-inputs');
  return { inputs: (doc?.document as TeamPlanInputs | undefined) ?? null, stored: doc !== undefined, updatedAt: doc?.updatedAt ?? null, profile: profileFacts(company) };
}

/** Validates (known specializations, a trial plan with the company profile) and stores the team-plan inputs; audited. */
export async function putTeamPlanInputs(tx: Tx, actor: ScopingActor, inputs: TeamPlanInputs, now: Date): Promise<TeamPlanInputsState> {
  const company = await companyOrThrow(tx);
  const taxonomy = effectiveTaxonomy(await getScopingDocument(tx, company.id, 'taxonomy-extension'));
  (inputs.aiTeam ?? []).forEach((m, i) =>
    m.specializations.forEach((key, j) => {
      if (!getSpecialization(key, taxonomy)) {
        throw new DomainError('SCOPING_INPUT_INVALID', `Unknown specialization '${key}'.`, `aiTeam[${i}].specializations[${j}]`);
      }
    }),
  );
  runTeamPlan(inputs, company);
  const doc = await putScopingDocument(tx, company.id, 'team-plan-inputs', inputs, actor.id, now);
  await recordAudit(tx, {
    actorId: actor.id,
    action: 'team.plan-inputs.update',
    entity: 'company',
    entityId: company.id,
    fields: Object.keys(inputs).map((k) => `teamPlan.${k}`),
    at: now,
  });
  return { inputs: doc.document as TeamPlanInputs, stored: true, updatedAt: doc.updatedAt, profile: profileFacts(company) };
}

export interface CompanyTeamPlan extends TeamPlan {
  inputs: {
    stage: string;
    headcount: number;
    currency: string;
    bottleneck: string;
    coreIsSafetyOrResearch: boolean;
    aiTeamMembers: number;
    /** The AI team as setup counted it (the company profile). */
    aiTeamSize: number;
    hires: number;
    budgetStated: boolean;
  };
  inputsStored: boolean;
}

export async function computeTeamPlan(tx: Tx): Promise<CompanyTeamPlan> {
  const company = await companyOrThrow(tx);
  const doc = await getScopingDocument(tx, company.id, 'team-plan-inputs');
  const inputs = (doc?.document as TeamPlanInputs | undefined) ?? DEFAULT_TEAM_PLAN_INPUTS;
  const plan = runTeamPlan(inputs, company);
  return {
    ...plan,
    inputs: {
      stage: company.stage,
      headcount: company.headcount,
      currency: company.currency,
      bottleneck: inputs.bottleneck,
      coreIsSafetyOrResearch: inputs.coreIsSafetyOrResearch ?? false,
      aiTeamMembers: (inputs.aiTeam ?? []).length,
      aiTeamSize: company.aiTeamSize,
      hires: plan.hires.length,
      budgetStated: inputs.budget !== undefined,
    },
    inputsStored: doc !== undefined,
  };
}

/* ---------------------------------------------------------------------- demo */

/** The demo company (seed, 11 people, two AI engineers, no senior) gets attractiveness and team-plan inputs. */
export async function contributeScopingDemo(tx: Tx, { company, users, now }: DemoContext): Promise<void> {
  const actor = users.owner?.id ?? null;
  const attractiveness: AttractivenessInputs = {
    mlInfrastructure: { trainingPipelines: 'partial', experimentTracking: 'present', featureStore: 'absent', deploymentAutomation: 'absent' },
    seniorAiPractitioner: 'absent',
    recognisedLab: 'absent',
    computeBudgetStated: 'partial',
    infraBudgetVisible: 'absent',
    proprietaryData: 'present',
    productStrategy: 'partial',
    productionMl: 'absent',
  };
  const team: TeamPlanInputs = {
    bottleneck: 'infrastructure',
    aiTeam: [
      { name: 'Lena Fischer', specializations: ['ml-engineering'], seniority: 'mid', yearlyCashComp: 165_000 },
      { name: 'Sam Ortiz', specializations: ['ai-product-engineering'], seniority: 'mid', yearlyCashComp: 155_000 },
    ],
    coreIsSafetyOrResearch: false,
    budget: { raise: 4_500_000, runwayYears: 2 },
    hires: 3,
  };
  await putScopingDocument(tx, company.id, 'attractiveness-inputs', attractiveness, actor, now);
  await putScopingDocument(tx, company.id, 'team-plan-inputs', team, actor, now);
  await recordAudit(tx, { actorId: actor, action: 'attractiveness.inputs.update', entity: 'company', entityId: company.id, fields: Object.keys(attractiveness).map((k) => `attractiveness.${k}`), at: now });
  await recordAudit(tx, { actorId: actor, action: 'team.plan-inputs.update', entity: 'company', entityId: company.id, fields: Object.keys(team).map((k) => `teamPlan.${k}`), at: now });
}

export { BOTTLENECKS };
