/**
 * The one door from scoping and plans into the compensation engine's public API
 * (src/domain/compensation/index.ts), so its functions are reused, never re-implemented, and a change
 * of its API touches this file only.
 */
export {
  budgetShare,
  getStageBand,
  DEFAULT_STAGE_BANDS,
  BUDGET_SHARE_THRESHOLDS,
  computeCashThreshold,
  defaultFailureProbability,
  checkBelowStageBand,
  checkBelowThreshold,
  checkEquityStatement,
  checkBudgetShare,
} from '../compensation/index.js';
export type { StageBand, BudgetShare, BudgetShareInput, CashThreshold, CashThresholdInput } from '../compensation/index.js';
