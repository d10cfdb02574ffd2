import type { Enrollment, EnrollResult } from '../../api/sequences.js';

/** Words for the outreach sequences' ids (docs/sequences.md): merge fields, steps, enrollment states and outcomes. */

export const MERGE_FIELD_WORDS: Readonly<Record<string, string>> = {
  first_name: 'First name',
  role_title: 'Role title',
  base_range: 'Base range (the role’s band)',
  compute_budget: 'Compute budget',
  senior_ai_team: 'Senior AI people on the team',
};

export const AUDIENCE_OPTIONS = [
  { value: 'passive', label: 'Passive people (not looking)' },
  { value: 'active', label: 'People who are looking' },
] as const;

export const AUDIENCE_WORDS: Readonly<Record<string, string>> = { passive: 'Passive people', active: 'People who are looking' };

export const TASK_WORDS: Readonly<Record<string, string>> = { call: 'Call them', message: 'Message them on another network' };

export const SEQUENCE_STATUS_WORDS: Readonly<Record<string, string>> = { draft: 'Draft', active: 'Active', paused: 'Paused' };

const days = (n: number) => `${n} business ${n === 1 ? 'day' : 'days'}`;

/** One step in words: "E-mail: First touch", "Wait 3 business days", "Task: call them". */
export function stepWords(step: { kind: string; templateName?: string | null; businessDays?: number | null; task?: string | null; note?: string | null }): string {
  if (step.kind === 'email') return `E-mail: ${step.templateName ?? 'a template'}`;
  if (step.kind === 'wait') return `Wait ${days(step.businessDays ?? 1)}`;
  const task = `Task: ${(TASK_WORDS[step.task ?? ''] ?? 'do it by hand').toLowerCase()}`;
  return step.note ? `${task} (${step.note})` : task;
}

export const STOP_REASON_WORDS: Readonly<Record<string, string>> = {
  replied: 'they replied',
  'opted-out': 'they opted out',
  bounced: 'their address bounced',
  converted: 'they became a candidate',
  removed: 'they were taken out of the sequence',
  'send-uncertain': 'an e-mail may not have arrived; check before contacting them again',
  'missing-merge-field': 'a merge field had no value',
};

/** An enrollment's state in words, without the due time: "Step 2 of 4: wait 3 business days", "Stopped: they replied". */
export function enrollmentWords(e: Enrollment): string {
  if (e.status === 'stopped') return `Stopped: ${STOP_REASON_WORDS[e.stopReason ?? ''] ?? 'stopped by hand'}`;
  if (e.status === 'finished') return 'Finished every step';
  const step = e.currentStep ? stepWords(e.currentStep) : 'next step';
  const prefix = e.status === 'waiting-task' ? 'To do' : 'Next';
  return `${prefix} (step ${Math.min(e.stepIndex + 1, e.stepCount)} of ${e.stepCount}): ${step.charAt(0).toLowerCase()}${step.slice(1)}`;
}

/** One prospect's enroll outcome in words. */
export function enrollOutcomeWords(r: EnrollResult['results'][number]): string {
  if (r.outcome === 'enrolled') return 'Enrolled';
  if (r.outcome === 'already') return 'Already in this sequence';
  if (r.outcome === 'suppressed') return r.reason === 'bounced' ? 'Not enrolled: their address bounced' : 'Not enrolled: they opted out of all outreach';
  return 'Not enrolled: already a candidate or not interested';
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The lint's counts in words: "1 error, 2 warnings, 1 note" or "No problems found". */
export function lintSummary(l: { errors: number; warnings: number; infos: number }): string {
  const parts = [l.errors > 0 ? plural(l.errors, 'error', 'errors') : '', l.warnings > 0 ? plural(l.warnings, 'warning', 'warnings') : '', l.infos > 0 ? plural(l.infos, 'note', 'notes') : ''].filter(Boolean);
  return parts.length === 0 ? 'No problems found' : parts.join(', ');
}

/** Moves the item at `from` by `by` places (clamped); a copy of the same order when it cannot move. */
export function moveItem<T>(items: readonly T[], from: number, by: number): T[] {
  const to = Math.max(0, Math.min(items.length - 1, from + by));
  const next = [...items];
  if (to === from) return next;
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}
