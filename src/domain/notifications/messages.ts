import type { Clock } from '../pipeline/clocks.js';
import { formatClockTime } from '../pipeline/clock-text.js';
import type { NotificationKind } from './notifications.js';

/** A notification's text: a title, a body with the one next action, and a link into the app. No pay figures ever. */
export interface NotificationMessage {
  kind: NotificationKind;
  title: string;
  body: string;
  /** Path in the web app, e.g. /applications/123. */
  link: string;
}

const CLOCK_NAMES: Record<string, string> = {
  'cycle.total': 'Hiring cycle',
  'offer.after-final': 'Offer after the final interview',
  'approval.pending': 'Offer approval',
  'reply.to-candidate': 'Reply to the candidate',
  'scorecard.due': 'Scorecard',
  'stage.idle': 'No activity',
};

/**
 * The message for a breached clock: which clock, for whom, how long it has run (in the clock's own unit and whole
 * days, as every page shows it: docs/pipeline.md "Day counts"), and the next action.
 */
export function clockMessage(input: {
  clock: Pick<Clock, 'id' | 'elapsedHours' | 'targetHours' | 'dayHours' | 'basis'>;
  level: 'warning' | 'critical';
  candidateName: string;
  roleTitle: string;
  action: string;
  applicationId: string;
}): NotificationMessage {
  const name = CLOCK_NAMES[input.clock.id] ?? input.clock.id;
  const scorecard = input.clock.id === 'scorecard.due';
  return {
    kind: scorecard ? 'scorecard.overdue' : input.level === 'critical' ? 'clock.critical' : 'clock.warning',
    title: `${input.level === 'critical' ? 'Critical' : 'Overdue'}: ${name} - ${input.candidateName} (${input.roleTitle})`,
    body: `${name} has run ${formatClockTime(input.clock.elapsedHours, input.clock)}. Next: ${input.action}`,
    link: scorecard ? `/interviews?application=${encodeURIComponent(input.applicationId)}` : `/applications/${encodeURIComponent(input.applicationId)}`,
  };
}

/** The message for a high or critical flight risk, with its reasons and the most urgent action. */
export function riskMessage(input: {
  level: 'high' | 'critical';
  score: number;
  candidateName: string;
  roleTitle: string;
  signals: readonly string[];
  action: string;
  applicationId: string;
}): NotificationMessage {
  return {
    kind: input.level === 'critical' ? 'risk.critical' : 'risk.high',
    title: `${input.level === 'critical' ? 'Critical' : 'High'} flight risk: ${input.candidateName} (${input.roleTitle})`,
    body: `Risk ${Math.round(input.score * 100)}% from ${input.signals.join(', ') || 'signals'}. Next: ${input.action}`,
    link: `/applications/${encodeURIComponent(input.applicationId)}`,
  };
}

export function approvalRequestMessage(input: { candidateName: string; roleTitle: string; requestedBy: string; offerId: string; reasons: readonly string[] }): NotificationMessage {
  return {
    kind: 'approval.requested',
    title: `Approve the offer for ${input.candidateName} (${input.roleTitle})`,
    body: `${input.requestedBy} asks for your approval${input.reasons.length ? `: ${input.reasons.join(' ')}` : '.'} Decide within 48 h: candidates are lost to approval delays.`,
    link: `/offers/${encodeURIComponent(input.offerId)}`,
  };
}

export function offerDecidedMessage(input: { decision: 'approved' | 'rejected'; candidateName: string; roleTitle: string; approverName: string | null; offerId: string }): NotificationMessage {
  const who = input.approverName ? ` by ${input.approverName}` : ' (inside the approved band)';
  return {
    kind: input.decision === 'approved' ? 'offer.approved' : 'offer.rejected',
    title: `Offer ${input.decision}${who}: ${input.candidateName} (${input.roleTitle})`,
    body: input.decision === 'approved' ? 'Next: extend the offer to the candidate today.' : 'Next: revise the offer and send it for approval again.',
    link: `/offers/${encodeURIComponent(input.offerId)}`,
  };
}

/** One e-mail with the day's notifications, most recent first. */
export function digestMessage(input: { userName: string; items: ReadonlyArray<{ title: string; body: string; link: string }>; baseUrl: string }): { subject: string; text: string } {
  const lines = input.items.map((i) => `- ${i.title}\n  ${i.body}\n  ${input.baseUrl}${i.link}`);
  return {
    subject: `Closer: ${input.items.length} update${input.items.length === 1 ? '' : 's'} for today`,
    text: `Hello ${input.userName},\n\n${lines.join('\n\n')}\n`,
  };
}
