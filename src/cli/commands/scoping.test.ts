import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { captureIo } from '../../test-support/cli-io.js';
import { dialectsUnderTest } from '../../test-support/dialects.js';
import { createHarness, type Harness } from '../../test-support/app-harness.js';

const EXAMPLES = fileURLToPath(new URL('../../../examples/', import.meta.url));
const TMP = mkdtempSync(join(tmpdir(), 'closer-scoping-cli-'));
const tmpFile = (name: string, text: string) => {
  const path = join(TMP, name);
  writeFileSync(path, text);
  return path;
};

const POSTING = `What you'll do
- Own our model registry and the deployment pipelines that ship models to production.
- Build training orchestration on Kubernetes and monitoring for model drift.
- Run CI/CD for models and the serving infrastructure.

Requirements
- 6+ years of experience in ML infrastructure.`;

const EVERYTHING = `You will do it all:
- Train classification models with feature engineering and scikit-learn, run offline evaluation.
- Own the model registry, deployment pipelines and model serving on Kubernetes, with drift monitoring.
- Build data pipelines and ETL in Airflow and Spark, and run the vector database.
- Integrate LLM APIs into product features across our TypeScript and React front end.
- Write system prompts and few-shot prompts and tune RAG output quality.`;

/** Finding ids (rule:severity) each shipped example must give; a new example needs a line here. */
const EXPECTED: Record<string, { exit: number; rules: string[] }> = {
  'plan-clean.yaml': { exit: 0, rules: [] },
  'plan-six-week-loop.yaml': { exit: 1, rules: ['process.too-long:error', 'process.no-single-day-onsite:warning'] },
  'plan-two-take-homes.yaml': { exit: 1, rules: ['process.multiple-take-homes:error'] },
  'plan-approval-not-prenegotiated.yaml': { exit: 0, rules: ['process.approval-not-prenegotiated:warning'] },
  'plan-offer-sla.yaml': { exit: 1, rules: ['process.offer-sla:error'] },
  'plan-equity-not-fully-diluted.yaml': { exit: 1, rules: ['comp.equity-not-fully-diluted:error'] },
  'plan-equity-first-outreach.yaml': { exit: 0, rules: ['outreach.equity-first:warning'] },
  'plan-referral-only.yaml': { exit: 0, rules: ['sourcing.referral-only:warning'] },
};

