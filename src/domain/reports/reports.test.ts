import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareEpochEvents, type PreparedEvent } from '../pipeline/history.js';
import { CANDIDATE_SOURCES, LOSS_REASONS } from '../pipeline/lists.js';
import { applicationFacts, type ReportApplication } from './facts.js';
import { funnelTable, tableToCsv } from './tables.js';
import { REPORT_DIMENSIONS, breachReport, cycleReport, funnelReport, lossesReport, offersReport, sourcesReport, type OfferPay } from './reports.js';

const T0 = Date.UTC(2026, 2, 2, 9); // Monday 2 March 2026, 09:00 UTC
const H = 3_600_000;
const D = 24 * H;
const STAGES = ['applied', 'screen', 'onsite', 'offer'];

type Ev = [number, PreparedEvent['type'], Record<string, unknown>?];
function app(id: string, events: Ev[], over: Partial<ReportApplication> = {}): ReportApplication {
  return {
    id,
    roleId: 'r1',
    specialization: 'mlops',
    source: 'referral',
    referrer: null,
    recruiterId: 'rec',
    currentStage: 'applied',
    // as the server hands them over: oldest first (prepareEpochEvents sorts a list given out of order)
    events: prepareEpochEvents(events.map(([t, type, data]) => ({ t: T0 + t, type, data: data ?? {} }) as PreparedEvent), Number.MAX_SAFE_INTEGER),
    ...over,
  };
}

// Hand-computed histories (docs/reports.md): a hire in 9 days, a hire in 12 days, a loss at onsite after a
// competing offer, and one still at screen.
const hireFast = app('a', [
  [0, 'application.received', { source: 'referral' }],
  [1 * D, 'stage.changed', { from: 'applied', to: 'screen' }],
  [3 * D, 'stage.changed', { from: 'screen', to: 'onsite' }],
  [5 * D, 'interview.completed', { interviewId: 'i1', final: true, interviewerIds: ['u1', 'u2'] }],
  [5 * D + 2 * H, 'scorecard.submitted', { interviewId: 'i1', interviewerId: 'u1' }],
  [8 * D + 1 * H, 'scorecard.submitted', { interviewId: 'i1', interviewerId: 'u2' }], // 73 h: past the 72 h critical time
  [5 * D + 10 * H, 'offer.approval-requested', { offerId: 'o1', approverIds: ['boss'] }],
  [6 * D + 12 * H, 'offer.approved', { offerId: 'o1', approverId: 'boss' }], // 26 h: warning
  [6 * D + 13 * H, 'stage.changed', { from: 'onsite', to: 'offer' }],
  [6 * D + 14 * H, 'offer.extended', { offerId: 'o1' }], // 38 h after the final interview
  [9 * D, 'offer.accepted', { offerId: 'o1' }],
]);
const hireSlow = app(
  'b',
  [
    [0, 'outreach.sent', { channel: 'email' }],
    [2 * D, 'application.received', { source: 'outbound' }],
    [4 * D, 'stage.changed', { from: 'applied', to: 'onsite' }],
    [10 * D, 'interview.completed', { interviewId: 'i2', final: true, interviewerIds: ['u1'] }],
    [10 * D + 1 * H, 'scorecard.submitted', { interviewId: 'i2', interviewerId: 'u1' }],
    [11 * D, 'offer.extended', { offerId: 'o2' }], // 24 h after the final interview
    [12 * D, 'offer.accepted', { offerId: 'o2' }],
  ],
  { source: 'outbound', roleId: 'r2', specialization: null },
);
const lostAtOnsite = app(
  'c',
  [
    [0, 'application.received', { source: 'inbound' }],
    [2 * D, 'stage.changed', { from: 'applied', to: 'onsite' }],
    [3 * D, 'signal.observed', { signal: 'competing-offer' }],
    [4 * D, 'signal.observed', { signal: 'accelerate-request' }],
    [6 * D, 'application.closed', { status: 'lost', lossReason: 'accepted-other-offer' }],
  ],
  { source: 'inbound', referrer: null },
);
const atScreen = app(
  'd',
  [
    [20 * D, 'application.received', { source: 'referral' }],
    [21 * D, 'stage.changed', { from: 'applied', to: 'screen' }],
  ],
  { referrer: 'Ada' },
);
const ALL = [hireFast, hireSlow, lostAtOnsite, atScreen].map(applicationFacts);

