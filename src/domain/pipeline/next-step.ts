import type { Clock } from './clocks.js';
import { formatDays, wholeDays } from './day-count.js';
import { nextActionForClock } from './next-action.js';
import { HOUR_MS, toEpochMs, type Instant } from './time.js';

/**
 * The one next step of an application on the path from candidate to signed offer (issue 9): schedule, hold the
 * interview, chase a scorecard, decide, draft the offer, send it for approval, chase the approver, extend it,
 * record the answer, or nothing. Pure: the server gathers the facts, the web shows the words and one button.
 */
export const NEXT_STEP_KINDS = [
  'schedule',
  'hold-interview',
  'write-scorecard',
  'chase-scorecard',
  'decide',
  'draft-offer',
  'submit-offer',
  'revise-offer',
  'approve-offer',
  'chase-approver',
  'extend-offer',
  'record-answer',
  'with-hiring-team',
  'none',
] as const;
export type NextStepKind = (typeof NEXT_STEP_KINDS)[number];

/** Where the step's button goes: the candidate page's interviews, a scorecard, the decision view, the offer builder or an offer. */
export const NEXT_STEP_TARGETS = ['interviews', 'scorecard', 'decision', 'offer-builder', 'offer'] as const;
export type NextStepTarget = (typeof NEXT_STEP_TARGETS)[number];

export interface NextStepAction {
  label: string;
  target: NextStepTarget;
  interviewId?: string;
  offerId?: string;
}

export interface NextStep {
  kind: NextStepKind;
  /** The step in plain words: "Chase Dana Reyes for the approval". */
  title: string;
  /** Why, and how urgent: "Approver Dana Reyes has had it for 51 h: get the decision today". */
  detail: string;
  /** The people the step is about (whom to chase), by id and name. */
  people: Array<{ id: string; name: string }>;
  /** The state of the clock behind the step, when one runs. */
  urgency: 'ok' | 'warning' | 'critical' | null;
  /** The one button: what it does or where it goes. Null when there is nothing to do. */
  action: NextStepAction | null;
}

export interface NextStepInterview {
  id: string;
  kind: string;
  status: 'scheduled' | 'completed' | 'cancelled';
  scheduledAt: string;
  completedAt: string | null;
  final: boolean;
  interviewerIds: readonly string[];
}

export interface NextStepOffer {
  id: string;
  status: 'draft' | 'pending-approval' | 'approved' | 'extended' | 'accepted' | 'declined' | 'expired' | 'withdrawn';
  createdAt: string;
  /** Whether the current version lies inside the role's board-approved band (approved at once when sent). */
  insideBand: boolean;
  /** The current version's approval. */
  approvalStatus: 'none' | 'pending' | 'approved' | 'rejected' | 'superseded';
  /** Who may decide now. */
  awaiting: readonly string[];
  submittedAt: string | null;
  extendedAt: string | null;
  expiresAt: string | null;
}

export interface NextStepInput {
  status: 'active' | 'hired' | 'lost' | 'withdrawn';
  candidateName: string;
  /** The application stands at the role's offer stage: the team has decided to make an offer. */
  atOfferStage: boolean;
  interviews: readonly NextStepInterview[];
  /** Submitted scorecards, by interview and interviewer. */
  submittedScorecards: ReadonlyArray<{ interviewId: string; interviewerId: string }>;
  offers: readonly NextStepOffer[];
  /** The application's clocks (for how late a step is, in the company's hours). */
  clocks?: readonly Clock[];
  /** Display names by user id. */
  people?: Readonly<Record<string, string>>;
  /** Who asks: their own scorecard or approval comes first, and without `seesOffers` offers and pay are never mentioned. */
  viewer: { id: string; seesOffers: boolean };
  now: Instant;
}

const OPEN_OFFER: ReadonlySet<NextStepOffer['status']> = new Set(['draft', 'pending-approval', 'approved', 'extended']);

