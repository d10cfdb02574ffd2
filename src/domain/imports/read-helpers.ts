// Small tolerant readers shared by the vendor parsers: a field is read if it has the expected type and ignored
// otherwise, so nulls, missing optional fields and unknown fields never stop an import. Pure.
import type { ImportProblem, ImportSystem } from './canonical.js';
import { readJsonRecords } from './json-stream.js';

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const obj = (v: unknown): Obj | undefined => (isObj(v) ? v : undefined);
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A non-empty trimmed string, or undefined. */
export function str(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

/** An id as text: vendors use integers (Greenhouse) or strings (Lever, Ashby). */
export function idOf(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  if (isObj(v)) return idOf(v.id);
  return undefined;
}

export function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v.trim());
  return undefined;
}

export function bool(v: unknown): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}

/** Any value as short display text (custom fields, answers). */
export function text(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return str(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    const parts = v.map(text).filter((x): x is string => x !== undefined);
    return parts.length ? parts.join(', ') : undefined;
  }
  if (isObj(v)) {
    for (const k of ['name', 'text', 'title', 'label', 'value']) {
      const t = text(v[k]);
      if (t !== undefined) return t;
    }
    if ('amount' in v) return [text(v.amount), text(v.unit ?? v.currency ?? v.currencyCode)].filter(Boolean).join(' ');
  }
  return undefined;
}

/** A timestamp as a UTC ISO instant: ISO text (with or without a zone; date-only is midnight UTC) or epoch ms. */
export function toIso(v: unknown): string | undefined {
  let d: Date | undefined;
  if (typeof v === 'number' && Number.isFinite(v)) d = new Date(v);
  else if (typeof v === 'string' && v.trim() !== '') {
    const s = v.trim();
    if (/^\d{10,13}$/.test(s)) d = new Date(Number(s.length === 10 ? Number(s) * 1000 : s));
    else if (/^\d{4}-\d{2}-\d{2}/.test(s)) d = new Date(/T|\s\d/.test(s) && !/(Z|[+-]\d{2}:?\d{2})$/.test(s) ? `${s.replace(' ', 'T')}Z` : s);
  }
  if (!d || Number.isNaN(d.getTime())) return undefined;
  return d.toISOString();
}

/** A date (YYYY-MM-DD) from a date or an instant. */
export function toDate(v: unknown): string | undefined {
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v.trim())) return v.trim();
  return toIso(v)?.slice(0, 10);
}

/** A person's name from first/last parts, falling back to a whole name. */
export function personName(first: unknown, last: unknown, whole?: unknown): string | undefined {
  const joined = [str(first), str(last)].filter(Boolean).join(' ');
  return joined || str(whole);
}

/**
 * Money as a number of whole units, from a number or numeric text. Never rounded: an amount with a fraction, a
 * negative one or one beyond the exact integers is passed on as it is, and the plan reports it (money in Closer is
 * an integer of whole units).
 */
export function wholeUnits(v: unknown): number | undefined {
  if (typeof v === 'string') {
    const cleaned = v.replace(/[,\s]/g, '');
    return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : undefined;
  }
  return num(v);
}

export const isCurrency = (v: unknown): v is string => typeof v === 'string' && /^[A-Z]{3}$/.test(v.trim().toUpperCase());

/** Collects problems for one parse; repeated warnings of one code are kept up to a cap and then counted. */
export class ProblemLog {
  readonly list: ImportProblem[] = [];
  private readonly perCode = new Map<string, number>();
  private readonly tallies = new Map<string, { problem: ImportProblem; count: number; render: (n: number) => string }>();

  constructor(private readonly cap = 200) {}

  add(problem: ImportProblem): void {
    const seen = (this.perCode.get(problem.code) ?? 0) + 1;
    this.perCode.set(problem.code, seen);
    if (problem.severity === 'error' || seen <= this.cap) this.list.push(problem);
    else if (seen === this.cap + 1) this.list.push({ severity: 'warning', code: problem.code, message: `More problems of this kind (${problem.code}) are not listed one by one.` });
  }

  error(code: string, message: string, where: Omit<ImportProblem, 'severity' | 'code' | 'message'> = {}): void {
    this.add({ severity: 'error', code, message, ...where });
  }

  warn(code: string, message: string, where: Omit<ImportProblem, 'severity' | 'code' | 'message'> = {}): void {
    this.add({ severity: 'warning', code, message, ...where });
  }

  /** One warning for many records: `render(count)` gives its message once all are counted. */
  tally(key: string, problem: Omit<ImportProblem, 'message'>, render: (n: number) => string): void {
    const t = this.tallies.get(key);
    if (t) t.count++;
    else this.tallies.set(key, { problem: { ...problem, message: '' }, count: 1, render });
  }

