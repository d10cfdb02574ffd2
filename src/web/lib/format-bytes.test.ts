import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes.js';

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [1023, '1023 bytes'],
    [1024, '1 KB'],
    [1536, '1.5 KB'],
    [245_760, '240 KB'],
    [1_048_576, '1 MB'],
    [10 * 1_048_576, '10 MB'],
    [1_258_291, '1.2 MB'],
    [-1, '—'],
    [Number.NaN, '—'],
  ])('%d -> %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
