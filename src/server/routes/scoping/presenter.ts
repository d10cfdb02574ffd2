import { can } from '../../../domain/access/policy.js';
import type { CompanyTeamPlan, TeamPlanInputsState } from '../../services/scoping.js';
import type { TeamPlanInputsView, TeamPlanView } from '../../../api/scoping.js';

export interface Viewer {
  role: string;
}

/** Findings that quote pay (the budget share names the team's cash comp). */
const COMPENSATION_RULES = new Set(['comp.budget-share']);

/**
 * The team plan as it leaves the server: cost per hire, band, the team's cash comp and the budget share
 * are compensation, so a viewer without compensation.read gets the hires and their reasons only.
 */
export function presentTeamPlan(plan: CompanyTeamPlan, viewer: Viewer): TeamPlanView {
  const visible = can(viewer.role, 'compensation.read');
  const base = {
    findings: visible ? plan.findings : plan.findings.filter((f) => !COMPENSATION_RULES.has(f.rule)),
    inputs: plan.inputs as TeamPlanView['inputs'],
    inputsStored: plan.inputsStored,
    compensationVisible: visible,
  };
  if (!visible) {
    return {
      ...base,
      hires: plan.hires.map(({ band: _band, yearlyCost: _cost, ...hire }) => hire),
    };
  }
  return { ...base, hires: plan.hires, teamYearlyCashComp: plan.teamYearlyCashComp, budget: plan.budget };
}

/** Stored team-plan inputs; members' cash comp and the budget only for viewers with compensation.read. */
export function presentTeamPlanInputs(state: TeamPlanInputsState, viewer: Viewer): TeamPlanInputsView {
  const visible = can(viewer.role, 'compensation.read');
  if (visible) return { ...state, compensationVisible: visible };
  const { raisedUsd: _raised, ...profile } = state.profile;
  if (!state.inputs) return { ...state, profile, compensationVisible: false };
  const { budget: _budget, aiTeam, ...rest } = state.inputs;
  return {
    inputs: { ...rest, ...(aiTeam ? { aiTeam: aiTeam.map(({ yearlyCashComp: _comp, ...m }) => m) } : {}) },
    stored: state.stored,
    updatedAt: state.updatedAt,
    compensationVisible: false,
    profile,
  };
}
