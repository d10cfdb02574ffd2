import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLOCK_SETTINGS, resolveClockSettings } from './clock-settings.js';
import { computeClocks } from './clocks.js';
import { EVENT_TYPES, type EventData, type EventType, type TimedEvent } from './events.js';
import { TYPES_WITH_DATA_READ, prepareEpochEvents, type PreparedEvent } from './history.js';
import { DEFAULT_RISK_SETTINGS, computeRisk } from './risk.js';
import { summarizeApplication, summarizeEpochEvents, summaryFromState } from './summary.js';
import { foldPipelineState, readState } from './fold.js';
import { at, e, ev } from '../../test-support/pipeline-factories.js';
import { buildTodayItems } from './today.js';

const DAY = 24;

describe('summarizeApplication', () => {
  it('returns the same clocks and risk as the separate functions', () => {
    const events = [e.outreach(0), e.replied(5, 3, 400), e.interview(30, 'i', ['u_1'], true), e.signal(31, 'equity-questions'), e.approvalRequested(40)];
    const now = at(100);
    const summary = summarizeApplication(events, now);
    const clocks = computeClocks(events, now);
    expect(summary.clocks).toEqual(clocks);
    expect(summary.risk).toEqual(computeRisk(events, clocks, now));
  });

  it.each([
    ['no events', [], 'new', 'active'],
    ['outreach only', [e.outreach(0)], 'contacted', 'active'],
    ['an inbound application', [e.received(0)], 'applied', 'active'],
    ['interviews under way', [e.outreach(0), e.interview(5, 'i', ['u'])], 'interviewing', 'active'],
    ['an offer out', [e.outreach(0), e.extended(5)], 'offer', 'active'],
    ['an explicit stage wins', [e.outreach(0), e.extended(5), e.stage(6, 'offer', 'negotiation')], 'negotiation', 'active'],
    ['accepted, not yet closed', [e.outreach(0), e.accepted(5)], 'offer', 'accepted'],
    ['hired', [e.outreach(0), e.accepted(5), e.closed(6, 'hired')], 'offer', 'hired'],
    ['withdrawn', [e.outreach(0), e.withdrew(5)], 'contacted', 'withdrawn'],
    ['lost then reopened', [e.outreach(0), e.closed(5, 'lost'), e.stage(6, 'closed', 'screen')], 'screen', 'active'],
  ] as [string, TimedEvent[], string, string][])('stage and status: %s', (_name, events, stage, status) => {
    expect(summarizeApplication(events, at(10))).toMatchObject({ stage, status });
  });

  it('measures days since first contact against the 10-day target, or the role override', () => {
    const events = [e.note(-5), e.outreach(0), e.received(10)];
    expect(summarizeApplication(events, at(10 * DAY))).toMatchObject({
      firstContactAt: new Date(at(0)).toISOString(),
      daysSinceFirstContact: 10,
      targetDays: 10,
      overTarget: false,
    });
    expect(summarizeApplication(events, at(10 * DAY + 1)).overTarget).toBe(true);
    const role = resolveClockSettings(DEFAULT_CLOCK_SETTINGS, undefined, { targets: { 'cycle.total': { warningHours: 7 * DAY } } });
    expect(summarizeApplication(events, at(8 * DAY), { clocks: role })).toMatchObject({ targetDays: 7, overTarget: true });
    expect(summarizeApplication([e.note(0)], at(5))).toMatchObject({ targetDays: 10, overTarget: false });
    expect(summarizeApplication([e.note(0)], at(5)).daysSinceFirstContact).toBeUndefined();
  });

  it('is never over target once the application is closed', () => {
    expect(summarizeApplication([e.outreach(0), e.closed(DAY, 'hired')], at(30 * DAY)).overTarget).toBe(false);
  });
});