describe('reports on hand-computed histories', () => {
  it('funnel: reached counts and conversions, a hire reaching every stage', () => {
    const [g] = funnelReport(ALL, { by: 'all', stageOrder: STAGES });
    expect(g).toMatchObject({ key: 'all', applications: 4, hired: 2, hireRate: 0.5 });
    // applied: all 4; screen: a, b (hire), c (reached onsite), d; onsite: a, b, c; offer: a, b
    expect(g!.stages.map((s) => s.reached)).toEqual([4, 4, 3, 2]);
    expect(g!.stages.map((s) => s.conversion)).toEqual([null, 1, 0.75, 2 / 3]);
  });

  it('funnel: a period takes the applications first contacted in it', () => {
    const groups = funnelReport(ALL, { by: 'all', stageOrder: STAGES, period: { from: T0 + 10 * D } });
    expect(groups[0]).toMatchObject({ applications: 1, hired: 0 });
  });

  it('cycle: days from first contact to acceptance, the share within the 10-day target, and days per stage', () => {
    const { groups, stages } = cycleReport(ALL, { by: 'all' });
    expect(groups[0]!.hires).toEqual({ count: 2, p50: 10.5, p90: 9 + 0.9 * 3 });
    expect(groups[0]!.shareWithinTarget).toBe(0.5);
    expect(groups[0]!.targetDays).toBe(10);
    const onsite = stages.find((s) => s.stage === 'onsite')!;
    // a: 3 -> 6.5417 d, b: 4 -> 12 d (closed by nothing: b leaves onsite at no stage change, so it is still open)
    expect(onsite.days.count).toBe(2); // a's onsite visit, and c's (2 -> 6 d, ended by the close)
    expect(onsite.days.p50).toBeCloseTo((3 + 13 / 24 + 4) / 2, 6);
  });

  it('breaches: rates per clock and per person, judged by the clocks rule', () => {
    const { clocks, people } = breachReport(ALL, { asOf: T0 + 31 * D });
    const approval = clocks.find((c) => c.clock === 'approval.pending')!;
    expect(approval).toMatchObject({ runs: 1, warning: 1, critical: 0 });
    const scorecards = clocks.find((c) => c.clock === 'scorecard.due')!;
    expect(scorecards).toMatchObject({ runs: 3, warning: 1, critical: 1 });
    expect(people.find((p) => p.personId === 'u2' && p.clock === 'scorecard.due')).toMatchObject({ runs: 1, critical: 1 });
    expect(people.find((p) => p.personId === 'u1' && p.clock === 'scorecard.due')).toMatchObject({ runs: 2, warning: 0 });
    expect(people.find((p) => p.personId === 'boss')).toMatchObject({ clock: 'approval.pending', runs: 1, warning: 1 });
    // the cycle clock of d still runs at asOf: 11 days in, past the 10-day warning, not the 21-day critical
    const cycle = clocks.find((c) => c.clock === 'cycle.total')!;
    expect(cycle).toMatchObject({ runs: 4, warning: 2, critical: 0 }); // b (12 d) and d (11 d) late; a 9 d, c 6 d
  });

  it('offers: acceptance, hours after the final interview, and acceptance by threshold with pay', () => {
    const pay = new Map<string, OfferPay>([
      ['o1', { base: 200_000, threshold: 190_000, bandMin: 180_000, bandMax: 220_000, marketPercentile: 60 }],
      ['o2', { base: 170_000, threshold: 180_000, bandMin: 160_000, bandMax: 200_000, marketPercentile: 40 }],
    ]);
    const { groups, pay: p } = offersReport(ALL, { by: 'all', pay });
    expect(groups[0]).toMatchObject({ extended: 2, accepted: 2, declined: 0, open: 0, acceptanceRate: 1, shareWithinClock: 1 });
    expect(groups[0]!.hoursAfterFinal.p50).toBeCloseTo((38 + 24) / 2, 6);
    expect(p!.clearedThreshold).toMatchObject({ extended: 1, accepted: 1 });
    expect(p!.belowThreshold).toMatchObject({ extended: 1, accepted: 1 });
    expect(p!.positionInBand.p50).toBeCloseTo((0.5 + 0.25) / 2, 6);
    expect(offersReport(ALL, { by: 'all' }).pay).toBeNull();
  });

  it('losses: reason, stage, days and the signals before', () => {
    const r = lossesReport(ALL, {});
    expect(r.total).toBe(1);
    expect(r.reasons).toEqual([{ reason: 'accepted-other-offer', count: 1, share: 1 }]);
    expect(r.stages).toEqual([{ stage: 'onsite', count: 1 }]);
    expect(r.days.p50).toBe(6);
    expect(r.signals.map((s) => s.signal).sort()).toEqual(['accelerate-request', 'competing-offer']);
  });

  it('a reopened application that ends active is not a loss, and keeps its furthest stage', () => {
    const reopened = applicationFacts(
      app('e', [
        [0, 'application.received', { source: 'referral' }],
        [1 * D, 'stage.changed', { from: 'applied', to: 'onsite' }],
        [2 * D, 'application.closed', { status: 'lost', lossReason: 'compensation' }],
        [5 * D, 'application.reopened', { stage: 'screen' }],
      ]),
    );
    expect(reopened.loss).toBeNull();
    expect(lossesReport([reopened], {}).total).toBe(0);
    expect(funnelReport([reopened], { by: 'all', stageOrder: STAGES })[0]!.stages.map((s) => s.reached)).toEqual([1, 1, 1, 0]);
  });

  it('sources: rows per source and referrer, concentration from the mix', () => {
    const r = sourcesReport(ALL, {});
    expect(r.sources.find((s) => s.key === 'referral')).toEqual({ key: 'referral', candidates: 2, interviewed: 1, offered: 1, hired: 1 });
    expect(r.sources.find((s) => s.key === 'outbound')).toMatchObject({ candidates: 1, hired: 1 });
    expect(r.referrers).toEqual([{ key: 'Ada', candidates: 1, interviewed: 0, offered: 0, hired: 0 }]);
    expect(r.concentration).toBeCloseTo(0.5 ** 2 + 0.25 ** 2 + 0.25 ** 2, 9);
  });
});

