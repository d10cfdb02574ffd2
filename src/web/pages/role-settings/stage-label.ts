import { COMPANY_STAGE_LABELS } from '../../api/types.js';
import type { CompanyStage } from '../../api/types.js';

/** A funding stage in words ("Series A"); an unknown key as it is. */
export const stageLabel = (stage: string): string => COMPANY_STAGE_LABELS[stage as CompanyStage] ?? stage;
