import { describe, expect, it } from 'vitest';
import type { RoleAssignees } from './audience.js';
import type { Clock } from './clocks.js';
import type { ClockId } from './clock-settings.js';
import { DEFAULT_RISK_SETTINGS, type RiskAssessment } from './risk.js';
import { T0 } from '../../test-support/pipeline-factories.js';
import { todayActionFor } from './today-actions.js';
import { buildTodayCards, buildTodayCardsPage, type TodayCardContext } from './today-cards.js';
import { buildTodayItems, fillClockAction, type TodayApplication } from './today.js';

function clock(id: ClockId, state: 'warning' | 'critical', elapsedHours: number, subject?: Clock['subject']): Clock {
  const [targetHours, criticalHours] = id === 'stage.idle' ? [72, 168] : id === 'cycle.total' ? [240, 504] : [24, 48];
  const c: Clock = { id, state, elapsedHours, targetHours, criticalHours, basis: 'calendar', dayHours: 24, startedAt: new Date(T0).toISOString() };
  if (subject) c.subject = subject;
  return c;
}

const LOW: RiskAssessment = { score: 0, level: 'low', signals: [], actions: [], levels: DEFAULT_RISK_SETTINGS.levels };
const HIGH: RiskAssessment = {
  score: 0.55,
  level: 'high',
  signals: [{ type: 'competing-offer', contribution: 0.55, weight: 0.35, decay: 1, source: 'logged' }],
  actions: [{ id: 'beat-deadline', text: 'Move the offer ahead of the deadline', signals: ['competing-offer'], contribution: 0.55 }],
  levels: DEFAULT_RISK_SETTINGS.levels,
};

const apps: TodayApplication[] = [
  {
    applicationId: 'a_rahul',
    candidateName: 'Rahul Mehta',
    roleTitle: 'Founding ML Engineer',
    clocks: [
      clock('approval.pending', 'critical', 51, { offerId: 'of_1', approverIds: ['u_dana'] }),
      clock('stage.idle', 'warning', 80),
      clock('scorecard.due', 'warning', 30, { interviewId: 'iv_1', interviewerId: 'u_ivy' }),
    ],
    risk: HIGH,
  },
  { applicationId: 'a_sofia', candidateName: 'Sofia Marchetti', roleTitle: 'MLOps Engineer', clocks: [clock('stage.idle', 'critical', 200)], risk: LOW },
  { applicationId: 'a_wes', candidateName: 'Wes', roleTitle: 'MLOps Engineer', clocks: [clock('reply.to-candidate', 'warning', 25)], risk: LOW },
];

const assignees: Record<string, RoleAssignees> = {
  a_rahul: { recruiterId: null, hiringManagerId: null },
  a_sofia: { recruiterId: 'u_rita', hiringManagerId: null },
  a_wes: { recruiterId: 'u_rita', hiringManagerId: null },
};
const people = { u_dana: 'Dana Approver', u_ivy: 'Ivy Interviewer', u_rita: 'Rita Recruiter' };
const contextOf = (id: string): TodayCardContext => ({ assignees: assignees[id]!, people, interviews: { iv_1: 'the onsite' } });
const items = buildTodayItems(apps, T0);

describe('buildTodayCards', () => {
  it('puts all late clocks and the risk of one application on one card, its level the worst, cards most urgent first', () => {
    const cards = buildTodayCards(items, { id: 'u_olive', role: 'owner' }, 'all', contextOf);
    expect(cards.map((c) => [c.candidateName, c.level, c.items.map((i) => i.item.id)])).toEqual([
      ['Sofia Marchetti', 'critical', ['stage.idle']], // 200 h against 168: 19% past
      // 51 h against 48 (6% past, critical), then 30 h against 24 (25%), 80 h against 72 (11%), 0.55 against 0.5 (10%).
      ['Rahul Mehta', 'critical', ['approval.pending', 'scorecard.due', 'stage.idle', 'risk']],
      ['Wes', 'warning', ['reply.to-candidate']],
    ]);
    expect(new Set(cards.map((c) => c.applicationId)).size).toBe(cards.length);
  });

  it('"for you" keeps only the viewer\'s items and says why; "everything" keeps the rest without a reason', () => {
    const owner = { id: 'u_olive', role: 'owner' };
    const mine = buildTodayCards(items, owner, 'mine', contextOf);
    expect(mine.map((c) => [c.candidateName, c.reasons])).toEqual([['Rahul Mehta', ['unassigned']]]);
    const all = buildTodayCards(items, owner, 'all', contextOf);
    expect(all.find((c) => c.candidateName === 'Sofia Marchetti')!.reasons).toEqual([]);
  });

  it('a card\'s level is high when its worst item is a high risk next to warning clocks', () => {
    const [card] = buildTodayCards(
      buildTodayItems([{ ...apps[0]!, clocks: [clock('stage.idle', 'warning', 80)] }], T0),
      { id: 'u_olive', role: 'owner' },
      'mine',
      contextOf,
    );
    expect(card!.level).toBe('high');
  });

  it('an interviewer and an approver see only their own work, as links', () => {
    const ivy = buildTodayCards(items, { id: 'u_ivy', role: 'interviewer' }, 'mine', contextOf);
    expect(ivy.map((c) => [c.candidateName, c.reasons, c.items.map((i) => i.item.id)])).toEqual([['Rahul Mehta', ['interviewer'], ['scorecard.due']]]);
    expect(ivy[0]!.items[0]!.action).toEqual({ kind: 'link', id: 'own:scorecard.due', label: 'Write your scorecard for Rahul', to: '/interviews/iv_1/scorecard' });
    const dana = buildTodayCards(items, { id: 'u_dana', role: 'approver' }, 'mine', contextOf);
    expect(dana.map((c) => c.items.map((i) => [i.item.id, i.action.kind, i.action.label]))).toEqual([[['approval.pending', 'link', 'Review the offer for Rahul']]]);
  });

  it('people who may not see everything get "for you" even when they ask for everything', () => {
    expect(buildTodayCards(items, { id: 'u_ivy', role: 'interviewer' }, 'all', contextOf).flatMap((c) => c.items.map((i) => i.item.id))).toEqual(['scorecard.due']);
  });

  it('a recruiter sees the cards of the roles they run', () => {
    const rita = buildTodayCards(items, { id: 'u_rita', role: 'recruiter' }, 'mine', contextOf);
    expect(rita.map((c) => [c.candidateName, c.reasons])).toEqual([
      ['Sofia Marchetti', ['recruiter']],
      ['Wes', ['recruiter']],
    ]);
  });
});

