// What a CV upload must be, checked on the bytes (not on what the client claims): pure, no I/O.
import limits from '../../../data/pipeline/candidate-files.json' with { type: 'json' };
import { DomainError } from '../shared/errors.js';

export const CV_CONTENT_TYPES = limits.contentTypes.value as readonly CvContentType[];
export type CvContentType = 'application/pdf' | 'text/plain';

/** The largest CV accepted, in bytes (data/pipeline/candidate-files.json). */
export const CV_MAX_BYTES: number = limits.maxBytes.value;
const FILENAME_MAX = limits.filenameMaxLength.value;

const EXTENSION: Record<CvContentType, string> = { 'application/pdf': '.pdf', 'text/plain': '.txt' };
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** `text/plain; charset=utf-8` -> `{ type: 'text/plain', charset: 'utf-8' }` (lower-cased; other parameters ignored). */
export function parseMediaType(header: string | undefined): { type: string; charset?: string } {
  const [type = '', ...params] = (header ?? '').split(';');
  const out: { type: string; charset?: string } = { type: type.trim().toLowerCase() };
  for (const p of params) {
    const [k, v] = p.split('=');
    if (k?.trim().toLowerCase() === 'charset' && v) out.charset = v.trim().replace(/^"|"$/g, '').toLowerCase();
  }
  return out;
}

function isCvContentType(type: string): type is CvContentType {
  return (CV_CONTENT_TYPES as readonly string[]).includes(type);
}

/** Control characters a text CV never has: C0 except tab, line feed, form feed and carriage return; DEL. */
const BINARY_CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

/**
 * Checks an upload against the declared type: a PDF must start with `%PDF-`, a text file must be valid UTF-8
 * without binary control characters (a declared charset must be UTF-8 or US-ASCII). Returns the type to store.
 * Throws FILE_TYPE_INVALID (415), FILE_TOO_LARGE (413) or VALIDATION_FAILED (empty).
 * @example checkCvContent(new TextEncoder().encode('%PDF-1.7 ...'), 'application/pdf') // 'application/pdf'
 */
export function checkCvContent(bytes: Uint8Array | undefined, contentTypeHeader: string | undefined, maxBytes = CV_MAX_BYTES): CvContentType {
  const { type, charset } = parseMediaType(contentTypeHeader);
  if (!isCvContentType(type)) throw new DomainError('FILE_TYPE_INVALID', 'Upload a PDF or a plain-text file (Content-Type application/pdf or text/plain).', 'Content-Type');
  if (!bytes || bytes.length === 0) throw new DomainError('VALIDATION_FAILED', 'The file is empty.', 'file');
  if (bytes.length > maxBytes) throw new DomainError('FILE_TOO_LARGE', `A CV may be at most ${formatMegabytes(maxBytes)}.`, 'file');
  if (type === 'application/pdf') {
    if (!PDF_MAGIC.every((b, i) => bytes[i] === b)) throw new DomainError('FILE_TYPE_INVALID', 'This file is not a PDF: it does not start as a PDF does.', 'file');
    return type;
  }
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8' && charset !== 'us-ascii') {
    throw new DomainError('FILE_TYPE_INVALID', 'Send text as UTF-8.', 'Content-Type');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DomainError('FILE_TYPE_INVALID', 'This file is not UTF-8 text.', 'file');
  }
  if (BINARY_CONTROL.test(text)) throw new DomainError('FILE_TYPE_INVALID', 'This file is not plain text: it has binary control characters.', 'file');
  return type;
}

/** "10 MB" for a byte limit in whole mebibytes. */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / 1_048_576;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/**
 * A file name that is safe to store, show and send back: the last path segment, letters, digits, marks, spaces
 * and `.-_()[]` only (no control, format or bidirectional characters), no leading dots, at most 120 characters,
 * and ending in the extension of its type. Falls back to `cv.pdf` / `cv.txt`.
 * @example safeFilename('../../etc/passwd', 'text/plain') // 'passwd.txt'
 */
export function safeFilename(raw: string | undefined, type: CvContentType): string {
  const ext = EXTENSION[type];
  let name = raw !== undefined && raw.isWellFormed() ? raw.normalize('NFC') : '';
  name = name.split(/[/\\]/).pop() ?? '';
  name = name
    .replace(/[^\p{L}\p{M}\p{N} .\-_()[\]]/gu, '_')
    .replace(/\s+/g, ' ')
    .replace(/_+/g, '_')
    .replace(/^[\s.]+|\s+$/g, '');
  if (name.toLowerCase().endsWith(ext)) name = name.slice(0, -ext.length).replace(/[\s.]+$/, '');
  const chars = [...name];
  if (chars.length > FILENAME_MAX - ext.length) name = chars.slice(0, FILENAME_MAX - ext.length).join('').trimEnd();
  if (!/[\p{L}\p{N}]/u.test(name)) name = 'cv';
  return `${name}${ext}`;
}

/**
 * The Content-Disposition of a download: always an attachment, with an ASCII fallback name and the UTF-8 name
 * in `filename*` (RFC 6266 / 8187).
 * @example contentDisposition('Zoë CV.pdf') // `attachment; filename="Zo_ CV.pdf"; filename*=UTF-8''Zo%C3%AB%20CV.pdf`
 */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
