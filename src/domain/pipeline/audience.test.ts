import { describe, expect, it } from 'vitest';
import { assigneeWhoCanAct, mayViewAllToday, responsibleFor, todayReasons, type RoleAssignees, type TodayReason } from './audience.js';
import type { Clock } from './clocks.js';
import type { ClockId } from './clock-settings.js';
import { DEFAULT_RISK_SETTINGS, type RiskAssessment } from './risk.js';
import { T0 } from '../../test-support/pipeline-factories.js';
import { buildTodayItems, type TodayItem } from './today.js';

function clock(id: ClockId, subject?: Clock['subject']): Clock {
  const c: Clock = { id, state: 'critical', elapsedHours: 100, targetHours: 24, criticalHours: 72, basis: 'calendar', dayHours: 24, startedAt: new Date(T0).toISOString() };
  if (subject) c.subject = subject;
  return c;
}

const highRisk: RiskAssessment = {
  score: 0.6,
  level: 'high',
  signals: [{ type: 'competing-offer', contribution: 0.6, weight: 0.35, decay: 1, source: 'logged' }],
  actions: [{ id: 'beat-deadline', text: 'Move the offer ahead of the deadline', signals: ['competing-offer'], contribution: 0.6 }],
  levels: DEFAULT_RISK_SETTINGS.levels,
};

/** One item of each kind, keyed by a short name. */
function itemsOf(): Record<string, TodayItem> {
  const items = buildTodayItems(
    [
      {
        applicationId: 'a',
        candidateName: 'Rahul Mehta',
        roleTitle: 'MLE',
        clocks: [
          clock('approval.pending', { offerId: 'of_1', approverIds: ['u_dana', 'u_lee'] }),
          clock('scorecard.due', { interviewId: 'iv_1', interviewerId: 'u_ivy' }),
          clock('stage.idle'),
          clock('reply.to-candidate'),
          clock('offer.after-final'),
          clock('cycle.total'),
        ],
        risk: highRisk,
      },
    ],
    T0,
  );
  return Object.fromEntries(items.map((i) => [i.id, i]));
}

const ROLES = {
  unassigned: { recruiterId: null, hiringManagerId: null },
  recruiterOnly: { recruiterId: 'u_rita', hiringManagerId: null },
  hmOnly: { recruiterId: null, hiringManagerId: 'u_hank' },
  both: { recruiterId: 'u_rita', hiringManagerId: 'u_hank' },
} satisfies Record<string, RoleAssignees>;

const PEOPLE = {
  owner: { id: 'u_olive', role: 'owner' },
  admin: { id: 'u_ada', role: 'admin' },
  rita: { id: 'u_rita', role: 'recruiter' },
  hank: { id: 'u_hank', role: 'hiring-manager' },
  dana: { id: 'u_dana', role: 'approver' },
  ivy: { id: 'u_ivy', role: 'interviewer' },
  otherRecruiter: { id: 'u_rob', role: 'recruiter' },
  ownerApprover: { id: 'u_dana', role: 'owner' },
  ownerInterviewer: { id: 'u_ivy', role: 'owner' },
} as const;

type Row = [string, keyof typeof PEOPLE, keyof typeof ROLES, string, TodayReason[]];

