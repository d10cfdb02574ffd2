import { z } from 'zod';
import attractData from '../../../data/scoping/attractiveness.json' with { type: 'json' };
import { DomainError, toResult, type Result } from '../shared/errors.js';
import { COMPANY_STAGES } from '../company/company.js';

const State = z.enum(['present', 'partial', 'absent']);
export type SignalState = z.infer<typeof State>;

/** The signals a candidate reads (scoping-and-team.md 'Attractiveness'); funding comes from the stage. */
export const AttractivenessSignals = z.strictObject({
  mlInfrastructure: z
    .strictObject({
      trainingPipelines: State.default('absent'),
      experimentTracking: State.default('absent'),
      featureStore: State.default('absent'),
      deploymentAutomation: State.default('absent'),
    })
    .default({ trainingPipelines: 'absent', experimentTracking: 'absent', featureStore: 'absent', deploymentAutomation: 'absent' }),
  seniorAiPractitioner: State.default('absent'),
  recognisedLab: State.default('absent'),
  computeBudgetStated: State.default('absent'),
  infraBudgetVisible: State.default('absent'),
  proprietaryData: State.default('absent'),
  productStrategy: State.default('absent'),
  productionMl: State.default('absent'),
  fundingStage: z.enum(COMPANY_STAGES),
});
export type AttractivenessSignals = z.input<typeof AttractivenessSignals>;

export interface SignalContribution {
  id: string;
  label: string;
  state: SignalState;
  weight: number;
  /** points of the 0-100 score this signal earns now */
  contribution: number;
  /** points it would add if it were present */
  potential: number;
  source: string;
}

export interface Attractiveness {
  score: number;
  signals: SignalContribution[];
  topChanges: { id: string; label: string; gain: number; action: string }[];
  pitch: { id: string; pitch: string; target: string; source: string };
}

const SIGNAL_DEFS = attractData.signals;
const VALUES = attractData.stateValues.value as Record<SignalState, number>;
const FUNDING = attractData.fundingStageStates.value as Record<string, SignalState>;
const PITCHES = attractData.pitches as Record<string, { pitch: string; target: string; source: string }>;

/** Default weights by signal id (data/scoping/attractiveness.json). */
export const DEFAULT_ATTRACTIVENESS_WEIGHTS: Readonly<Record<string, number>> = Object.freeze(
  Object.fromEntries(SIGNAL_DEFS.map((s) => [s.id, s.weight])),
);

function invalid(error: z.ZodError): DomainError {
  const issue = error.issues[0];
  const field = ['signals', ...(issue?.path ?? []).map(String)].join('.');
  return new DomainError('SCOPING_INPUT_INVALID', `${field}: ${issue?.message ?? 'invalid'}`, field);
}

/**
 * Scores how a candidate sees the company, 0-100: each signal's contribution, the three changes that
 * would raise the score most, and the pitch to lead with given what is absent. Weights are data; pass
 * `weights` (by signal id) to change them. Throws SCOPING_INPUT_INVALID.
 */
export function scoreAttractiveness(signalsRaw: unknown, weights: Readonly<Record<string, number>> = DEFAULT_ATTRACTIVENESS_WEIGHTS): Attractiveness {
  const parsed = AttractivenessSignals.safeParse(signalsRaw);
  if (!parsed.success) throw invalid(parsed.error);
  const s = parsed.data;
  for (const [id, w] of Object.entries(weights)) {
    if (!SIGNAL_DEFS.some((d) => d.id === id)) throw new DomainError('SCOPING_INPUT_INVALID', `weights.${id}: unknown signal`, `weights.${id}`);
    if (!(Number.isFinite(w) && w >= 0)) throw new DomainError('SCOPING_INPUT_INVALID', `weights.${id}: must be a number >= 0`, `weights.${id}`);
  }
  const states: Record<string, SignalState> = {
    'training-pipelines': s.mlInfrastructure.trainingPipelines,
    'experiment-tracking': s.mlInfrastructure.experimentTracking,
    'feature-store': s.mlInfrastructure.featureStore,
    'deployment-automation': s.mlInfrastructure.deploymentAutomation,
    'senior-ai-practitioner': s.seniorAiPractitioner,
    'recognised-lab': s.seniorAiPractitioner === 'absent' ? 'absent' : s.recognisedLab,
    'compute-budget-stated': s.computeBudgetStated,
    'infra-budget-visible': s.infraBudgetVisible,
    'proprietary-data': s.proprietaryData,
    'product-strategy': s.productStrategy,
    'production-ml': s.productionMl,
    'funding-stage': FUNDING[s.fundingStage] ?? 'absent',
  };
  const weightOf = (id: string) => weights[id] ?? DEFAULT_ATTRACTIVENESS_WEIGHTS[id] ?? 0;
  const total = SIGNAL_DEFS.reduce((sum, d) => sum + weightOf(d.id), 0);
  if (total <= 0) throw new DomainError('SCOPING_INPUT_INVALID', 'weights: at least one weight must be above 0', 'weights');
  const signals: SignalContribution[] = SIGNAL_DEFS.map((d) => {
    const v = VALUES[states[d.id]];
    const w = weightOf(d.id);
    return {
      id: d.id,
      label: d.label,
      state: states[d.id],
      weight: w,
      contribution: round1((100 * w * v) / total),
      potential: round1((100 * w * (1 - v)) / total),
      source: d.source,
    };
  });
  const score = Math.round(signals.reduce((sum, x) => sum + (100 * x.weight * VALUES[x.state]) / total, 0));
  const topChanges = signals
    .filter((x) => x.potential > 0)
    .sort((a, b) => b.potential - a.potential || SIGNAL_DEFS.findIndex((d) => d.id === a.id) - SIGNAL_DEFS.findIndex((d) => d.id === b.id))
    .slice(0, 3)
    .map((x) => ({ id: x.id, label: x.label, gain: x.potential, action: SIGNAL_DEFS.find((d) => d.id === x.id)!.action }));
  return { score, signals, topChanges, pitch: choosePitch(states) };
}

/** The result-returning twin of scoreAttractiveness. */
export function safeScoreAttractiveness(signals: unknown, weights?: Readonly<Record<string, number>>): Result<Attractiveness> {
  return toResult(() => scoreAttractiveness(signals, weights));
}

function choosePitch(states: Record<string, SignalState>): Attractiveness['pitch'] {
  const infra = ['training-pipelines', 'experiment-tracking', 'feature-store', 'deployment-automation'];
  let id = 'default';
  if (infra.every((i) => states[i] === 'absent')) id = 'no-infrastructure';
  else if (states['senior-ai-practitioner'] === 'absent') id = 'no-senior-team';
  else if (states['production-ml'] === 'present' && states['proprietary-data'] !== 'absent' && states['compute-budget-stated'] !== 'absent') {
    id = 'strong-position';
  }
  return { id, ...PITCHES[id] };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