  merge(problems: readonly ImportProblem[]): void {
    for (const p of problems) this.add(p);
  }

  done(): ImportProblem[] {
    for (const { problem, count, render } of this.tallies.values()) this.list.push({ ...problem, message: render(count) });
    this.tallies.clear();
    return this.list;
  }
}

/** The resource a file holds, from its path: `candidates.json`, `candidates/page-0001.json`, `v1/candidates-2.json`. */
export function resourceOfPath(path: string, normalize: (name: string) => string | undefined): string | undefined {
  const segments = path.split(/[\\/]/).filter(Boolean).reverse();
  for (const segment of segments) {
    const stem = segment.replace(/\.(json|jsonl|ndjson)$/i, '');
    const cleaned = stem.replace(/[-_.]?(page)?[-_.]?\d+$/i, '');
    const found = normalize(cleaned) ?? normalize(stem);
    if (found) return found;
  }
  return undefined;
}

/** Keeps the first record per external id and counts the repeats (pages fetched twice, v1 and v3 of one record). */
export class RecordMap<T> {
  readonly map = new Map<string, T>();
  duplicates = 0;

  set(id: string, value: T, replace = false): void {
    if (this.map.has(id)) {
      this.duplicates++;
      if (!replace) return;
    }
    this.map.set(id, value);
  }

  get(id: string | undefined): T | undefined {
    return id === undefined ? undefined : this.map.get(id);
  }

  has(id: string | undefined): boolean {
    return id !== undefined && this.map.has(id);
  }

  values(): T[] {
    return [...this.map.values()];
  }
}

/** Sorts a stage history by time and reports entries before the application was created (kept, since the vendor
 * says so) and entries that arrived out of order. */
export function orderHistory<T extends { at: string }>(history: T[], system: ImportSystem, appId: string, createdAt: string, log: ProblemLog, file?: string): T[] {
  let outOfOrder = false;
  for (let i = 1; i < history.length; i++) if (history[i].at < history[i - 1].at) outOfOrder = true;
  if (outOfOrder) {
    log.tally(`${system}:history-order`, { severity: 'warning', code: 'out-of-order', recordId: appId, ...(file ? { file } : {}) }, (n) =>
      `${n} application(s) list stage changes out of time order; they were sorted by time (first: ${appId}).`);
  }
  const sorted = outOfOrder ? [...history].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)) : history;
  if (sorted.length && sorted[0].at < createdAt) {
    log.tally(`${system}:history-before-created`, { severity: 'warning', code: 'out-of-order', recordId: appId, ...(file ? { file } : {}) }, (n) =>
      `${n} application(s) entered a stage before they were created; the stage times were kept (first: ${appId}).`);
  }
  return sorted;
}

export interface VendorRecord {
  resource: string;
  value: Obj;
  file: string;
  line: number;
}

/** Reads every JSON file of an import, record by record, naming each record's resource from the file's path (or the
 * top-level key of a file that holds several resources). Files of no known resource are reported and skipped;
 * `onMeta` sees each file's top-level fields (Ashby's `success`). */
export async function forEachVendorRecord(
  files: readonly { name: string; chunks: () => AsyncIterable<string> }[],
  normalize: (name: string) => string | undefined,
  log: ProblemLog,
  onRecord: (record: VendorRecord) => void,
  onMeta?: (file: string, meta: Obj) => void,
): Promise<void> {
  for (const file of files) {
    if (!/\.(json|jsonl|ndjson)$/i.test(file.name)) {
      log.warn('unknown-file', 'Only .json files are read from this source; this file was skipped.', { file: file.name });
      continue;
    }
    const pathResource = resourceOfPath(file.name, normalize);
    let unknown = 0;
    let notObjects = 0;
    const summary = await readJsonRecords(
      file,
      (record) => {
        const resource = (record.key !== undefined && record.key !== 'results' && record.key !== 'data' ? normalize(record.key) : undefined) ?? pathResource;
        if (!resource) {
          unknown++;
          return;
        }
        if (!isObj(record.value)) {
          notObjects++;
          if (notObjects === 1) log.warn('not-an-object', 'A record is not a JSON object and was skipped.', { file: file.name, line: record.line });
          return;
        }
        onRecord({ resource, value: record.value, file: file.name, line: record.line });
      },
      { recordKeys: (key) => key === 'results' || key === 'data' || normalize(key) !== undefined },
    );
    log.merge(summary.problems);
    if (unknown > 0) log.warn('unknown-file', `The file's name does not say which records it holds, so its ${unknown} record(s) were skipped; name it after the resource (for example candidates.json).`, { file: file.name });
    onMeta?.(file.name, summary.meta);
  }
}
