/** How bad a finding is, in every engine (scoping, plans, compensation, sourcing). */
export type FindingSeverity = 'error' | 'warning' | 'info';

/**
 * The one word for each severity, on every page and in the CLI (upper-cased there), so the same finding never
 * reads "Problem" in one place and "Error" in another.
 */
export const SEVERITY_WORDS: Readonly<Record<FindingSeverity, string>> = Object.freeze({ error: 'Error', warning: 'Warning', info: 'Note' });

/** Most severe first. */
const SEVERITY_RANK: Readonly<Record<FindingSeverity, number>> = Object.freeze({ error: 0, warning: 1, info: 2 });

/** Orders findings most severe first, keeping the order of equals (Array.prototype.sort is stable). */
export function bySeverity(a: { severity: FindingSeverity }, b: { severity: FindingSeverity }): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
}
