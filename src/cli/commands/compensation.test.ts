import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { captureIo } from '../../test-support/cli-io.js';
import { dialectsUnderTest } from '../../test-support/dialects.js';
import { createHarness, type Harness } from '../../test-support/app-harness.js';
import { evaluateInput, thresholdInput } from '../../test-support/compensation-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'closer-cli-comp-'));
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

async function run(argv: string[], stdin?: string): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo({ stdin });
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('closer offer evaluate', () => {
  it('evaluates a JSON file and prints byte-identical JSON for the same input and seed', async () => {
    const path = file('offer.json', evaluateInput());
    const a = await run(['offer', 'evaluate', path, '--json']);
    const b = await run(['offer', 'evaluate', path, '--json']);
    expect(a.code, a.err).toBe(0);
    expect(b.out).toBe(a.out);
    const result = JSON.parse(a.out);
    expect(result.simulation).toMatchObject({ paths: 2_000, seed: 42 });
    expect(result.startup.paperValue).toBe(96_000);
    const reseeded = await run(['offer', 'evaluate', file('offer-43.json', { ...evaluateInput(), simulation: { paths: 2_000, seed: 43 } }), '--json']);
    expect(reseeded.code).toBe(0);
    expect(reseeded.out).not.toBe(a.out);
  });

  it('reads stdin for - and for no file argument', async () => {
    const fromFile = await run(['offer', 'evaluate', file('offer2.json', evaluateInput()), '--json']);
    const dash = await run(['offer', 'evaluate', '-', '--json'], JSON.stringify(evaluateInput()));
    const none = await run(['offer', 'evaluate', '--json'], JSON.stringify(evaluateInput()));
    expect(dash.code, dash.err).toBe(0);
    expect(dash.out).toBe(fromFile.out);
    expect(none.out).toBe(fromFile.out);
  });

  it('prints a short human summary without --json', async () => {
    const r = await run(['offer', 'evaluate', '-'], JSON.stringify(evaluateInput()));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Candidate threshold: [\d,]+ USD base \((the risk floor binds|obligations bind)\)/);
    expect(r.out).toContain('Startup equity: 0.5% of fully diluted, paper value 96,000 USD');
    expect(r.out).toMatch(/P\(startup offer beats the incumbent\): \d+\.\d%/);
    expect(r.out).toContain('Ownership after expected dilution: seed 0.5%');
    expect(r.out).toContain('2,000 paths, seed 42');
  });

  const bad: Array<[string, string, string, string]> = [
    ['an unknown field', JSON.stringify({ ...evaluateInput(), extra: true }), 'UNKNOWN_FIELD', 'extra'],
    ['a string for a number', JSON.stringify({ ...evaluateInput(), startup: { ...evaluateInput().startup, base: '200000' } }), 'MONEY_INVALID', 'startup.base'],
    ['a probability above 1', JSON.stringify({ ...evaluateInput(), candidate: { ...evaluateInput().candidate, perceivedFailureProbability: 2 } }), 'PROBABILITY_OUT_OF_RANGE', 'candidate.perceivedFailureProbability'],
    ['malformed JSON', '{"currency": "USD",', 'MALFORMED_JSON', ''],
    ['a JSON array', '[1, 2]', 'VALIDATION_FAILED', 'body'],
  ];
  for (const [what, stdin, code, field] of bad) {
    it(`exits 2 on ${what} and names the code${field ? ' and field' : ''}`, async () => {
      const json = await run(['offer', 'evaluate', '-', '--json'], stdin);
      expect(json.code).toBe(2);
      expect(json.out).toBe('');
      const error = JSON.parse(json.err).error;
      expect(error.code).toBe(code);
      expect(error.field).toBe(field || undefined);
      const human = await run(['offer', 'evaluate', '-'], stdin);
      expect(human.code).toBe(2);
      expect(human.err).toContain(`closer: ${error.message}${field ? ` (${field})` : ''}`);
    });
  }

  it('exits 2 on a missing file, on empty stdin, and on two files', async () => {
    const missing = await run(['offer', 'evaluate', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('Cannot read');
    const empty = await run(['offer', 'evaluate', '-'], '');
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('No input');
    const two = await run(['offer', 'evaluate', 'a.json', 'b.json']);
    expect(two.code).toBe(2);
  });

  it('leaves the other offer commands alone', async () => {
    const show = await run(['offer', 'show']);
    expect(show.code).toBe(2);
    expect(show.err).toContain('Name one offer id');
  });
});

describe('closer threshold', () => {
  const flags = ['--current-base', '300000', '--current-bonus', '50000', '--current-equity', '150000', '--obligations', '80000', '--tax-rate', '0.35'];

  it('computes the threshold from flags, and the same from a JSON file', async () => {
    const fromFlags = await run(['threshold', ...flags, '--json']);
    expect(fromFlags.code, fromFlags.err).toBe(0);
    const t = JSON.parse(fromFlags.out);
    expect(t).toMatchObject({ currency: 'USD', binding: 'risk', currentTotalComp: 500_000, lossTolerance: 180_000 });
    const fromFile = await run(['threshold', file('threshold.json', thresholdInput()), '--json']);
    expect(fromFile.code, fromFile.err).toBe(0);
    expect(fromFile.out).toBe(fromFlags.out);
    const human = await run(['threshold', ...flags]);
    expect(human.out).toMatch(/^Cash threshold: [\d,]+ USD base before equity counts \(the risk floor binds\)/);
  });

  it('passes optional flags through: a stated failure probability of 0 leaves only the obligations floor', async () => {
    const r = await run(['threshold', ...flags, '--failure-probability', '0', '--stage', 'series-a', '--currency', 'EUR', '--json']);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ currency: 'EUR', binding: 'obligations', floors: { risk: null }, perceivedFailureProbability: 0 });
  });

  const bad: Array<[string, string[], string]> = [
    ['text for a number', ['--current-base', 'lots'], '--current-base must be a number'],
    ['scientific notation', ['--current-base', '3e5'], '--current-base must be a number'],
    ['a fractional amount of money', ['--current-base', '300000.5'], '(--current-base)'],
    ['a tax rate of 1', ['--tax-rate', '1'], '(--tax-rate)'],
    ['an unknown stage', ['--stage', 'unicorn'], '(--stage)'],
    ['a missing flag', ['--obligations'], ''],
  ];
  for (const [what, change, message] of bad) {
    it(`exits 2 on ${what}`, async () => {
      const args = [...flags];
      const at = args.indexOf(change[0]!);
      if (change.length === 1) args.splice(at, 2);
      else if (at >= 0) args[at + 1] = change[1]!;
      else args.push(...change);
      const r = await run(['threshold', ...args]);
      expect(r.code, r.out).toBe(2);
      expect(r.err).toContain(change.length === 1 ? '(--obligations)' : message);
    });
  }

  it('exits 2 without input, and on flags together with a file', async () => {
    expect((await run(['threshold'])).code).toBe(2);
    const both = await run(['threshold', file('t.json', thresholdInput()), '--current-base', '1']);
    expect(both.code).toBe(2);
    expect(both.err).toContain('not both');
  });
});

