// The generic spreadsheet source: any CSV with one row per application (or per candidate), read as a stream, its
// columns mapped to Closer's fields (proposed from the header names, adjustable by the user), rows folded into one
// ImportBatch. Cells are text and stay text: a cell starting with = + - @ is never evaluated, only flagged.
import { emptyBatch, type ImportBatch, type ImportFile, type ImportParser, type ImportProblem, type ImportedApplicationStatus } from './canonical.js';

/* ------------------------------------------------------------------------------------------------ the reader */

/** One record of a CSV file with the 1-based line it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** A CSV file that cannot be read on (an unterminated quote); the reader stops there. */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/**
 * Reads RFC 4180 CSV chunk by chunk: quoted fields with commas, doubled quotes and line breaks, CRLF or LF, a leading
 * byte-order mark. Memory stays bounded by the longest record, whatever the file's size. Blank lines are skipped.
 */
export async function* readCsvRecords(chunks: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let quoteSeen = false; // the previous character closed a quote (or was the first of a doubled one)
  let line = 1;
  let recordLine = 1;
  let first = true;
  let pendingCr = false;
  let rowHasContent = false;
  const endRecord = function* (): Generator<CsvRecord> {
    fields.push(field);
    if (rowHasContent || fields.length > 1 || field !== '') yield { line: recordLine, fields };
    fields = [];
    field = '';
    rowHasContent = false;
  };
  for await (let chunk of chunks) {
    if (first) {
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      first = chunk.length === 0;
    }
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk.charCodeAt(i);
      if (inQuotes) {
        if (ch === 34 /* " */) {
          field += chunk.slice(start, i);
          start = i + 1;
          inQuotes = false;
          quoteSeen = true;
        } else if (ch === 10) line++;
        continue;
      }
      if (pendingCr) {
        pendingCr = false;
        if (ch === 10) {
          start = i + 1;
          continue;
        }
      }
      if (ch === 34) {
        if (quoteSeen) {
          // A doubled quote inside a quoted field: keep one and go back into the quotes.
          field += '"';
          inQuotes = true;
          quoteSeen = false;
          start = i + 1;
          continue;
        }
        field += chunk.slice(start, i);
        start = i + 1;
        inQuotes = true;
        rowHasContent = true;
        continue;
      }
      quoteSeen = false;
      if (ch === 44 /* , */) {
        field += chunk.slice(start, i);
        fields.push(field);
        field = '';
        start = i + 1;
      } else if (ch === 10 || ch === 13) {
        field += chunk.slice(start, i);
        yield* endRecord();
        line++;
        recordLine = line;
        start = i + 1;
        if (ch === 13) pendingCr = true;
      }
    }
    field += chunk.slice(start);
  }
  if (inQuotes) throw new CsvSyntaxError(`A quoted field that starts on line ${recordLine} is never closed.`, recordLine);
  if (field !== '' || fields.length > 0 || rowHasContent) yield* endRecord();
}

/* ------------------------------------------------------------------------------------------- the column mapping */

