import { ICS_PRODUCT_ID, writeIcs, type IcsCalendar, type IcsEvent, type IcsPerson } from './ics.js';
import type { InterviewStatus } from './interview.js';

/** What an invite may say about an interview. Nothing here carries pay: the type has no field for it. */
export interface InviteInterview {
  id: string;
  kind: string;
  status: InterviewStatus;
  scheduledAt: string;
  durationMinutes: number;
  /** The record's version: every change raises it, and SEQUENCE follows it. */
  version: number;
  updatedAt: string;
  final: boolean;
  location: string | null;
  /** Internal: only in interviewers' invites. */
  notes: string;
  /** Internal: only in interviewers' invites. */
  stageName: string | null;
  /** Internal: the attributes this interview covers, only in interviewers' invites. */
  focus: ReadonlyArray<{ name: string }>;
  interviewers: readonly IcsPerson[];
}

/** Who and what the invite is about, beside the interview itself. */
export interface InviteContext {
  companyName: string;
  roleTitle: string;
  candidate: IcsPerson;
  /** Who sends the invite and receives the replies: the person who scheduled the interview. */
  organizer: IcsPerson;
  /** Link to the interviewer's scorecard, when the company's app URL is known. */
  scorecardUrl?: string;
}

export type InviteAudience = { kind: 'interviewer'; interviewer: IcsPerson } | { kind: 'candidate' };

/** "technical-screen" -> "Technical screen". */
export function interviewKindName(kind: string): string {
  const words = kind.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The calendar UID of an interview for one audience. The team's copy and the candidate's copy differ (the
 * candidate's has no internal notes), so they are separate calendar objects: a recruiter who imports both keeps
 * both. Each stays the same through every change of the interview.
 */
export function inviteUid(interviewId: string, audience: InviteAudience['kind']): string {
  return audience === 'candidate' ? `interview-${interviewId}-candidate@closer` : `interview-${interviewId}@closer`;
}

function timing(i: InviteInterview): Pick<IcsEvent, 'start' | 'end' | 'stamp' | 'sequence' | 'status'> {
  const start = new Date(i.scheduledAt);
  return {
    start,
    end: new Date(start.getTime() + i.durationMinutes * 60_000),
    stamp: new Date(i.updatedAt),
    // Version 1 is the first invite (SEQUENCE 0); every change of the record raises both.
    sequence: Math.max(0, i.version - 1),
    status: i.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
  };
}

/**
 * One interview as a calendar event for one person. An interviewer's copy has the stage, the attributes to cover,
 * the internal notes and a link to the scorecard; the candidate's copy has only what a candidate should read: the
 * company, the role, the kind of interview, who they meet, where and when.
 */
export function inviteEvent(i: InviteInterview, ctx: InviteContext, audience: InviteAudience): IcsEvent {
  const kind = interviewKindName(i.kind);
  const names = i.interviewers.map((p) => p.name).join(', ');
  const cancelled = i.status === 'cancelled';
  const base = { ...timing(i), organizer: ctx.organizer, ...(i.location ? { location: i.location } : {}) };
  if (audience.kind === 'candidate') {
    const lines = [
      `${kind} for the ${ctx.roleTitle} role at ${ctx.companyName}.`,
      names ? `You will meet: ${names}.` : '',
      i.location ? `Where: ${i.location}` : '',
      cancelled ? 'This interview is cancelled.' : `Questions or a clash? Reply to ${ctx.organizer.name}.`,
    ];
    return {
      ...base,
      uid: inviteUid(i.id, 'candidate'),
      summary: `${cancelled ? 'Cancelled: ' : ''}${kind} with ${ctx.companyName}`,
      description: lines.filter(Boolean).join('\n'),
      attendees: [{ ...ctx.candidate, role: 'REQ-PARTICIPANT', partstat: 'NEEDS-ACTION', rsvp: true }],
    };
  }
  const lines = [
    `${kind} with ${ctx.candidate.name} for ${ctx.roleTitle}${i.final ? ' (final interview)' : ''}.`,
    i.stageName ? `Stage: ${i.stageName}` : '',
    i.focus.length ? `Cover: ${i.focus.map((a) => a.name).join('; ')}` : '',
    names ? `Interviewers: ${names}` : '',
    i.notes.trim() ? `Notes: ${i.notes.trim()}` : '',
    cancelled ? 'This interview is cancelled.' : `Scorecard due within 24 hours${ctx.scorecardUrl ? `: ${ctx.scorecardUrl}` : ' (Closer, Interviews).'}`,
  ];
  return {
    ...base,
    uid: inviteUid(i.id, 'interviewer'),
    summary: `${cancelled ? 'Cancelled: ' : ''}${kind}: ${ctx.candidate.name} (${ctx.roleTitle})`,
    description: lines.filter(Boolean).join('\n'),
    // Only the person the invite is for: colleagues' e-mail addresses are not every interviewer's to read.
    attendees: [{ ...audience.interviewer, role: 'REQ-PARTICIPANT', partstat: 'NEEDS-ACTION', rsvp: true }],
  };
}

/**
 * The iCalendar object for some events: METHOD:CANCEL when every event is cancelled (RFC 5546 3.2.5, which
 * calendars apply as a cancellation), METHOD:REQUEST otherwise; cancelled events inside a request keep
 * STATUS:CANCELLED.
 */
export function inviteCalendar(events: readonly IcsEvent[]): IcsCalendar {
  const allCancelled = events.length > 0 && events.every((e) => e.status === 'CANCELLED');
  return { method: allCancelled ? 'CANCEL' : 'REQUEST', prodId: ICS_PRODUCT_ID, events };
}

/** The .ics text of one or more interviews for one audience, in start order. */
export function writeInvite(interviews: readonly InviteInterview[], ctxOf: (i: InviteInterview) => InviteContext, audience: InviteAudience): string {
  const events = [...interviews]
    .sort((a, b) => (a.scheduledAt < b.scheduledAt ? -1 : a.scheduledAt > b.scheduledAt ? 1 : a.id < b.id ? -1 : 1))
    .map((i) => inviteEvent(i, ctxOf(i), audience));
  return writeIcs(inviteCalendar(events));
}
