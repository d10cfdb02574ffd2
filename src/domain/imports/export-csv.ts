// CSV for the full export: one file per table, columns in the order they first appear. A cell that a spreadsheet
// would run as a formula (starting with = + - @, a tab or a carriage return, also after leading spaces, and the
// full-width ＝ ＋ － ＠ some spreadsheets read as the same) is prefixed with a quote, so an imported
// `=HYPERLINK(...)` stays text on the way out too. Pure.

const FORMULA_START = /^[\t\r]|^[ \u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;

/** One cell as CSV text: null is empty, objects are JSON, formula starts are neutralised, quotes doubled. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as a CSV document with a header line; every row has every column. */
export function toCsv(rows: readonly Record<string, unknown>[]): string {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) for (const k of Object.keys(row)) if (!seen.has(k)) (seen.add(k), columns.push(k));
  const lines = [columns.map(csvCell).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