describe('closer scope', () => {
  it('analyses a file and prints primary, core, seniority and evidence', async () => {
    const io = captureIo();
    expect(await main(['scope', tmpFile('mlops.txt', POSTING), '--title', 'Senior MLOps Engineer'], io)).toBe(0);
    const out = io.out();
    expect(out).toMatch(/^Primary:\s+mlops \(/m);
    expect(out).toMatch(/^Core:\s+.*mlops/m);
    expect(out).toMatch(/^Seniority:\s+senior/m);
    expect(out).toMatch(/^Spans too many: no/m);
    expect(out).toMatch(/\* mlops\s+0\.\d\d\s+".*model registry/);
  });

  it('reads stdin with - and prints the analyser contract with --json', async () => {
    const io = captureIo({ stdin: EVERYTHING });
    expect(await main(['scope', '-', '--title', 'AI Engineer', '--json'], io)).toBe(0);
    const a = JSON.parse(io.out());
    expect(a.spansTooMany).toBe(true);
    expect(a.core.length).toBeGreaterThanOrEqual(3);
    expect(a.findings.map((f: { rule: string }) => f.rule)).toContain('scope.too-broad');
    expect(a.specializations).toHaveLength(7);
    expect(typeof a.isAiRole).toBe('boolean');
  });

  it('shows a too-broad role in the human form with each core specialization and its evidence', async () => {
    const io = captureIo({ stdin: EVERYTHING });
    expect(await main(['scope', '--title', 'AI Engineer'], io)).toBe(0);
    expect(io.out()).toMatch(/^Spans too many: yes \(\d core specializations\)/m);
    expect(io.out()).toMatch(/^Spans: .*mlops \("/m);
    expect(io.out()).toMatch(/ERROR\s+scope\.too-broad/);
  });

  it.each([
    ['empty stdin', [], '', 'TEXT_EMPTY'],
    ['unrecognisable text', [], '%%%% #### 1234 5678 !!!! ????', 'TEXT_UNRECOGNISED'],
    ['a file that is not there', [join(TMP, 'missing.txt')], '', 'USAGE'],
    ['two files', ['a.txt', 'b.txt'], '', 'USAGE'],
  ])('exits 2 on %s', async (_what, args, stdin, code) => {
    const io = captureIo({ stdin });
    expect(await main(['scope', ...args, '--json'], io)).toBe(2);
    expect(JSON.parse(io.err()).error.code).toBe(code);
  });

  it('exits 2 on text over 100 KB', async () => {
    const io = captureIo({ stdin: 'Train models with feature engineering. '.repeat(3000) });
    expect(await main(['scope'], io)).toBe(2);
    expect(io.err()).toMatch(/100 KB|too large|larger/i);
  });
});

describe('closer check', () => {
  for (const [name, { exit, rules }] of Object.entries(EXPECTED)) {
    it(`examples/${name} exits ${exit} with ${rules.length ? rules.join(', ') : 'no findings'}`, async () => {
      const io = captureIo();
      expect(await main(['check', join(EXAMPLES, name), '--json'], io)).toBe(exit);
      const result = JSON.parse(io.out());
      expect(result.findings.map((f: { rule: string; severity: string }) => `${f.rule}:${f.severity}`)).toEqual(rules);
      for (const f of result.findings) expect(f.path).toMatch(/\S/);
      const human = captureIo();
      expect(await main(['check', join(EXAMPLES, name)], human)).toBe(exit);
      for (const f of result.findings) expect(human.out()).toContain(`${f.rule}  at ${f.path}`);
    });
  }

  it('covers every shipped example', () => {
    expect(readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml')).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('prints the clean plan as passing', async () => {
    const io = captureIo();
    expect(await main(['check', join(EXAMPLES, 'plan-clean.yaml')], io)).toBe(0);
    expect(io.out()).toContain('0 error(s), 0 warning(s)');
    expect(io.out()).toContain('No findings');
  });

  it('checks a JSON plan the same as its YAML', async () => {
    const { parse } = await import('yaml');
    const plan = parse(readFileSync(join(EXAMPLES, 'plan-offer-sla.yaml'), 'utf8'));
    const io = captureIo();
    expect(await main(['check', tmpFile('plan.json', JSON.stringify(plan)), '--json'], io)).toBe(1);
    expect(JSON.parse(io.out()).findings[0]).toMatchObject({ rule: 'process.offer-sla', path: 'process.offerAfterFinalHours' });
  });

  it.each([
    ['YAML that does not parse', 'version: 1\nrole: [unclosed', 'PLAN_INVALID', 'yaml'],
    ['a list instead of a plan', '- a\n- b\n', 'PLAN_INVALID', 'yaml'],
    ['an empty file', '', 'PLAN_INVALID', 'yaml'],
    ['a plan with a bad field', readFileSync(join(EXAMPLES, 'plan-clean.yaml'), 'utf8').replace('offerAfterFinalHours: 24', 'offerAfterFinalHours: -5'), 'PLAN_INVALID', 'process.offerAfterFinalHours'],
    ['a plan with an unknown field', `${readFileSync(join(EXAMPLES, 'plan-clean.yaml'), 'utf8')}\nnickname: x\n`, 'PLAN_INVALID', 'nickname'],
  ])('exits 2 on %s, naming the field', async (_what, text, code, field) => {
    const io = captureIo();
    expect(await main(['check', tmpFile('bad.yaml', text), '--json'], io)).toBe(2);
    expect(JSON.parse(io.err()).error).toMatchObject({ code, field });
    expect(io.out()).toBe('');
  });

  it('exits 2 on an unreadable file', async () => {
    const io = captureIo();
    expect(await main(['check', join(TMP, 'nope.yaml')], io)).toBe(2);
    expect(io.err()).toContain('Cannot read');
  });
});

describe('closer team plan without a server', () => {
  it('exits 2 when CLOSER_TOKEN is missing', async () => {
    const io = captureIo({ env: {} });
    expect(await main(['team', 'plan'], io)).toBe(2);
    expect(io.err()).toContain('CLOSER_TOKEN');
  });
});

for (const dialect of dialectsUnderTest()) {
  describe(`closer team plan against a live server [${dialect.name}]`, () => {
    let h: Harness;
    let url: string;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      url = await h.app.listen({ port: 0, host: '127.0.0.1' });
    });
    afterAll(async () => h.close());

    it('prints the ordered hires with cost and the budget share', async () => {
      const put = await h.call('PUT', '/api/v1/team/plan-inputs', {
        token: h.ownerToken,
        body: { bottleneck: 'model-quality', aiTeam: [{ specializations: ['ml-engineering'], seniority: 'mid', yearlyCashComp: 150_000 }], budget: { raise: 4_000_000, runwayYears: 2 } },
      });
      expect(put.statusCode).toBe(200);
      const json = captureIo({ env: { CLOSER_URL: url, CLOSER_TOKEN: h.ownerToken } });
      expect(await main(['team', 'plan', '--json'], json)).toBe(0);
      const plan = JSON.parse(json.out());
      expect(plan.hires[0]).toMatchObject({ order: 1, specialization: 'ml-engineering', seniority: 'senior' });
      expect(plan.hires[1]).toMatchObject({ specialization: 'applied-research' });
      expect(plan.budget.annualBudget).toBe(2_000_000);

      const human = captureIo({ env: { CLOSER_URL: url, CLOSER_TOKEN: h.ownerToken } });
      expect(await main(['team', 'plan'], human)).toBe(0);
      expect(human.out()).toMatch(/^1\. Founding ML Engineer \(senior generalist\) \[ml-engineering, senior\] - now, [\d,]+ USD\/year/m);
      expect(human.out()).toMatch(/^2\. .*\[applied-research, senior\]/m);
      expect(human.out()).toMatch(/^Budget share: \d+\.\d% of 2,000,000 USD\/year/m);
    });

    it('exits 1 for an interviewer (403 is not bad input) with the API code', async () => {
      const { token } = await h.tokenFor('interviewer');
      const io = captureIo({ env: { CLOSER_URL: url, CLOSER_TOKEN: token } });
      expect(await main(['team', 'plan', '--json'], io)).toBe(1);
      expect(JSON.parse(io.err()).error.code).toBe('FORBIDDEN');
    });
  });
}
