import { companyPipelineSettings, type ClockSettings, type RiskSettings } from '../../domain/pipeline/index.js';
import { getCompany, type Company, type Tx } from '../../storage/index.js';
import { putPipelineSettings, type PipelineActor, type PipelineSettingsInput } from './pipeline.js';
import { PipelineSettingsResolver } from './pipeline-views.js';

/** The company's clock and risk settings: what it stored, and the result over the defaults that roles without overrides use. */
export interface PipelineSettingsState {
  stored: { clocks?: unknown; risk?: unknown };
  clocks: ClockSettings;
  risk: RiskSettings;
}

function stateOf(company: Company | undefined): PipelineSettingsState {
  const resolver = new PipelineSettingsResolver(company);
  return { stored: companyPipelineSettings(company?.settings), clocks: resolver.clocksFor({ id: '', clockOverrides: {} }), risk: resolver.risk };
}

export async function readPipelineSettings(db: Tx): Promise<PipelineSettingsState> {
  return stateOf(await getCompany(db));
}

/** Replaces the settings (checked, audited: services/pipeline.ts putPipelineSettings) in the caller's transaction. */
export async function changePipelineSettings(tx: Tx, actor: PipelineActor, input: PipelineSettingsInput, now: Date): Promise<PipelineSettingsState> {
  return stateOf(await putPipelineSettings(tx, actor, input, now));
}