// Random histories: whatever the filter and grouping, the groups add up to the whole.
const histories = fc.array(
  fc.record({
    source: fc.constantFrom(...CANDIDATE_SOURCES),
    specialization: fc.option(fc.constantFrom('mlops', 'llm-apps'), { nil: null }),
    roleId: fc.constantFrom('r1', 'r2', 'r3'),
    start: fc.integer({ min: 0, max: 90 }),
    steps: fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant('stage' as const), to: fc.constantFrom(...STAGES) }),
        fc.record({ kind: fc.constant('final' as const) }),
        fc.record({ kind: fc.constant('offer' as const), accept: fc.boolean() }),
        fc.record({ kind: fc.constant('close' as const), reason: fc.constantFrom(...LOSS_REASONS) }),
        fc.record({ kind: fc.constant('reopen' as const) }),
      ),
      { maxLength: 8 },
    ),
  }),
  { maxLength: 25 },
);

type Histories = typeof histories extends fc.Arbitrary<infer T> ? T : never;

function build(list: Histories) {
  return list.map((h, i) => {
    const events: Ev[] = [[h.start * D, 'application.received', { source: h.source }]];
    let stage = 'applied';
    let t = h.start * D;
    h.steps.forEach((s, k) => {
      t += (k + 1) * 7 * H;
      if (s.kind === 'stage' && s.to !== stage) {
        events.push([t, 'stage.changed', { from: stage, to: s.to }]);
        stage = s.to;
      } else if (s.kind === 'final') events.push([t, 'interview.completed', { interviewId: `i${k}`, final: true, interviewerIds: ['u1'] }]);
      else if (s.kind === 'offer') {
        events.push([t, 'offer.extended', { offerId: `o${i}-${k}` }]);
        events.push([t + H, s.accept ? 'offer.accepted' : 'offer.declined', { offerId: `o${i}-${k}` }]);
      } else if (s.kind === 'close') events.push([t, 'application.closed', { status: 'lost', lossReason: s.reason }]);
      else if (s.kind === 'reopen') events.push([t, 'application.reopened', { stage }]);
    });
    return applicationFacts(app(`p${i}`, events, { source: h.source, specialization: h.specialization, roleId: h.roleId }));
  });
}

