import { fail, isFiniteNumber } from './checks.js';

/**
 * Exit waterfall (compensation-model.md 4.2.5): 1x non-participating preferred, pari passu, with
 * participating series as an option. Options are counted as outstanding common; exercise cash is ignored.
 */

export interface PreferredClass {
  /** liquidation preference = multiple x invested */
  preference: number;
  /** as-converted shares */
  shares: number;
  /** takes its preference and then shares as common, with no conversion choice */
  participating?: boolean;
}

export interface CapTable {
  commonShares: number;
  series: readonly PreferredClass[];
}

export interface ExitDistribution {
  commonPrice: number;
  commonProceeds: number;
  series: { payout: number; converted: boolean }[];
}

function checkCapTable(exitValue: number, cap: CapTable): void {
  if (!isFiniteNumber(exitValue) || exitValue < 0) fail('MONEY_INVALID', 'exitValue', 'must be a finite, non-negative amount');
  if (!isFiniteNumber(cap.commonShares) || cap.commonShares <= 0) fail('SHARES_INVALID', 'commonShares', 'must be above 0');
  cap.series.forEach((s, i) => {
    if (!isFiniteNumber(s.preference) || s.preference < 0) fail('MONEY_INVALID', `series[${i}].preference`, 'must be a finite, non-negative amount');
    if (!isFiniteNumber(s.shares) || s.shares <= 0) fail('SHARES_INVALID', `series[${i}].shares`, 'must be above 0');
  });
}

/**
 * Common price per share at exit value E. Fixture: one series (preference 10, 20 shares) and 80
 * common: E = 30 -> 0.25, E = 100 -> 1.0.
 */
export function commonPricePerShare(exitValue: number, cap: CapTable): number {
  return distributeExit(exitValue, cap).commonPrice;
}

/** Proceeds of each class at exit value E, with the conversion decision of each non-participating series. */
export function distributeExit(exitValue: number, cap: CapTable): ExitDistribution {
  checkCapTable(exitValue, cap);
  const m = cap.series.length;
  const lp = new Float64Array(m);
  const n = new Float64Array(m);
  const part = new Uint8Array(m);
  cap.series.forEach((s, i) => {
    lp[i] = s.preference;
    n[i] = s.shares;
    part[i] = s.participating ? 1 : 0;
  });
  const order = new Int32Array(m);
  const p = commonPriceFromStack(exitValue, cap.commonShares, lp, n, part, m, order);
  let totalLp = 0;
  for (let i = 0; i < m; i++) totalLp += lp[i];
  const series = cap.series.map((s, i) => {
    if (p === 0 && exitValue <= totalLp) {
      return { payout: totalLp > 0 ? (exitValue * s.preference) / totalLp : 0, converted: false };
    }
    if (s.participating) return { payout: s.preference + s.shares * p, converted: false };
    const converted = s.preference / s.shares <= p;
    return { payout: converted ? s.shares * p : s.preference, converted };
  });
  return { commonPrice: p, commonProceeds: p * cap.commonShares, series };
}

/**
 * The hot-loop form used by the Monte Carlo: classes in typed arrays (first m used), `order` is
 * scratch space of length >= m. Returns the common price per share.
 */
export function commonPriceFromStack(
  exitValue: number,
  commonShares: number,
  lp: Float64Array,
  n: Float64Array,
  participating: Uint8Array,
  m: number,
  order: Int32Array,
): number {
  let totalLp = 0;
  let base = commonShares;
  let k = 0;
  for (let i = 0; i < m; i++) {
    totalLp += lp[i];
    if (participating[i] === 1) {
      base += n[i];
    } else {
      // insertion sort of the non-participating series by conversion threshold lp/n
      const theta = lp[i] / n[i];
      let j = k - 1;
      while (j >= 0 && lp[order[j]] / n[order[j]] > theta) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = i;
      k++;
    }
  }
  if (exitValue <= totalLp) return 0;
  let outstandingLp = totalLp;
  let shares = base;
  let price = (exitValue - outstandingLp) / shares;
  for (let j = 0; j < k; j++) {
    const s = order[j];
    if (lp[s] / n[s] > price) break;
    outstandingLp -= lp[s];
    shares += n[s];
    price = (exitValue - outstandingLp) / shares;
  }
  return price;
}
