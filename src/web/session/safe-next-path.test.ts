import { describe, expect, it } from 'vitest';
import { safeNextPath } from './SessionGate.js';

describe('safeNextPath', () => {
  it.each([
    ['?next=%2Froles', '/roles'],
    ['?next=%2Fsettings%2Fusers%3Fx%3D1', '/settings/users?x=1'],
  ])('follows an in-app path (%s)', (search, expected) => {
    expect(safeNextPath(search)).toBe(expected);
  });

  it.each(['', '?next=', '?next=https%3A%2F%2Fevil.example', '?next=%2F%2Fevil.example', '?next=%2Flogin', '?next=%2Fsetup', '?next=roles'])(
    'ignores %s',
    (search) => {
      expect(safeNextPath(search)).toBeUndefined();
    },
  );
});
