import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeClocks } from './clocks.js';
import { EVENT_TYPES, type EventData, type EventType, type TimedEvent } from './events.js';
import { withoutRetracted, type PreparedEvent } from './history.js';
import { computeRisk } from './risk.js';
import { summarizeApplication, summarizeEpochEvents } from './summary.js';
import { at, e, ev } from '../../test-support/pipeline-factories.js';

const DAY = 24;
const NOW = at(29 * DAY);

const ids = fc.constantFrom('a', 'b', 'c');
const text = fc.constantFrom('called', 'timing');
const dataOf: { [T in Exclude<EventType, 'event.retracted'>]: fc.Arbitrary<EventData<T>> } = {
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
  'offer.approved': fc.record({ offerId: ids }),
  'offer.rejected': fc.record({ offerId: ids }),
  'offer.extended': fc.record({ offerId: ids }),
  'offer.accepted': fc.record({ offerId: ids }),
  'offer.declined': fc.record({ offerId: ids }),
  'candidate.withdrew': fc.record({ reason: text }),
  'signal.observed': fc.oneof(
    fc.record({ signal: fc.constant('competing-offer' as const), deadline: fc.constantFrom('2025-03-20', '2025-04-30T12:00:00.000Z') }, { requiredKeys: ['signal'] }),
    fc.record({ signal: fc.constantFrom('accelerate-request', 'equity-questions', 'ceo-call-request', 'logistics-focus') }),
  ),
  note: fc.record({ text }),
  'application.closed': fc.oneof(
    fc.record({ status: fc.constant('hired' as const) }),
    fc.record({ status: fc.constant('lost' as const), lossReason: fc.constantFrom('compensation', 'role-fit') }),
    fc.record({ status: fc.constant('withdrawn' as const) }),
  ),
  'application.reopened': fc.record({ stage: fc.constantFrom('screen', 'onsite') }),
} as never;

const RECORDED = EVENT_TYPES.filter((t): t is Exclude<EventType, 'event.retracted'> => t !== 'event.retracted');
// Hours after T0 on a coarse grid, so equal times (storage order decides) happen, and some fall after NOW.
const event = fc
  .constantFrom(...RECORDED)
  .chain((type) => fc.tuple(fc.integer({ min: 0, max: 60 }), dataOf[type] as fc.Arbitrary<unknown>).map(([slot, data]) => ev(type, slot * 12, data as never)));
/** A stored history: every event has its id, in recording order. */
const history = fc.array(event, { minLength: 1, maxLength: 30 }).map((events) => events.map((x, i) => ({ ...x, id: `e${i}` }) as TimedEvent & { id: string }));

function retraction(eventId: string, hours: number): TimedEvent & { id: string } {
  return { ...ev('event.retracted', hours, { eventId }), id: `r-${eventId}-${hours}` } as TimedEvent & { id: string };
}

/** As the bulk reader hands events over: epoch times, and an id only on events a retraction names. */
function epoch(events: readonly (TimedEvent & { id: string })[]): PreparedEvent[] {
  const named = new Set(events.flatMap((x) => (x.type === 'event.retracted' ? [x.data.eventId] : [])));
  return events.map((x) => ({ type: x.type, t: Date.parse(x.occurredAt as string), data: x.data, ...(named.has(x.id) ? { id: x.id } : {}) }) as PreparedEvent);
}

describe('event.retracted', () => {
  it('leaves clocks, risk, stage and status as if the retracted event had never been recorded', () => {
    fc.assert(
      fc.property(history, fc.nat(), fc.integer({ min: 0, max: 70 }), (events, pick, slot) => {
        const target = events[pick % events.length]!;
        const withRetraction = [...events, retraction(target.id, slot * 12)];
        const never = events.filter((x) => x !== target);
        expect(summarizeApplication(withRetraction, NOW)).toEqual(summarizeApplication(never, NOW));
        expect(summarizeEpochEvents(epoch(withRetraction), NOW)).toEqual(summarizeApplication(never, NOW));
        const clocks = computeClocks(withRetraction, NOW);
        expect(clocks).toEqual(computeClocks(never, NOW));
        expect(computeRisk(withRetraction, clocks, NOW)).toEqual(computeRisk(never, clocks, NOW));
        expect(withoutRetracted(withRetraction)).toEqual(never);
      }),
      { numRuns: 500 },
    );
  });

  it('takes back a contact: the idle clock runs again from the event before it', () => {
    const contact = { ...e.note(100, 'Contacted Rahul'), id: 'n1' };
    const events = [{ ...e.outreach(0), id: 'o1' }, contact];
    const idle = (list: TimedEvent[]) => computeClocks(list, at(110)).find((c) => c.id === 'stage.idle')!;
    expect(idle(events)).toMatchObject({ state: 'ok', elapsedHours: 10 });
    expect(idle([...events, retraction('n1', 110)])).toMatchObject({ state: 'warning', elapsedHours: 110 });
  });

  it('takes back a reply: the reply clock runs again', () => {
    const events = [{ ...e.outreach(0), id: 'o1' }, { ...e.question(10), id: 'q1' }, { ...e.teamReplied(40), id: 't1' }];
    const reply = (list: TimedEvent[]) => computeClocks(list, at(50)).find((c) => c.id === 'reply.to-candidate')!;
    expect(reply(events).state).toBe('stopped');
    expect(reply([...events, retraction('t1', 50)])).toMatchObject({ state: 'warning', elapsedHours: 40 });
  });

  it('a retraction of a retraction takes nothing back, and one naming an unknown id changes nothing', () => {
    const events = [{ ...e.outreach(0), id: 'o1' }, { ...e.note(100), id: 'n1' }];
    const first = retraction('n1', 101);
    const second = retraction(first.id, 102);
    expect(summarizeApplication([...events, first, second], at(110))).toEqual(summarizeApplication([events[0]!], at(110)));
    expect(summarizeApplication([...events, retraction('nope', 101)], at(110))).toEqual(summarizeApplication(events, at(110)));
  });
});
