import { DomainError } from '../../domain/shared/errors.js';

/** A file part of a multipart form. */
export interface FormFile {
  field: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export interface ParsedForm {
  fields: Record<string, string>;
  files: FormFile[];
}

const MAX_PARTS = 40;
const MAX_FIELD_BYTES = 64 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function decode(bytes: Buffer, field: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new DomainError('INVALID_STRING', 'Send the form as UTF-8 text.', field);
  }
}

/** `name="x"` parameters of a Content-Disposition header (quoted strings; no RFC 2231 forms). */
function dispositionParams(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of header.matchAll(/;\s*([a-zA-Z*]+)="((?:[^"\\]|\\.)*)"/g)) out[m[1]!.toLowerCase()] = m[2]!.replace(/\\(.)/g, '$1');
  return out;
}

/**
 * Reads a `multipart/form-data` body held in memory (the route's body limit bounds it): text fields as UTF-8 strings,
 * file parts as bytes with their declared type and name. A browser's HTML form sends this for a file input; the
 * parser refuses anything ambiguous (no boundary, a field twice, too many parts) with a 400 rather than guessing.
 */
export function parseMultipart(body: Buffer, contentType: string | undefined): ParsedForm {
  const boundary = /boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType ?? '');
  const b = boundary?.[1] ?? boundary?.[2];
  if (!b) throw new DomainError('VALIDATION_FAILED', 'A multipart form needs a boundary.', 'Content-Type');
  const delimiter = Buffer.from(`--${b}`);
  const form: ParsedForm = { fields: Object.create(null) as Record<string, string>, files: [] };
  let at = body.indexOf(delimiter);
  if (at < 0) throw new DomainError('VALIDATION_FAILED', 'The form is empty or malformed.', 'body');
  let parts = 0;
  for (;;) {
    at += delimiter.length;
    if (body[at] === 0x2d && body[at + 1] === 0x2d) break; // the closing "--"
    if (body[at] !== 0x0d || body[at + 1] !== 0x0a) throw new DomainError('VALIDATION_FAILED', 'The form is malformed.', 'body');
    at += 2;
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), at);
    if (next < 0) throw new DomainError('VALIDATION_FAILED', 'The form is cut short.', 'body');
    if (++parts > MAX_PARTS) throw new DomainError('VALIDATION_FAILED', 'The form has too many fields.', 'body');
    const part = body.subarray(at, next);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) throw new DomainError('VALIDATION_FAILED', 'The form is malformed.', 'body');
    const headers = decode(part.subarray(0, headerEnd), 'body').split('\r\n');
    const content = part.subarray(headerEnd + 4);
    let disposition = '';
    let type = 'text/plain';
    for (const h of headers) {
      const [k, ...v] = h.split(':');
      if (k?.trim().toLowerCase() === 'content-disposition') disposition = v.join(':');
      if (k?.trim().toLowerCase() === 'content-type') type = v.join(':').trim();
    }
    const params = dispositionParams(disposition);
    const name = params.name;
    if (!name || !/^form-data\b/i.test(disposition.trim())) throw new DomainError('VALIDATION_FAILED', 'A form part without a field name.', 'body');
    if (name in form.fields || form.files.some((f) => f.field === name)) throw new DomainError('VALIDATION_FAILED', `The field ${name.slice(0, 40)} is sent twice.`, name.slice(0, 40));
    if (params.filename !== undefined) {
      // An empty file input still sends a part with an empty name and no bytes: that is "no file".
      if (params.filename !== '' || content.length > 0) form.files.push({ field: name, filename: params.filename, contentType: type, bytes: Buffer.from(content) });
    } else {
      if (content.length > MAX_FIELD_BYTES) throw new DomainError('VALIDATION_FAILED', 'A field is too long.', name.slice(0, 40));
      form.fields[name] = decode(content, name.slice(0, 40));
    }
    at = next + 2;
  }
  return form;
}

/** Reads `application/x-www-form-urlencoded` (a form without a file input) into the same shape. */
export function parseUrlEncoded(body: Buffer): ParsedForm {
  const fields = Object.create(null) as Record<string, string>;
  for (const [k, v] of new URLSearchParams(decode(body, 'body'))) {
    if (k in fields) throw new DomainError('VALIDATION_FAILED', `The field ${k.slice(0, 40)} is sent twice.`, k.slice(0, 40));
    fields[k] = v;
  }
  return { fields, files: [] };
}
