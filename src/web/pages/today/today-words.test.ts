import { describe, expect, it } from 'vitest';
import type { PersonalToday, TodayCard, TodayCardItem, TodayMark } from '../../api/today.js';
import { doneGroups, firstContactWords, itemFacts, spanWords, withMark, withoutMark } from './today-words.js';

const item = (over: Partial<TodayCardItem>): TodayCardItem => ({
  applicationId: 'a1',
  candidateName: 'Rahul Mehta',
  roleTitle: 'MLOps Lead',
  kind: 'clock',
  id: 'stage.idle',
  level: 'critical',
  action: 'No activity for 12 days: contact Rahul today',
  key: 'a1|clock|stage.idle|||',
  elapsedHours: 290,
  targetHours: 72,
  criticalHours: 168,
  basis: 'calendar',
  dayHours: 24,
  name: 'No activity',
  reasons: ['recruiter'],
  do: { kind: 'record', id: 'stage.idle', label: 'Log that I contacted Rahul', done: 'You logged that you contacted Rahul' },
  markId: null,
  ...over,
});

const card = (over: Partial<TodayCard> = {}): TodayCard => ({
  applicationId: 'a1',
  candidateId: 'c1',
  candidateName: 'Rahul Mehta',
  roleId: 'r1',
  roleTitle: 'MLOps Lead',
  level: 'critical',
  reasons: [],
  firstContactDays: 12,
  firstContactBusiness: false,
  done: false,
  items: [item({}), item({ id: 'cycle.total', key: 'a1|clock|cycle.total|||', level: 'warning' })],
  ...over,
});

const mark = (over: Partial<TodayMark> = {}): TodayMark => ({
  id: 'm1',
  itemKey: 'a1|clock|stage.idle|||',
  applicationId: 'a1',
  candidateName: 'Rahul Mehta',
  roleTitle: 'MLOps Lead',
  actionId: 'stage.idle',
  text: 'You logged that you contacted Rahul',
  eventId: 'e1',
  at: '2026-11-02T15:00:00.000Z',
  undoUntil: '2026-11-02T15:01:00.000Z',
  ...over,
});

const today = (over: Partial<PersonalToday> = {}): PersonalToday => ({
  scope: 'mine',
  canSeeAll: true,
  day: '2026-11-02',
  undoSeconds: 60,
  cards: [card()],
  cardCount: 1,
  nextCursor: null,
  cardsInEverything: 1,
  total: 2,
  activeApplications: 3,
  at: '2026-11-02T15:00:00.000Z',
  marks: [],
  ...over,
});

describe('spanWords: one day-count rule, hours where they matter', () => {
  it.each([
    [30, { hourly: true }, '30 h'],
    [47.9, { hourly: true }, '47 h'],
    [48, { hourly: true }, '2 days'],
    [290, {}, '12 days'],
    [36, {}, '1 day'],
    [5, {}, '0 days'],
    [27, { business: true, dayHours: 9 }, '3 working days'],
    [10, { business: true, dayHours: 9, hourly: true }, '10 working h'],
  ] as const)('%s h %o -> %s', (hours, options, expected) => {
    expect(spanWords(hours, options)).toBe(expected);
  });
});

describe('itemFacts', () => {
  it('puts a clock against its target', () => {
    expect(itemFacts(item({}))).toBe('12 days · late after 3 days');
    expect(itemFacts(item({ id: 'approval.pending', elapsedHours: 30, targetHours: 24 }))).toBe('30 h · late after 24 h');
    // Two days and more are a day count, as everywhere (docs/pipeline.md, "Day counts").
    expect(itemFacts(item({ id: 'approval.pending', elapsedHours: 51, targetHours: 24 }))).toBe('2 days · late after 24 h');
  });
  it('gives a risk its score and the competing offer deadline', () => {
    const risk = item({ kind: 'risk', id: 'risk', level: 'high', score: 0.58, elapsedHours: undefined, targetHours: undefined });
    expect(itemFacts(risk)).toBe('58 of 100');
    expect(itemFacts({ ...risk, hoursToDeadline: 105 })).toBe('58 of 100 · competing offer deadline in 4 days');
    expect(itemFacts({ ...risk, hoursToDeadline: 20 })).toBe('58 of 100 · competing offer deadline in 20 h');
    expect(itemFacts({ ...risk, hoursToDeadline: -1 })).toBe('58 of 100 · competing offer deadline passed');
  });
  it('says when a new applicant applied and the reply target, never "late"', () => {
    const fresh = item({ id: 'reply.to-candidate', level: 'new', elapsedHours: 0.2, targetHours: 24 });
    expect(itemFacts(fresh)).toBe('applied within the hour · reply within 24 h');
    expect(itemFacts({ ...fresh, elapsedHours: 5.5 })).toBe('applied 5 h ago · reply within 24 h');
  });
});

describe('firstContactWords', () => {
  it('reads the card\'s whole days', () => {
    expect(firstContactWords(card())).toBe('12 days since first contact');
    expect(firstContactWords(card({ firstContactDays: 1, firstContactBusiness: true }))).toBe('1 working day since first contact');
    expect(firstContactWords(card({ firstContactDays: null }))).toBeNull();
  });
});

describe('marks on the page', () => {
  it('withMark marks the item, and the card once all its items are marked; withoutMark takes it back', () => {
    const one = withMark(today(), mark());
    expect(one.cards[0]!.items.map((i) => i.markId)).toEqual(['m1', null]);
    expect(one.cards[0]!.done).toBe(false);
    const both = withMark(one, mark({ id: 'm2', itemKey: 'a1|clock|cycle.total|||' }));
    expect(both.cards[0]!.done).toBe(true);
    expect(both.marks.map((m) => m.id)).toEqual(['m1', 'm2']);
    const back = withoutMark(both, 'm2');
    expect(back.cards[0]!.done).toBe(false);
    expect(back.marks.map((m) => m.id)).toEqual(['m1']);
  });

  it('doneGroups lists applications whose card is done or gone, not those still open', () => {
    expect(doneGroups(today({ marks: [mark()] }))).toEqual([]);
    const gone = mark({ id: 'm3', applicationId: 'a2', itemKey: 'a2|clock|reply.to-candidate|||', candidateName: 'Raj Reply' });
    expect(doneGroups(today({ marks: [mark(), gone] })).map((g) => [g.candidateName, g.marks.map((m) => m.id)])).toEqual([['Raj Reply', ['m3']]]);
    expect(doneGroups(today({ cards: [card({ done: true })], marks: [mark()] })).map((g) => g.applicationId)).toEqual(['a1']);
  });
});
