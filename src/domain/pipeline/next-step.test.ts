import { describe, expect, it } from 'vitest';
import type { Clock } from './clocks.js';
import { nextStep, type NextStepInput, type NextStepInterview, type NextStepOffer } from './next-step.js';

const NOW = Date.parse('2026-11-02T15:00:00.000Z');
const H = 3_600_000;
const at = (hoursFromNow: number) => new Date(NOW + hoursFromNow * H).toISOString();
const PEOPLE = { u_owner: 'Olive Owner', u_sam: 'Sam Lee', u_dana: 'Dana Reyes', u_ivy: 'Ivy Interviewer' };

function interview(over: Partial<NextStepInterview> = {}): NextStepInterview {
  return { id: 'iv1', kind: 'onsite', status: 'completed', scheduledAt: at(-6), completedAt: at(-5), final: false, interviewerIds: ['u_sam'], ...over };
}

function offer(over: Partial<NextStepOffer> = {}): NextStepOffer {
  return { id: 'of1', status: 'draft', createdAt: at(-3), insideBand: true, approvalStatus: 'none', awaiting: [], submittedAt: null, extendedAt: null, expiresAt: null, ...over };
}

function clock(id: Clock['id'], state: Clock['state'], elapsedHours: number, subject?: Clock['subject']): Clock {
  return { id, state, elapsedHours, targetHours: 24, criticalHours: 48, basis: 'calendar', dayHours: 24, startedAt: at(-elapsedHours), ...(subject ? { subject } : {}) };
}

function input(over: Partial<NextStepInput> = {}): NextStepInput {
  return {
    status: 'active',
    candidateName: 'Ada Park',
    atOfferStage: false,
    interviews: [],
    submittedScorecards: [],
    offers: [],
    clocks: [],
    people: PEOPLE,
    viewer: { id: 'u_owner', seesOffers: true },
    now: NOW,
    ...over,
  };
}

const finalDone = { interviews: [interview({ final: true })], submittedScorecards: [{ interviewId: 'iv1', interviewerId: 'u_sam' }] };

