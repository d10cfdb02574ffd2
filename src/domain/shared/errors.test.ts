import { describe, expect, it } from 'vitest';
import { statusForCode } from './error-codes.js';
import { DomainError, preconditionFailed, toResult } from './errors.js';

describe('DomainError', () => {
  it('is the one error type: a catalogue code, a message and the field at fault', () => {
    const e = new DomainError('ROLE_NOT_FOUND', 'No such role.', 'id');
    expect(e).toBeInstanceOf(Error);
    expect([e.code, e.message, e.field, e.name]).toEqual(['ROLE_NOT_FOUND', 'No such role.', 'id', 'DomainError']);
    expect(statusForCode(e.code)).toBe(404);
  });

  it('preconditionFailed is 412 on If-Match, with the default or a given message', () => {
    const e = preconditionFailed();
    expect([e.code, e.field, e.message]).toEqual(['PRECONDITION_FAILED', 'If-Match', 'The record changed since you read it. Reload and try again.']);
    expect(statusForCode(e.code)).toBe(412);
    expect(preconditionFailed('The offer changed since you read it. Reload and try again.').message).toBe('The offer changed since you read it. Reload and try again.');
  });

  it('toResult turns a thrown DomainError into a result and rethrows anything else', () => {
    expect(toResult(() => 1)).toEqual({ ok: true, value: 1 });
    const r = toResult(() => {
      throw new DomainError('VALIDATION_FAILED', 'bad', 'x');
    });
    expect(r.ok).toBe(false);
    expect(() => toResult(() => { throw new TypeError('boom'); })).toThrow(TypeError);
  });
});
