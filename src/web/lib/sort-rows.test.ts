import { describe, expect, it } from 'vitest';
import { sortRows } from './sort-rows.js';
import type { SortValue } from './sort-rows.js';

const byValue = (values: SortValue[], direction: 'ascending' | 'descending') =>
  sortRows(values.map((v, i) => ({ v, i })), (row) => row.v, direction).map((row) => row.v);

describe('sortRows', () => {
  it('sorts text naturally and case-insensitively', () => {
    expect(byValue(['Role 10', 'role 2', 'Role 1'], 'ascending')).toEqual(['Role 1', 'role 2', 'Role 10']);
  });

  it('sorts numbers and dates both ways', () => {
    expect(byValue([3, 1, 2], 'descending')).toEqual([3, 2, 1]);
    const d1 = new Date('2025-01-01');
    const d2 = new Date('2025-02-01');
    expect(byValue([d2, d1], 'ascending')).toEqual([d1, d2]);
  });

  it('puts empty values last in both directions', () => {
    expect(byValue([null, 2, undefined, 1], 'ascending')).toEqual([1, 2, null, undefined]);
    expect(byValue([null, 2, undefined, 1], 'descending')).toEqual([2, 1, null, undefined]);
  });

  it('keeps equal rows in their original order', () => {
    const rows = [{ k: 1, id: 'a' }, { k: 1, id: 'b' }, { k: 0, id: 'c' }];
    expect(sortRows(rows, (r) => r.k, 'descending').map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('does not change the input array', () => {
    const rows = [2, 1];
    sortRows(rows, (r) => r, 'ascending');
    expect(rows).toEqual([2, 1]);
  });
});
