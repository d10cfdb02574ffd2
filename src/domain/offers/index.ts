// Offers: the versioned lifecycle, the band check, approvals, and the candidate-facing summary (PDF and HTML).
// Pure and browser-safe (compensation.md).
export {
  CandidateFinances,
  GRANT_KINDS,
  IncumbentTerms,
  OFFER_ACTIONS,
  OFFER_STATUSES,
  OfferTermsInput,
  TERMINAL_OFFER_STATUSES,
  VestingTerms,
  allowedOfferActions,
  changedTermFields,
  fullyDilutedPct,
  nextOfferStatus,
  parseOfferTerms,
  safeNextOfferStatus,
  safeParseOfferTerms,
} from './offer.js';
export type { GrantKind, OfferAction, OfferStatus, OfferTerms } from './offer.js';
export { checkBand } from './band.js';
export type { BandCheck, RoleBand } from './band.js';
export {
  APPROVAL_DECISIONS,
  APPROVAL_MODES,
  ApprovalSettings,
  DEFAULT_APPROVAL_MODE,
  approvalProgress,
  assertMayDecide,
  safeAssertMayDecide,
} from './approvals.js';
export type { ApprovalDecision, ApprovalMode, ApprovalPlan, ApprovalProgress, ApprovalRecord } from './approvals.js';
export { buildOfferSummary, toVestingInput } from './summary.js';
export type { OfferSummary, OfferSummaryInput } from './summary.js';
export { formatMoney, formatPct, formatShares, offerSummaryFileName, offerSummarySections, renderOfferSummaryHtml, renderOfferSummaryPdf } from './render.js';
export { renderPdf } from './pdf.js';
export type { PdfLine } from './pdf.js';
export { buildEvaluationInput, evaluateOfferVersion } from './evaluation.js';
export { DRAFT_BAND_POINT, buildOfferDraft, sharesForPct } from './draft.js';
export type { DraftFigure, DraftSource, MissingDraftInput, OfferDraft, OfferDraftContext } from './draft.js';
export type { CurrentPay, OfferFinding, StoredEvaluation } from './evaluation.js';
export { changedBandFields, checkApprovalDate, checkBandRanges, stageDefaultBand } from './role-bands.js';
export type { BandApproval, BandRanges, StageDefaultBand } from './role-bands.js';
