import { isTimeZone } from '../company/company.js';
import { FOUND_HOW, type FoundHow } from './prospects.js';

/**
 * Prospects from a CSV file or a pasted list of profile URLs (docs/sourcing.md, "Import"). Pure: parsing, the
 * column mapping and each row's checks; the service adds the duplicate check against stored candidates and writes
 * all rows or none.
 */

/** RFC 4180 CSV: quoted fields with "" for a quote, commas and line breaks inside quotes, CRLF or LF rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (quoted) throw new CsvError('A quoted field is not closed: check the quotes in the file.');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

export class CsvError extends Error {}

/** The prospect fields a column can fill. */
export const PROSPECT_IMPORT_FIELDS = ['name', 'email', 'links', 'currentEmployer', 'lab', 'foundHow', 'foundDetail', 'lawfulBasis', 'timeZone'] as const;
export type ProspectImportField = (typeof PROSPECT_IMPORT_FIELDS)[number];
/** Column header -> field (absent or null: the column is ignored). */
export type ColumnMapping = Record<string, ProspectImportField | null>;

const SYNONYMS: Record<ProspectImportField, readonly string[]> = {
  name: ['name', 'full name', 'fullname', 'person', 'candidate'],
  email: ['email', 'e-mail', 'mail', 'email address', 'e-mail address'],
  links: ['links', 'link', 'url', 'urls', 'profile', 'profile url', 'linkedin', 'github', 'website', 'homepage', 'scholar'],
  currentEmployer: ['current employer', 'employer', 'company', 'current company', 'organisation', 'organization'],
  lab: ['lab', 'research lab', 'group', 'team'],
  foundHow: ['found how', 'found via', 'how found', 'channel', 'source type'],
  foundDetail: ['found detail', 'source', 'detail', 'referrer', 'event', 'community', 'where found'],
  lawfulBasis: ['lawful basis', 'legal basis', 'basis', 'gdpr basis'],
  timeZone: ['time zone', 'timezone', 'tz'],
};

function headerKey(h: string): string {
  return h.trim().toLowerCase().replace(/[_\s]+/g, ' ');
}