/** Steps that speak of the decision, offers or pay: a viewer who may not see offers gets one neutral line instead. */
const HIRING_TEAM_STEPS: ReadonlySet<NextStepKind> = new Set(['decide', 'draft-offer', 'submit-offer', 'revise-offer', 'approve-offer', 'chase-approver', 'extend-offer', 'record-answer']);

const HIRING_TEAM: NextStep = {
  kind: 'with-hiring-team',
  title: 'With the hiring team',
  detail: 'The hiring manager and recruiter take the next step.',
  people: [],
  urgency: null,
  action: null,
};

function kindWords(kind: string): string {
  return kind.replace(/-/g, ' ');
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** A span of time in words: "5 h" under a day, else whole days by the one day-count rule ("2 days"). */
function span(ms: number): string {
  const hours = Math.max(0, ms) / HOUR_MS;
  if (hours < 1) return 'less than an hour';
  if (hours < 24) return `${Math.floor(hours)} h`;
  return formatDays(wholeDays(hours));
}

function urgencyOf(clock: Clock | undefined): NextStep['urgency'] {
  return clock && clock.state !== 'stopped' ? clock.state : null;
}

function running(clocks: readonly Clock[], id: Clock['id'], match: (c: Clock) => boolean = () => true): Clock | undefined {
  return clocks.filter((c) => c.id === id && c.state !== 'stopped' && match(c)).sort((a, b) => b.elapsedHours - a.elapsedHours)[0];
}

/**
 * The one next step of an application, in plain words, with the button that does it or goes where it is done.
 * @example nextStep({ status: 'active', interviews: [], offers: [], ... }).title // 'Schedule the first interview with Ada Park'
 */
export function nextStep(input: NextStepInput): NextStep {
  const step = fullNextStep(input);
  return !input.viewer.seesOffers && HIRING_TEAM_STEPS.has(step.kind) ? HIRING_TEAM : step;
}

function fullNextStep(input: NextStepInput): NextStep {
  const now = toEpochMs(input.now);
  const who = input.candidateName;
  const people = input.people ?? {};
  const clocks = input.clocks ?? [];
  const nameOf = (id: string) => people[id] ?? 'a colleague';
  const person = (id: string) => ({ id, name: nameOf(id) });
  const since = (iso: string) => span(now - Date.parse(iso));

  if (input.status === 'hired') return { kind: 'none', title: `${who} is hired`, detail: 'Nothing is left to do on this application.', people: [], urgency: null, action: null };
  if (input.status === 'lost') return { kind: 'none', title: 'Closed: not hired', detail: 'Nothing is left to do. Move it back to a stage to reopen it.', people: [], urgency: null, action: null };
  if (input.status === 'withdrawn') return { kind: 'none', title: `${who} withdrew`, detail: 'Nothing is left to do. Move it back to a stage to reopen it.', people: [], urgency: null, action: null };

  const afterFinal = running(clocks, 'offer.after-final');
  const afterFinalText = afterFinal ? `${nextActionForClock(afterFinal, { candidateName: who, people })}.` : '';
  const offers = [...input.offers].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  const open = offers.find((o) => OPEN_OFFER.has(o.status));

  if (open) {
    const go = (label: string): NextStepAction => ({ label, target: 'offer', offerId: open.id });
    switch (open.status) {
      case 'extended': {
        const expires = open.expiresAt ? Date.parse(open.expiresAt) : undefined;
        const detail =
          expires === undefined
            ? `The offer is with ${who}${open.extendedAt ? ` since ${since(open.extendedAt)} ago` : ''}. Record whether they accepted or declined.`
            : expires > now
              ? `The offer is with ${who} and expires in ${span(expires - now)}. Record the answer when it comes.`
              : `The offer's deadline passed ${span(now - expires)} ago. Record the answer if it came in time, or revise the offer.`;
        return { kind: 'record-answer', title: `Record ${who}'s answer`, detail, people: [], urgency: null, action: go('Record the answer') };
      }
      case 'approved':
        return {
          kind: 'extend-offer',
          title: `Extend the offer to ${who}`,
          detail: `It is approved: send it to ${who} and mark it extended. ${afterFinalText}`.trim(),
          people: [],
          urgency: urgencyOf(afterFinal),
          action: go('Extend the offer'),
        };
      case 'pending-approval': {
        const awaiting = open.awaiting.map(person);
        const clock = running(clocks, 'approval.pending', (c) => !c.subject?.offerId || c.subject.offerId === open.id);
        const waited = clock ? nextActionForClock(clock, { candidateName: who, people }) : open.submittedAt ? `Waiting ${since(open.submittedAt)} for ${joinNames(awaiting.map((p) => p.name)) || 'the approvers'}` : undefined;
        if (open.awaiting.includes(input.viewer.id)) {
          return {
            kind: 'approve-offer',
            title: `Approve or reject the offer to ${who}`,
            detail: `Your decision is needed${open.submittedAt ? `: it was sent for approval ${since(open.submittedAt)} ago` : ''}.`,
            people: [person(input.viewer.id)],
            urgency: urgencyOf(clock),
            action: go('Review the offer'),
          };
        }
        return {
          kind: 'chase-approver',
          title: awaiting.length > 0 ? `Chase ${joinNames(awaiting.map((p) => p.name))} for the approval` : 'Chase the approval',
          detail: `${waited ?? 'The offer waits for approval'}.`,
          people: awaiting,
          urgency: urgencyOf(clock),
          action: go('Open the offer'),
        };
      }
      case 'draft':
        if (open.approvalStatus === 'rejected') {
          return {
            kind: 'revise-offer',
            title: 'Revise the offer',
            detail: 'An approver rejected this version: change the terms (a new version) and send it for approval again.',
            people: [],
            urgency: urgencyOf(afterFinal),
            action: go('Revise the offer'),
          };
        }
        return {
          kind: 'submit-offer',
          title: 'Send the offer for approval',
          detail: `${open.insideBand ? "It is inside the role's board-approved band, so it is approved as soon as you send it." : "It is outside the role's board-approved band: the approvers decide, and the approval clock starts when you send it."} ${afterFinalText}`.trim(),
          people: [],
          urgency: urgencyOf(afterFinal),
          action: go('Send for approval'),
        };
      default:
        break;
    }
  }

  const draft = (detail: string): NextStep => ({
    kind: 'draft-offer',
    title: `Draft the offer for ${who}`,
    detail: `${detail} ${afterFinalText}`.trim(),
    people: [],
    urgency: urgencyOf(afterFinal),
    action: { label: 'Draft offer', target: 'offer-builder' },
  });
  const last = offers[0];
  if (last && (last.status === 'declined' || last.status === 'expired' || last.status === 'withdrawn')) {
    const words = { declined: `${who} declined the last offer`, expired: 'The last offer expired', withdrawn: 'The last offer was withdrawn' }[last.status];
    return draft(`${words}: draft a new one, or close the application.`);
  }
  if (input.atOfferStage) return draft("The team decided to make an offer: draft it from the role's band.");

  const interviews = input.interviews.filter((i) => i.status !== 'cancelled');
  const submitted = new Set(input.submittedScorecards.map((s) => `${s.interviewId}|${s.interviewerId}`));
  const completed = interviews.filter((i) => i.status === 'completed');
  const owed = completed.flatMap((i) => i.interviewerIds.filter((u) => !submitted.has(`${i.id}|${u}`)).map((u) => ({ interview: i, interviewerId: u })));
  const interviewNames = Object.fromEntries(input.interviews.map((i) => [i.id, `the ${kindWords(i.kind)}`]));

  const mine = owed.find((o) => o.interviewerId === input.viewer.id);
  if (mine) {
    const clock = running(clocks, 'scorecard.due', (c) => c.subject?.interviewId === mine.interview.id && c.subject?.interviewerId === input.viewer.id);
    return {
      kind: 'write-scorecard',
      title: `Submit your scorecard for the ${kindWords(mine.interview.kind)}`,
      detail: `${mine.interview.completedAt ? `It was held ${since(mine.interview.completedAt)} ago` : 'It was held'}${clock ? `; scorecards are due within ${span(clock.targetHours * HOUR_MS)} of the interview` : ''}.`,
      people: [person(input.viewer.id)],
      urgency: urgencyOf(clock),
      action: { label: 'Write your scorecard', target: 'scorecard', interviewId: mine.interview.id },
    };
  }
  if (owed.length > 0) {
    const ids = [...new Set(owed.map((o) => o.interviewerId))];
    const clock = running(clocks, 'scorecard.due', (c) => c.subject?.interviewerId !== undefined && ids.includes(c.subject.interviewerId));
    const names = ids.map(nameOf);
    const first = owed[0]!;
    const fallback = `${nameOf(first.interviewerId)} owes the scorecard for the ${kindWords(first.interview.kind)}${first.interview.completedAt ? `, held ${since(first.interview.completedAt)} ago` : ''}`;
    return {
      kind: 'chase-scorecard',
      title: names.length === 1 ? `Chase ${names[0]}'s scorecard` : `Chase the scorecards of ${joinNames(names)}`,
      detail: `${clock ? nextActionForClock(clock, { candidateName: who, people, interviews: interviewNames }) : fallback}.`,
      people: ids.map(person),
      urgency: urgencyOf(clock),
      action: { label: 'Open the interviews', target: 'interviews' },
    };
  }

  const scheduled = interviews.filter((i) => i.status === 'scheduled').sort((a, b) => Date.parse(a.scheduledAt) - Date.parse(b.scheduledAt));
  const next = scheduled[0];
  if (next) {
    const at = Date.parse(next.scheduledAt);
    const withWhom = joinNames(next.interviewerIds.map(nameOf));
    return at > now
      ? {
          kind: 'hold-interview',
          title: `Hold the ${kindWords(next.kind)} in ${span(at - now)}`,
          detail: `With ${withWhom}. Mark it held afterwards, so the scorecards fall due.`,
          people: next.interviewerIds.map(person),
          urgency: null,
          action: { label: 'Open the interviews', target: 'interviews' },
        }
      : {
          kind: 'hold-interview',
          title: `Mark the ${kindWords(next.kind)} as held`,
          detail: `It was scheduled ${span(now - at)} ago with ${withWhom}. Mark it held so the scorecards fall due, or reschedule it.`,
          people: next.interviewerIds.map(person),
          urgency: null,
          action: { label: 'Open the interviews', target: 'interviews' },
        };
  }

  const cards = input.submittedScorecards.filter((s) => completed.some((i) => i.id === s.interviewId)).length;
  if (completed.some((i) => i.final)) {
    return {
      kind: 'decide',
      title: `Decide on ${who}`,
      detail: `The final interview is done and all ${cards} scorecard${cards === 1 ? ' is' : 's are'} in. ${afterFinalText}`.trim(),
      people: [],
      urgency: urgencyOf(afterFinal),
      action: { label: 'Open the decision view', target: 'decision' },
    };
  }
  if (completed.length > 0) {
    return {
      kind: 'schedule',
      title: 'Schedule the next interview',
      detail: `${completed.length} interview${completed.length === 1 ? '' : 's'} held and every scorecard is in. Schedule the next one (mark the last one final), or decide now in the decision view.`,
      people: [],
      urgency: null,
      action: { label: 'Schedule an interview', target: 'interviews' },
    };
  }
  return {
    kind: 'schedule',
    title: `Schedule the first interview with ${who}`,
    detail: 'Nothing is scheduled yet: book the first conversation.',
    people: [],
    urgency: null,
    action: { label: 'Schedule an interview', target: 'interviews' },
  };
}
