import { describe, expect, it } from 'vitest';
import { auditInstant } from './period.js';

describe('auditInstant', () => {
  it('a date starts at midnight UTC; as the end of a period it takes the whole day', () => {
    expect(auditInstant('2026-11-02', false)).toBe('2026-11-02T00:00:00.000Z');
    expect(auditInstant('2026-11-02', true)).toBe('2026-11-03T00:00:00.000Z');
  });
  it('an instant is kept as it is, in the stored form', () => {
    expect(auditInstant('2026-11-02T10:30:00+02:00', true)).toBe('2026-11-02T08:30:00.000Z');
  });
  it('no value, no bound', () => {
    expect(auditInstant(undefined, false)).toBeUndefined();
  });
});
