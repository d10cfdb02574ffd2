import { describe, expect, it } from 'vitest';
import { Random, streamSeed } from './random.js';
import { quantileSorted, summarize } from './statistics.js';

describe('Random (xoshiro128** with splitmix32 seeding)', () => {
  it('repeats the same stream for the same seed and differs for another', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const xs = Array.from({ length: 5 }, () => a.nextU32());
    expect(Array.from({ length: 5 }, () => b.nextU32())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.nextU32())).not.toEqual(xs);
  });

  it('derives distinct stream seeds for the startup and incumbent streams', () => {
    expect(streamSeed(1, 1)).not.toBe(streamSeed(1, 2));
    expect(streamSeed(1, 1)).toBe(streamSeed(1, 1));
    expect(streamSeed(2 ** 32 + 1, 1)).not.toBe(streamSeed(1, 1));
  });

  it('draws uniforms strictly inside (0, 1) with mean 1/2', () => {
    const r = new Random(7);
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = r.uniform();
      if (!(u > 0 && u < 1)) outside++;
      sum += u;
    }
    expect(outside).toBe(0);
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
  });

  it('draws standard normals (mean 0, variance 1) and Beta(4, 16) with mean 0.2 and seed IQR about 0.15-0.25', () => {
    const r = new Random(11);
    const n = 200_000;
    const z = new Float64Array(n);
    for (let i = 0; i < n; i++) z[i] = r.normal();
    const s = summarize(z);
    let v = 0;
    for (let i = 0; i < n; i++) v += z[i] * z[i];
    expect(s.mean).toBeCloseTo(0, 2);
    expect(v / n).toBeCloseTo(1, 1);
    const b = new Float64Array(n);
    for (let i = 0; i < n; i++) b[i] = r.beta(4, 16);
    const sorted = Float64Array.from(b).sort();
    expect(summarize(b).mean).toBeCloseTo(0.2, 2);
    expect(quantileSorted(sorted, 0.25)).toBeGreaterThan(0.13);
    expect(quantileSorted(sorted, 0.75)).toBeLessThan(0.26);
  });

  it('draws Gamma with mean equal to the shape, below and above 1', () => {
    const r = new Random(5);
    for (const shape of [0.5, 1, 3.5]) {
      let sum = 0;
      for (let i = 0; i < 100_000; i++) sum += r.gamma(shape);
      expect(sum / 100_000).toBeCloseTo(shape, 1);
    }
  });
});