describe('field report cases', () => {
  it('an approval that sits past 48 hours after the final interview: critical clocks, approval-delay, and the approver named', () => {
    const events = [
      e.outreach(0),
      e.interview(120, 'int_final', ['u_a', 'u_b'], true),
      e.scorecard(121, 'int_final', 'u_a'),
      e.scorecard(122, 'int_final', 'u_b'),
      ev('offer.drafted', 124, { offerId: 'of_1' }),
      e.approvalRequested(125, 'of_1', ['u_dana']),
    ];
    const now = at(125 + 51);
    const summary = summarizeApplication(events, now);
    const byId = Object.fromEntries(summary.clocks.map((c) => [c.id, c]));
    expect(byId['approval.pending']).toMatchObject({ state: 'critical', elapsedHours: 51, subject: { offerId: 'of_1', approverIds: ['u_dana'] } });
    expect(byId['offer.after-final']).toMatchObject({ state: 'critical', elapsedHours: 56 });
    expect(summary.risk.signals).toEqual([expect.objectContaining({ type: 'approval-delay', source: 'detected', decay: 1, contribution: 0.3 })]);
    expect(summary.risk.actions[0]!.text).toBe('Unblock the approver; pre-negotiated bands avoid this');

    const today = buildTodayItems(
      [{ applicationId: 'app_1', candidateName: 'Ada Park', roleTitle: 'Founding ML Engineer', ...summary, people: { u_dana: 'Dana' } }],
      now,
    );
    // offer.after-final is further past its critical time (56/48) than the approval (51/48), so it leads.
    expect(today.map((i) => [i.id, i.level, i.action])).toEqual([
      ['offer.after-final', 'critical', 'Send the offer today: 56 h since the final interview and the candidate is deciding'],
      ['approval.pending', 'critical', 'Approver Dana has had it for 51 h: get the decision today'],
    ]);
  });

  it('the approval signal clears once the offer goes out', () => {
    const events = [e.interview(0, 'f', ['u_a'], true), e.approvalRequested(1, 'of_1'), e.approved(60, 'of_1'), e.extended(61, 'of_1')];
    const summary = summarizeApplication(events, at(70));
    expect(summary.risk.signals.map((s) => s.type)).toEqual([]);
    expect(summary.clocks.find((c) => c.id === 'approval.pending')).toMatchObject({ state: 'stopped', endedLate: true });
  });

  it('a candidate who asks to speed up, then asks only about start dates, while the approval sits: high risk with both actions', () => {
    const events = [
      e.outreach(0),
      e.interview(100, 'int_final', ['u_a'], true),
      e.signal(101, 'accelerate-request'),
      e.approvalRequested(102, 'of_1', ['u_dana']),
      e.signal(150, 'logistics-focus'),
    ];
    const now = at(152);
    const { risk } = summarizeApplication(events, now);
    expect(risk.level).toBe('high');
    const accelerate = 0.3 * 0.5 ** (51 / 24 / 7); // logged 51 h ago
    const logistics = 0.25 * 0.5 ** (2 / 24 / 7); // logged 2 h ago
    expect(risk.score).toBeCloseTo(1 - (1 - accelerate) * (1 - logistics) * (1 - 0.3), 12);
    expect(risk.signals.map((s) => s.type)).toEqual(['approval-delay', 'logistics-focus', 'accelerate-request']);
    expect(risk.actions.map((a) => a.text)).toEqual([
      'Unblock the approver; pre-negotiated bands avoid this',
      'The candidate is evaluating offers: extend yours now',
      'Compress what is left into one day this week and name the decision date',
    ]);
    const today = buildTodayItems([{ applicationId: 'a', candidateName: 'Ada', roleTitle: 'MLE', clocks: [], risk }], now);
    expect(today).toEqual([expect.objectContaining({ kind: 'risk', level: 'high', action: 'Unblock the approver; pre-negotiated bands avoid this' })]);
  });

  it('those two logged signals alone score 0.475 with the spec weights: medium, with both actions', () => {
    const { risk } = summarizeApplication([e.outreach(0), e.signal(10, 'accelerate-request'), e.signal(10, 'logistics-focus')], at(10));
    expect(risk.score).toBeCloseTo(1 - 0.7 * 0.75, 12);
    expect(risk.level).toBe('medium');
    expect(risk.actions.map((a) => a.id)).toEqual(['compress-loop', 'extend-offer-now']);
  });
});

