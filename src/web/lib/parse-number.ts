export type ParsedWhole = { ok: true; value: number } | { ok: false; message: string };

const SUFFIX: Record<string, number> = { k: 1_000, m: 1_000_000, b: 1_000_000_000 };

/**
 * Reads a whole, non-negative number as people type it: "3000000", "3,000,000", "3 000 000", "3M", "2.5m", "500k".
 * Returns a message in plain words when the text is not such a number.
 */
export function parseWholeNumber(text: string, options: { allowSuffix?: boolean } = {}): ParsedWhole {
  const cleaned = text.trim().replace(/[\s,_\u00a0\u202f]/g, '').replace(/^\$/, '');
  if (cleaned === '') return { ok: false, message: 'Enter a number.' };
  const match = /^(\d+(?:\.\d+)?)([kmb])?$/i.exec(cleaned);
  if (!match) return { ok: false, message: 'Enter a whole number, for example 3000000 or 3M.' };
  const [, digits, suffix] = match;
  if (suffix && !options.allowSuffix) return { ok: false, message: 'Enter a whole number without letters.' };
  const multiplier = suffix ? SUFFIX[suffix.toLowerCase()] : 1;
  // Work in integers to avoid 2.3 * 1e6 = 2299999.9999.
  const [whole, fraction = ''] = digits.split('.');
  const scale = 10 ** fraction.length;
  const value = (Number(whole) * scale + Number(fraction || '0')) * multiplier / scale;
  if (!Number.isSafeInteger(value)) {
    return { ok: false, message: fraction ? 'Enter a whole number (no fractions).' : 'That number is too large.' };
  }
  return { ok: true, value };
}