describe('todayReasons: who acts on what', () => {
  const rows: Row[] = [
    // Approvers: only their own pending approvals, never anything else of the role.
    ['an awaited approver has the approval', 'dana', 'both', 'approval.pending', ['approver']],
    ['an approver has no idle clock', 'dana', 'unassigned', 'stage.idle', []],
    ['an approver has no risk', 'dana', 'unassigned', 'risk', []],
    // Interviewers: only their own overdue scorecards.
    ['an interviewer has their own scorecard', 'ivy', 'both', 'scorecard.due', ['interviewer']],
    ['an interviewer has no approval', 'ivy', 'unassigned', 'approval.pending', []],
    ['an interviewer has no idle clock, even on an unassigned role', 'ivy', 'unassigned', 'stage.idle', []],
    // Recruiters: the contact and chasing work of their roles; decisions too when no hiring manager is named.
    ['the recruiter has the idle clock of their role', 'rita', 'both', 'stage.idle', ['recruiter']],
    ['the recruiter has the reply', 'rita', 'both', 'reply.to-candidate', ['recruiter']],
    ['the recruiter chases the scorecard', 'rita', 'both', 'scorecard.due', ['recruiter']],
    ['the recruiter chases the approval', 'rita', 'both', 'approval.pending', ['recruiter']],
    ['with a hiring manager, the recruiter leaves the offer to them', 'rita', 'both', 'offer.after-final', []],
    ['with a hiring manager, the recruiter leaves the risk to them', 'rita', 'both', 'risk', []],
    ['without a hiring manager, the recruiter has the offer too', 'rita', 'recruiterOnly', 'offer.after-final', ['recruiter']],
    ['a recruiter of another role has nothing', 'otherRecruiter', 'both', 'stage.idle', []],
    ['a recruiter has nothing of an unassigned role', 'otherRecruiter', 'unassigned', 'stage.idle', []],
    // Hiring managers: decisions, offers to draft, flight risk; contact work when no recruiter is named.
    ['the hiring manager has the offer after the final interview', 'hank', 'both', 'offer.after-final', ['hiring-manager']],
    ['the hiring manager has the 21-day cycle', 'hank', 'both', 'cycle.total', ['hiring-manager']],
    ['the hiring manager has the risk', 'hank', 'both', 'risk', ['hiring-manager']],
    ['with a recruiter, the hiring manager leaves the idle clock to them', 'hank', 'both', 'stage.idle', []],
    ['without a recruiter, the hiring manager has the idle clock', 'hank', 'hmOnly', 'stage.idle', ['hiring-manager']],
    // Owners and admins: everything of roles nobody runs, plus their own approvals and scorecards.
    ['an owner has everything of an unassigned role', 'owner', 'unassigned', 'stage.idle', ['unassigned']],
    ['an admin has the risk of an unassigned role', 'admin', 'unassigned', 'risk', ['unassigned']],
    ['an owner has nothing of an assigned role', 'owner', 'recruiterOnly', 'stage.idle', []],
    ['an owner has nothing of a role with only a hiring manager', 'owner', 'hmOnly', 'risk', []],
    ['an owner who is an awaited approver has it on an assigned role', 'ownerApprover', 'both', 'approval.pending', ['approver']],
    ['an owner approver on an unassigned role: theirs twice', 'ownerApprover', 'unassigned', 'approval.pending', ['approver', 'unassigned']],
    ['an owner who interviewed has their scorecard on an assigned role', 'ownerInterviewer', 'both', 'scorecard.due', ['interviewer']],
  ];

  it.each(rows)('%s', (_name, who, role, itemId, expected) => {
    const item = itemsOf()[itemId]!;
    expect(todayReasons(PEOPLE[who], item, { assignees: ROLES[role] })).toEqual(expected);
  });

  it('reads the awaited approvers from the offer trail when given: a decided approver is no longer asked', () => {
    const item = itemsOf()['approval.pending']!;
    const ctx = { assignees: ROLES.both, awaitingApprovers: { of_1: ['u_lee'] } };
    expect(todayReasons(PEOPLE.dana, item, ctx)).toEqual([]);
    expect(todayReasons({ id: 'u_lee', role: 'approver' }, item, ctx)).toEqual(['approver']);
    // Another offer's trail does not apply: the request's own approvers count.
    expect(todayReasons(PEOPLE.dana, item, { assignees: ROLES.both, awaitingApprovers: { of_2: [] } })).toEqual(['approver']);
  });

  it('never gives an approval to someone who may not read pay, even if the request names them', () => {
    const item = itemsOf()['approval.pending']!;
    expect(todayReasons({ id: 'u_dana', role: 'interviewer' }, item, { assignees: ROLES.unassigned })).toEqual([]);
  });
});

describe('responsibleFor', () => {
  it.each([
    ['stage.idle', ROLES.both, 'u_rita'],
    ['risk', ROLES.both, 'u_hank'],
    ['cycle.total', ROLES.recruiterOnly, 'u_rita'],
    ['approval.pending', ROLES.hmOnly, 'u_hank'],
    ['stage.idle', ROLES.unassigned, undefined],
  ] as const)('%s with %o: %s', (id, assignees, expected) => {
    expect(responsibleFor({ id }, assignees)?.userId).toBe(expected);
  });
});

describe('assigneeWhoCanAct', () => {
  const users = new Map([
    ['u_rita', { role: 'recruiter', disabled: false }],
    ['u_gone', { role: 'recruiter', disabled: true }],
    ['u_ivy', { role: 'interviewer', disabled: false }],
    ['u_dana', { role: 'approver', disabled: false }],
    ['u_olive', { role: 'owner', disabled: false }],
  ]);
  it.each([
    ['u_rita', 'u_rita'],
    ['u_olive', 'u_olive'],
    ['u_gone', null],
    ['u_ivy', null],
    ['u_dana', null],
    ['u_unknown', null],
    [null, null],
  ] as const)('%s counts as %s', (id, expected) => {
    expect(assigneeWhoCanAct(id, users)).toBe(expected);
  });
});

describe('mayViewAllToday', () => {
  it.each([
    ['owner', true],
    ['admin', true],
    ['recruiter', true],
    ['hiring-manager', true],
    ['approver', false],
    ['interviewer', false],
    ['nobody', false],
  ] as const)('%s: %s', (role, expected) => {
    expect(mayViewAllToday(role)).toBe(expected);
  });
});
