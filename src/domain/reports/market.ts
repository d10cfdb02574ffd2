import reportMarket from '../../../data/reports/market.json' with { type: 'json' };

/** The market role group a role is benchmarked in: its first specialization's (data/reports/market.json). */
export function marketRoleGroupOf(specialization: string | null): string {
  const groups = reportMarket.roleGroupBySpecialization.value as Record<string, string>;
  return (specialization !== null ? groups[specialization] : undefined) ?? reportMarket.defaultRoleGroup.value;
}

export interface MarketPoints {
  p10: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p90: number | null;
}

/**
 * Where `base` sits in a benchmark, 10-90: linear between the two percentiles around it (p10, p25, p50, p75, p90);
 * at or below p10 it is 10, at or above p90 it is 90 (the benchmark says nothing finer out there). Null when the
 * benchmark has no figures. Equal neighbouring percentiles give the higher one.
 * @example marketPercentile(150, { p10: 100, p25: 120, p50: 140, p75: 160, p90: 200 }) // 62.5
 */
export function marketPercentile(base: number, b: MarketPoints): number | null {
  const at = reportMarket.points.value;
  const values = [b.p10, b.p25, b.p50, b.p75, b.p90];
  if (values.some((v) => v === null)) return null;
  const v = values as number[];
  if (base <= v[0]!) return at[0]!;
  for (let i = 1; i < v.length; i++) {
    if (base <= v[i]!) {
      const lo = v[i - 1]!;
      const hi = v[i]!;
      return hi === lo ? at[i]! : at[i - 1]! + ((base - lo) / (hi - lo)) * (at[i]! - at[i - 1]!);
    }
  }
  return at[at.length - 1]!;
}
