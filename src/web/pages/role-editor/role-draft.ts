import type { JobAnalysis } from '../../../domain/scoping/analyze-job-description.js';
import type { Finding } from '../../../domain/scoping/findings.js';
import type { RoleSeniority } from './api.js';

/** What the role editor keeps as a draft (in this browser) until it is saved. */

export type FormField = 'title' | 'description' | 'specializations' | 'seniority';
export const FIELD_ORDER: readonly FormField[] = ['title', 'description', 'specializations', 'seniority'];

export interface Draft {
  title: string;
  description: string;
  /** Set once the person picks specializations or seniority by hand; until then the form follows the analysis. */
  specializations: string[] | null;
  seniority: RoleSeniority | null;
}

export const EMPTY_DRAFT: Draft = { title: '', description: '', specializations: null, seniority: null };

/** The specializations with `key` turned on (moved to the end) or off. */
export function toggled(specializations: readonly string[], key: string, on: boolean): string[] {
  const rest = specializations.filter((k) => k !== key);
  return on ? [...rest, key] : rest;
}

/** Every specialization of the taxonomy in its own stable order (checkboxes do not jump while scores change), then any chosen key it lacks. */
export function specializationChoices(taxonomy: { specializations: readonly { key: string; name: string }[] }, chosen: readonly string[]): { key: string; name: string }[] {
  const list = taxonomy.specializations.map((s) => ({ key: s.key, name: s.name }));
  for (const key of chosen) if (!list.some((s) => s.key === key)) list.push({ key, name: key });
  return list;
}

/** What a screen reader hears after each analysis: the core count, the primary specialization, the findings. */
export function analysisStatus(analysis: JobAnalysis | null, findings: readonly Finding[]): string {
  if (!analysis) return '';
  const core = analysis.core.length;
  const primary = analysis.primary ? `, primary ${analysis.specializations.find((s) => s.key === analysis.primary)?.name}` : '';
  return `Analysis updated: ${core} core ${core === 1 ? 'specialization' : 'specializations'}${primary}; ${findings.length} ${findings.length === 1 ? 'finding' : 'findings'}.`;
}
