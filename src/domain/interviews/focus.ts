import { DomainError } from '../shared/errors.js';
import type { ScorecardTemplate, TemplateAttribute } from './template.js';

/**
 * An interview's focus: which attributes of the role's scorecard template it covers (evaluation.md: "a scorecard
 * per interview covers only those"). `null` means every attribute of the template, now and after the role's
 * template changes.
 */
export type InterviewFocus = readonly string[] | null;

/**
 * Checks a requested focus against the role's template: every id must be one of its attributes. Throws
 * VALIDATION_FAILED naming the first unknown id (`focusAttributeIds[i]`, under `fieldPrefix` when given).
 */
export function checkFocus(focus: InterviewFocus | undefined, template: ScorecardTemplate, fieldPrefix = ''): void {
  if (focus === null || focus === undefined) return;
  const known = new Set(template.attributes.map((a) => a.id));
  focus.forEach((id, i) => {
    if (!known.has(id)) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `"${id.slice(0, 64)}" is not an attribute of this role's scorecard (${template.attributes.map((a) => a.id).join(', ')}).`,
        `${fieldPrefix}focusAttributeIds[${i}]`,
      );
    }
  });
}

/**
 * The attributes an interview covers, in template order. Ids no longer on the template (the role's
 * specializations changed) drop out; when none is left the whole template applies, so the interviewer always
 * has something to rate.
 * @example focusAttributes(template, ['data']).map((a) => a.id) // ['data']
 */
export function focusAttributes(template: ScorecardTemplate, focus: InterviewFocus): TemplateAttribute[] {
  if (focus === null) return template.attributes;
  const wanted = new Set(focus);
  const kept = template.attributes.filter((a) => wanted.has(a.id));
  return kept.length > 0 ? kept : template.attributes;
}

/** The scorecard template of one interview: the role's template narrowed to the interview's focus. */
export function interviewTemplate(template: ScorecardTemplate, focus: InterviewFocus): ScorecardTemplate {
  return { ...template, attributes: focusAttributes(template, focus) };
}

/**
 * The role's attributes that no planned interview focuses on (cancelled interviews do not count): what the loop
 * will leave uncovered unless someone adds it. Template order.
 */
export function unplannedAttributes(template: ScorecardTemplate, interviews: ReadonlyArray<{ focus: InterviewFocus; status: string }>): TemplateAttribute[] {
  const planned = new Set<string>();
  for (const i of interviews) {
    if (i.status === 'cancelled') continue;
    for (const a of focusAttributes(template, i.focus)) planned.add(a.id);
  }
  return template.attributes.filter((a) => !planned.has(a.id));
}
