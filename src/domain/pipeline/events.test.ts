import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { CLOCK_SKEW_TOLERANCE_MS, EVENT_TYPES, EventInputBody, parseEventInput, safeParseEventInput } from './events.js';

const NOW = new Date('2025-03-10T12:00:00.000Z');

function failure(input: unknown, now: Date | number = NOW): { code: string; field: string | undefined } {
  try {
    parseEventInput(input, now);
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, field: error.field };
    throw error;
  }
  throw new Error('expected parseEventInput to throw');
}

const VALID: { type: string; data?: unknown }[] = [
  { type: 'outreach.sent', data: { channel: 'linkedin' } },
  { type: 'candidate.replied', data: { latencyHours: 5.5, length: 320, asksQuestion: true } },
  { type: 'team.replied' },
  { type: 'team.replied', data: {} },
  { type: 'application.received', data: { source: 'vc-introduction' } },
  { type: 'stage.changed', data: { from: 'screen', to: 'onsite' } },
  { type: 'interview.scheduled', data: { interviewId: 'int_1', at: '2025-03-12T15:00:00+01:00' } },
  { type: 'interview.completed', data: { interviewId: 'int_1', final: true, interviewerIds: ['u_1', 'u_2'] } },
  { type: 'scorecard.submitted', data: { interviewId: 'int_1', interviewerId: 'u_1' } },
  { type: 'offer.drafted', data: { offerId: 'of_1' } },
  { type: 'offer.approval-requested', data: { offerId: 'of_1', approverIds: ['u_dana'] } },
  { type: 'offer.approved', data: { offerId: 'of_1', approverId: 'u_dana' } },
  { type: 'offer.rejected', data: { offerId: 'of_1', reason: 'Above band' } },
  { type: 'offer.extended', data: { offerId: 'of_1' } },
  { type: 'offer.accepted', data: { offerId: 'of_1' } },
  { type: 'offer.declined', data: { offerId: 'of_1' } },
  { type: 'candidate.withdrew', data: { reason: 'Accepted elsewhere' } },
  { type: 'signal.observed', data: { signal: 'accelerate-request', note: 'Asked to do everything this week' } },
  { type: 'signal.observed', data: { signal: 'competing-offer', deadline: '2025-03-14' } },
  { type: 'signal.observed', data: { signal: 'competing-offer', deadline: '2025-03-14T17:00:00Z' } },
  { type: 'note', data: { text: 'Strong on inference cost' } },
  { type: 'application.closed', data: { status: 'hired' } },
  { type: 'application.closed', data: { status: 'lost', lossReason: 'process-too-slow' } },
  { type: 'application.closed', data: { status: 'withdrawn' } },
  { type: 'application.reopened', data: { stage: 'screen', note: 'They are back in the market' } },
  { type: 'event.retracted', data: { eventId: '0b6c2f7e-5c1a-4b8e-9d0a-1f2e3d4c5b6a' } },
];