describe('todayActionFor: each button says what it records and names the person', () => {
  const owner = { id: 'u_olive', role: 'owner' };
  const byId = Object.fromEntries(items.filter((i) => i.applicationId === 'a_rahul').map((i) => [i.id, i]));
  const act = (id: string) => todayActionFor(byId[id]!, owner, ['unassigned'], contextOf('a_rahul'));

  it('logs the contact as a note naming the candidate', () => {
    expect(act('stage.idle')).toEqual({
      kind: 'record',
      id: 'stage.idle',
      label: 'Log that I contacted Rahul',
      done: 'You logged that you contacted Rahul',
      event: { type: 'note', data: { text: 'Contacted Rahul Mehta (logged from Today)' } },
    });
  });

  it('marks a scorecard chased with a note, never a scorecard.submitted', () => {
    const action = act('scorecard.due');
    expect(action).toMatchObject({ kind: 'record', label: "Mark Ivy Interviewer's scorecard chased", event: { type: 'note', data: { text: 'Chased Ivy Interviewer for the scorecard of the onsite (logged from Today)' } } });
  });

  it('logs the chase of the approver by name', () => {
    expect(act('approval.pending')).toMatchObject({ label: 'Log that I chased Dana Approver for the approval', event: { type: 'note' } });
  });

  it('acts on the risk with the words of its most urgent action', () => {
    expect(act('risk')).toMatchObject({ id: 'risk:beat-deadline', label: "Log that I moved Rahul's offer ahead of the deadline", event: { type: 'note' } });
  });

  it('records team.replied for a reply, and links to the decision for an offer', () => {
    const reply = buildTodayItems([{ ...apps[2]! }], T0)[0]!;
    expect(todayActionFor(reply, owner, ['unassigned'], contextOf('a_wes'))).toMatchObject({ label: 'Log that we replied to Wes', event: { type: 'team.replied', data: {} } });
    const offer = buildTodayItems([{ ...apps[0]!, clocks: [clock('offer.after-final', 'warning', 30)], risk: LOW }], T0)[0]!;
    expect(todayActionFor(offer, owner, ['unassigned'], contextOf('a_rahul'))).toEqual({ kind: 'link', id: 'offer.after-final', label: 'Decide and draft the offer for Rahul', to: '/applications/a_rahul/decision' });
  });

  it('gives people who may not write applications a link to open the candidate', () => {
    expect(todayActionFor(byId['stage.idle']!, { id: 'u_dana', role: 'approver' }, [], contextOf('a_rahul'))).toMatchObject({ kind: 'link', to: '/applications/a_rahul' });
  });
});

describe('buildTodayCardsPage', () => {
  const viewers = [{ id: 'u_olive', role: 'owner' }, { id: 'u_rita', role: 'recruiter' }, { id: 'u_ivy', role: 'interviewer' }, { id: 'u_dana', role: 'approver' }];
  it.each([0, 1, 2, 5])('gives the first %i cards of buildTodayCards, the count and the items of the whole list', (limit) => {
    for (const viewer of viewers) {
      for (const scope of ['mine', 'all'] as const) {
        const whole = buildTodayCards(items, viewer, scope, contextOf);
        const page = buildTodayCardsPage(items, viewer, scope, contextOf, limit);
        expect(page.cards).toEqual(whole.slice(0, limit));
        expect(page.cardCount).toBe(whole.length);
        expect(page.items.map((i) => i.key)).toEqual(items.filter((i) => whole.some((c) => c.items.some((x) => x.item.key === i.key))).map((i) => i.key));
      }
    }
  });

  it('fills deferred action words only for the cards shown, the same words as without deferring', () => {
    const deferred = buildTodayItems(apps, T0, { deferClockActions: true });
    expect(deferred.filter((i) => i.kind === 'clock').every((i) => i.action === '')).toBe(true);
    const byId = new Map(apps.map((a) => [a.applicationId, a]));
    const page = buildTodayCardsPage(deferred, { id: 'u_olive', role: 'owner' }, 'all', contextOf, 1, (item) => fillClockAction(item, byId.get(item.applicationId)!));
    expect(page.cards).toEqual(buildTodayCards(items, { id: 'u_olive', role: 'owner' }, 'all', contextOf).slice(0, 1));
    const shown = new Set(page.cards.flatMap((c) => c.items.map((i) => i.item.key)));
    for (const item of deferred) expect(item.action === '').toBe(!shown.has(item.key) && item.kind === 'clock');
    for (const item of deferred) fillClockAction(item, byId.get(item.applicationId)!);
    expect(deferred).toEqual(items);
  });
});
