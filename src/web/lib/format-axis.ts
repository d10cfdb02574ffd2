import { formatMoney } from './format-money.js';

// Tick formats for chart axes. Kept apart from format-money.ts, which the first load carries (the shell uses it):
// only pages with charts need these.

/** Compact money for chart axes: "$1.2M". */
export function compactMoney(currency: string): (value: number) => string {
  return (value) => formatMoney(value, currency, { compact: true });
}
