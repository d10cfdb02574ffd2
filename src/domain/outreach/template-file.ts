import { parse as parseYaml } from 'yaml';
import { DomainError } from '../shared/errors.js';
import { AUDIENCES, type Audience, type OutreachTemplateText } from './template.js';

/** A template file for `closer outreach lint`: the template and who its sequence is aimed at. */
export interface TemplateFile extends OutreachTemplateText {
  audience: Audience;
}

const KEYS = new Set(['subject', 'body', 'audience', 'name']);

/**
 * Reads a template file: a YAML or JSON mapping `{ subject, body, audience? }` (audience `passive` unless said), or
 * a plain e-mail text whose first line may be `Subject: ...`. Throws DomainError VALIDATION_FAILED / UNKNOWN_FIELD.
 */
export function parseTemplateFile(text: string, audienceOverride?: Audience): TemplateFile {
  if (text.trim() === '') throw new DomainError('VALIDATION_FAILED', 'The template is empty.', 'body');
  let value: unknown;
  try {
    value = parseYaml(text, { prettyErrors: false, maxAliasCount: 50, uniqueKeys: true, logLevel: 'error' });
  } catch {
    value = undefined;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && ('body' in value || 'subject' in value)) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) if (!KEYS.has(key)) throw new DomainError('UNKNOWN_FIELD', `Unknown field "${key}" (a template has subject, body and audience).`, key);
    for (const key of ['subject', 'body'] as const) {
      if (typeof record[key] !== 'string' || (record[key] as string).trim() === '') throw new DomainError('VALIDATION_FAILED', `The template needs a ${key} (text).`, key);
    }
    const audience = audienceOverride ?? record.audience ?? 'passive';
    if (!(AUDIENCES as readonly unknown[]).includes(audience)) throw new DomainError('VALIDATION_FAILED', `audience is one of ${AUDIENCES.join(', ')}.`, 'audience');
    return { subject: record.subject as string, body: record.body as string, audience: audience as Audience };
  }
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const first = /^subject:\s*(.*)$/i.exec(lines[0] ?? '');
  const subject = first ? (first[1] ?? '').trim() : '';
  const body = (first ? lines.slice(1) : lines).join('\n').trim();
  if (body === '') throw new DomainError('VALIDATION_FAILED', 'The template has no body.', 'body');
  return { subject, body, audience: audienceOverride ?? 'passive' };
}
