// The fast pipeline: events, clocks, flight risk, Today, source mix and duplicates. Pure, browser-safe;
// time is always passed in. Decisions: docs/pipeline.md.
export {
  CLOCK_SKEW_TOLERANCE_MS,
  CLOSE_STATUSES,
  EVENT_DATA_SCHEMAS,
  EVENT_TYPES,
  EventInputBody,
  LOGGED_SIGNALS,
  LOSS_REASONS,
  OUTREACH_CHANNELS,
  isEventType,
  parseEventInput,
  safeParseEventInput,
} from './events.js';
export type {
  ApplicationEvent,
  CloseStatus,
  EventData,
  EventInput,
  EventType,
  LoggedSignal,
  LossReason,
  OutreachChannel,
  TimedEvent,
} from './events.js';

export { CLOCK_IDS, ClockSettingsOverride, DEFAULT_CLOCK_SETTINGS, effectiveTarget, resolveClockSettings } from './clock-settings.js';
export type { ClockId, ClockSettings, ClockTarget, EffectiveTarget, HoursSetting } from './clock-settings.js';
export { businessDayHours, businessHoursBetween, zonedTimeToUtc } from './business-hours.js';
export type { BusinessHours } from './business-hours.js';
export { computeClocks, isListedClock, isNewApplicant } from './clocks.js';
export type { Clock, ClockState, ClockSubject } from './clocks.js';

export {
  DEFAULT_RISK_SETTINGS,
  DETECTED_SIGNALS,
  RiskSettingsOverride,
  SIGNAL_TYPES,
  combineContributions,
  computeRisk,
  decayFactor,
  isEngagementFalling,
  resolveRiskSettings,
  riskLevel,
} from './risk.js';
export type { RiskAction, RiskAssessment, RiskLevel, RiskLevels, RiskSettings, RiskSignal, SignalType } from './risk.js';

export { clockDays, formatDays, wholeDays } from './day-count.js';
export { countsInDays, daysSinceFirstContact, describeFirstContact, formatClockTime, shortFirstContact } from './clock-text.js';
export type { FirstContactCount } from './clock-text.js';
export { nextActionForClock } from './next-action.js';
export { NEXT_STEP_KINDS, NEXT_STEP_TARGETS, nextStep } from './next-step.js';
export type { NextStep, NextStepAction, NextStepInput, NextStepInterview, NextStepKind, NextStepOffer, NextStepTarget } from './next-step.js';
export type { NextActionContext } from './next-action.js';
export { buildTodayItems, compareTodayItems, fillClockAction } from './today.js';
export type { TodayApplication, TodayItem } from './today.js';
export {
  TODAY_REASONS,
  TODAY_SCOPES,
  assigneeWhoCanAct,
  awaitedApprovers,
  mayViewAllToday,
  responsibleFor,
  roleWorkReason,
  todayReasons,
} from './audience.js';
export type { RoleAssignees, TodayAudienceContext, TodayReason, TodayScope, TodayViewer } from './audience.js';
export { UNDO_WINDOW_MS, firstName, interviewName, todayActionFor, todayItemName, todayItemNameOf, todayReasonText, utcDay } from './today-actions.js';
export type { TodayAction, TodayLinkAction, TodayRecordAction, TodayWords } from './today-actions.js';
export { buildTodayCards, buildTodayCardsPage } from './today-cards.js';
export type { TodayCard, TodayCardContext, TodayCardItem, TodayCardsPage } from './today-cards.js';
export { summarizeApplication, summarizeEpochEvents } from './summary.js';
export type { ApplicationSummary, BoardCard, PipelineSettings } from './summary.js';
export type { ApplicationStatus, PreparedEvent } from './history.js';
export { RETRACTION, TYPES_WITH_DATA_READ, retractedIds, withoutRetracted } from './history.js';
export { projectApplication } from './application-view.js';
export type { ApplicationView, StoredTimedEvent } from './application-view.js';
export { companyPipelineSettings, roleClockSettings, withZone } from './company-settings.js';

export { CANDIDATE_SOURCES, DEFAULT_SOURCING_SETTINGS, isCandidateSource, sourceMix } from './source-mix.js';
export type { CandidateSource, Finding, SourceMix, SourcingSettings } from './source-mix.js';
export {
  DEFAULT_DUPLICATE_SETTINGS,
  editDistance,
  findDuplicateCandidates,
  normalizeEmail,
  normalizeEmployer,
  normalizeName,
} from './duplicates.js';
export type { CandidateIdentity, DuplicateMatch, DuplicateReason, DuplicateSettings } from './duplicates.js';
export { emptyPipelineState, foldPipelineState, foldsInOrder, readState, stepPipelineState } from './fold.js';
export type { PipelineState } from './fold.js';
export { attentionAt, nextChangeAt, projectHistory, projectNextEvent, projectState, todayClockRankOfRow, todayRiskOfRow, todayRiskRankOfRow, todayRows } from './projection.js';
export type { PipelineProjection, TodayRiskInputs, TodayRow } from './projection.js';
export { summaryFromState } from './summary.js';
