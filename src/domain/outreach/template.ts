import planChecks from '../../../data/scoping/plan-checks.json' with { type: 'json' };
import lintData from '../../../data/outreach/lint.json' with { type: 'json' };
import { rangeWords } from '../compensation/band-words.js';
import type { Severity } from '../scoping/findings.js';

/**
 * Outreach templates (issue 13): a subject and a body with merge fields, linted with the playbook's `outreach.*`
 * rules before a sequence that sends them can be activated. Pure: the web runs the same lint live in the editor.
 */

/** The merge fields a template may use, written `{{first_name}}` in a subject or body. */
export const MERGE_FIELDS = ['first_name', 'role_title', 'base_range', 'compute_budget', 'senior_ai_team'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

/** Who a sequence is aimed at: passive candidates (not looking) or people who are looking. */
export const AUDIENCES = ['passive', 'active'] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface OutreachTemplateText {
  subject: string;
  body: string;
}

export interface OutreachFinding {
  rule: string;
  severity: Severity;
  message: string;
  fix: string;
  /** `subject` or `body` */
  path: string;
}

export interface OutreachLintResult {
  findings: OutreachFinding[];
  errors: number;
  warnings: number;
  infos: number;
}

/** The words and thresholds of the lint (data/scoping/plan-checks.json outreach.*, data/outreach/lint.json). */
export interface OutreachLintParams {
  equityWords: readonly string[];
  baseWords: readonly string[];
  infraSignals: Readonly<Record<string, readonly string[]>>;
  passiveSeverity: Severity;
  otherSeverity: Severity;
  currencyMarkers: readonly string[];
  minimumFigure: number;
}

export const DEFAULT_OUTREACH_LINT: OutreachLintParams = Object.freeze({
  equityWords: planChecks.outreach.equityWords.value,
  baseWords: planChecks.outreach.baseWords.value,
  infraSignals: planChecks.outreach.infraSignals.value,
  passiveSeverity: lintData.passiveAudienceSeverity.value as Severity,
  otherSeverity: lintData.otherAudienceSeverity.value as Severity,
  currencyMarkers: lintData.currencyMarkers.value,
  minimumFigure: lintData.minimumFigure.value,
});

/** Which infrastructure signal each merge field fills in (outreach.no-infra-signal). */
const SIGNAL_FIELDS: Partial<Record<MergeField, string>> = { compute_budget: 'compute budget', senior_ai_team: 'senior AI team' };

const FIELD_RE = /\{\{\s*([^{}]*?)\s*\}\}/g;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every `{{name}}` of a text, in order, with its offset. */
export function mergeFieldsOf(text: string): { name: string; index: number }[] {
  return [...text.matchAll(FIELD_RE)].map((m) => ({ name: m[1] ?? '', index: m.index }));
}

export function isMergeField(name: string): name is MergeField {
  return (MERGE_FIELDS as readonly string[]).includes(name);
}

function firstWord(text: string, words: readonly string[]): { index: number; word: string } | null {
  let best: { index: number; word: string } | null = null;
  for (const w of words) {
    const re = new RegExp(`\\b${escapeRe(w).replace(/\s+/g, '[\\s-]+')}s?\\b`, 'i');
    const m = re.exec(text);
    if (m && (!best || m.index < best.index)) best = { index: m.index, word: m[0] };
  }
  return best;
}

/**
 * The first base figure of a text: the `{{base_range}}` merge field, or a number of at least `minimumFigure` written
 * with a currency sign, an ISO code or a thousands suffix ("$180,000", "180k", "150 000 EUR").
 */
export function firstBaseFigure(text: string, p: OutreachLintParams = DEFAULT_OUTREACH_LINT): number | null {
  let best: number | null = null;
  const field = mergeFieldsOf(text).find((f) => f.name === 'base_range');
  if (field) best = field.index;
  const markers = p.currencyMarkers.map((m) => escapeRe(m)).join('|');
  const number = '(\\d{1,3}(?:[ ,.]\\d{3})+|\\d+(?:\\.\\d+)?)';
  const re = new RegExp(`(?:(${markers})\\s?${number}|${number}\\s?(${markers})(?![a-z]))`, 'gi');
  for (const m of text.matchAll(re)) {
    const before = m[1];
    const digits = (m[2] ?? m[3] ?? '').replace(/[ ,]/g, '');
    const marker = (before ?? m[4] ?? '').toLowerCase();
    if (before !== undefined && /^[a-z]+$/i.test(before) && marker !== 'k' && m.index > 0 && /\w/.test(text[m.index - 1] ?? '')) continue;
    if (before !== undefined && marker === 'k') continue; // "k180" is not a figure
    let value = Number(/^\d+\.\d{3}$/.test(digits) ? digits.replace('.', '') : digits);
    if (marker === 'k' || /k$/i.test(m[0].trim())) value *= 1000;
    if (!Number.isFinite(value) || value < p.minimumFigure) continue;
    if (best === null || m.index < best) best = m.index;
    break;
  }
  return best;
}

function count(findings: OutreachFinding[]): OutreachLintResult {
  return {
    findings,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    infos: findings.filter((f) => f.severity === 'info').length,
  };
}

/**
 * Lints a template with the `outreach.*` rules (playbook-checks.md) on the subject and body read as one message:
 * - `outreach.unknown-merge-field` (error): a `{{field}}` that is not one of MERGE_FIELDS;
 * - `outreach.equity-first`: no base figure at all (an error for a passive audience, else a warning), or equity,
 *   mission or vision named before the base (warning);
 * - `outreach.no-infra-signal` (info): none of infrastructure, compute budget, data, senior AI team.
 * @example lintOutreachTemplate({ subject: 'Hi', body: 'Base {{base_range}}, then equity.' }, 'passive').errors // 0
 */
export function lintOutreachTemplate(template: OutreachTemplateText, audience: Audience, p: OutreachLintParams = DEFAULT_OUTREACH_LINT): OutreachLintResult {
  const out: OutreachFinding[] = [];
  for (const [path, text] of [['subject', template.subject], ['body', template.body]] as const) {
    for (const f of mergeFieldsOf(text)) {
      if (!isMergeField(f.name)) {
        out.push({
          rule: 'outreach.unknown-merge-field',
          severity: 'error',
          message: `The ${path} uses {{${f.name}}}, which Closer cannot fill in.`,
          fix: `Use one of ${MERGE_FIELDS.map((m) => `{{${m}}}`).join(', ')}.`,
          path,
        });
      }
    }
  }
  const text = `${template.subject}\n${template.body}`;
  const path = (index: number) => (index < template.subject.length ? 'subject' : 'body');
  const figure = firstBaseFigure(text, p);
  const baseWord = firstWord(text, p.baseWords);
  const equity = firstWord(text, p.equityWords);
  if (figure === null) {
    out.push({
      rule: 'outreach.equity-first',
      severity: audience === 'passive' ? p.passiveSeverity : p.otherSeverity,
      message:
        audience === 'passive'
          ? 'The message names no base figure; passive candidates answer only when the cash named clears their threshold.'
          : 'The message names no base figure; candidates at incumbents filter on cash before anything else.',
      fix: 'Put {{base_range}} (the role\'s board-approved band) or the base figure in the first lines, before equity, mission or vision.',
      path: 'body',
    });
  } else {
    const base = baseWord && baseWord.index < figure ? baseWord.index : figure;
    if (equity && equity.index < base) {
      out.push({
        rule: 'outreach.equity-first',
        severity: 'warning',
        message: `The message mentions '${equity.word}' before the base salary; leading with equity and vision reads as a low cash offer.`,
        fix: 'Lead with the base salary, then equity stated as a fully diluted percentage and share count.',
        path: path(equity.index),
      });
    }
  }
  const fields = new Set(mergeFieldsOf(text).map((f) => f.name));
  const signal = Object.entries(p.infraSignals).some(([name, words]) => firstWord(text, words) !== null || Object.entries(SIGNAL_FIELDS).some(([f, s]) => s === name && fields.has(f)));
  if (!signal) {
    out.push({
      rule: 'outreach.no-infra-signal',
      severity: 'info',
      message: 'The message names none of: infrastructure, compute budget, data, senior AI team. An ML engineer has no reason to care yet.',
      fix: 'Name what an ML engineer gets: {{compute_budget}}, {{senior_ai_team}}, the existing infrastructure or the proprietary data.',
      path: 'body',
    });
  }
  return count(out);
}

/** The values of the merge fields for one prospect; null where Closer does not know the value. */
export type MergeValues = Record<MergeField, string | null>;

/** A board-approved band in whole units. */
export interface BandFigures {
  baseMin: number;
  baseMax: number | null;
  currency: string;
}

const whole = (n: number) => Math.round(n).toLocaleString('en-US');

/** "180,000–220,000 USD" from a role's board-approved band. */
export function baseRangeWords(band: BandFigures): string {
  return rangeWords(whole(band.baseMin), band.baseMax === null ? null : whole(band.baseMax), band.currency);
}

/** The first word of a full name ("Ada Lovelace" -> "Ada"). */
export function firstNameOf(fullName: string): string | null {
  const first = fullName.trim().split(/\s+/)[0];
  return first ? first : null;
}

/** A text with its merge fields filled in, and the fields it uses that have no value (they render empty). */
export function renderTemplateText(text: string, values: MergeValues): { text: string; missing: MergeField[] } {
  const missing = new Set<MergeField>();
  const rendered = text.replace(FIELD_RE, (whole, raw: string) => {
    const name = raw.trim();
    if (!isMergeField(name)) return whole;
    const value = values[name];
    if (value === null) {
      missing.add(name);
      return '';
    }
    return value;
  });
  return { text: rendered, missing: [...missing] };
}

/** A template rendered for one prospect: subject, body and the merge fields Closer could not fill. */
export function renderTemplate(template: OutreachTemplateText, values: MergeValues): { subject: string; body: string; missing: MergeField[] } {
  const subject = renderTemplateText(template.subject, values);
  const body = renderTemplateText(template.body, values);
  return { subject: subject.text.replace(/[\r\n]+/g, ' '), body: body.text, missing: [...new Set([...subject.missing, ...body.missing])] };
}
