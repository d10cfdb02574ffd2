import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateOffer, OfferEvaluation } from '../../../domain/compensation/index.js';
import { listAudit } from '../../../storage/index.js';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';
import { evaluateInput, thresholdInput } from '../../../test-support/compensation-fixtures.js';

/** Sets a value at a dotted path of a fresh input. */
function withValue(input: Record<string, any>, path: string, value: unknown): Record<string, any> {
  const keys = path.split('.');
  let at = input;
  for (const k of keys.slice(0, -1)) at = at[k];
  at[keys.at(-1)!] = value;
  return input;
}

for (const dialect of dialectsUnderTest()) {
  describe(`compensation API [${dialect.name}]`, () => {
    let h: Harness;
    let interviewer: string;
    let approver: string;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      interviewer = (await h.tokenFor('interviewer')).token;
      approver = (await h.tokenFor('approver')).token;
    });
    afterAll(async () => h.close());

    describe('POST /api/v1/offers/evaluate', () => {
      it('returns the domain evaluation: threshold, equity distribution, incumbent, break-even grant, ownership, findings, assumptions', async () => {
        const res = await h.call('POST', '/api/v1/offers/evaluate', { token: h.ownerToken, body: evaluateInput() });
        expect(res.statusCode, res.body).toBe(200);
        const body = res.json() as OfferEvaluation;
        expect(() => OfferEvaluation.parse(body)).not.toThrow();
        expect(body.threshold.binding).toMatch(/^(obligations|risk)$/);
        expect(Number.isInteger(body.threshold.amount)).toBe(true);
        expect(body.startup.paperValue).toBe(96_000);
        expect(body.startup.equityPv.p10).toBeLessThanOrEqual(body.startup.equityPv.p90);
        expect(body.incumbent!.pv.mean).toBeGreaterThan(0);
        expect(body.pStartupBeatsIncumbent).toBeGreaterThanOrEqual(0);
        expect(body.pStartupBeatsIncumbent).toBeLessThanOrEqual(1);
        expect(body.breakEvenGrant).toHaveProperty('reachable');
        expect(body.ownership[0]).toEqual({ stage: 'seed', fullyDilutedPct: 0.5 });
        expect(body.simulation).toMatchObject({ paths: 2_000, seed: 42 });
        expect(body.assumptions.length).toBeGreaterThan(5);
        // The API adds nothing of its own: the body is the domain result, serialised through the response schema.
        expect(res.body).toBe(JSON.stringify(OfferEvaluation.parse(evaluateOffer(evaluateInput()))));
      });

      it('gives a byte-identical body for the same input and seed, and a different one for another seed', async () => {
        const a = await h.call('POST', '/api/v1/offers/evaluate', { token: h.ownerToken, body: evaluateInput() });
        const b = await h.call('POST', '/api/v1/offers/evaluate', { token: approver, body: evaluateInput() });
        expect(a.statusCode).toBe(200);
        expect(b.body).toBe(a.body);
        const other = await h.call('POST', '/api/v1/offers/evaluate', { token: h.ownerToken, body: withValue(evaluateInput(), 'simulation.seed', 43) });
        expect(other.statusCode).toBe(200);
        expect(other.body).not.toBe(a.body);
      });

      it('is routed to the evaluation, not to GET/POST /api/v1/offers/:id', async () => {
        const res = await h.call('POST', '/api/v1/offers/evaluate', { token: h.ownerToken, body: evaluateInput() });
        expect(res.json()).toHaveProperty('threshold');
        const get = await h.call('GET', '/api/v1/offers/evaluate', { token: h.ownerToken });
        expect(get.statusCode).toBe(404);
        expect(get.json().code).toBe('OFFER_NOT_FOUND');
      });

      const bad: Array<[string, (i: Record<string, any>) => unknown, number, string, string]> = [
        ['an unknown top-level field', (i) => ({ ...i, bonus: 1 }), 400, 'UNKNOWN_FIELD', 'bonus'],
        ['an unknown nested field', (i) => withValue(i, 'startup.grant.percent', 0.5), 400, 'UNKNOWN_FIELD', 'startup.grant.percent'],
        ['a string for a number', (i) => withValue(i, 'startup.base', '200000'), 400, 'MONEY_INVALID', 'startup.base'],
        ['a fractional amount of money', (i) => withValue(i, 'candidate.currentBase', 220_000.5), 400, 'MONEY_INVALID', 'candidate.currentBase'],
        ['a negative salary', (i) => withValue(i, 'incumbent.base', -1), 400, 'MONEY_INVALID', 'incumbent.base'],
        ['a probability above 1', (i) => withValue(i, 'candidate.perceivedFailureProbability', 1.2), 400, 'PROBABILITY_OUT_OF_RANGE', 'candidate.perceivedFailureProbability'],
        ['a grant as large as the company', (i) => withValue(i, 'startup.grant.shares', 10_000_000), 400, 'SHARES_INVALID', 'startup.grant.shares'],
        ['too few paths', (i) => withValue(i, 'simulation.paths', 10), 400, 'PATHS_INVALID', 'simulation.paths'],
        ['an unknown stage', (i) => withValue(i, 'startup.company.stage', 'series-z'), 400, 'STAGE_INVALID', 'startup.company.stage'],
        ['a missing candidate', (i) => ({ ...i, candidate: undefined }), 400, 'VALIDATION_FAILED', 'candidate'],
        ['a mismatched currency', (i) => withValue(i, 'incumbent.currency', 'EUR'), 400, 'CURRENCY_MISMATCH', 'incumbent.currency'],
        ['an array body', () => [], 400, 'VALIDATION_FAILED', 'body'],
      ];
      for (const [what, make, status, code, field] of bad) {
        it(`rejects ${what} with ${status} ${code} and field ${field}`, async () => {
          const res = await h.call('POST', '/api/v1/offers/evaluate', { token: h.ownerToken, body: make(evaluateInput()) });
          expect(res.statusCode, res.body).toBe(status);
          expect(res.json()).toMatchObject({ code, field });
          expect(typeof res.json().message).toBe('string');
        });
      }

      it('rejects malformed JSON and an empty body with 400', async () => {
        const malformed = await h.call('POST', '/api/v1/offers/evaluate', { token: h.ownerToken, body: '{"currency":' });
        expect(malformed.statusCode).toBe(400);
        expect(malformed.json().code).toBe('MALFORMED_JSON');
        const empty = await h.call('POST', '/api/v1/offers/evaluate', { token: h.ownerToken, headers: { 'content-type': 'application/json' } });
        expect(empty.statusCode).toBe(400);
        expect(empty.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body' });
      });

      it('refuses interviewers with 403 and no compensation in the answer, even for invalid input', async () => {
        for (const body of [evaluateInput(), withValue(evaluateInput(), 'startup.base', 'x')]) {
          const res = await h.call('POST', '/api/v1/offers/evaluate', { token: interviewer, body });
          expect(res.statusCode).toBe(403);
          expect(res.json()).toEqual({ code: 'FORBIDDEN', message: 'Your role does not allow this.' });
          expect(res.body).not.toMatch(/200000|threshold|equityPv|base/);
        }
      });

      it('requires a signed-in user', async () => {
        const res = await h.call('POST', '/api/v1/offers/evaluate', { body: evaluateInput() });
        expect(res.statusCode).toBe(401);
      });

      it('writes nothing to the audit log (an evaluation is a read)', async () => {
        const before = await listAudit(h.store.db, { limit: 1000 });
        await h.call('POST', '/api/v1/offers/evaluate', { token: h.ownerToken, body: evaluateInput() });
        await h.call('POST', '/api/v1/compensation/threshold', { token: h.ownerToken, body: thresholdInput() });
        expect(await listAudit(h.store.db, { limit: 1000 })).toHaveLength(before.length);
      });
    });

    describe('POST /api/v1/compensation/threshold', () => {
      it('computes the threshold with the binding floor and lists its assumptions', async () => {
        const res = await h.call('POST', '/api/v1/compensation/threshold', { token: h.ownerToken, body: thresholdInput() });
        expect(res.statusCode, res.body).toBe(200);
        const t = res.json();
        // Field-report calibration: TC 500K at seed -> 0.36 loss tolerance -> 500,000 - 180,000 / 0.69365.
        expect(t).toMatchObject({ currency: 'USD', binding: 'risk', currentTotalComp: 500_000, lossTolerance: 180_000 });
        expect(t.amount).toBeGreaterThan(200_000);
        expect(t.amount).toBeLessThan(300_000);
        expect(t.amount).toBe(Math.max(t.floors.obligations, t.floors.risk));
        expect(t.assumptions.map((a: { name: string }) => a.name)).toEqual(expect.arrayContaining(['stage', 'candidate.perceivedFailureProbability', 'candidate.lossTolerance']));
      });

      it('agrees with the threshold inside an offer evaluation for the same candidate and stage', async () => {
        const input = evaluateInput();
        const evaluation = (await h.call('POST', '/api/v1/offers/evaluate', { token: h.ownerToken, body: input })).json();
        const t = (await h.call('POST', '/api/v1/compensation/threshold', { token: h.ownerToken, body: { currency: 'USD', candidate: input.candidate, stage: 'seed' } })).json();
        expect(t.amount).toBe(evaluation.threshold.amount);
        expect(t.binding).toBe(evaluation.threshold.binding);
        expect(t.floors).toEqual(evaluation.threshold.floors);
      });

      it('uses the stated failure probability: with none, only obligations bind', async () => {
        const res = await h.call('POST', '/api/v1/compensation/threshold', { token: h.ownerToken, body: withValue(thresholdInput(), 'candidate.perceivedFailureProbability', 0) });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ binding: 'obligations', floors: { risk: null } });
      });

      const bad: Array<[string, (i: Record<string, any>) => unknown, string, string]> = [
        ['an unknown field', (i) => withValue(i, 'candidate.age', 30), 'UNKNOWN_FIELD', 'candidate.age'],
        ['a string for a number', (i) => withValue(i, 'candidate.currentBase', '300000'), 'MONEY_INVALID', 'candidate.currentBase'],
        ['a tax rate of 1', (i) => withValue(i, 'candidate.effectiveTaxRate', 1), 'RATE_OUT_OF_RANGE', 'candidate.effectiveTaxRate'],
        ['an unknown stage', (i) => ({ ...i, stage: 'unicorn' }), 'STAGE_INVALID', 'stage'],
        ['a missing currency', (i) => ({ ...i, currency: undefined }), 'VALIDATION_FAILED', 'currency'],
      ];
      for (const [what, make, code, field] of bad) {
        it(`rejects ${what} with 400 ${code} and field ${field}`, async () => {
          const res = await h.call('POST', '/api/v1/compensation/threshold', { token: h.ownerToken, body: make(thresholdInput()) });
          expect(res.statusCode, res.body).toBe(400);
          expect(res.json()).toMatchObject({ code, field });
        });
      }

      it('refuses interviewers with 403', async () => {
        const res = await h.call('POST', '/api/v1/compensation/threshold', { token: interviewer, body: thresholdInput() });
        expect(res.statusCode).toBe(403);
        expect(res.body).not.toMatch(/amount|300000/);
      });
    });
  });
}
