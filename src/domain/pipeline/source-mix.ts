import sourcing from '../../../data/pipeline/sourcing.json' with { type: 'json' };
import { fillTemplate } from './template.js';

import { CANDIDATE_SOURCES, type CandidateSource } from './lists.js';

export { CANDIDATE_SOURCES, type CandidateSource };

/** A playbook finding (playbook-checks.md output shape). */
export interface Finding {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  fix: string;
  path: string;
}

export interface SourcingSettings {
  /** sourcing.referral-only fires when the share of `referralOnlySources` is strictly above this. */
  referralOnlyShare: number;
  referralOnlySources: readonly CandidateSource[];
  severity: Finding['severity'];
  message: string;
  fix: string;
}

export const DEFAULT_SOURCING_SETTINGS: SourcingSettings = {
  referralOnlyShare: sourcing.referralOnlyShare.value,
  referralOnlySources: sourcing.referralOnlySources.value as CandidateSource[],
  severity: sourcing.referralOnlySeverity.value as Finding['severity'],
  message: sourcing.referralOnlyMessage.value,
  fix: sourcing.referralOnlyFix.value,
};

export interface SourceMix {
  total: number;
  counts: Record<CandidateSource, number>;
  /** Fractions of `total` (0 when there are no candidates). */
  shares: Record<CandidateSource, number>;
  /** Share of the referral-only sources together (referrals + VC introductions by default). */
  referralOnlyShare: number;
  findings: Finding[];
}

export function isCandidateSource(value: unknown): value is CandidateSource {
  return typeof value === 'string' && (CANDIDATE_SOURCES as readonly string[]).includes(value);
}

/**
 * Shares of a role's candidates by source, with the `sourcing.referral-only` finding when referrals and
 * VC introductions together are over 70%. A missing or unknown source counts as `other`.
 */
export function sourceMix(
  candidates: readonly { source?: string | null }[],
  settings: SourcingSettings = DEFAULT_SOURCING_SETTINGS,
): SourceMix {
  const bySource = new Map<string, number>();
  for (const candidate of candidates) bySource.set(candidate.source ?? '', (bySource.get(candidate.source ?? '') ?? 0) + 1);
  return sourceMixOfCounts(bySource, settings);
}

/** The same mix from the number of candidates per source (an unknown source counts as other). */
export function sourceMixOfCounts(bySource: ReadonlyMap<string, number>, settings: SourcingSettings = DEFAULT_SOURCING_SETTINGS): SourceMix {
  const counts = Object.fromEntries(CANDIDATE_SOURCES.map((s) => [s, 0])) as Record<CandidateSource, number>;
  let total = 0;
  for (const [source, n] of bySource) {
    counts[isCandidateSource(source) ? source : 'other'] += n;
    total += n;
  }
  const share = (n: number) => (total === 0 ? 0 : n / total);
  const shares = Object.fromEntries(CANDIDATE_SOURCES.map((s) => [s, share(counts[s])])) as Record<CandidateSource, number>;
  const networkCount = settings.referralOnlySources.reduce((sum, s) => sum + counts[s], 0);
  const referralOnlyShare = share(networkCount);
  const findings: Finding[] = [];
  if (total > 0 && referralOnlyShare > settings.referralOnlyShare) {
    findings.push({
      rule: 'sourcing.referral-only',
      severity: settings.severity,
      message: fillTemplate(settings.message, { pct: String(Math.round(referralOnlyShare * 100)), count: String(networkCount), total: String(total) }),
      fix: settings.fix,
      path: 'sourcing',
    });
  }
  return { total, counts, shares, referralOnlyShare, findings };
}
