import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { analyzeJobDescription } from '../../domain/scoping/analyze-job-description.js';
import { parsePlanText } from '../../domain/plans/index.js';
import { createHarness } from '../../test-support/app-harness.js';
import { dialectsUnderTest } from '../../test-support/dialects.js';
import { roleFindings } from '../../web/pages/role-editor/role-findings.js';
import { main } from '../main.js';
import { captureIo } from '../../test-support/cli-io.js';

// One posting, one company, four readers: the role editor (in the browser), POST /roles/analyze, `closer scope
// --company` and `closer check`. Each must give every finding the same severity.
const POSTING = readFileSync(new URL('../../../examples/job.txt', import.meta.url), 'utf8');
const TITLE = 'Founding AI Engineer';

type Graded = Record<string, string>;
const graded = (findings: readonly { rule: string; severity: string }[]): Graded => Object.fromEntries(findings.map((f) => [f.rule, f.severity]));
const scopeOnly = (g: Graded): Graded => Object.fromEntries(Object.entries(g).filter(([rule]) => rule.startsWith('scope.')));

async function cli(args: string[], env: NodeJS.ProcessEnv, stdin?: string) {
  const io = captureIo({ env, stdin });
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

/** The plan `closer check` reads for the same role and team. */
function planFor(core: readonly string[], seniority: string, aiTeam: unknown[], budget?: { currentAiCashComp: number; base: number; annualBudget: number }): string {
  const base = readFileSync(new URL('../../../examples/plan-clean.yaml', import.meta.url), 'utf8');
  const plan = parsePlanText(base) as Record<string, any>;
  plan.role = { title: TITLE, seniority, specializations: [...core], yearsRequired: 5 };
  plan.company = { ...plan.company, stage: 'seed', headcount: 10, aiTeam };
  if (budget) {
    plan.company.currentAiCashComp = budget.currentAiCashComp;
    plan.company.budget = { annualBudget: budget.annualBudget };
    plan.compensation = { ...plan.compensation, base: budget.base, bonus: 0, currency: 'USD' };
  }
  return JSON.stringify(plan);
}

describe('the same finding has the same severity on the web, in the API and in the CLI', () => {
  for (const dialect of dialectsUnderTest()) {
    it(`role scoping, with and without a senior AI practitioner; the team plan's budget share [${dialect.name}]`, async () => {
      const h = await createHarness(await dialect.createStore());
      await h.app.listen({ port: 0, host: '127.0.0.1' });
      const env = { CLOSER_URL: `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`, CLOSER_TOKEN: h.ownerToken };
      try {
        const analysis = analyzeJobDescription({ title: TITLE, text: POSTING });
        expect(analysis.core.length).toBeGreaterThanOrEqual(3);
        const role = { title: TITLE, specializations: analysis.core, seniority: analysis.seniority };
        const company = (await h.call('GET', '/api/v1/company', { token: h.ownerToken })).json() as { stage: 'seed'; headcount: number };

        for (const aiTeam of [[], [{ name: 'Ada', specializations: ['ml-engineering', 'mlops'], seniority: 'senior' }]]) {
          if (aiTeam.length > 0) {
            expect((await h.call('PUT', '/api/v1/team/plan-inputs', { token: h.ownerToken, body: { bottleneck: 'infrastructure', aiTeam } })).statusCode).toBe(200);
          }
          const web = graded(roleFindings(analysis, role, { stage: company.stage, headcount: company.headcount, aiTeam: aiTeam as never, coreIsSafetyOrResearch: false }));
          const api = graded((await h.call('POST', '/api/v1/roles/analyze', { token: h.ownerToken, body: { title: TITLE, description: POSTING } })).json().findings);
          const scope = await cli(['scope', '-', '--title', TITLE, '--company', '--json'], env, POSTING);
          expect(scope.code, scope.err).toBe(0);
          const check = await cli(['check', '-', '--json'], env, planFor(analysis.core, analysis.seniority, aiTeam));
          expect(check.err).toBe('');

          expect(api).toEqual(web);
          expect(graded(JSON.parse(scope.out).findings)).toEqual(web);
          expect(scopeOnly(graded(JSON.parse(check.out).findings))).toEqual(scopeOnly(web));
          // No senior yet: this is the founding generalist (a note), not a role that is too broad (an error).
          expect(web).toMatchObject(aiTeam.length === 0 ? { 'scope.founding-generalist': 'info' } : { 'scope.too-broad': 'error' });
          expect(Object.keys(web)).not.toContain(aiTeam.length === 0 ? 'scope.too-broad' : 'scope.founding-generalist');
          // The human form names the severity in the web's words.
          const human = await cli(['scope', '-', '--title', TITLE, '--company'], env, POSTING);
          expect(human.out).toMatch(aiTeam.length === 0 ? /NOTE\s+scope\.founding-generalist/ : /ERROR\s+scope\.too-broad/);
        }

        // The team plan's budget share is the compensation engine's check: same severity and words as `closer check`.
        await h.call('PUT', '/api/v1/team/plan-inputs', {
          token: h.ownerToken,
          body: { bottleneck: 'infrastructure', aiTeam: [{ specializations: ['ml-engineering'], seniority: 'senior', yearlyCashComp: 200_000 }], budget: { annualBudget: 1_000_000 } },
        });
        const plan = (await h.call('GET', '/api/v1/team/plan', { token: h.ownerToken })).json() as { findings: { rule: string; severity: string; message: string }[]; teamYearlyCashComp: { total: number } };
        const share = plan.findings.find((f) => f.rule === 'comp.budget-share')!;
        expect(share.severity).toBe('error');
        const teamCli = await cli(['team', 'plan', '--json'], env);
        expect(JSON.parse(teamCli.out).findings.find((f: { rule: string }) => f.rule === 'comp.budget-share')).toMatchObject({ severity: share.severity, message: share.message });
        const total = plan.teamYearlyCashComp.total;
        const checked = await cli(['check', '-', '--json'], env, planFor(analysis.core, 'senior', [], { currentAiCashComp: total - 250_000, base: 250_000, annualBudget: 1_000_000 }));
        expect(JSON.parse(checked.out).findings.find((f: { rule: string }) => f.rule === 'comp.budget-share')).toMatchObject({ severity: share.severity, message: share.message });
      } finally {
        await h.close();
      }
    });
  }
});
