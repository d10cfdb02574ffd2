import reach from '../../../data/sourcing/reach.json' with { type: 'json' };

/**
 * Network reach (docs/sourcing.md, "Network reach"), pure: where the people of a pipeline (a role's candidates or a
 * pool's prospects) come from, how concentrated that is, and the widened `sourcing.referral-only` warning.
 */

export interface ReachSettings {
  concentratedShare: number;
  fewOrigins: number;
  minPeople: number;
}

export const DEFAULT_REACH_SETTINGS: ReachSettings = { concentratedShare: reach.concentratedShare.value, fewOrigins: reach.fewOrigins.value, minPeople: reach.minPeople.value };

/** One person of the pipeline: their candidate source, who referred them (if anyone), employer and lab. */
export interface ReachPerson {
  source: string;
  referrer: string | null;
  employer: string | null;
  lab: string | null;
}

export interface ReachShare {
  key: string;
  count: number;
  share: number;
}

export interface NetworkReach {
  total: number;
  bySource: ReachShare[];
  byReferrer: ReachShare[];
  /** By lab, or employer when no lab is known. */
  byEmployer: ReachShare[];
  /** Where each person came from: their referrer if referred, else their lab or employer ("unknown" when neither). */
  byOrigin: ReachShare[];
  /** Herfindahl-Hirschman index of byOrigin: the sum of squared shares, 0 (spread) to 1 (one origin); people of unknown origin count as one origin each. */
  concentration: number;
  warning: { rule: 'sourcing.referral-only'; severity: 'warning'; share: number; origins: number; keys: string[]; message: string } | null;
}

const UNKNOWN = 'unknown';

function clean(v: string | null): string | null {
  const t = v?.trim();
  return t ? t : null;
}

function shares(counts: Map<string, number>, total: number): ReachShare[] {
  return [...counts.entries()].map(([key, count]) => ({ key, count, share: total === 0 ? 0 : count / total })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

function count(values: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of values) out.set(v, (out.get(v) ?? 0) + 1);
  return out;
}

/**
 * Shares by source, referrer and employer/lab, the concentration index of origins, and the warning "N% of this
 * pipeline comes from K referrers or labs" when the fewest known origins that make up `concentratedShare` of it
 * are `fewOrigins` or fewer (and the pipeline has at least `minPeople`).
 * @example networkReach([{ source: 'referral', referrer: 'Ann', employer: null, lab: null }]).byOrigin[0].key === 'Ann'
 */
export function networkReach(people: readonly ReachPerson[], settings: ReachSettings = DEFAULT_REACH_SETTINGS): NetworkReach {
  const total = people.length;
  const referrers = people.map((p) => clean(p.referrer)).filter((r): r is string => r !== null);
  const employers = people.map((p) => clean(p.lab) ?? clean(p.employer) ?? UNKNOWN);
  const origins = people.map((p) => clean(p.referrer) ?? clean(p.lab) ?? clean(p.employer) ?? UNKNOWN);
  const byOrigin = shares(count(origins), total);
  let concentration = 0;
  for (const o of byOrigin) {
    if (o.key === UNKNOWN) concentration += o.count * (1 / total) ** 2;
    else concentration += o.share ** 2;
  }
  let warning: NetworkReach['warning'] = null;
  if (total >= settings.minPeople) {
    let covered = 0;
    const keys: string[] = [];
    for (const o of byOrigin) {
      if (o.key === UNKNOWN) continue;
      covered += o.count;
      keys.push(o.key);
      if (covered / total >= settings.concentratedShare) break;
    }
    const share = covered / total;
    if (share >= settings.concentratedShare && keys.length <= settings.fewOrigins) {
      const pct = Math.round(share * 100);
      warning = { rule: 'sourcing.referral-only', severity: 'warning', share, origins: keys.length, keys, message: `${pct}% of this pipeline comes from ${keys.length} ${keys.length === 1 ? 'referrer or lab' : 'referrers or labs'} (${keys.join(', ')}); widen sourcing beyond them.` };
    }
  }
  return { total, bySource: shares(count(people.map((p) => p.source)), total), byReferrer: shares(count(referrers), total), byEmployer: shares(count(employers), total), byOrigin, concentration, warning };
}
