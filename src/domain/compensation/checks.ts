import type { ErrorCode } from '../shared/error-codes.js';
import { DomainError } from '../shared/errors.js';

/** Small guards shared by the compensation functions: each throws a DomainError with a catalogue code and the field path, never clamps. */

export function fail(code: ErrorCode, field: string, message: string): never {
  throw new DomainError(code, `${field}: ${message}`, field);
}

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function checkMoney(value: unknown, field: string, options: { positive?: boolean } = {}): number {
  if (!isFiniteNumber(value) || value < 0) fail('MONEY_INVALID', field, 'must be a finite, non-negative amount');
  if (options.positive && value <= 0) fail('MONEY_INVALID', field, 'must be greater than 0');
  return value;
}

export function checkProbability(value: unknown, field: string): number {
  if (!isFiniteNumber(value) || value < 0 || value > 1) fail('PROBABILITY_OUT_OF_RANGE', field, 'must be between 0 and 1');
  return value;
}

/** A share of income such as a tax rate or savings share: [0, 1). */
export function checkShare(value: unknown, field: string): number {
  if (!isFiniteNumber(value) || value < 0 || value >= 1) fail('RATE_OUT_OF_RANGE', field, 'must be at least 0 and below 1');
  return value;
}

/** A discount or growth rate: (-0.05, 1]. */
export function checkRate(value: unknown, field: string): number {
  if (!isFiniteNumber(value) || value <= -0.05 || value > 1) fail('RATE_OUT_OF_RANGE', field, 'must be above -0.05 and at most 1');
  return value;
}

export function checkYears(value: unknown, field: string, max = 30): number {
  if (!isFiniteNumber(value) || value <= 0 || value > max) fail('HORIZON_INVALID', field, `must be above 0 and at most ${max} years`);
  return value;
}

export function checkParameter(ok: boolean, field: string, message: string): void {
  if (!ok) fail('PARAMETER_INVALID', field, message);
}

/** Thousands-separated whole number, independent of the runtime's locale (output must be byte-identical everywhere). */
export function formatAmount(value: number): string {
  const rounded = Math.round(value);
  const negative = rounded < 0;
  const digits = String(Math.abs(rounded));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return negative ? `-${out}` : out;
}

/** Percent with up to `decimals` decimals and no trailing zeros, e.g. 0.5 -> "0.5%". */
export function formatPercent(percent: number, decimals = 3): string {
  const fixed = percent.toFixed(decimals);
  const trimmed = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return `${trimmed}%`;
}