/** The fields a CSV column can fill. */
export const CSV_FIELDS = [
  'candidateId',
  'name',
  'firstName',
  'lastName',
  'email',
  'phone',
  'links',
  'location',
  'currentEmployer',
  'title',
  'tags',
  'applicationId',
  'roleTitle',
  'stage',
  'stageEnteredAt',
  'status',
  'source',
  'referrer',
  'rejectionReason',
  'createdAt',
  'closedAt',
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/** Header -> field (or null: the column is ignored). Headers are matched after trimming, case-insensitively. */
export type CsvColumnMapping = Record<string, CsvField | null>;

// The header words each field is known by, in Greenhouse's, Lever's and Ashby's spreadsheets and in hand-made ones.
const HEADER_WORDS: Record<CsvField, readonly string[]> = {
  candidateId: ['candidate id', 'candidate_id', 'person id', 'contact id', 'opportunity id', 'id'],
  name: ['name', 'full name', 'candidate', 'candidate name', 'person'],
  firstName: ['first name', 'firstname', 'first_name', 'given name'],
  lastName: ['last name', 'lastname', 'last_name', 'surname', 'family name'],
  email: ['email', 'e-mail', 'email address', 'e-mail address', 'primary email', 'email_address', 'emails'],
  phone: ['phone', 'phone number', 'mobile', 'telephone', 'phone numbers'],
  links: ['links', 'linkedin', 'linkedin url', 'linkedin profile', 'website', 'websites', 'github', 'social media', 'url', 'portfolio'],
  location: ['location', 'city', 'address', 'candidate location'],
  currentEmployer: ['company', 'current company', 'employer', 'current employer', 'organisation', 'organization'],
  title: ['title', 'current title', 'headline', 'job title (current)', 'position (current)'],
  tags: ['tags', 'tag', 'labels'],
  applicationId: ['application id', 'application_id', 'candidacy id'],
  roleTitle: ['job', 'job name', 'job title', 'role', 'position', 'posting', 'opening', 'requisition', 'job_name', 'applied for'],
  stage: ['stage', 'current stage', 'milestone', 'interview stage', 'pipeline stage', 'stage name', 'current interview stage'],
  stageEnteredAt: ['stage entered', 'stage entered at', 'entered stage at', 'last stage change', 'moved to stage at', 'days in stage since'],
  status: ['status', 'application status', 'state', 'candidate status'],
  source: ['source', 'candidate source', 'origin', 'lead source'],
  referrer: ['referrer', 'referred by', 'who gets credit', 'credited to', 'sourced by', 'referral'],
  rejectionReason: ['rejection reason', 'reject reason', 'archive reason', 'archived reason', 'loss reason', 'reason'],
  createdAt: ['created at', 'created', 'applied at', 'applied on', 'date applied', 'application date', 'added', 'date added', 'created date'],
  closedAt: ['rejected at', 'rejected on', 'archived at', 'hired at', 'hired on', 'closed at', 'date rejected', 'date hired'],
};

const LOOKUP = new Map<string, CsvField>();
for (const field of CSV_FIELDS) for (const word of HEADER_WORDS[field]) if (!LOOKUP.has(word)) LOOKUP.set(word, field);

function headerKey(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');
}

/**
 * Proposes a mapping from the header names: known words only, each field once (except links, which several columns
 * may fill); anything unknown is ignored until the user says otherwise.
 */
export function proposeCsvMapping(headers: readonly string[]): CsvColumnMapping {
  const out: CsvColumnMapping = {};
  const taken = new Set<CsvField>();
  for (const header of headers) {
    const field = LOOKUP.get(headerKey(header)) ?? null;
    const usable = field !== null && (field === 'links' || !taken.has(field));
    out[header] = usable ? field : null;
    if (usable) taken.add(field);
  }
  return out;
}

/* --------------------------------------------------------------------------------------------- rows to a batch */

/** A cell a spreadsheet would run as a formula: kept as text, never evaluated. Phone-like values (+1 555 ...) are not. */
export function isFormulaCell(cell: string): boolean {
  if (!/^[=+\-@\t\r]/.test(cell)) return false;
  return !/^[+-][\d\s().\-/]+$/.test(cell);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Reads a time the way spreadsheets write it: ISO instants, `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]` (UTC when no zone
 * is given). Anything else is undefined: day-first and month-first dates cannot be told apart, so they are refused.
 */
export function parseCsvTime(text: string): string | undefined {
  const t = text.trim();
  const m = /^(\d{4})[-/](\d{2})[-/](\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', zone] = m;
  const z = zone === undefined || zone === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${z}`;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return undefined;
  // Refuse rolled-over dates such as 2026-02-31.
  const check = new Date(Date.parse(`${y}-${mo}-${d}T00:00:00Z`));
  if (check.getUTCDate() !== Number(d) || check.getUTCMonth() + 1 !== Number(mo)) return undefined;
  return new Date(ms).toISOString();
}

const STATUS_WORDS: Array<[RegExp, ImportedApplicationStatus]> = [
  [/^(hired|offer accepted|accepted|placed)$/, 'hired'],
  [/^(rejected|archived|lost|declined|disqualified|closed)$/, 'rejected'],
  [/^(withdrawn|withdrew|candidate withdrew)$/, 'withdrawn'],
  [/^(active|in process|in_process|in progress|open|new|lead|prospect)$/, 'active'],
];

function statusOf(text: string): ImportedApplicationStatus | undefined {
  const t = text.trim().toLowerCase();
  return STATUS_WORDS.find(([re]) => re.test(t))?.[1];
}

function slug(text: string): string {
  return text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

function splitList(text: string): string[] {
  return text
    .split(/[;,\n|]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Options of the CSV source: the user's column mapping (else proposed from each file's header). */
export interface CsvSourceOptions {
  mapping?: CsvColumnMapping;
  /** The time used for rows without a created date: the import's own time. */
  now?: Date;
}

/** The CSV source: one or more CSV files, one row per application (a row without a job is a candidate only). */
export function createCsvParser(options: CsvSourceOptions = {}): ImportParser {
  return async (files) => {
    const batch = emptyBatch('csv');
    const state = new BatchBuilder(batch, options.now ?? new Date());
    for (const file of files) await readCsvFile(file, options.mapping, state);
    return batch;
  };
}

/** The headers of a CSV file (its first record), for the mapping step; empty for an empty file. */
export async function readCsvHeaders(file: ImportFile): Promise<string[]> {
  try {
    for await (const record of readCsvRecords(file.chunks())) return record.fields.map((h) => h.trim());
  } catch {
    return [];
  }
  return [];
}

class BatchBuilder {
  readonly candidateIndex = new Map<string, number>();
  readonly roleIds = new Set<string>();
  readonly stageIds = new Set<string>();
  readonly applicationIds = new Set<string>();
  constructor(
    readonly batch: ImportBatch,
    readonly now: Date,
  ) {}
  problem(p: ImportProblem): void {
    this.batch.problems.push(p);
  }
}

async function readCsvFile(file: ImportFile, userMapping: CsvColumnMapping | undefined, state: BatchBuilder): Promise<void> {
  let columns: Array<CsvField | null> | undefined;
  let headers: string[] = [];
  try {
    for await (const record of readCsvRecords(file.chunks())) {
      if (!columns) {
        headers = record.fields.map((h) => h.trim());
        const proposed = proposeCsvMapping(headers);
        const mapping = userMapping ? Object.fromEntries(Object.entries(userMapping).map(([k, v]) => [headerKey(k), v])) : undefined;
        columns = headers.map((h) => (mapping && headerKey(h) in mapping ? mapping[headerKey(h)]! : proposed[h]!) ?? null);
        if (!columns.includes('email') && !columns.includes('name') && !columns.includes('firstName') && !columns.includes('lastName')) {
          state.problem({ severity: 'error', code: 'no-name-column', message: `${file.name} has no column for the candidate's name or e-mail (headers: ${headers.join(', ') || 'none'}). Map one in the column step.`, file: file.name, line: record.line });
          return;
        }
        continue;
      }
      readRow(file.name, record, headers, columns, state);
    }
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      state.problem({ severity: 'error', code: 'malformed-csv', message: `${file.name}: ${error.message}`, file: file.name, line: error.line });
      return;
    }
    throw error;
  }
  if (!columns) state.problem({ severity: 'error', code: 'empty-file', message: `${file.name} is empty: the first line should name the columns.`, file: file.name, line: 1 });
}

