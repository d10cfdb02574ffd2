export type SortValue = string | number | boolean | Date | null | undefined;
export type SortDirection = 'ascending' | 'descending';

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function isEmpty(value: SortValue): value is null | undefined {
  return value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value));
}

/** Compares two sort values of the same column; empty values are handled by `sortRows`. */
export function compareValues(a: Exclude<SortValue, null | undefined>, b: Exclude<SortValue, null | undefined>): number {
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
  const left = a instanceof Date ? a.getTime() : Number(a);
  const right = b instanceof Date ? b.getTime() : Number(b);
  return left - right;
}

/**
 * Sorts a copy of `rows` by a column's value. Stable, natural order for text ("Role 2" before "Role 10"),
 * and rows without a value last in either direction.
 */
export function sortRows<T>(rows: readonly T[], value: (row: T) => SortValue, direction: SortDirection): T[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, key: value(row) }))
    .sort((x, y) => {
      const xEmpty = isEmpty(x.key);
      const yEmpty = isEmpty(y.key);
      if (xEmpty || yEmpty) return xEmpty === yEmpty ? x.index - y.index : xEmpty ? 1 : -1;
      return sign * compareValues(x.key as Exclude<SortValue, null | undefined>, y.key as Exclude<SortValue, null | undefined>) || x.index - y.index;
    })
    .map(({ row }) => row);
}
