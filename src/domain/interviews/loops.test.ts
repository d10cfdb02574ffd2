import { describe, expect, it } from 'vitest';
import { icsProperty, parseIcs, unescapeIcsText, type IcsComponent } from './ics.js';
import { OnsiteCreateInput, InterviewCreateInput } from './interview.js';
import { checkFocus, focusAttributes, interviewTemplate, unplannedAttributes } from './focus.js';
import { inviteEvent, writeInvite, type InviteContext, type InviteInterview } from './invite.js';
import { applyDraft, emptyScorecardContent, parseScorecardForSubmit } from './scorecard.js';
import { assertOnsiteSlots, findOverlap, localDate } from './slots.js';
import { buildScorecardTemplate } from './template.js';
import { buildDecisionView } from './decision.js';

// mlops + data-engineering: production-deployment, mlops-ownership, distributed-training, inference-under-cost, data
const template = buildScorecardTemplate(['data-engineering', 'mlops']);

describe('focus', () => {
  it('accepts a subset of the template and names the first unknown id with VALIDATION_FAILED', () => {
    expect(() => checkFocus(['data', 'mlops-ownership'], template)).not.toThrow();
    expect(() => checkFocus(null, template)).not.toThrow();
    expect(() => checkFocus(['data', 'ai-safety-alignment'], template, 'slots[2].')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'slots[2].focusAttributeIds[1]' }),
    );
  });

  it('narrows the template in template order; null means every attribute', () => {
    expect(focusAttributes(template, ['data', 'production-deployment']).map((a) => a.id)).toEqual(['production-deployment', 'data']);
    expect(focusAttributes(template, null)).toHaveLength(5);
  });

  it('falls back to the whole template when none of the focus is on it any more', () => {
    expect(focusAttributes(template, ['ai-safety-alignment']).map((a) => a.id)).toEqual(template.attributes.map((a) => a.id));
    expect(focusAttributes(template, ['ai-safety-alignment', 'data']).map((a) => a.id)).toEqual(['data']);
  });

  it('a scorecard of a focused interview accepts only its attributes, as drafts and at submit', () => {
    const narrow = interviewTemplate(template, ['data']);
    expect(() => applyDraft(emptyScorecardContent(), { ratings: [{ attributeId: 'mlops-ownership', rating: 3 }] }, narrow)).toThrow(
      expect.objectContaining({ code: 'RATING_INVALID', field: 'ratings[0].attributeId' }),
    );
    expect(() =>
      parseScorecardForSubmit({ ratings: [{ attributeId: 'production-deployment', rating: 3, evidence: 'x' }], recommendation: 'yes', notes: '' }, narrow),
    ).toThrow(expect.objectContaining({ code: 'RATING_INVALID' }));
    const ok = parseScorecardForSubmit({ ratings: [{ attributeId: 'data', rating: 3, evidence: 'Built the feature store' }], recommendation: 'yes', notes: '' }, narrow);
    expect(ok.ratings.map((r) => r.attributeId)).toEqual(['data']);
  });

  it('the decision view still flags every role attribute that no focused card covered', () => {
    const view = buildDecisionView(template, [
      { scorecardId: 's', interviewId: 'i', interviewKind: 'onsite', interviewerId: 'u', interviewerName: 'U', ratings: [{ attributeId: 'data', rating: 3, evidence: 'e' }], recommendation: 'yes', submittedAt: '2026-11-03T00:00:00Z' },
    ]);
    expect(view.uncovered).toEqual(['production-deployment', 'mlops-ownership', 'distributed-training', 'inference-under-cost']);
  });

  it('lists the attributes no planned interview covers, ignoring cancelled ones', () => {
    const left = unplannedAttributes(template, [
      { focus: ['data'], status: 'scheduled' },
      { focus: ['mlops-ownership', 'production-deployment'], status: 'completed' },
      { focus: ['distributed-training'], status: 'cancelled' },
    ]);
    expect(left.map((a) => a.id)).toEqual(['distributed-training', 'inference-under-cost']);
    expect(unplannedAttributes(template, [{ focus: null, status: 'scheduled' }])).toEqual([]);
  });
});

