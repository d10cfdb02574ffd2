import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoMs } from './time.js';

const YEAR_0 = Date.parse('0000-01-01T00:00:00.000Z');
const YEAR_9999_END = Date.parse('9999-12-31T23:59:59.999Z');

describe('parseIsoMs', () => {
  it('equals Date.parse on every canonical instant from year 0 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: YEAR_0, max: YEAR_9999_END }), (ms) => {
        const iso = new Date(ms).toISOString();
        expect(parseIsoMs(iso)).toBe(ms);
        expect(parseIsoMs(iso)).toBe(Date.parse(iso));
      }),
      { numRuns: 5_000 },
    );
  });

  it('equals Date.parse on canonical-looking strings with any field values (overflowing days, hour 24, bad digits)', () => {
    const field = (n: number) => fc.oneof(fc.stringMatching(new RegExp(`^[0-9]{${n}}$`)), fc.string({ minLength: n, maxLength: n }));
    fc.assert(
      fc.property(field(4), field(2), field(2), field(2), field(2), field(2), field(3), (y, mo, d, h, mi, s, ms) => {
        const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`;
        expect(Object.is(parseIsoMs(iso), Date.parse(iso))).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });

  it.each([
    '2024-02-29T12:00:00.000Z',
    '2026-02-29T00:00:00.000Z',
    '2026-02-30T00:00:00.000Z',
    '2026-04-31T00:00:00.000Z',
    '2026-01-01T24:00:00.000Z',
    '2026-01-01T23:60:00.000Z',
    '2026-13-01T00:00:00.000Z',
    '2026-00-10T00:00:00.000Z',
    '2026-10-01T00:00:00+02:00',
    '2026-10-01T00:00:00Z',
    '2026-10-01',
    '+012026-10-01T00:00:00.000Z',
    '',
    'not a time',
  ])('equals Date.parse on %j', (iso) => {
    expect(Object.is(parseIsoMs(iso), Date.parse(iso))).toBe(true);
  });
});
