/** Distribution summaries shared by the engines and the market benchmarks. */

export interface Percentiles {
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
  p99: number;
}

export interface DistributionSummary extends Percentiles {
  mean: number;
  min: number;
  max: number;
  p1: number;
  p5: number;
  p95: number;
}

export interface Histogram {
  /** bins + 1 ascending edges; bin i is [edges[i], edges[i+1]) and the last bin is closed. */
  edges: number[];
  counts: number[];
  /** values below the first edge and above the last edge */
  below: number;
  above: number;
}

/** Percentile of ascending sorted values by linear interpolation between order statistics (Hyndman-Fan type 7, numpy's default). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Sorted copy of the values. Zeros (usually most paths of a startup grant) are counted instead of
 * sorted, which keeps 100k-path summaries fast.
 */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  let negatives = 0;
  let positives = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v < 0) negatives++;
    else if (v > 0) positives++;
  }
  const neg = new Float64Array(negatives);
  const pos = new Float64Array(positives);
  let a = 0;
  let b = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v < 0) neg[a++] = v;
    else if (v > 0) pos[b++] = v;
  }
  neg.sort();
  pos.sort();
  const out = new Float64Array(n);
  out.set(neg, 0);
  out.set(pos, n - positives);
  return out;
}

export function meanOf(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return values.length === 0 ? Number.NaN : sum / values.length;
}

/** Mean, extremes and the usual percentiles (type 7) of a sample. */
export function summarize(values: ArrayLike<number>): DistributionSummary {
  return summarizeSorted(sortedCopy(values), meanOf(values));
}

/** The same summary from an already sorted sample and its mean (avoids sorting twice). */
export function summarizeSorted(s: ArrayLike<number>, mean: number): DistributionSummary {
  const n = s.length;
  if (n === 0) {
    const nan = Number.NaN;
    return { mean: nan, min: nan, max: nan, p1: nan, p5: nan, p10: nan, p25: nan, p50: nan, p75: nan, p90: nan, p95: nan, p99: nan };
  }
  return {
    mean,
    min: s[0],
    max: s[n - 1],
    p1: quantileSorted(s, 0.01),
    p5: quantileSorted(s, 0.05),
    p10: quantileSorted(s, 0.1),
    p25: quantileSorted(s, 0.25),
    p50: quantileSorted(s, 0.5),
    p75: quantileSorted(s, 0.75),
    p90: quantileSorted(s, 0.9),
    p95: quantileSorted(s, 0.95),
    p99: quantileSorted(s, 0.99),
  };
}

/** Counts of values in `bins` equal-width bins between `lo` and `hi`. */
export function histogram(values: ArrayLike<number>, lo: number, hi: number, bins: number): Histogram {
  const width = hi > lo ? (hi - lo) / bins : 1;
  const top = hi > lo ? hi : lo + bins;
  const edges: number[] = [];
  for (let i = 0; i <= bins; i++) edges.push(i === bins ? top : lo + i * width);
  const counts = new Array<number>(bins).fill(0);
  let below = 0;
  let above = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < lo) below++;
    else if (v > top) above++;
    else counts[Math.min(bins - 1, Math.floor((v - lo) / width))]++;
  }
  return { edges, counts, below, above };
}
