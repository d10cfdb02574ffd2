import { describe, expect, it } from 'vitest';
import { matchField, normaliseFieldPath } from './field-path.js';

describe('normaliseFieldPath', () => {
  it.each([
    ['/owner/email', 'owner.email'],
    ['owner[email]', 'owner.email'],
    ['owner.email', 'owner.email'],
    ['email', 'email'],
  ])('turns %s into %s', (input, expected) => {
    expect(normaliseFieldPath(input)).toBe(expected);
  });
});

describe('matchField', () => {
  const fields = ['company.name', 'company.raisedUsd', 'owner.name', 'owner.email'];

  it('matches the exact path', () => {
    expect(matchField('owner.name', fields)).toBe('owner.name');
    expect(matchField('/company/raisedUsd', fields)).toBe('company.raisedUsd');
  });

  it('matches a unique last segment', () => {
    expect(matchField('email', fields)).toBe('owner.email');
  });

  it('does not guess when the last segment is ambiguous', () => {
    expect(matchField('name', fields)).toBeUndefined();
  });

  it('gives a nested path to the field that contains it', () => {
    expect(matchField('owner.email.domain', ['owner', 'owner.email'])).toBe('owner.email');
  });

  it('returns undefined without a field', () => {
    expect(matchField(undefined, fields)).toBeUndefined();
  });
});