describe('interview input', () => {
  it.each([
    ['a length below the minimum', { durationMinutes: 5 }],
    ['a length that is not whole', { durationMinutes: 45.5 }],
    ['an empty focus (send null for all)', { focusAttributeIds: [] }],
    ['a repeated focus attribute', { focusAttributeIds: ['data', 'data'] }],
    ['a stage id that is not a slug', { stageId: 'Final Round' }],
  ])('refuses %s', (_what, over) => {
    expect(InterviewCreateInput.safeParse({ kind: 'onsite', interviewerIds: ['u'], scheduledAt: '2026-11-03T10:00:00Z', ...over }).success).toBe(false);
  });

  it('an onsite needs at least two interviews', () => {
    const slot = { kind: 'onsite', interviewerIds: ['u'], scheduledAt: '2026-11-03T10:00:00Z' };
    expect(OnsiteCreateInput.safeParse({ slots: [slot] }).success).toBe(false);
    expect(OnsiteCreateInput.safeParse({ slots: [slot, { ...slot, scheduledAt: '2026-11-03T11:00:00Z' }] }).success).toBe(true);
  });
});

const at = (hhmm: string, day = '2026-11-03') => Date.parse(`${day}T${hhmm}:00Z`);

describe('onsite slots', () => {
  it.each([
    ['back to back', [['10:00', 60, ['a']], ['11:00', 60, ['a']]], undefined],
    ['same interviewer overlapping', [['10:00', 60, ['a']], ['10:30', 60, ['b', 'a']]], { first: 0, second: 1, interviewerId: 'a' }],
    ['different interviewers overlapping (the candidate cannot be in both)', [['10:00', 60, ['a']], ['10:59', 30, ['b']]], { first: 0, second: 1, interviewerId: null }],
    ['one slot inside another', [['09:00', 240, ['a']], ['10:00', 30, ['b']], ['11:00', 30, ['a']]], { first: 0, second: 2, interviewerId: 'a' }],
  ] as const)('%s', (_name, raw, want) => {
    const slots = raw.map(([t, d, ids]) => ({ start: at(t), durationMinutes: d, interviewerIds: ids }));
    expect(findOverlap(slots)).toEqual(want);
  });

  it('refuses a double-booked interviewer with 409 INTERVIEW_OVERLAP naming them', () => {
    const slots = [
      { start: at('10:00'), durationMinutes: 60, interviewerIds: ['a'] },
      { start: at('10:30'), durationMinutes: 60, interviewerIds: ['a'] },
    ];
    expect(() => assertOnsiteSlots(slots, 'UTC', (id) => (id === 'a' ? 'Ann Lee' : id))).toThrow(
      expect.objectContaining({ code: 'INTERVIEW_OVERLAP', field: 'slots[1].interviewerIds', message: expect.stringContaining('Ann Lee') }),
    );
  });

  it('keeps an onsite on one local day of the company time zone', () => {
    // 23:00 and 01:00 UTC are the same evening in New York, different days in UTC.
    const slots = [
      { start: at('23:00', '2026-11-03'), durationMinutes: 60, interviewerIds: ['a'] },
      { start: at('01:00', '2026-11-04'), durationMinutes: 60, interviewerIds: ['b'] },
    ];
    expect(() => assertOnsiteSlots(slots, 'America/New_York')).not.toThrow();
    expect(() => assertOnsiteSlots(slots, 'UTC')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'slots[1].scheduledAt' }));
    expect(localDate(at('01:00', '2026-11-04'), 'America/New_York')).toBe('2026-11-03');
  });
});

const interview = (over: Partial<InviteInterview> = {}): InviteInterview => ({
  id: 'iv1',
  kind: 'system-design',
  status: 'scheduled',
  scheduledAt: '2026-11-03T14:00:00.000Z',
  durationMinutes: 45,
  version: 1,
  updatedAt: '2026-11-02T15:00:00.000Z',
  final: true,
  location: 'https://meet.example/abc',
  notes: 'Probe the NCCL incident',
  stageName: 'Final interviews (one day)',
  focus: [{ name: 'Distributed training' }, { name: 'Inference under cost' }],
  interviewers: [
    { name: 'Ann Lee', email: 'ann@example.com' },
    { name: 'Bob Ray', email: 'bob@example.com' },
  ],
  ...over,
});
const ctx: InviteContext = {
  companyName: 'Acme AI',
  roleTitle: 'ML Engineer',
  candidate: { name: 'Grace Hopper', email: 'grace@example.com' },
  organizer: { name: 'Rita Recruiter', email: 'rita@example.com' },
  scorecardUrl: 'https://closer.example/interviews/iv1/scorecard',
};

function onlyEvent(text: string): IcsComponent {
  const cal = parseIcs(text);
  expect(cal.components).toHaveLength(1);
  return cal.components[0]!;
}
const prop = (c: IcsComponent, name: string) => unescapeIcsText(icsProperty(c, name)?.value ?? '');

