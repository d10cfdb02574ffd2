import { useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { sortRows } from '../lib/sort-rows.js';
import type { SortDirection, SortValue } from '../lib/sort-rows.js';

export interface DataTableColumn<T> {
  /** Stable id, used for sorting state. */
  id: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** Makes the column sortable by this value. */
  sortValue?: (row: T) => SortValue;
  /** Right-aligned, tabular figures (money, counts, days). */
  numeric?: boolean;
  /** Hidden under 720px to keep phone tables readable. */
  hideOnPhone?: boolean;
  /** CSS width, e.g. "8rem". */
  width?: string;
}

export interface DataTableProps<T> {
  /** Names the table for screen readers; shown when `showCaption`. */
  caption: string;
  showCaption?: boolean;
  columns: readonly DataTableColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Enter on a focused row (j/k to move) calls this; give rows a link too for mouse users. */
  onOpen?: (row: T) => void;
  initialSort?: { columnId: string; direction: SortDirection };
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
  /** Marks a row as needing attention (accent bar plus whatever text the cells give). */
  rowTone?: (row: T) => 'accent' | 'critical' | undefined;
}

/**
 * A dense, sortable table. Rows are one tab stop: Tab enters the list, j/k or arrows move, Home/End jump,
 * Enter opens; controls inside a row stay reachable with Tab.
 */
export function DataTable<T>({ caption, showCaption = false, columns, rows, rowKey, onOpen, initialSort, empty, rowTone }: DataTableProps<T>) {
  const [sort, setSort] = useState(initialSort);
  const [activeKey, setActiveKey] = useState<string>();
  const body = useRef<HTMLTableSectionElement>(null);

  const sorted = useMemo(() => {
    if (!sort) return [...rows];
    const column = columns.find((c) => c.id === sort.columnId);
    return column?.sortValue ? sortRows(rows, column.sortValue, sort.direction) : [...rows];
  }, [rows, columns, sort]);

  if (sorted.length === 0 && empty) return <>{empty}</>;

  const keys = sorted.map(rowKey);
  const active = activeKey !== undefined && keys.includes(activeKey) ? activeKey : keys[0];

  const focusRow = (index: number) => {
    const clamped = Math.max(0, Math.min(keys.length - 1, index));
    setActiveKey(keys[clamped]);
    body.current?.querySelectorAll<HTMLTableRowElement>(':scope > tr')[clamped]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const row = event.target as HTMLElement;
    // Keys typed into a select or button inside a row belong to that control.
    if (row.tagName !== 'TR' || event.altKey || event.ctrlKey || event.metaKey) return;
    const index = Number(row.dataset.index);
    const moves: Record<string, number> = { j: index + 1, ArrowDown: index + 1, k: index - 1, ArrowUp: index - 1, Home: 0, End: keys.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      focusRow(moves[event.key]);
    } else if (event.key === 'Enter' && onOpen) {
      event.preventDefault();
      onOpen(sorted[index]);
    }
  };

  const toggleSort = (column: DataTableColumn<T>) => {
    setSort((current) => ({
      columnId: column.id,
      direction:
        current?.columnId === column.id
          ? current.direction === 'ascending'
            ? 'descending'
            : 'ascending'
          : column.numeric
            ? 'descending'
            : 'ascending',
    }));
  };

  return (
    <div className="table-wrap">
      <table className="data-table" data-keyboard-list="">
        <caption className={showCaption ? 'table-caption' : 'visually-hidden'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const sorted = sort?.columnId === column.id ? sort.direction : undefined;
              return (
                <th
                  key={column.id}
                  scope="col"
                  className={cellClass(column)}
                  style={column.width ? { width: column.width } : undefined}
                  aria-sort={column.sortValue ? (sorted ?? 'none') : undefined}
                >
                  {column.sortValue ? (
                    <button type="button" className="sort-button" onClick={() => toggleSort(column)}>
                      {column.header}
                      <span className="sort-mark" aria-hidden="true">
                        {sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : '↕'}
                      </span>
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody ref={body} onKeyDown={onKeyDown}>
          {sorted.map((row, index) => {
            const key = keys[index];
            const tone = rowTone?.(row);
            return (
              <tr
                key={key}
                data-index={index}
                tabIndex={key === active ? 0 : -1}
                className={tone ? `row-${tone}` : undefined}
                onFocus={() => setActiveKey(key)}
              >
                {columns.map((column) => (
                  <td key={column.id} className={cellClass(column)}>
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function cellClass<T>(column: DataTableColumn<T>): string | undefined {
  const classes = [column.numeric ? 'num' : '', column.hideOnPhone ? 'hide-phone' : ''].filter(Boolean).join(' ');
  return classes || undefined;
}
