export {
  PlanDocument,
  STAGE_KINDS,
  SOURCING_CHANNELS,
  parsePlanDocument,
  safeParsePlanDocument,
  planJsonSchema,
  formatPath,
} from './plan-document.js';
export { checkPlan, safeCheckPlan, DEFAULT_PLAN_THRESHOLDS } from './check-plan.js';
export type { PlanFinding, PlanCheckResult, PlanCheckThresholds } from './check-plan.js';
export { parsePlanText } from './plan-text.js';