function readRow(fileName: string, record: CsvRecord, headers: string[], columns: Array<CsvField | null>, state: BatchBuilder): void {
  const { line } = record;
  const at = { file: fileName, line };
  if (record.fields.length !== headers.length) {
    state.problem({ severity: 'error', code: 'bad-row', message: `${fileName} line ${line} has ${record.fields.length} cells; the header has ${headers.length}.`, ...at });
    return;
  }
  const row: Partial<Record<CsvField, string>> = {};
  const links: string[] = [];
  for (let i = 0; i < columns.length; i++) {
    const field = columns[i];
    const cell = record.fields[i]!.trim();
    if (!field || cell === '') continue;
    if (isFormulaCell(cell)) {
      state.problem({ severity: 'warning', code: 'formula-cell', message: `${fileName} line ${line}, column "${headers[i]}": the cell looks like a spreadsheet formula; it is kept as plain text.`, ...at, field: headers[i] });
    }
    if (field === 'links') links.push(...splitList(cell));
    else row[field] = cell;
  }
  const name = row.name ?? [row.firstName, row.lastName].filter((s) => s !== undefined).join(' ');
  let email = row.email?.split(/[;,\s]+/)[0]?.toLowerCase();
  const otherEmails = row.email?.split(/[;,\s]+/).slice(1).filter((e) => EMAIL.test(e)).map((e) => e.toLowerCase()) ?? [];
  if (email !== undefined && !EMAIL.test(email)) {
    state.problem({ severity: 'warning', code: 'bad-email', message: `${fileName} line ${line}: "${row.email}" is not an e-mail address; the candidate is imported without one.`, ...at, field: 'email' });
    email = undefined;
  }
  if (name === '' && email === undefined) {
    state.problem({ severity: 'error', code: 'missing-name', message: `${fileName} line ${line} has neither a name nor an e-mail address.`, ...at, field: 'name' });
    return;
  }
  const times: Partial<Record<'createdAt' | 'closedAt' | 'stageEnteredAt', string>> = {};
  for (const key of ['createdAt', 'closedAt', 'stageEnteredAt'] as const) {
    const text = row[key];
    if (text === undefined) continue;
    const iso = parseCsvTime(text);
    if (!iso) {
      state.problem({ severity: 'error', code: 'bad-date', message: `${fileName} line ${line}: "${text}" is not a date Closer can read; write it as YYYY-MM-DD or YYYY-MM-DD HH:MM.`, ...at, field: key });
      return;
    }
    times[key] = iso;
  }
  const createdAt = times.createdAt ?? state.now.toISOString();

  const candidateExternalId = row.candidateId ?? (email !== undefined ? `email:${email}` : `name:${slug(name)}`);
  const known = state.candidateIndex.get(candidateExternalId);
  if (known === undefined) {
    state.candidateIndex.set(candidateExternalId, state.batch.candidates.length);
    state.batch.candidates.push({
      externalSystem: 'csv',
      externalId: candidateExternalId,
      name: name || email!,
      ...(email !== undefined ? { email } : {}),
      otherEmails,
      ...(row.phone !== undefined ? { phone: row.phone } : {}),
      links,
      ...(row.location !== undefined ? { location: row.location } : {}),
      ...(row.currentEmployer !== undefined ? { currentEmployer: row.currentEmployer } : {}),
      ...(row.title !== undefined ? { title: row.title } : {}),
      tags: row.tags !== undefined ? splitList(row.tags) : [],
      createdAt,
    });
  } else {
    const c = state.batch.candidates[known]!;
    if (createdAt < c.createdAt) c.createdAt = createdAt;
    for (const l of links) if (!c.links.includes(l)) c.links.push(l);
  }

  if (row.roleTitle === undefined) return;
  const roleExternalId = `role:${slug(row.roleTitle)}`;
  if (!state.roleIds.has(roleExternalId)) {
    state.roleIds.add(roleExternalId);
    state.batch.roles.push({ externalSystem: 'csv', externalId: roleExternalId, title: row.roleTitle, status: 'open' });
  }
  const applicationExternalId = row.applicationId ?? `${candidateExternalId}|${roleExternalId}`;
  if (state.applicationIds.has(applicationExternalId)) {
    state.problem({ severity: 'warning', code: 'duplicate-row', message: `${fileName} line ${line}: ${name || email} and "${row.roleTitle}" appeared on an earlier row; this row is skipped.`, ...at, recordId: applicationExternalId });
    return;
  }
  state.applicationIds.add(applicationExternalId);
  let stageExternalId: string | undefined;
  if (row.stage !== undefined) {
    stageExternalId = `stage:${slug(row.stage)}`;
    if (!state.stageIds.has(stageExternalId)) {
      state.stageIds.add(stageExternalId);
      state.batch.stages.push({ externalSystem: 'csv', externalId: stageExternalId, name: row.stage, order: state.stageIds.size });
    }
  }
  let status: ImportedApplicationStatus = row.rejectionReason !== undefined ? 'rejected' : 'active';
  if (row.status !== undefined) {
    const read = statusOf(row.status);
    if (read) status = read;
    else state.problem({ severity: 'warning', code: 'unknown-status', message: `${fileName} line ${line}: status "${row.status}" is not known; the application is imported as ${status === 'active' ? 'active' : 'rejected'}.`, ...at, field: 'status' });
  }
  const stageAt = times.stageEnteredAt ?? createdAt;
  if (stageAt < createdAt) {
    state.problem({ severity: 'error', code: 'out-of-order', message: `${fileName} line ${line}: the stage was entered (${stageAt}) before the application was created (${createdAt}).`, ...at, field: 'stageEnteredAt' });
    return;
  }
  const closedAt = status === 'active' ? undefined : (times.closedAt ?? stageAt);
  if (closedAt !== undefined && closedAt < stageAt) {
    state.problem({ severity: 'error', code: 'out-of-order', message: `${fileName} line ${line}: the application was closed (${closedAt}) before its last stage change (${stageAt}).`, ...at, field: 'closedAt' });
    return;
  }
  state.batch.applications.push({
    externalSystem: 'csv',
    externalId: applicationExternalId,
    candidateExternalId,
    roleExternalId,
    createdAt,
    ...(row.source !== undefined ? { sourceName: row.source } : {}),
    ...(row.referrer !== undefined ? { referrerName: row.referrer } : {}),
    stageHistory: stageExternalId !== undefined ? [{ stageExternalId, at: stageAt }] : [],
    ...(stageExternalId !== undefined ? { currentStageExternalId: stageExternalId } : {}),
    status,
    ...(closedAt !== undefined ? { closedAt } : {}),
    ...(row.rejectionReason !== undefined ? { rejectionReason: row.rejectionReason } : {}),
    prospect: false,
  });
}
