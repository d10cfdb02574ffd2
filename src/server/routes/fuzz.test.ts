import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dialectsUnderTest } from '../../test-support/dialects.js';
import { createHarness, type Harness } from '../../test-support/app-harness.js';

interface OpenApi {
  paths: Record<string, Record<string, { requestBody?: unknown }>>;
}

const nasty = fc.oneof(
  fc.string(),
  fc.constantFrom('\u0000', '\ud800', "'; DROP TABLE users; --", '<script>alert(1)</script>', '__proto__', '9'.repeat(400), '-1', '1e309', 'NaN'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const body = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('email', 'name', 'role', 'password', 'company', 'owner', 'type', 'data', 'occurredAt', 'base', 'shares')), nasty),
  fc.record({ company: fc.dictionary(fc.string(), nasty), owner: fc.dictionary(fc.string(), nasty) }),
);

/** Fills path parameters with values that exist nowhere, so every route is reached but none is found. */
function concretePath(path: string, id: string): string {
  return path.replace(/\{[^}]+\}/g, id);
}

for (const dialect of dialectsUnderTest()) {
  describe(`fuzzing every route [${dialect.name}]`, () => {
    let h: Harness;
    let doc: OpenApi;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      doc = (await h.call('GET', '/api/v1/openapi.json')).json() as OpenApi;
    });
    afterAll(async () => h.close());

    it('answers random and hostile bodies on every write route with a 2xx or 4xx, never a 5xx', async () => {
      const writes = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops)
          .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
          .map((m) => ({ method: m.toUpperCase(), path })),
      );
      expect(writes.length).toBeGreaterThan(3);
      for (const { method, path } of writes) {
        // Setup is a one-time route that would sign us out of the harness's workspace if it succeeded; it is already set up.
        await fc.assert(
          fc.asyncProperty(body, fc.constantFrom('00000000-0000-0000-0000-000000000000', 'x', '%27', '1'), async (b, id) => {
            const res = await h.call(method, concretePath(path, id), { token: h.ownerToken, body: JSON.stringify(b) });
            if (res.statusCode >= 500) throw new Error(`${method} ${path} -> ${res.statusCode}: ${res.body} for ${JSON.stringify(b)}`);
            if (res.statusCode >= 400) {
              const e = res.json() as { code?: unknown; message?: unknown };
              if (typeof e.code !== 'string' || typeof e.message !== 'string') throw new Error(`${method} ${path}: error body without code/message: ${res.body}`);
            }
          }),
          { numRuns: 25, seed: 7 },
        );
      }
    }, 120_000);

    it('answers hostile query strings on every read route without a 5xx', async () => {
      const reads = Object.entries(doc.paths).filter(([, ops]) => 'get' in ops).map(([p]) => p);
      expect(reads.length).toBeGreaterThan(3);
      for (const path of reads) {
        for (const q of ['?limit=-1', '?limit=abc', '?q=%00', '?q=%ED%A0%80', '?x=1', '?roleId=%27%20OR%201%3D1']) {
          const res = await h.call('GET', `${concretePath(path, 'nope')}${q}`, { token: h.ownerToken });
          expect(res.statusCode, `${path}${q}: ${res.body}`).toBeLessThan(500);
        }
      }
    });
  });
}