/** The mapping guessed from the header row: each field to the first column whose header is one of its usual names. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const out: ColumnMapping = {};
  const taken = new Set<ProspectImportField>();
  for (const h of headers) {
    const key = headerKey(h);
    const field = PROSPECT_IMPORT_FIELDS.find((f) => !taken.has(f) && (SYNONYMS[f].includes(key) || headerKey(f.replace(/[A-Z]/g, (c) => ` ${c}`)) === key));
    out[h] = field ?? null;
    if (field) taken.add(field);
  }
  return out;
}

/** A link as compared for duplicates: no scheme, no `www.`, lower-case host, no query, fragment or trailing slash. */
export function normalizeLink(url: string): string {
  const m = /^https?:\/\/([^/?#]+)([^?#]*)/i.exec(url.trim());
  if (!m) return url.trim().toLowerCase();
  const host = m[1]!.toLowerCase().replace(/^www\./, '');
  const path = m[2]!.replace(/\/+$/, '');
  return `${host}${host.endsWith('linkedin.com') || host.endsWith('github.com') ? path.toLowerCase() : path}`;
}

const LINK = /^https?:\/\/[^\s/?#]+\.[^\s/?#]+\S*$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A prospect read from one row, before the duplicate check. */
export interface ProspectDraft {
  /** 1-based line in the file (the header is line 1), or position in the URL list. */
  row: number;
  name: string;
  email: string | null;
  links: string[];
  currentEmployer: string | null;
  lab: string | null;
  foundHow: FoundHow;
  foundDetail: string | null;
  lawfulBasis: string | null;
  timeZone: string | null;
}

export interface RowProblem {
  row: number;
  field: string | null;
  message: string;
}

export interface ImportDefaults {
  foundHow: FoundHow;
  foundDetail?: string | null;
  lawfulBasis?: string | null;
}

const MAX = { name: 200, email: 254, text: 200, note: 1_000, link: 500 };

/** Splits a cell of links on spaces, commas, semicolons or bars. */
function splitLinks(cell: string): string[] {
  return cell.split(/[\s,;|]+/).filter((s) => s !== '');
}

/**
 * Reads the rows of a CSV (first row: headers) through a mapping into drafts, naming every bad row: no name, a bad
 * e-mail or link, an unknown way of being found or time zone, too long a value, or the same e-mail or link as an
 * earlier row of the file. A mapping must give a column to `name`.
 */
export function readProspectRows(rows: readonly string[][], mapping: ColumnMapping, defaults: ImportDefaults): { drafts: ProspectDraft[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const drafts: ProspectDraft[] = [];
  if (rows.length === 0) return { drafts, problems: [{ row: 1, field: null, message: 'The file is empty.' }] };
  const headers = rows[0]!;
  for (const h of Object.keys(mapping)) if (!headers.includes(h)) problems.push({ row: 1, field: h, message: `The mapping names a column "${h}" that the file does not have.` });
  const columnOf = new Map<ProspectImportField, number[]>();
  headers.forEach((h, i) => {
    const f = mapping[h];
    if (f) columnOf.set(f, [...(columnOf.get(f) ?? []), i]);
  });
  if (!columnOf.has('name')) problems.push({ row: 1, field: 'name', message: 'No column is mapped to the name.' });
  if (problems.length > 0) return { drafts, problems };
  const seenEmail = new Map<string, number>();
  const seenLink = new Map<string, number>();
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r]!;
    const line = r + 1;
    const get = (f: ProspectImportField) => (columnOf.get(f) ?? []).map((i) => (cells[i] ?? '').trim()).filter((v) => v !== '').join(' ');
    const bad = (field: string, message: string) => problems.push({ row: line, field, message });
    const before = problems.length;
    if (cells.length > headers.length) bad('row', `This row has ${cells.length} cells; the header has ${headers.length}.`);
    const name = get('name');
    if (name === '') bad('name', 'The name is empty.');
    else if (name.length > MAX.name) bad('name', `The name is longer than ${MAX.name} characters.`);
    const emailText = get('email').toLowerCase();
    if (emailText !== '' && (!EMAIL.test(emailText) || emailText.length > MAX.email)) bad('email', `"${emailText.slice(0, 80)}" is not an e-mail address.`);
    const links = [...new Set((columnOf.get('links') ?? []).flatMap((i) => splitLinks(cells[i] ?? '')))];
    for (const l of links) if (!LINK.test(l) || l.length > MAX.link) bad('links', `"${l.slice(0, 80)}" is not an http(s) link.`);
    if (links.length > 20) bad('links', 'More than 20 links.');
    const howText = get('foundHow').toLowerCase();
    if (howText !== '' && !(FOUND_HOW as readonly string[]).includes(howText)) bad('foundHow', `"${howText.slice(0, 40)}" is not one of ${FOUND_HOW.join(', ')}.`);
    const timeZone = get('timeZone');
    if (timeZone !== '' && !isTimeZone(timeZone)) bad('timeZone', `"${timeZone.slice(0, 60)}" is not a time zone (use a name such as Europe/Berlin).`);
    const text = (f: 'currentEmployer' | 'lab' | 'foundDetail' | 'lawfulBasis', max: number): string | null => {
      const v = get(f);
      if (v.length > max) bad(f, `Longer than ${max} characters.`);
      return v === '' ? null : v;
    };
    const currentEmployer = text('currentEmployer', MAX.text);
    const lab = text('lab', MAX.text);
    const foundDetail = text('foundDetail', MAX.note);
    const lawfulBasis = text('lawfulBasis', MAX.note);
    if (emailText !== '' && seenEmail.has(emailText)) bad('email', `Same e-mail as row ${seenEmail.get(emailText)}.`);
    for (const l of links) {
      const k = normalizeLink(l);
      if (seenLink.has(k)) bad('links', `Same link as row ${seenLink.get(k)}.`);
    }
    if (problems.length > before) continue;
    if (emailText !== '') seenEmail.set(emailText, line);
    for (const l of links) seenLink.set(normalizeLink(l), line);
    drafts.push({
      row: line,
      name,
      email: emailText === '' ? null : emailText,
      links,
      currentEmployer,
      lab,
      foundHow: (howText === '' ? defaults.foundHow : howText) as FoundHow,
      foundDetail: foundDetail ?? defaults.foundDetail ?? null,
      lawfulBasis: lawfulBasis ?? defaults.lawfulBasis ?? null,
      timeZone: timeZone === '' ? null : timeZone,
    });
  }
  return { drafts, problems };
}

/** A readable name from a profile URL's last path segment: ".../in/jane-doe-1a2b" -> "Jane Doe". */
export function nameFromProfileUrl(url: string): string {
  const m = /^https?:\/\/[^/]+\/(.*)$/i.exec(url.trim());
  const segments = (m?.[1] ?? '').split(/[?#]/)[0]!.split('/').filter((s) => s !== '');
  const last = segments[segments.length - 1] ?? '';
  let words: string[];
  try {
    words = decodeURIComponent(last).split(/[-_.+]+/);
  } catch {
    words = last.split(/[-_.+]+/);
  }
  words = words.filter((w) => w !== '' && !/\d/.test(w));
  const name = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
  return name === '' ? url.replace(/^https?:\/\//i, '').slice(0, 200) : name.slice(0, 200);
}

/** A pasted list of profile URLs (one per line, or separated by spaces or commas) as drafts named after the URL. */
export function readProfileUrls(text: string, defaults: ImportDefaults): { drafts: ProspectDraft[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const drafts: ProspectDraft[] = [];
  const seen = new Map<string, number>();
  // One link a line; a line of several links (spaces or commas) gives each; any other line is one bad entry.
  const urls = text
    .split(/[\r\n]+/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .flatMap((line) => {
      const parts = splitLinks(line);
      return parts.every((p) => LINK.test(p)) ? parts : [line];
    });
  if (urls.length === 0) problems.push({ row: 1, field: 'urls', message: 'Paste at least one profile link.' });
  urls.forEach((url, i) => {
    const row = i + 1;
    if (!LINK.test(url) || url.length > MAX.link) return void problems.push({ row, field: 'urls', message: `"${url.slice(0, 80)}" is not an http(s) link.` });
    const k = normalizeLink(url);
    if (seen.has(k)) return void problems.push({ row, field: 'urls', message: `Same link as line ${seen.get(k)}.` });
    seen.set(k, row);
    drafts.push({ row, name: nameFromProfileUrl(url), email: null, links: [url], currentEmployer: null, lab: null, foundHow: defaults.foundHow, foundDetail: defaults.foundDetail ?? null, lawfulBasis: defaults.lawfulBasis ?? null, timeZone: null });
  });
  return { drafts, problems };
}
