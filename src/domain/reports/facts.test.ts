import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldsInOrder } from '../pipeline/fold.js';
import type { PreparedEvent } from '../pipeline/history.js';
import { emptyReportFactsState, historyReportFacts, reportFactsOf, stepReportFacts, type ReportFactsState } from './facts.js';

const T0 = Date.UTC(2026, 2, 2, 9);
const H = 3_600_000;
const STAGES = ['applied', 'screen', 'onsite', 'offer'];
const two = (prefix: string) => fc.constantFrom(`${prefix}1`, `${prefix}2`);

/** Event bodies of every type the facts or their clock runs read, with few ids so they meet each other. */
const body: fc.Arbitrary<Pick<PreparedEvent, 'type' | 'data'>> = fc.oneof(
  fc.constant({ type: 'outreach.sent', data: { channel: 'email' } }),
  fc.constantFrom('inbound', 'referral').map((source) => ({ type: 'application.received', data: { source } })),
  fc.boolean().map((asksQuestion) => ({ type: 'candidate.replied', data: { latencyHours: 3, length: 200, asksQuestion } })),
  fc.constant({ type: 'team.replied', data: {} }),
  fc.constant({ type: 'note', data: { text: 'Called.' } }),
  fc.record({ interviewId: two('i'), final: fc.boolean(), both: fc.boolean() }).map(({ interviewId, final, both }) => ({ type: 'interview.completed', data: { interviewId, final, interviewerIds: both ? ['u1', 'u2'] : ['u1'] } })),
  fc.record({ interviewId: two('i'), interviewerId: two('u') }).map((data) => ({ type: 'scorecard.submitted', data })),
  two('o').map((offerId) => ({ type: 'offer.approval-requested', data: { offerId, approverIds: ['boss'] } })),
  fc.record({ offerId: two('o'), type: fc.constantFrom('offer.approved', 'offer.rejected', 'offer.extended', 'offer.accepted', 'offer.declined') }).map(({ offerId, type }) => ({ type, data: { offerId } })),
  fc.constantFrom('equity-questions', 'accelerate-request').map((signal) => ({ type: 'signal.observed', data: { signal } })),
  fc.tuple(fc.constantFrom(...STAGES), fc.constantFrom(...STAGES)).map(([from, to]) => ({ type: 'stage.changed', data: { from, to } })),
  fc.constantFrom({ status: 'lost', lossReason: 'compensation' }, { status: 'lost' }, { status: 'hired' }, { status: 'withdrawn' }).map((data) => ({ type: 'application.closed', data })),
  fc.constantFrom(...STAGES).map((stage) => ({ type: 'application.reopened', data: { stage } })),
  fc.constant({ type: 'candidate.withdrew', data: { reason: 'Took another offer.' } }),
) as fc.Arbitrary<Pick<PreparedEvent, 'type' | 'data'>>;

/** A prepared history: oldest first (gaps of 0 to 3 days, so some events share a time), no retractions. */
const history: fc.Arbitrary<PreparedEvent[]> = fc.array(fc.tuple(body, fc.integer({ min: 0, max: 72 })), { maxLength: 20 }).map((steps) => {
  let t = T0;
  return steps.map(([b, gap]) => ({ ...b, t: (t += gap * H) }) as PreparedEvent);
});

const roundTrip = (state: ReportFactsState): ReportFactsState => JSON.parse(JSON.stringify(state)) as ReportFactsState;

describe('report facts as an incremental fold', () => {
  it('stepping a history one event at a time through stored (JSON) states gives the facts of the whole history at every step', () => {
    fc.assert(
      fc.property(history, (events) => {
        let state = emptyReportFactsState();
        const stepped: string[] = [];
        const rebuilt: string[] = [];
        for (let i = 0; i < events.length; i++) {
          if (!foldsInOrder(state, events[i]!)) return false;
          state = roundTrip(stepReportFacts(roundTrip(state), events[i]!));
          // As stored: JSON text, which must be byte for byte what a rebuild stores (the rebuild compares the text).
          stepped.push(JSON.stringify(reportFactsOf(state)));
          rebuilt.push(JSON.stringify(historyReportFacts(events.slice(0, i + 1))));
        }
        expect(stepped).toEqual(rebuilt);
        return true;
      }),
      { numRuns: 100 },
    );
  });

  it('a run stopped after a round trip reaches the entry it was listed as', () => {
    const events = [
      { t: T0, type: 'outreach.sent', data: { channel: 'email' } },
      { t: T0 + H, type: 'candidate.replied', data: { latencyHours: 1, length: 100, asksQuestion: true } },
      { t: T0 + 5 * H, type: 'team.replied', data: {} },
    ] as PreparedEvent[];
    const afterTwo = roundTrip(stepReportFacts(stepReportFacts(emptyReportFactsState(), events[0]!), events[1]!));
    const before = JSON.parse(JSON.stringify(reportFactsOf(afterTwo))) as ReturnType<typeof reportFactsOf>;
    const facts = reportFactsOf(stepReportFacts(afterTwo, events[2]!));
    expect(facts.clockRuns.filter((r) => r.clock === 'reply.to-candidate')).toEqual([{ clock: 'reply.to-candidate', run: { start: T0 + H, stop: T0 + 5 * H } }]);
    expect(before.clockRuns.find((r) => r.clock === 'reply.to-candidate')?.run.stop).toBeUndefined();
    // Each event stops the idle run it found and starts another: three runs, each but the last stopped.
    expect(facts.clockRuns.filter((r) => r.clock === 'stage.idle').map((r) => r.run)).toEqual([{ start: T0, stop: T0 + H }, { start: T0 + H, stop: T0 + 5 * H }, { start: T0 + 5 * H }]);
  });

  it('a back-dated event or a retraction does not fold in order', () => {
    const state = stepReportFacts(emptyReportFactsState(), { t: T0 + H, type: 'note', data: { text: 'x' } } as PreparedEvent);
    expect(foldsInOrder(state, { type: 'note', t: T0 })).toBe(false);
    expect(foldsInOrder(state, { type: 'event.retracted', t: T0 + 2 * H })).toBe(false);
    expect(foldsInOrder(state, { type: 'note', t: T0 + H })).toBe(true);
  });
});
