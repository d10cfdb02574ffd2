import roleGroupsJson from '../../../data/market/role-groups.json' with { type: 'json' };
import { DomainError } from '../shared/errors.js';
import { EXPERIENCE_LEVELS } from './salary-csv.js';
import type { ExperienceLevel } from './salary-csv.js';

/** Role groups (compensation-model.md 4.5.2) and the level mapping (4.5.3), from data/market/role-groups.json. */

export interface RoleGroup {
  id: string;
  label: string;
  /** exact job_title strings */
  titles: string[];
  source: string;
}

type GroupData = { label: string; titles: string[]; includes?: string[]; source: string; note?: string };
const groupsData = roleGroupsJson.groups as Record<string, GroupData>;

function expand(id: string, seen: Set<string> = new Set()): string[] {
  const g = groupsData[id];
  if (!g || seen.has(id)) return [];
  seen.add(id);
  const titles = [...(g.includes ?? []).flatMap((inc) => expand(inc, seen)), ...g.titles];
  return [...new Set(titles)];
}

export const ROLE_GROUPS: readonly RoleGroup[] = Object.entries(groupsData).map(([id, g]) => ({
  id,
  label: g.label,
  titles: expand(id),
  source: g.note ? `${g.source} (${g.note})` : g.source,
}));

/** The group used by the "widen role group" fallback step. */
export const ALL_ML_AI_GROUP_ID = 'all-ml-ai';

export const BENCHMARK_FALLBACK = {
  minN: roleGroupsJson.fallback.minN.value,
  widenYears: roleGroupsJson.fallback.widenYears.value,
  defaultYears: roleGroupsJson.fallback.defaultYears.value,
  defaultCountry: roleGroupsJson.fallback.defaultCountry.value,
} as const;

/** A role group by id ("ml-engineer") or label ("ML Engineer"), case-insensitive. */
export function getRoleGroup(idOrLabel: string): RoleGroup | undefined {
  const key = String(idOrLabel).trim().toLowerCase();
  return ROLE_GROUPS.find((g) => g.id === key || g.label.toLowerCase() === key);
}

export function getRoleGroupOrThrow(idOrLabel: string): RoleGroup {
  const g = getRoleGroup(idOrLabel);
  if (!g) {
    throw new DomainError('BENCHMARK_QUERY_INVALID', `roleGroup: unknown role group ${JSON.stringify(idOrLabel)}; use one of ${ROLE_GROUPS.map((x) => x.id).join(', ')}`, 'roleGroup');
  }
  return g;
}

/** Dataset level for a level code (EN/MI/SE/EX) or a seniority word (junior, mid, senior, staff+, lead, director, head). */
export function toExperienceLevel(level: string): ExperienceLevel {
  const raw = String(level).trim();
  const upper = raw.toUpperCase();
  if ((EXPERIENCE_LEVELS as readonly string[]).includes(upper)) return upper as ExperienceLevel;
  const lower = raw.toLowerCase();
  for (const [code, def] of Object.entries(roleGroupsJson.levels)) {
    if (def.seniority.includes(lower)) return code as ExperienceLevel;
  }
  throw new DomainError('BENCHMARK_QUERY_INVALID', `level: unknown level ${JSON.stringify(level)}; use EN, MI, SE, EX or a seniority (junior, mid, senior, staff+, lead, director, head)`, 'level');
}
