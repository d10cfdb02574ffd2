// The pipeline's fixed lists, in a module without zod or data files: the web imports them (through
// src/api/constants.ts) on its first load. The schemas that check them are in events.ts, clock-settings.ts and
// source-mix.ts, which re-export these.

export const CANDIDATE_SOURCES = ['referral', 'vc-introduction', 'outbound', 'inbound', 'event', 'community', 'other'] as const;
export type CandidateSource = (typeof CANDIDATE_SOURCES)[number];

export const CLOCK_IDS = ['cycle.total', 'offer.after-final', 'approval.pending', 'reply.to-candidate', 'scorecard.due', 'stage.idle'] as const;
export type ClockId = (typeof CLOCK_IDS)[number];

export const OUTREACH_CHANNELS = ['email', 'linkedin', 'github', 'x', 'phone', 'message', 'in-person', 'other'] as const;
export const LOGGED_SIGNALS = ['accelerate-request', 'equity-questions', 'ceo-call-request', 'logistics-focus', 'competing-offer'] as const;
export type LoggedSignal = (typeof LOGGED_SIGNALS)[number];
export const LOSS_REASONS = [
  'accepted-other-offer',
  'compensation',
  'equity',
  'process-too-slow',
  'approval-delay',
  'role-fit',
  'location',
  'not-selected',
  'unresponsive',
  'other',
] as const;
export type LossReason = (typeof LOSS_REASONS)[number];
