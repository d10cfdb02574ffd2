import type { CompanyScopeInput } from '../../../domain/scoping/role-scope.js';
import type { TeamPlanInputsView } from '../../../api/scoping.js';
import { api } from '../../api/client.js';
import { getCompany } from '../../api/endpoints.js';

/** The company as the role-scoping rules see it (founding generalist, specialist too early, ...). */
export interface CompanyContext {
  scope: CompanyScopeInput;
  /** Whether the Team page has described the AI team (otherwise the rules run as if nobody senior is on it). */
  teamStored: boolean;
  /** The AI team's size as setup counted it. */
  aiTeamSize: number;
}


/** The company profile and its AI team, for running the role-scoping rules in the browser as the server does. */
export async function loadCompanyContext(signal?: AbortSignal): Promise<CompanyContext> {
  const [company, team] = await Promise.all([getCompany(signal), api.get<TeamPlanInputsView>('/team/plan-inputs', { signal })]);
  return {
    scope: {
      stage: company.stage,
      headcount: company.headcount,
      aiTeam: team.inputs?.aiTeam ?? [],
      coreIsSafetyOrResearch: team.inputs?.coreIsSafetyOrResearch ?? false,
    },
    teamStored: team.stored,
    aiTeamSize: company.aiTeamSize,
  };
}

/** What the findings were checked against, when that is less than the full company context; undefined while loading. */
export function contextNote(status: 'loading' | 'ready' | 'error', context: CompanyContext | null | undefined): string | undefined {
  if (status === 'loading') return undefined;
  if (!context) return 'Checked without your AI team (it could not be loaded), so the founding-generalist and specialist rules are not applied.';
  if (context.teamStored) return undefined;
  if (context.aiTeamSize > 0) {
    return `Setup says ${context.aiTeamSize} ${context.aiTeamSize === 1 ? 'person builds' : 'people build'} ML/AI, but not who: checked as if none is a senior AI practitioner. Describe them on the Team page.`;
  }
  return 'Setup says nobody builds ML/AI yet, so this is checked as your first AI hire.';
}
