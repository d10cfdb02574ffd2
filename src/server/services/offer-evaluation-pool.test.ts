import { afterAll, describe, expect, it } from 'vitest';
import { evaluateOffer } from '../../domain/compensation/index.js';
import { DomainError } from '../../domain/shared/errors.js';
import { evaluateInput } from '../../test-support/compensation-fixtures.js';
import { INLINE_PATH_LIMIT, OfferEvaluationPool } from './offer-evaluation-pool.js';
import { evaluateOfferOffLoop } from './compensation.js';

describe('offer evaluation pool', () => {
  const pool = new OfferEvaluationPool(2);
  afterAll(async () => pool.close());
  const large = (): Record<string, any> => ({ ...evaluateInput(), simulation: { paths: INLINE_PATH_LIMIT + 1_000, seed: 7 } });

  it('gives byte-identical JSON to the inline evaluation for a run large enough to leave the event loop', async () => {
    const input = large();
    expect(JSON.stringify(await evaluateOfferOffLoop(input, pool))).toBe(JSON.stringify(evaluateOffer(input)));
  });

  it('runs concurrent evaluations, each with its own answer', async () => {
    const seeds = [1, 2, 3];
    const results = await Promise.all(seeds.map((seed) => pool.evaluate({ ...evaluateInput(), simulation: { paths: 5_000, seed } })));
    results.forEach((r, i) => expect(JSON.stringify(r)).toBe(JSON.stringify(evaluateOffer({ ...evaluateInput(), simulation: { paths: 5_000, seed: seeds[i] } }))));
  });

  it('re-throws the domain validation error with its code and field', async () => {
    const input = large();
    input.startup.base = -5;
    const error = await evaluateOfferOffLoop(input, pool).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ field: 'startup.base' });
  });
});
