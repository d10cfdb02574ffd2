import type { BadgeTone } from '../components/Badge.js';
import type { CandidateSource, Clock, ClockId, ClockState, LoggedSignal, LossReason, PipelineEvent, RiskLevel, Role } from '../api/pipeline.js';
import { formatClockTime } from '../../domain/pipeline/clock-text.js';
import { formatDays, wholeDays } from '../../domain/pipeline/day-count.js';
import { LOSS_REASON_LABELS, OUTCOME_LABELS } from './record-labels.js';

/** Words for the pipeline's ids, shared by Today, the board and the candidate page. */
export const SOURCE_LABELS: Record<CandidateSource, string> = {
  referral: 'Referral',
  'vc-introduction': 'VC introduction',
  outbound: 'Outbound',
  inbound: 'Inbound',
  event: 'Event',
  community: 'Community',
  other: 'Other',
};

export const SIGNAL_LABELS: Record<string, string> = {
  'accelerate-request': 'Asked to speed up',
  'equity-questions': 'Detailed equity questions',
  'ceo-call-request': 'Asked for a founder call',
  'logistics-focus': 'Asks only about logistics',
  'competing-offer': 'Mentioned another offer',
  'engagement-falling': 'Slower, shorter replies',
  'approval-delay': 'Approval delayed past 48 h',
  'process-too-long': 'Process longer than 3 weeks',
};

/** The signals a person logs, with the hint shown in the "Log a signal" menu. */
export const LOGGED_SIGNAL_MENU: ReadonlyArray<{ signal: LoggedSignal; label: string; hint: string }> = [
  { signal: 'accelerate-request', label: 'Asked to speed up', hint: 'wants to compress the timeline' },
  { signal: 'competing-offer', label: 'Mentioned another offer', hint: 'has or expects a competing offer' },
  { signal: 'ceo-call-request', label: 'Asked for a founder call', hint: 'outside the planned loop' },
  { signal: 'equity-questions', label: 'Asked about vesting or liquidity', hint: 'cliff, vesting, secondary' },
  { signal: 'logistics-focus', label: 'Asks only about logistics', hint: 'start date, remote, benefits' },
];

export const CLOCK_LABELS: Record<ClockId, string> = {
  'cycle.total': 'Time since first contact',
  'offer.after-final': 'Offer after the final interview',
  'approval.pending': 'Offer approval',
  'reply.to-candidate': 'Reply to the candidate',
  'scorecard.due': 'Scorecard due',
  'stage.idle': 'No activity',
};

export const CLOCK_STATE_LABELS: Record<ClockState, string> = { ok: 'On time', warning: 'Warning', critical: 'Critical', stopped: 'Stopped' };

export function clockStateTone(state: ClockState): BadgeTone {
  return state === 'critical' ? 'critical' : state === 'warning' ? 'warning' : state === 'ok' ? 'success' : 'neutral';
}

export const RISK_LABELS: Record<RiskLevel, string> = { low: 'Low risk', medium: 'Medium risk', high: 'High risk', critical: 'Critical risk' };

export function riskTone(level: RiskLevel): BadgeTone {
  return level === 'critical' ? 'critical' : level === 'high' ? 'accent' : level === 'medium' ? 'warning' : 'neutral';
}

/**
 * "51 h" or "3 days". With its clock, a time reads in that clock's own unit and basis (`formatClockTime`: whole days
 * for the cycle and idle clocks, hours for the 24-48 h ones). Without one: hours under two days, whole days above,
 * the first day being day 0 (docs/pipeline.md "Day counts"), so no page shows "3.5 days" where another shows "3 days".
 */
export function formatDuration(hours: number, clock?: Pick<Clock, 'id' | 'targetHours' | 'dayHours' | 'basis'>): string {
  if (clock) return formatClockTime(hours, clock);
  if (hours < 48) return `${Math.max(0, Math.floor(hours))} h`;
  return formatDays(wholeDays(hours));
}

const EVENT_LABELS: Record<string, string> = {
  'outreach.sent': 'Outreach sent',
  'candidate.replied': 'Candidate replied',
  'team.replied': 'Team replied',
  'application.received': 'Application received',
  'stage.changed': 'Stage changed',
  'interview.scheduled': 'Interview scheduled',
  'interview.completed': 'Interview completed',
  'scorecard.submitted': 'Scorecard submitted',
  'offer.drafted': 'Offer drafted',
  'offer.approval-requested': 'Offer sent for approval',
  'offer.approved': 'Offer approved',
  'offer.rejected': 'Offer rejected by the approver',
  'offer.extended': 'Offer extended',
  'offer.accepted': 'Offer accepted',
  'offer.declined': 'Offer declined',
  'candidate.withdrew': 'Candidate withdrew',
  'signal.observed': 'Signal logged',
  note: 'Note',
  'application.closed': 'Application closed',
  'application.reopened': 'Application reopened',
};

/** One line for a timeline entry: "Stage changed: screen → technical", "Signal logged: Mentioned another offer". */
export function describeEvent(event: Pick<PipelineEvent, 'type' | 'data'>, stageName: (id: string) => string = (id) => id): string {
  const label = EVENT_LABELS[event.type] ?? event.type;
  const d = event.data;
  const text = (key: string) => (typeof d[key] === 'string' ? (d[key] as string) : undefined);
  switch (event.type) {
    case 'stage.changed':
      return `${label}: ${stageName(text('from') ?? '?')} → ${stageName(text('to') ?? '?')}`;
    case 'signal.observed': {
      const signal = text('signal');
      const base = `${label}: ${signal ? (SIGNAL_LABELS[signal] ?? signal) : 'unknown'}`;
      const deadline = text('deadline');
      return deadline ? `${base} (deadline ${deadline})` : base;
    }
    case 'outreach.sent':
      return text('channel') ? `${label} (${text('channel')})` : label;
    case 'application.received':
      return text('source') ? `${label} (${SOURCE_LABELS[text('source') as CandidateSource] ?? text('source')})` : label;
    case 'interview.completed':
      return d.final === true ? `${label} (final)` : label;
    case 'application.closed': {
      const status = text('status');
      const reason = text('lossReason');
      const outcome = status ? (OUTCOME_LABELS[status as keyof typeof OUTCOME_LABELS] ?? status).toLowerCase() : '';
      const why = reason ? ` (${LOSS_REASON_LABELS[reason as LossReason] ?? reason.replaceAll('-', ' ')})` : '';
      return `${label}: ${outcome}${why}${text('note') ? `. ${text('note')}` : ''}`;
    }
    case 'application.reopened':
      return `${label} at ${stageName(text('stage') ?? '?')}${text('note') ? `. ${text('note')}` : ''}`;
    case 'note':
      return `${label}: ${text('text') ?? ''}`;
    case 'candidate.withdrew':
      return text('reason') ? `${label}: ${text('reason')}` : label;
    default:
      return label;
  }
}

/** A stage's name in the role's plan, or its id when the plan no longer has it. */
export function stageName(role: Pick<Role, 'processPlan'> | undefined, stage: string): string {
  return role?.processPlan.stages.find((s) => s.id === stage)?.name ?? stage;
}