describe('nextStep', () => {
  it.each<{ name: string; over: Partial<NextStepInput>; kind: string; title: string; detail?: string | RegExp; target?: string | null; urgency?: string | null; people?: string[] }>([
    { name: 'no interview yet', over: {}, kind: 'schedule', title: 'Schedule the first interview with Ada Park', target: 'interviews' },
    { name: 'only a cancelled interview', over: { interviews: [interview({ status: 'cancelled', completedAt: null })] }, kind: 'schedule', title: 'Schedule the first interview with Ada Park' },
    {
      name: 'an interview in two days',
      over: { interviews: [interview({ status: 'scheduled', scheduledAt: at(50), completedAt: null, interviewerIds: ['u_sam', 'u_dana'] })] },
      kind: 'hold-interview',
      title: 'Hold the onsite in 2 days',
      detail: 'With Sam Lee and Dana Reyes. Mark it held afterwards, so the scorecards fall due.',
      target: 'interviews',
      people: ['Sam Lee', 'Dana Reyes'],
    },
    {
      name: 'an interview in 3 hours',
      over: { interviews: [interview({ status: 'scheduled', scheduledAt: at(3.5), completedAt: null })] },
      kind: 'hold-interview',
      title: 'Hold the onsite in 3 h',
    },
    {
      name: 'an interview whose time has passed but is not marked held',
      over: { interviews: [interview({ kind: 'technical-screen', status: 'scheduled', scheduledAt: at(-5), completedAt: null })] },
      kind: 'hold-interview',
      title: 'Mark the technical screen as held',
      detail: 'It was scheduled 5 h ago with Sam Lee. Mark it held so the scorecards fall due, or reschedule it.',
    },
    {
      name: 'a scorecard owed, no clock',
      over: { interviews: [interview()] },
      kind: 'chase-scorecard',
      title: "Chase Sam Lee's scorecard",
      detail: 'Sam Lee owes the scorecard for the onsite, held 5 h ago.',
      target: 'interviews',
      people: ['Sam Lee'],
      urgency: null,
    },
    {
      name: 'a scorecard owed and late',
      over: { interviews: [interview({ completedAt: at(-30) })], clocks: [clock('scorecard.due', 'warning', 30, { interviewId: 'iv1', interviewerId: 'u_sam' })] },
      kind: 'chase-scorecard',
      title: "Chase Sam Lee's scorecard",
      detail: 'Sam Lee owes the scorecard for the onsite: 30 h since the interview.',
      urgency: 'warning',
    },
    {
      name: 'scorecards owed by two people',
      over: { interviews: [interview({ interviewerIds: ['u_sam', 'u_dana'] })] },
      kind: 'chase-scorecard',
      title: 'Chase the scorecards of Sam Lee and Dana Reyes',
      people: ['Sam Lee', 'Dana Reyes'],
    },
    {
      name: 'the viewer owes a scorecard',
      over: { interviews: [interview({ interviewerIds: ['u_owner', 'u_sam'] })] },
      kind: 'write-scorecard',
      title: 'Submit your scorecard for the onsite',
      target: 'scorecard',
    },
    {
      name: 'scorecards in, no final interview yet',
      over: { interviews: [interview()], submittedScorecards: [{ interviewId: 'iv1', interviewerId: 'u_sam' }] },
      kind: 'schedule',
      title: 'Schedule the next interview',
      detail: /^1 interview held and every scorecard is in/,
    },
    {
      name: 'the final interview done and every scorecard in',
      over: finalDone,
      kind: 'decide',
      title: 'Decide on Ada Park',
      detail: 'The final interview is done and all 1 scorecard is in.',
      target: 'decision',
      urgency: null,
    },
    {
      name: 'deciding with the offer clock running late',
      over: { ...finalDone, clocks: [clock('offer.after-final', 'warning', 30)] },
      kind: 'decide',
      title: 'Decide on Ada Park',
      detail: 'The final interview is done and all 1 scorecard is in. Send the offer today (30 h since the final interview).',
      urgency: 'warning',
    },
    { name: 'at the offer stage, no offer', over: { ...finalDone, atOfferStage: true }, kind: 'draft-offer', title: 'Draft the offer for Ada Park', target: 'offer-builder' },
    {
      name: 'a draft inside the band',
      over: { offers: [offer()] },
      kind: 'submit-offer',
      title: 'Send the offer for approval',
      detail: "It is inside the role's board-approved band, so it is approved as soon as you send it.",
      target: 'offer',
    },
    {
      name: 'a draft outside the band',
      over: { offers: [offer({ insideBand: false })] },
      kind: 'submit-offer',
      title: 'Send the offer for approval',
      detail: /outside the role's board-approved band: the approvers decide/,
    },
    { name: 'a draft the approver rejected', over: { offers: [offer({ approvalStatus: 'rejected' })] }, kind: 'revise-offer', title: 'Revise the offer', target: 'offer' },
    {
      name: 'waiting on an approver for 51 h',
      over: { offers: [offer({ status: 'pending-approval', insideBand: false, approvalStatus: 'pending', awaiting: ['u_dana'], submittedAt: at(-51) })], clocks: [clock('approval.pending', 'critical', 51, { offerId: 'of1', approverIds: ['u_dana'] })] },
      kind: 'chase-approver',
      title: 'Chase Dana Reyes for the approval',
      detail: 'Approver Dana Reyes has had it for 51 h: get the decision today.',
      target: 'offer',
      urgency: 'critical',
      people: ['Dana Reyes'],
    },
    {
      name: 'waiting on two approvers, no clock',
      over: { offers: [offer({ status: 'pending-approval', approvalStatus: 'pending', awaiting: ['u_dana', 'u_sam'], submittedAt: at(-5) })] },
      kind: 'chase-approver',
      title: 'Chase Dana Reyes and Sam Lee for the approval',
      detail: 'Waiting 5 h for Dana Reyes and Sam Lee.',
    },
    {
      name: 'the viewer is the approver awaited',
      over: { viewer: { id: 'u_dana', seesOffers: true }, offers: [offer({ status: 'pending-approval', approvalStatus: 'pending', awaiting: ['u_dana'], submittedAt: at(-2) })] },
      kind: 'approve-offer',
      title: 'Approve or reject the offer to Ada Park',
      detail: 'Your decision is needed: it was sent for approval 2 h ago.',
      target: 'offer',
    },
    {
      name: 'an approved offer',
      over: { offers: [offer({ status: 'approved', approvalStatus: 'approved' })], clocks: [clock('offer.after-final', 'ok', 10)] },
      kind: 'extend-offer',
      title: 'Extend the offer to Ada Park',
      detail: 'It is approved: send it to Ada Park and mark it extended. Send the offer within 14 h.',
      target: 'offer',
      urgency: 'ok',
    },
    {
      name: 'an extended offer that expires in 6 days',
      over: { offers: [offer({ status: 'extended', approvalStatus: 'approved', extendedAt: at(-24), expiresAt: at(6 * 24) })] },
      kind: 'record-answer',
      title: "Record Ada Park's answer",
      detail: 'The offer is with Ada Park and expires in 6 days. Record the answer when it comes.',
      target: 'offer',
    },
    {
      name: 'an extended offer past its deadline',
      over: { offers: [offer({ status: 'extended', approvalStatus: 'approved', extendedAt: at(-200), expiresAt: at(-30) })] },
      kind: 'record-answer',
      title: "Record Ada Park's answer",
      detail: "The offer's deadline passed 1 day ago. Record the answer if it came in time, or revise the offer.",
    },
    {
      name: 'the last offer declined, application still open',
      over: { ...finalDone, offers: [offer({ status: 'declined', createdAt: at(-10) }), offer({ id: 'of0', status: 'withdrawn', createdAt: at(-100) })] },
      kind: 'draft-offer',
      title: 'Draft the offer for Ada Park',
      detail: 'Ada Park declined the last offer: draft a new one, or close the application.',
      target: 'offer-builder',
    },
    {
      name: 'an open offer comes before a scorecard still owed',
      over: { interviews: [interview()], offers: [offer({ status: 'approved', approvalStatus: 'approved' })] },
      kind: 'extend-offer',
      title: 'Extend the offer to Ada Park',
    },
    { name: 'hired', over: { status: 'hired', offers: [offer({ status: 'accepted' })] }, kind: 'none', title: 'Ada Park is hired', target: null },
    { name: 'lost', over: { status: 'lost' }, kind: 'none', title: 'Closed: not hired', target: null },
    { name: 'withdrawn', over: { status: 'withdrawn' }, kind: 'none', title: 'Ada Park withdrew', target: null },
  ])('$name: $kind', ({ over, kind, title, detail, target, urgency, people }) => {
    const step = nextStep(input(over));
    expect(step.kind).toBe(kind);
    expect(step.title).toBe(title);
    if (typeof detail === 'string') expect(step.detail).toBe(detail);
    if (detail instanceof RegExp) expect(step.detail).toMatch(detail);
    if (target !== undefined) expect(step.action?.target ?? null).toBe(target);
    if (urgency !== undefined) expect(step.urgency).toBe(urgency);
    if (people) expect(step.people.map((p) => p.name)).toEqual(people);
    if (step.action?.target === 'offer') expect(step.action.offerId).toBeDefined();
    if (step.action?.target === 'scorecard') expect(step.action.interviewId).toBe('iv1');
  });

  describe('for a viewer who may not see offers (an interviewer)', () => {
    const interviewer = { viewer: { id: 'u_ivy', seesOffers: false } };
    it.each<[string, Partial<NextStepInput>]>([
      ['decide', finalDone],
      ['draft', { ...finalDone, atOfferStage: true }],
      ['submit', { offers: [offer()] }],
      ['chase the approver', { offers: [offer({ status: 'pending-approval', approvalStatus: 'pending', awaiting: ['u_dana'], submittedAt: at(-51) })], clocks: [clock('approval.pending', 'critical', 51, { offerId: 'of1', approverIds: ['u_dana'] })] }],
      ['extend', { offers: [offer({ status: 'approved' })], clocks: [clock('offer.after-final', 'warning', 30)] }],
      ['record the answer', { offers: [offer({ status: 'extended', expiresAt: at(100) })] }],
      ['draft after a declined offer', { offers: [offer({ status: 'declined' })] }],
    ])('%s reads only "with the hiring team", never offers or approvals', (_name, over) => {
      const step = nextStep(input({ ...over, ...interviewer }));
      expect(step).toEqual({ kind: 'with-hiring-team', title: 'With the hiring team', detail: 'The hiring manager and recruiter take the next step.', people: [], urgency: null, action: null });
      expect(JSON.stringify(step)).not.toMatch(/offer|approv|band|pay/i);
    });

    it('still sees interview steps, and their own scorecard first', () => {
      expect(nextStep(input({ interviews: [interview()], ...interviewer })).kind).toBe('chase-scorecard');
      expect(nextStep(input({ interviews: [interview({ interviewerIds: ['u_ivy', 'u_sam'] })], ...interviewer }))).toMatchObject({ kind: 'write-scorecard', action: { target: 'scorecard', interviewId: 'iv1' } });
    });
  });

  it('counts the days of a long wait by the one day-count rule (36 h is 1 day)', () => {
    const step = nextStep(input({ offers: [offer({ status: 'pending-approval', approvalStatus: 'pending', awaiting: ['u_dana'], submittedAt: at(-36) })] }));
    expect(step.detail).toBe('Waiting 1 day for Dana Reyes.');
  });

  it('is the same for the same facts and the same now', () => {
    const facts = input({ ...finalDone, clocks: [clock('offer.after-final', 'critical', 50)] });
    expect(nextStep(facts)).toEqual(nextStep(structuredClone(facts)));
  });
});