describe('summarizeEpochEvents', () => {
  const ids = fc.constantFrom('a', 'b', 'c');
  const reason = fc.constantFrom('went elsewhere', 'timing');
  const dataOf: { [T in EventType]: fc.Arbitrary<EventData<T>> } = {
    'outreach.sent': fc.record({ channel: fc.constantFrom('email', 'linkedin') }),
    'candidate.replied': fc.record({ latencyHours: fc.integer({ min: 0, max: 100 }), length: fc.integer({ min: 0, max: 900 }), asksQuestion: fc.boolean() }),
    'team.replied': fc.constant({}),
    'application.received': fc.record({ source: fc.constantFrom('inbound', 'referral') }),
    'stage.changed': fc.record({ from: fc.constantFrom('screen', 'onsite'), to: fc.constantFrom('screen', 'onsite', 'offer') }),
    'interview.scheduled': fc.record({ interviewId: ids, at: fc.constant('2025-03-05T10:00:00.000Z') }),
    'interview.completed': fc.record({ interviewId: ids, final: fc.boolean(), interviewerIds: fc.uniqueArray(ids, { minLength: 1, maxLength: 2 }) }),
    'scorecard.submitted': fc.record({ interviewId: ids, interviewerId: ids }),
    'offer.drafted': fc.record({ offerId: ids }),
    'offer.approval-requested': fc.record({ offerId: ids, approverIds: fc.uniqueArray(ids, { minLength: 1, maxLength: 2 }) }, { requiredKeys: ['offerId'] }),
    'offer.approved': fc.record({ offerId: ids, approverId: ids }, { requiredKeys: ['offerId'] }),
    'offer.rejected': fc.record({ offerId: ids, reason }, { requiredKeys: ['offerId'] }),
    'offer.extended': fc.record({ offerId: ids }),
    'offer.accepted': fc.record({ offerId: ids }),
    'offer.declined': fc.record({ offerId: ids, reason }, { requiredKeys: ['offerId'] }),
    'candidate.withdrew': fc.record({ reason }),
    'signal.observed': fc.oneof(
      fc.record({ signal: fc.constant('competing-offer' as const), deadline: fc.constantFrom('2025-03-20', '2025-04-30T12:00:00.000Z'), note: reason }, { requiredKeys: ['signal'] }),
      fc.record({ signal: fc.constantFrom('accelerate-request', 'equity-questions', 'ceo-call-request', 'logistics-focus'), note: reason }, { requiredKeys: ['signal'] }),
    ),
    note: fc.record({ text: reason }),
    'application.closed': fc.oneof(
      fc.record({ status: fc.constant('hired' as const) }),
      fc.record({ status: fc.constant('lost' as const), lossReason: fc.constantFrom('compensation', 'role-fit') }),
      fc.record({ status: fc.constant('withdrawn' as const) }),
    ),
    'application.reopened': fc.record({ stage: fc.constantFrom('screen', 'onsite'), note: reason }, { requiredKeys: ['stage'] }),
    // Names no event of these histories (they carry no ids): retractions themselves are left out (retraction.test.ts).
    'event.retracted': fc.record({ eventId: ids }),
  } as never;
  // Hours after T0, on a coarse grid so equal times (storage order decides) happen; some after `now`.
  const event = fc.constantFrom(...EVENT_TYPES).chain((type) =>
    fc.tuple(fc.integer({ min: 0, max: 60 }), dataOf[type] as fc.Arbitrary<unknown>).map(([slot, data]) => ev(type, slot * 12, data as never)),
  );
  const history = fc.array(event, { maxLength: 40 });
  const NOW = at(29 * DAY);
  const epoch = (events: readonly TimedEvent[], keepData: (type: EventType) => boolean) =>
    events.map((x) => ({ type: x.type, t: Date.parse(x.occurredAt as string), data: keepData(x.type) ? x.data : {} }) as PreparedEvent);

  it('answers as summarizeApplication on generated histories (unsorted, future events, equal times)', () => {
    fc.assert(
      fc.property(history, fc.boolean(), (events, sorted) => {
        const input = sorted ? [...events].sort((a, b) => Date.parse(a.occurredAt as string) - Date.parse(b.occurredAt as string)) : events;
        expect(summarizeEpochEvents(epoch(input, () => true), NOW)).toEqual(summarizeApplication(input, NOW));
      }),
      { numRuns: 1_000 },
    );
  });

  it('needs data only of TYPES_WITH_DATA_READ: emptying the others changes nothing', () => {
    const read = new Set<EventType>(TYPES_WITH_DATA_READ);
    fc.assert(
      fc.property(history, (events) => {
        expect(summarizeEpochEvents(epoch(events, (type) => read.has(type)), NOW)).toEqual(summarizeApplication(events, NOW));
      }),
      { numRuns: 1_000 },
    );
  });

  it('reads the same from readState as from the whole state with running clocks only (Today, the board)', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 0, max: 40 * 24 }), fc.integer({ min: 2, max: 20 }), (events, later, replies) => {
        const state = foldPipelineState(prepareEpochEvents(epoch(events, () => true), NOW));
        const settings = { risk: { ...DEFAULT_RISK_SETTINGS, engagementReplies: replies } };
        const when = NOW + later * 3_600_000;
        const slim = readState(state, replies);
        expect(summaryFromState(slim, when, settings, { runningClocksOnly: true })).toEqual(summaryFromState(state, when, settings, { runningClocksOnly: true }));
        expect(JSON.stringify(slim).length).toBeLessThanOrEqual(JSON.stringify(state).length);
      }),
      { numRuns: 500 },
    );
  });

  it('rejects an event without a valid time as summarizeApplication does', () => {
    const bad = [{ type: 'note', t: Number.NaN, data: { text: 'x' } }] as PreparedEvent[];
    expect(() => summarizeEpochEvents(bad, NOW)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'events[0].occurredAt' }));
    expect(() => summarizeApplication([{ type: 'note', occurredAt: 'nope', data: { text: 'x' } }], NOW)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'events[0].occurredAt' }));
  });
});
