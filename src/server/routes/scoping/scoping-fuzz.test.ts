import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';

const EXAMPLES = fileURLToPath(new URL('../../../../examples/', import.meta.url));
const plans = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => parseYaml(readFileSync(`${EXAMPLES}${f}`, 'utf8')) as Record<string, unknown>);

const nasty = fc.oneof(
  fc.constantFrom(0, -1, 1, 0.5, 1e15, Number.MAX_SAFE_INTEGER, 100, 101, 365, 366, '', 'x', null, true, [], {}, 'series-b', 'preseed', 'growth'),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string(),
);

/** Every leaf path of a JSON value. */
function leafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.length === 0 ? [path] : value.flatMap((v, i) => leafPaths(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...path, k]));
  return [path];
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy as Record<string | number, unknown>;
  for (const p of path.slice(0, -1)) node = node[p] as Record<string | number, unknown>;
  if (path.length > 0) node[path[path.length - 1]!] = value;
  return copy;
}

const mutatedPlan = fc
  .tuple(fc.nat(plans.length - 1), fc.array(fc.tuple(fc.nat(), nasty), { minLength: 1, maxLength: 4 }))
  .map(([i, edits]) => {
    let plan: unknown = plans[i];
    for (const [pick, value] of edits) {
      const paths = leafPaths(plan);
      plan = setAt(plan, paths[pick % paths.length]!, value);
    }
    return plan;
  });

for (const dialect of dialectsUnderTest()) {
  describe(`scoping routes under hostile input [${dialect.name}]`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
    });
    afterAll(async () => h.close());

    const answer = async (method: string, url: string, body: unknown) => {
      const res = await h.call(method, url, { token: h.ownerToken, body: JSON.stringify(body) });
      if (res.statusCode >= 500) throw new Error(`${method} ${url} -> ${res.statusCode}: ${res.body} for ${JSON.stringify(body).slice(0, 400)}`);
      if (res.statusCode >= 400) expect(typeof res.json().code).toBe('string');
      return res;
    };

    it('checks example plans with random values at random paths: a 200 or a 400 PLAN_INVALID, never a 5xx', async () => {
      const seen = { ok: 0, invalid: 0 };
      await fc.assert(
        fc.asyncProperty(mutatedPlan, async (plan) => {
          const res = await answer('POST', '/api/v1/plans/check', plan);
          if (res.statusCode === 200) seen.ok += 1;
          else {
            expect(res.json().code).toBe('PLAN_INVALID');
            seen.invalid += 1;
          }
        }),
        { numRuns: 150, seed: 11 },
      );
      // Both outcomes were exercised, so the property covered valid-but-odd plans as well as broken ones.
      expect(seen.ok).toBeGreaterThan(0);
      expect(seen.invalid).toBeGreaterThan(0);
    });

    it('answers random YAML text with a 200 or a 4xx', async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.string(), fc.constantFrom('a: &x [*x]', '*x', '!!binary ?', '{', 'version: 1\n\t- x', '---\n...\n---')), async (yaml) => {
          await answer('POST', '/api/v1/plans/check', { yaml });
        }),
        { numRuns: 100, seed: 12 },
      );
    });

    it('answers random descriptions and titles with a 200 or a 4xx', async () => {
      await fc.assert(
        fc.asyncProperty(fc.string(), fc.oneof(fc.string({ unit: 'grapheme' }), fc.lorem({ maxCount: 60 })), async (title, description) => {
          await answer('POST', '/api/v1/roles/analyze', { title: title.slice(0, 300), description });
        }),
        { numRuns: 100, seed: 13 },
      );
    });

    it('stores random taxonomy extensions or refuses them with a 4xx; analysis keeps working either way', async () => {
      const phrase = fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), fc.constantFrom('model registry', 'ml ops', '!!!', 'a', 'the', 'MLOps'));
      const extension = fc.record({
        id: fc.constantFrom('acme', 'x-1', 'Bad Id'),
        specializations: fc.array(
          fc.record(
            {
              key: fc.constantFrom('mlops', 'ai-safety', 'robotics', 'x'),
              name: fc.string({ minLength: 1, maxLength: 20 }),
              core: fc.string({ minLength: 1, maxLength: 20 }),
              anchors: fc.dictionary(phrase, fc.oneof(fc.integer({ min: 0, max: 10 }), fc.double({ min: 0, max: 10, noNaN: true }))),
              support: fc.dictionary(phrase, fc.integer({ min: 0, max: 10 })),
            },
            { requiredKeys: ['key'] },
          ),
          { maxLength: 3 },
        ),
        synonyms: fc.array(fc.record({ canonical: phrase, variants: fc.array(phrase, { maxLength: 3 }) }), { maxLength: 3 }),
        ignore: fc.array(phrase, { maxLength: 3 }),
      });
      let stored = 0;
      await fc.assert(
        fc.asyncProperty(extension, async (ext) => {
          if ((await answer('PUT', '/api/v1/taxonomy/extensions', ext)).statusCode === 200) stored += 1;
          const res = await answer('POST', '/api/v1/roles/analyze', { title: 'Senior MLOps Engineer', description: 'Own the model registry and the deployment pipelines for our models in production.' });
          expect(res.statusCode).toBe(200);
          await answer('POST', '/api/v1/plans/check', plans[0]);
        }),
        { numRuns: 60, seed: 14 },
      );
      expect(stored).toBeGreaterThan(0);
    });
  });
}