describe('closer market', () => {
  it('prints percentiles of the bundled dataset with n and the fallback', async () => {
    const r = await run(['market', '--role-group', 'ml-engineer', '--level', 'SE', '--country', 'US', '--json']);
    expect(r.code, r.err).toBe(0);
    const { dataset, benchmark } = JSON.parse(r.out);
    expect(dataset).toEqual({ id: 'aijobs-2025-01-19', name: 'aijobs.net salaries (2025-01-19)', source: 'aijobs.net CC0', asOf: '2025-01-19' });
    expect(benchmark).toMatchObject({ fallback: 'none', currency: 'USD', used: { roleGroup: 'ml-engineer', level: 'SE', country: 'US' } });
    expect(benchmark.n).toBeGreaterThanOrEqual(30);
    const human = await run(['market', '--role-group', 'ml-engineer', '--level', 'senior']);
    expect(human.code).toBe(0);
    expect(human.out).toMatch(/^ML Engineer, level SE, company in US: n = \d+ \(aijobs\.net salaries \(2025-01-19\)\)\n {2}base salary USD: p10 [\d,]+ {2}p25 [\d,]+ {2}p50 [\d,]+ {2}p75 [\d,]+ {2}p90 [\d,]+/);
  });

  const bad: Array<[string, string[], string]> = [
    ['an unknown role group', ['--role-group', 'astronaut', '--level', 'SE'], '(roleGroup)'],
    ['an unknown level', ['--role-group', 'ml-engineer', '--level', 'XX'], '(level)'],
    ['a country that is not a 2-letter code', ['--role-group', 'ml-engineer', '--level', 'SE', '--country', 'USA'], '--country must be an ISO 3166 alpha-2 code'],
    ['a missing role group', ['--level', 'SE'], '--role-group is required'],
    ['a missing level', ['--role-group', 'ml-engineer'], '--level is required'],
  ];
  for (const [what, args, message] of bad) {
    it(`exits 2 on ${what}`, async () => {
      const r = await run(['market', ...args]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(message);
    });
  }
});

for (const dialect of dialectsUnderTest()) {
  describe(`the CLI and the API give the same JSON [${dialect.name}]`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
    });
    afterAll(async () => h.close());

    it('closer offer evaluate = POST /api/v1/offers/evaluate (same keys, same order, same values)', async () => {
      const api = await h.call('POST', '/api/v1/offers/evaluate', { token: h.ownerToken, body: evaluateInput() });
      const cli = await run(['offer', 'evaluate', '-', '--json'], JSON.stringify(evaluateInput()));
      expect(api.statusCode).toBe(200);
      expect(JSON.stringify(JSON.parse(cli.out))).toBe(api.body);
    });

    it('closer threshold = POST /api/v1/compensation/threshold, and the same error field for bad input', async () => {
      const api = await h.call('POST', '/api/v1/compensation/threshold', { token: h.ownerToken, body: thresholdInput() });
      const cli = await run(['threshold', '-', '--json'], JSON.stringify(thresholdInput()));
      expect(JSON.stringify(JSON.parse(cli.out))).toBe(api.body);
      const bad = { ...thresholdInput(), candidate: { ...thresholdInput().candidate, currentBase: '1' } };
      const apiError = (await h.call('POST', '/api/v1/compensation/threshold', { token: h.ownerToken, body: bad })).json();
      const cliError = JSON.parse((await run(['threshold', '-', '--json'], JSON.stringify(bad))).err).error;
      expect(cliError).toEqual(apiError);
    });

    it('closer market = GET /api/v1/market/benchmarks on the bundled dataset', async () => {
      const api = await h.call('GET', '/api/v1/market/benchmarks?roleGroup=research-scientist&level=MI&country=GB', { token: h.ownerToken });
      const cli = await run(['market', '--role-group', 'research-scientist', '--level', 'MI', '--country', 'GB', '--json']);
      expect(api.statusCode).toBe(200);
      expect(JSON.stringify(JSON.parse(cli.out))).toBe(api.body);
    });
  });
}