describe('invites', () => {
  it("an interviewer's invite has the focus, notes, stage and scorecard link, and only that interviewer as attendee", () => {
    const text = writeInvite([interview()], () => ctx, { kind: 'interviewer', interviewer: { name: 'Ann Lee', email: 'ann@example.com' } });
    const e = onlyEvent(text);
    expect(icsProperty(parseIcs(text), 'METHOD')!.value).toBe('REQUEST');
    expect(prop(e, 'UID')).toBe('interview-iv1@closer');
    expect(prop(e, 'DTSTART')).toBe('20261103T140000Z');
    expect(prop(e, 'DTEND')).toBe('20261103T144500Z');
    expect(prop(e, 'SEQUENCE')).toBe('0');
    expect(prop(e, 'DESCRIPTION')).toContain('Cover: Distributed training; Inference under cost');
    expect(prop(e, 'DESCRIPTION')).toContain('Notes: Probe the NCCL incident');
    expect(prop(e, 'DESCRIPTION')).toContain('Stage: Final interviews (one day)');
    expect(prop(e, 'DESCRIPTION')).toContain(ctx.scorecardUrl);
    expect(e.properties.filter((p) => p.name === 'ATTENDEE').map((p) => p.value)).toEqual(['mailto:ann@example.com']);
    expect(text).not.toContain('bob@example.com');
    expect(text).not.toContain('grace@example.com');
  });

  it("the candidate's invite has no internal notes, focus, stage or scorecard link", () => {
    const text = writeInvite([interview()], () => ctx, { kind: 'candidate' });
    const e = onlyEvent(text);
    expect(prop(e, 'UID')).toBe('interview-iv1-candidate@closer');
    expect(prop(e, 'SUMMARY')).toBe('System design with Acme AI');
    expect(prop(e, 'DESCRIPTION')).toContain('You will meet: Ann Lee, Bob Ray.');
    expect(prop(e, 'LOCATION')).toBe('https://meet.example/abc');
    for (const secret of ['NCCL', 'Distributed training', 'Final interviews', 'scorecard', 'ann@example.com']) expect(text).not.toContain(secret);
    expect(e.properties.filter((p) => p.name === 'ATTENDEE').map((p) => p.value)).toEqual(['mailto:grace@example.com']);
    expect(icsProperty(e, 'ORGANIZER')).toMatchObject({ params: { CN: 'Rita Recruiter' }, value: 'mailto:rita@example.com' });
  });

  it('keeps the UID and raises SEQUENCE with each change; a cancelled interview is a CANCEL with STATUS:CANCELLED', () => {
    const moved = inviteEvent(interview({ version: 3, scheduledAt: '2026-11-03T16:00:00.000Z' }), ctx, { kind: 'candidate' });
    expect([moved.uid, moved.sequence, moved.status]).toEqual(['interview-iv1-candidate@closer', 2, 'CONFIRMED']);
    const text = writeInvite([interview({ version: 4, status: 'cancelled' })], () => ctx, { kind: 'candidate' });
    const cal = parseIcs(text);
    expect(icsProperty(cal, 'METHOD')!.value).toBe('CANCEL');
    expect(prop(cal.components[0]!, 'STATUS')).toBe('CANCELLED');
    expect(prop(cal.components[0]!, 'SEQUENCE')).toBe('3');
  });

  it("a candidate's onsite is one REQUEST with every interview in start order; a cancelled one stays, marked CANCELLED", () => {
    const text = writeInvite(
      [
        interview({ id: 'c', scheduledAt: '2026-11-03T16:00:00.000Z', status: 'cancelled', version: 2 }),
        interview({ id: 'a', scheduledAt: '2026-11-03T10:00:00.000Z' }),
        interview({ id: 'b', scheduledAt: '2026-11-03T13:00:00.000Z' }),
      ],
      () => ctx,
      { kind: 'candidate' },
    );
    const cal = parseIcs(text);
    expect(icsProperty(cal, 'METHOD')!.value).toBe('REQUEST');
    expect(cal.components.map((c) => [prop(c, 'UID'), prop(c, 'STATUS')])).toEqual([
      ['interview-a-candidate@closer', 'CONFIRMED'],
      ['interview-b-candidate@closer', 'CONFIRMED'],
      ['interview-c-candidate@closer', 'CANCELLED'],
    ]);
  });
});
