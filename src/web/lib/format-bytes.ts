/**
 * A file size for people: bytes below 1 KB, then KB and MB with one decimal below 10 (1,024 bytes to a KB).
 * @example formatBytes(245_760) // '240 KB'
 */
export function formatBytes(bytes: number, locale?: string): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB'];
  const digits = value < 10 ? 1 : 0;
  const rounded = Number(value.toFixed(digits));
  return `${rounded.toLocaleString(locale ?? 'en-US', { maximumFractionDigits: digits })} ${unit}`;
}
