import type { Bottleneck } from '../../../api/constants.js';
import type {
  AttractivenessInputsBody,
  AttractivenessInputsView as ContractAttractivenessInputsView,
  AttractivenessView,
  TeamPlanInputsBody,
  TeamPlanInputsView as ContractTeamPlanInputsView,
  TeamPlanView,
} from '../../../api/scoping.js';
import { api } from '../../api/client.js';

// The scoping API's team plan and attractiveness endpoints (docs/api-scoping.md), as the Team pages use them. The
// shapes are the contract's (src/api/scoping.ts), imported as types only; the lists come from its zod-free constants.

export { BOTTLENECKS } from '../../../domain/scoping/lists.js';
export { SENIORITY_LEVELS as MEMBER_SENIORITIES } from '../../../domain/taxonomy/lists.js';
export type { Bottleneck, SeniorityLevel as MemberSeniority } from '../../../api/constants.js';

export const BOTTLENECK_LABELS: Record<Bottleneck, string> = {
  infrastructure: 'Infrastructure limits experimentation speed',
  'model-quality': 'Model quality limits product value',
  data: 'Data quality or availability',
  integration: 'Product integration',
  'safety-evaluation': 'Safety and evaluation',
};

/** The plan with the inputs it was made from: `band`, `yearlyCost`, cash comp and budget are left out without compensation.read. */
export type TeamPlan = TeamPlanView;
export type PlannedHire = TeamPlan['hires'][number];
export type PlanFinding = TeamPlan['findings'][number];
export type TeamPlanInputs = TeamPlanInputsBody;
export type TeamMemberInput = NonNullable<TeamPlanInputs['aiTeam']>[number];
export type TeamPlanInputsView = ContractTeamPlanInputsView;

/** Where the senior-practitioner signal comes from when it is known without asking; null when the form asks it. */
export type KnownFrom = AttractivenessView['seniorAiPractitionerFrom'];

export function getTeamPlan(signal?: AbortSignal): Promise<TeamPlan> {
  return api.get('/team/plan', { signal });
}

export function getTeamPlanInputs(signal?: AbortSignal): Promise<TeamPlanInputsView> {
  return api.get('/team/plan-inputs', { signal });
}

export function putTeamPlanInputs(body: TeamPlanInputs): Promise<TeamPlanInputsView> {
  return api.put('/team/plan-inputs', body);
}

export type Attractiveness = AttractivenessView;
export type SignalState = Attractiveness['signals'][number]['state'];
/** What the form sends back: every signal's state (and the weights, if changed). */
export type AttractivenessInputs = ContractAttractivenessInputsView['inputs'] & Pick<AttractivenessInputsBody, 'weights'>;
export type AttractivenessInputsView = ContractAttractivenessInputsView;

export function getAttractiveness(signal?: AbortSignal): Promise<Attractiveness> {
  return api.get('/company/attractiveness', { signal });
}

export function getAttractivenessInputs(signal?: AbortSignal): Promise<AttractivenessInputsView> {
  return api.get('/company/attractiveness-inputs', { signal });
}

export function putAttractivenessInputs(body: AttractivenessInputs): Promise<AttractivenessInputsView> {
  return api.put('/company/attractiveness-inputs', body);
}