describe('parseEventInput', () => {
  it.each(VALID)('accepts a valid $type event', (input) => {
    const parsed = parseEventInput(input, NOW);
    expect(parsed.type).toBe(input.type);
    expect(parsed.data).toEqual(input.data ?? {});
  });

  it('covers every event type in the valid table', () => {
    expect(new Set(VALID.map((v) => v.type))).toEqual(new Set(EVENT_TYPES));
  });

  it('defaults occurredAt to now and normalises it to an ISO UTC string', () => {
    expect(parseEventInput({ type: 'team.replied' }, NOW).occurredAt).toBe('2025-03-10T12:00:00.000Z');
    expect(parseEventInput({ type: 'team.replied', occurredAt: '2025-03-10T13:00:00+02:00' }, NOW).occurredAt).toBe('2025-03-10T11:00:00.000Z');
    expect(parseEventInput({ type: 'team.replied', occurredAt: new Date('2025-03-09T00:00:00Z') }, NOW.getTime()).occurredAt).toBe(
      '2025-03-09T00:00:00.000Z',
    );
  });

  it.each([
    ['unknown type', { type: 'offer.exploded' }, 'EVENT_TYPE_INVALID', 'type'],
    ['missing type', { data: {} }, 'EVENT_TYPE_INVALID', 'type'],
    ['type not a string', { type: 7 }, 'EVENT_TYPE_INVALID', 'type'],
    ['inherited property as type', { type: 'toString' }, 'EVENT_TYPE_INVALID', 'type'],
    ['unknown top-level field', { type: 'team.replied', actor: 'x' }, 'UNKNOWN_FIELD', 'actor'],
    ['occurredAt without a zone', { type: 'team.replied', occurredAt: '2025-03-10T10:00:00' }, 'VALIDATION_FAILED', 'occurredAt'],
    ['occurredAt not a date', { type: 'team.replied', occurredAt: 'yesterday' }, 'VALIDATION_FAILED', 'occurredAt'],
    ['occurredAt a number', { type: 'team.replied', occurredAt: 1741600000000 }, 'VALIDATION_FAILED', 'occurredAt'],
    ['missing required data', { type: 'outreach.sent' }, 'VALIDATION_FAILED', 'data.channel'],
    ['data not an object', { type: 'outreach.sent', data: 'email' }, 'VALIDATION_FAILED', 'data'],
    ['wrong channel', { type: 'outreach.sent', data: { channel: 'fax' } }, 'VALIDATION_FAILED', 'data.channel'],
    ['negative latency', { type: 'candidate.replied', data: { latencyHours: -1, length: 3, asksQuestion: false } }, 'VALIDATION_FAILED', 'data.latencyHours'],
    ['fractional length', { type: 'candidate.replied', data: { latencyHours: 1, length: 3.5, asksQuestion: false } }, 'VALIDATION_FAILED', 'data.length'],
    ['string boolean', { type: 'candidate.replied', data: { latencyHours: 1, length: 3, asksQuestion: 'yes' } }, 'VALIDATION_FAILED', 'data.asksQuestion'],
    ['unknown data field', { type: 'team.replied', data: { channel: 'email' } }, 'UNKNOWN_FIELD', 'data.channel'],
    ['unknown source', { type: 'application.received', data: { source: 'billboard' } }, 'VALIDATION_FAILED', 'data.source'],
    ['stage not a slug', { type: 'stage.changed', data: { from: 'Screen', to: 'onsite' } }, 'VALIDATION_FAILED', 'data.from'],
    ['no interviewers', { type: 'interview.completed', data: { interviewId: 'i', final: false, interviewerIds: [] } }, 'VALIDATION_FAILED', 'data.interviewerIds'],
    ['repeated interviewer', { type: 'interview.completed', data: { interviewId: 'i', final: false, interviewerIds: ['a', 'a'] } }, 'VALIDATION_FAILED', 'data.interviewerIds'],
    ['id with a space', { type: 'interview.completed', data: { interviewId: 'i', final: false, interviewerIds: ['a b'] } }, 'VALIDATION_FAILED', 'data.interviewerIds[0]'],
    ['overlong id', { type: 'offer.drafted', data: { offerId: 'x'.repeat(129) } }, 'VALIDATION_FAILED', 'data.offerId'],
    ['unknown signal', { type: 'signal.observed', data: { signal: 'engagement-falling' } }, 'VALIDATION_FAILED', 'data.signal'],
    ['deadline on another signal', { type: 'signal.observed', data: { signal: 'accelerate-request', deadline: '2025-03-14' } }, 'UNKNOWN_FIELD', 'data.deadline'],
    ['bad deadline', { type: 'signal.observed', data: { signal: 'competing-offer', deadline: 'Friday' } }, 'VALIDATION_FAILED', 'data.deadline'],
    ['lost without a reason', { type: 'application.closed', data: { status: 'lost' } }, 'VALIDATION_FAILED', 'data.lossReason'],
    ['hired with a loss reason', { type: 'application.closed', data: { status: 'hired', lossReason: 'other' } }, 'UNKNOWN_FIELD', 'data.lossReason'],
    ['unknown status', { type: 'application.closed', data: { status: 'paused' } }, 'VALIDATION_FAILED', 'data.status'],
    ['empty note', { type: 'note', data: { text: '' } }, 'VALIDATION_FAILED', 'data.text'],
    ['NUL in a note', { type: 'note', data: { text: 'a\u0000b' } }, 'VALIDATION_FAILED', 'data.text'],
    ['lone surrogate', { type: 'note', data: { text: 'a\ud800b' } }, 'VALIDATION_FAILED', 'data.text'],
    ['overlong note', { type: 'note', data: { text: 'x'.repeat(10_001) } }, 'VALIDATION_FAILED', 'data.text'],
    ['withdrawal without a reason', { type: 'candidate.withdrew', data: {} }, 'VALIDATION_FAILED', 'data.reason'],
  ])('rejects %s', (_name, input, code, field) => {
    expect(failure(input)).toEqual({ code, field });
  });

  it('rejects input that is not an object', () => {
    for (const input of [null, 'note', [], 3]) expect(failure(input).code).toBe('VALIDATION_FAILED');
  });

  it.each([
    ['exactly at the skew tolerance', CLOCK_SKEW_TOLERANCE_MS, true],
    ['just inside the skew tolerance', CLOCK_SKEW_TOLERANCE_MS - 1, true],
    ['1 ms past the skew tolerance', CLOCK_SKEW_TOLERANCE_MS + 1, false],
    ['a day ahead', 86_400_000, false],
  ])('occurredAt %s ahead of now: accepted=%s', (_name, aheadMs, accepted) => {
    const input = { type: 'team.replied', occurredAt: new Date(NOW.getTime() + aheadMs).toISOString() };
    if (accepted) expect(parseEventInput(input, NOW).type).toBe('team.replied');
    else expect(failure(input)).toEqual({ code: 'EVENT_IN_FUTURE', field: 'occurredAt' });
  });

  it('safeParseEventInput returns the error instead of throwing', () => {
    const result = safeParseEventInput({ type: 'nope' }, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('EVENT_TYPE_INVALID');
    expect(safeParseEventInput({ type: 'team.replied' }, NOW)).toEqual({
      ok: true,
      value: { type: 'team.replied', occurredAt: NOW.toISOString(), data: {} },
    });
  });

  it('exposes a body schema for OpenAPI that agrees with the parser on valid input', () => {
    for (const input of VALID) expect(EventInputBody.safeParse(input).success).toBe(true);
    expect(EventInputBody.safeParse({ type: 'offer.exploded' }).success).toBe(false);
  });
});
