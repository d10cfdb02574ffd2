import { describe, expect, it } from 'vitest';
import { matchField } from '../../lib/field-path.js';
import { DEFAULT_DURATION, INTERVIEW_FIELDS, addMinutes, defaultOnsite, emptySlot, interviewBody, onsiteBody, onsiteFields, tomorrow } from './interview-form.js';

describe('interviewBody', () => {
  const draft = { ...emptySlot({ kind: 'system-design', time: '09:30', interviewerIds: ['u1'] }), date: '2026-11-05', stageId: 'final', location: ' Room 4 ' };

  it('turns the typed day and time in the company time zone into a UTC instant; no focus means every attribute', () => {
    expect(interviewBody(draft, 'Europe/Berlin')).toEqual({
      body: { kind: 'system-design', interviewerIds: ['u1'], scheduledAt: '2026-11-05T08:30:00.000Z', durationMinutes: DEFAULT_DURATION, focusAttributeIds: null, final: false, stageId: 'final', location: 'Room 4' },
      errors: {},
    });
    expect(interviewBody({ ...draft, focusAttributeIds: ['data'], notes: ' probe ', location: '' }, 'UTC').body).toMatchObject({ focusAttributeIds: ['data'], notes: 'probe', location: null });
  });

  it.each([
    [{ interviewerIds: [] }, 'interviewerIds'],
    [{ time: '' }, 'scheduledAt'],
    [{ date: '' }, 'date'],
    [{ durationMinutes: '5' }, 'durationMinutes'],
    [{ durationMinutes: '45.5' }, 'durationMinutes'],
  ])('names the field at fault for %j', (over, field) => {
    const { body, errors } = interviewBody({ ...draft, ...over }, 'UTC');
    expect(body).toBeUndefined();
    expect(Object.keys(errors)).toContain(field);
  });

  it("puts the API's errors beside the form's fields", () => {
    expect(matchField('interviewerIds[1]', INTERVIEW_FIELDS)).toBe('interviewerIds');
    expect(matchField('focusAttributeIds[0]', INTERVIEW_FIELDS)).toBe('focusAttributeIds');
    expect(matchField('slots[1].interviewerIds', onsiteFields(3))).toBe('slots.1.interviewerIds');
    expect(matchField('slots[2].focusAttributeIds[0]', onsiteFields(3))).toBe('slots.2.focusAttributeIds');
  });
});

describe('onsiteBody', () => {
  const people = (draft: ReturnType<typeof defaultOnsite>) => {
    draft.slots[0]!.interviewerIds = ['ann'];
    draft.slots[1]!.interviewerIds = ['bob'];
    draft.slots[2]!.interviewerIds = ['ann', 'cat'];
    return draft;
  };

  it('starts with three interviews a quarter of an hour apart, the last one final', () => {
    const d = defaultOnsite('2026-11-05', 'final');
    expect(d.slots.map((s) => [s.kind, s.time, s.final])).toEqual([
      ['technical-deep-dive', '10:00', false],
      ['system-design', '11:15', false],
      ['founder-call', '12:30', true],
    ]);
  });

  it('builds one request for the whole day', () => {
    const { body, errors } = onsiteBody(people(defaultOnsite('2026-11-05', 'final')), 'UTC');
    expect(errors).toEqual({});
    expect(body!.slots.map((s) => [s.scheduledAt, s.interviewerIds])).toEqual([
      ['2026-11-05T10:00:00.000Z', ['ann']],
      ['2026-11-05T11:15:00.000Z', ['bob']],
      ['2026-11-05T12:30:00.000Z', ['ann', 'cat']],
    ]);
  });

  it('refuses an interviewer booked twice at once, naming them beside the later slot', () => {
    const d = people(defaultOnsite('2026-11-05', 'final'));
    d.slots[2]!.time = '10:30';
    expect(onsiteBody(d, 'UTC', (id) => (id === 'ann' ? 'Ann Lee' : id))).toEqual({ errors: { 'slots.2.scheduledAt': 'Ann Lee is also in interview 1 at this time.' } });
  });

  it('refuses two overlapping slots with different people (the candidate cannot be in both) and a day of one interview', () => {
    const d = people(defaultOnsite('2026-11-05', 'final'));
    d.slots[1]!.time = '10:45';
    expect(onsiteBody(d, 'UTC').errors).toEqual({ 'slots.1.scheduledAt': 'This overlaps interview 1; the candidate cannot be in both.' });
    expect(onsiteBody({ ...d, slots: d.slots.slice(0, 1) }, 'UTC').errors.slots).toMatch(/at least 2/);
  });
});

describe('time helpers', () => {
  it('adds minutes within the day', () => {
    expect(addMinutes('10:00', 75)).toBe('11:15');
    expect(addMinutes('23:00', 120)).toBe('23:59');
  });

  it('starts a new form on tomorrow in the company time zone', () => {
    // 23:30 UTC on 4 Nov is already 5 Nov in Berlin, so tomorrow there is 6 Nov.
    expect(tomorrow(Date.parse('2026-11-04T23:30:00Z'), 'Europe/Berlin')).toBe('2026-11-06');
    expect(tomorrow(Date.parse('2026-11-04T23:30:00Z'), 'UTC')).toBe('2026-11-05');
  });
});