describe('reports add up across any filter', () => {
  it('the groups of every dimension add up to the whole, for any period', () => {
    fc.assert(
      fc.property(histories, fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 120 }), (list, a, b) => {
        const facts = build(list);
        const period = { from: T0 + Math.min(a, b) * D, to: T0 + Math.max(a, b) * D };
        const whole = funnelReport(facts, { by: 'all', stageOrder: STAGES, period })[0];
        const cycleWhole = cycleReport(facts, { by: 'all', period }).groups[0]?.hires.count ?? 0;
        const offersWhole = offersReport(facts, { by: 'all', period }).groups[0]?.extended ?? 0;
        for (const by of REPORT_DIMENSIONS) {
          const groups = funnelReport(facts, { by, stageOrder: STAGES, period });
          expect(groups.reduce((n, g) => n + g.applications, 0)).toBe(whole?.applications ?? 0);
          expect(groups.reduce((n, g) => n + g.hired, 0)).toBe(whole?.hired ?? 0);
          expect(cycleReport(facts, { by, period }).groups.reduce((n, g) => n + g.hires.count, 0)).toBe(cycleWhole);
          expect(offersReport(facts, { by, period }).groups.reduce((n, g) => n + g.extended, 0)).toBe(offersWhole);
        }
        const sources = sourcesReport(facts, { period });
        expect(sources.sources.reduce((n, s) => n + s.candidates, 0)).toBe(whole?.applications ?? 0);
        const losses = lossesReport(facts, { period });
        expect(losses.reasons.reduce((n, r) => n + r.count, 0)).toBe(losses.total);
        expect(losses.stages.reduce((n, r) => n + r.count, 0)).toBe(losses.total);
        // a funnel never grows from one stage to the next
        for (const g of funnelReport(facts, { by: 'role', stageOrder: STAGES, period })) {
          for (let i = 1; i < g.stages.length; i++) expect(g.stages[i]!.reached).toBeLessThanOrEqual(g.stages[i - 1]!.reached);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('report tables and CSV', () => {
  it('writes a cell a spreadsheet would run as a formula as text, and quotes commas and quotes', () => {
    const csv = tableToCsv({ columns: ['Name', 'n'], kinds: ['text', 'count'], rows: [['=HYPERLINK("x")', 1], ['-1+2', -3], ['a, "b"', null]] });
    expect(csv).toBe('Name,n\r\n"\'=HYPERLINK(""x"")",1\r\n\'-1+2,-3\r\n"a, ""b""",\r\n');
  });

  it('the funnel table lists every stage and the hires of each group, in percent', () => {
    const t = funnelTable({ groups: [{ label: 'All', applications: 4, hired: 2, hireRate: 0.5, stages: [{ stage: 'applied', reached: 4, conversion: null }, { stage: 'onsite', reached: 3, conversion: 0.75 }] }] });
    expect(t.rows).toEqual([
      ['All', 'applied', 4, null],
      ['All', 'onsite', 3, 75],
      ['All', 'Hired', 2, 50],
    ]);
  });
});
