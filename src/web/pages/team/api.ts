import type { Finding } from '../../../domain/scoping/findings.js';
import type { PlannedHire as DomainPlannedHire, TeamPlan as DomainTeamPlan } from '../../../domain/scoping/team-plan.js';
import type { SeniorityLevel } from '../../../domain/taxonomy/taxonomy.js';
import { api } from '../../api/client.js';

// The scoping API's team plan and attractiveness endpoints (docs/api-scoping.md), as the Team pages use them.

export const BOTTLENECKS = ['infrastructure', 'model-quality', 'data', 'integration', 'safety-evaluation'] as const;
export type Bottleneck = (typeof BOTTLENECKS)[number];

export const BOTTLENECK_LABELS: Record<Bottleneck, string> = {
  infrastructure: 'Infrastructure limits experimentation speed',
  'model-quality': 'Model quality limits product value',
  data: 'Data quality or availability',
  integration: 'Product integration',
  'safety-evaluation': 'Safety and evaluation',
};

export type MemberSeniority = SeniorityLevel;
export const MEMBER_SENIORITIES: readonly MemberSeniority[] = ['junior', 'mid', 'senior', 'staff+', 'lead'];

/** A planned hire as the API sends it: `band` and `yearlyCost` are left out for viewers without compensation.read. */
export type PlannedHire = Omit<DomainPlannedHire, 'band' | 'yearlyCost'> & Partial<Pick<DomainPlannedHire, 'band' | 'yearlyCost'>>;

export type PlanFinding = Finding;

/** The domain's plan (cash comp and budget left out without compensation.read) with the inputs it was made from. */
export interface TeamPlan extends Partial<Pick<DomainTeamPlan, 'teamYearlyCashComp' | 'budget'>> {
  hires: PlannedHire[];
  findings: PlanFinding[];
  inputs: {
    stage: string;
    headcount: number;
    currency: string;
    bottleneck: Bottleneck;
    coreIsSafetyOrResearch: boolean;
    aiTeamMembers: number;
    /** The AI team as setup counted it (the company profile). */
    aiTeamSize: number;
    hires: number;
    budgetStated: boolean;
  };
  inputsStored: boolean;
  compensationVisible: boolean;
}

export interface TeamMemberInput {
  name?: string;
  specializations: string[];
  seniority: MemberSeniority;
  yearlyCashComp?: number;
}

export interface TeamPlanInputs {
  bottleneck: Bottleneck;
  aiTeam?: TeamMemberInput[];
  coreIsSafetyOrResearch?: boolean;
  coreFocus?: 'ai-safety' | 'applied-research';
  budget?: { annualBudget: number } | { raise: number; runwayYears: number } | { annualBurn: number };
  hires?: number;
}

export interface TeamPlanInputsView {
  inputs: TeamPlanInputs | null;
  stored: boolean;
  updatedAt: string | null;
  compensationVisible: boolean;
  /** What setup recorded; the amount raised only with compensation.read. */
  profile: { stage: string; headcount: number; aiTeamSize: number; currency: string; raisedUsd?: number };
}

/** Where the senior-practitioner signal comes from when it is known without asking; null when the form asks it. */
export type KnownFrom = 'ai-team' | 'company-profile' | null;

export function getTeamPlan(signal?: AbortSignal): Promise<TeamPlan> {
  return api.get('/team/plan', { signal });
}

export function getTeamPlanInputs(signal?: AbortSignal): Promise<TeamPlanInputsView> {
  return api.get('/team/plan-inputs', { signal });
}

export function putTeamPlanInputs(body: TeamPlanInputs): Promise<TeamPlanInputsView> {
  return api.put('/team/plan-inputs', body);
}

export type SignalState = 'present' | 'partial' | 'absent';

export interface Attractiveness {
  score: number;
  signals: { id: string; label: string; state: SignalState; weight: number; contribution: number; potential: number; source: string }[];
  topChanges: { id: string; label: string; gain: number; action: string }[];
  pitch: { id: string; pitch: string; target: string; source: string };
  fundingStage: string;
  inputsStored: boolean;
  seniorAiPractitionerFrom: KnownFrom;
}

export interface AttractivenessInputs {
  mlInfrastructure: { trainingPipelines: SignalState; experimentTracking: SignalState; featureStore: SignalState; deploymentAutomation: SignalState };
  seniorAiPractitioner: SignalState;
  recognisedLab: SignalState;
  computeBudgetStated: SignalState;
  infraBudgetVisible: SignalState;
  proprietaryData: SignalState;
  productStrategy: SignalState;
  productionMl: SignalState;
  weights?: Record<string, number>;
}

export interface AttractivenessInputsView {
  inputs: AttractivenessInputs;
  weights: Record<string, number>;
  defaultWeights: Record<string, number>;
  stored: boolean;
  updatedAt: string | null;
  seniorAiPractitionerFrom: KnownFrom;
}

export function getAttractiveness(signal?: AbortSignal): Promise<Attractiveness> {
  return api.get('/company/attractiveness', { signal });
}

export function getAttractivenessInputs(signal?: AbortSignal): Promise<AttractivenessInputsView> {
  return api.get('/company/attractiveness-inputs', { signal });
}

export function putAttractivenessInputs(body: AttractivenessInputs): Promise<AttractivenessInputsView> {
  return api.put('/company/attractiveness-inputs', body);
}
