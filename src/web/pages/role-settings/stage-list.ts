import type { RoleStage } from '../../api/pipeline.js';

/** A stage as edited: its saved id (kept through renames and moves) and the typed days. */
export interface StageDraft {
  id: string;
  name: string;
  /** As typed, so "1.5" or "" survive until save. */
  plannedDays: string;
}

export function toDrafts(stages: readonly RoleStage[]): StageDraft[] {
  return stages.map((s) => ({ id: s.id, name: s.name, plannedDays: String(s.plannedDays) }));
}

/** A lowercase slug for a new stage's id from its name, unique among `taken` ("Founder call" -> "founder-call", then "founder-call-2"). */
export function stageIdFor(name: string, taken: readonly string[]): string {
  const base =
    name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56) || 'stage';
  const start = /^[a-z0-9]/.test(base) ? base : `s-${base}`;
  if (!taken.includes(start)) return start;
  for (let n = 2; ; n += 1) if (!taken.includes(`${start}-${n}`)) return `${start}-${n}`;
}

/** Moves the stage at `index` one place up (-1) or down (+1); the same list when it cannot move. */
export function moveStage<T>(list: readonly T[], index: number, direction: -1 | 1): T[] {
  const to = index + direction;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/** The typed days as a number, or undefined when they are not a number from 0 to 90. */
export function parseDays(text: string): number | undefined {
  const t = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return undefined;
  const n = Number(t);
  return n >= 0 && n <= 90 ? n : undefined;
}

/** The sum of the planned days that are numbers (others count as 0 until fixed). */
export function totalDays(stages: readonly StageDraft[]): number {
  return Math.round(stages.reduce((n, s) => n + (parseDays(s.plannedDays) ?? 0), 0) * 100) / 100;
}

/** Local checks before save, by field name (`processPlan.stages.<i>.name` / `.plannedDays`), in the API's words where it has them. */
export function checkDrafts(stages: readonly StageDraft[]): Record<string, string> {
  const errors: Record<string, string> = {};
  stages.forEach((s, i) => {
    if (!s.name.trim()) errors[`processPlan.stages.${i}.name`] = 'Give the stage a name.';
    if (parseDays(s.plannedDays) === undefined) errors[`processPlan.stages.${i}.plannedDays`] = 'Planned days are a number from 0 to 90.';
  });
  return errors;
}

export function toStages(stages: readonly StageDraft[]): RoleStage[] {
  return stages.map((s) => ({ id: s.id, name: s.name.trim(), plannedDays: parseDays(s.plannedDays) ?? 0 }));
}
