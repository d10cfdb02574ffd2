import { describe, expect, it } from 'vitest';
import { splitPlaces } from './places.js';

describe('splitPlaces', () => {
  it('splits the names of places out of a message, in order', () => {
    expect(splitPlaces('Change their role in Settings → Users, or choose someone else in Settings → Approvals.')).toEqual([
      { text: 'Change their role in ' },
      { text: 'Settings → Users', path: '/settings/users' },
      { text: ', or choose someone else in ' },
      { text: 'Settings → Approvals', path: '/settings/approvals' },
      { text: '.' },
    ]);
  });

  it('leaves a message without places whole, and handles a place at either end', () => {
    expect(splitPlaces('Nothing to see.')).toEqual([{ text: 'Nothing to see.' }]);
    expect(splitPlaces('Settings → Approvals')).toEqual([{ text: 'Settings → Approvals', path: '/settings/approvals' }]);
    expect(splitPlaces('')).toEqual([]);
  });
});
