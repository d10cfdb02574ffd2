import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';
import { listAudit } from '../../../storage/index.js';
import { presentTeamPlan, presentTeamPlanInputs } from './presenter.js';
import type { CompanyTeamPlan } from '../../services/scoping.js';

const EXAMPLES = fileURLToPath(new URL('../../../../examples/', import.meta.url));
const example = (name: string) => readFileSync(`${EXAMPLES}${name}`, 'utf8');

const MLOPS_POSTING = `Senior MLOps Engineer

What you'll do
- Own our model registry and the deployment pipelines that ship models to production.
- Build training orchestration on Kubernetes and monitoring for model drift.
- Run CI/CD for models and the serving infrastructure.

Requirements
- 5+ years of experience in ML infrastructure.`;

const EVERYTHING_POSTING = `AI Engineer

You will do it all:
- Train classification models with feature engineering and scikit-learn, run offline evaluation.
- Own the model registry, deployment pipelines and model serving on Kubernetes, with drift monitoring.
- Build data pipelines and ETL in Airflow and Spark, and run the vector database.
- Integrate LLM APIs into product features across our TypeScript and React front end.
- Write system prompts and few-shot prompts and tune RAG output quality.`;

const JUNIOR_POSTING = `Junior MLOps Engineer

- Help maintain the model registry and deployment pipelines for models in production.
- Support training orchestration and model monitoring for drift.
- 1 year of experience with CI/CD for models.`;

const EXPECTED_EXAMPLE_RULES: Record<string, string[]> = {
  'plan-clean.yaml': [],
  'plan-six-week-loop.yaml': ['process.too-long', 'process.no-single-day-onsite'],
  'plan-two-take-homes.yaml': ['process.multiple-take-homes'],
  'plan-approval-not-prenegotiated.yaml': ['process.approval-not-prenegotiated'],
  'plan-offer-sla.yaml': ['process.offer-sla'],
  'plan-equity-not-fully-diluted.yaml': ['comp.equity-not-fully-diluted'],
  'plan-equity-first-outreach.yaml': ['outreach.equity-first'],
  'plan-referral-only.yaml': ['sourcing.referral-only'],
};

for (const dialect of dialectsUnderTest()) {
  describe(`scoping API [${dialect.name}]`, () => {
    let h: Harness;
    let interviewer: string;
    let recruiter: string;
    let approver: string;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      interviewer = (await h.tokenFor('interviewer')).token;
      recruiter = (await h.tokenFor('recruiter')).token;
      approver = (await h.tokenFor('approver')).token;
    });
    afterAll(async () => h.close());

    const audits = async (action: string) => (await listAudit(h.store.db, { limit: 500 })).filter((a) => a.action === action);

    describe('POST /api/v1/roles/analyze', () => {
      it('returns the analyser contract with evidence offsets into the description', async () => {
        const res = await h.call('POST', '/api/v1/roles/analyze', { token: h.ownerToken, body: { title: 'Senior MLOps Engineer', description: MLOPS_POSTING } });
        expect(res.statusCode).toBe(200);
        const a = res.json();
        expect(a.primary).toBe('mlops');
        expect(a.core).toContain('mlops');
        expect(a.isAiRole).toBe(true);
        expect(a.seniority).toBe('senior');
        expect(a.specializations).toHaveLength(7);
        const scores = a.specializations.map((s: { score: number }) => s.score);
        expect(scores).toEqual([...scores].sort((x: number, y: number) => y - x));
        const mlops = a.specializations.find((s: { key: string }) => s.key === 'mlops');
        expect(mlops.evidence.length).toBeGreaterThan(0);
        const textMatches = mlops.matches.filter((x: { source: string }) => x.source === 'text');
        expect(textMatches.length).toBeGreaterThan(0);
        for (const m of textMatches) {
          expect(MLOPS_POSTING.slice(m.start, m.end)).toBe(m.quote);
        }
        expect(a.taxonomyVersion).toMatch(/\S/);
        expect(a.companyContext).toEqual({ seniorAiPractitioner: false, teamInputsStored: false });
      });

      it('wins over the pipeline parametric /roles/:id (static path precedence)', async () => {
        const created = await h.call('POST', '/api/v1/roles', { token: h.ownerToken, body: { title: 'Founding ML Engineer', seniority: 'senior' } });
        expect(created.statusCode).toBe(201);
        const id = created.json().id as string;
        expect((await h.call('GET', `/api/v1/roles/${id}`, { token: h.ownerToken })).json().title).toBe('Founding ML Engineer');
        const res = await h.call('POST', '/api/v1/roles/analyze', { token: h.ownerToken, body: { description: MLOPS_POSTING } });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toHaveProperty('specializations');
        // The analyse path is POST only; a GET of it is the pipeline's /roles/:id with an unknown id.
        const get = await h.call('GET', '/api/v1/roles/analyze', { token: h.ownerToken });
        expect(get.statusCode).toBe(404);
        expect(get.json().code).toBe('ROLE_NOT_FOUND');
      });

      it('makes an all-in-one junior role a too-broad error, and the same role senior the founding generalist', async () => {
        const junior = await h.call('POST', '/api/v1/roles/analyze', { token: h.ownerToken, body: { title: 'Junior AI Engineer', description: EVERYTHING_POSTING } });
        expect(junior.statusCode).toBe(200);
        expect(junior.json().spansTooMany).toBe(true);
        const jr = junior.json().findings.map((f: { rule: string; severity: string }) => `${f.rule}:${f.severity}`);
        expect(jr).toContain('scope.too-broad:error');
        expect(jr).toContain('scope.juniors-without-anchor:warning');
        const senior = await h.call('POST', '/api/v1/roles/analyze', { token: h.ownerToken, body: { title: 'Senior AI Engineer', description: EVERYTHING_POSTING } });
        const sr = senior.json().findings.map((f: { rule: string }) => f.rule);
        expect(senior.json().spansTooMany).toBe(true);
        expect(sr).toContain('scope.founding-generalist');
        expect(sr).not.toContain('scope.too-broad');
      });

      it('warns about a junior specialist without a senior anchor until the team has one', async () => {
        const before = await h.call('POST', '/api/v1/roles/analyze', { token: recruiter, body: { title: 'Junior MLOps Engineer', description: JUNIOR_POSTING } });
        expect(before.statusCode).toBe(200);
        expect(before.json().findings.map((f: { rule: string }) => f.rule)).toEqual(expect.arrayContaining(['scope.juniors-without-anchor', 'scope.specialist-too-early']));
        const put = await h.call('PUT', '/api/v1/team/plan-inputs', {
          token: h.ownerToken,
          body: { bottleneck: 'infrastructure', aiTeam: [{ name: 'Ada', specializations: ['ml-engineering', 'mlops'], seniority: 'senior', yearlyCashComp: 200_000 }] },
        });
        expect(put.statusCode).toBe(200);
        const after = await h.call('POST', '/api/v1/roles/analyze', { token: recruiter, body: { title: 'Junior MLOps Engineer', description: JUNIOR_POSTING } });
        const rules = after.json().findings.map((f: { rule: string }) => f.rule);
        expect(rules).not.toContain('scope.juniors-without-anchor');
        expect(rules).not.toContain('scope.specialist-too-early');
        expect(after.json().companyContext).toEqual({ seniorAiPractitioner: true, teamInputsStored: true });
      });

      it('lets interviewers analyse, and refuses approvers (no scope.analyze)', async () => {
        expect((await h.call('POST', '/api/v1/roles/analyze', { token: interviewer, body: { description: MLOPS_POSTING } })).statusCode).toBe(200);
        const res = await h.call('POST', '/api/v1/roles/analyze', { token: approver, body: { description: MLOPS_POSTING } });
        expect(res.statusCode).toBe(403);
        expect(res.json().code).toBe('FORBIDDEN');
      });

      const bad: Array<[string, unknown, number, string, string]> = [
        ['empty text', { description: '   ' }, 400, 'TEXT_EMPTY', 'description'],
        ['text over 100 KB', { description: 'model training pipelines. '.repeat(5000) }, 413, 'TEXT_TOO_LARGE', 'description'],
        ['symbols and digits only', { description: '%%%% #### 1234 5678 !!!! ????' }, 422, 'TEXT_UNRECOGNISED', 'description'],
        ['no description', { title: 'ML Engineer' }, 400, 'VALIDATION_FAILED', 'description'],
        ['a title over 300 characters', { title: 'x'.repeat(301), description: MLOPS_POSTING }, 400, 'VALIDATION_FAILED', 'title'],
        ['a number for a description', { description: 42 }, 400, 'VALIDATION_FAILED', 'description'],
        ['an unknown field', { description: MLOPS_POSTING, text: 'x' }, 400, 'UNKNOWN_FIELD', 'text'],
      ];
      for (const [what, body, status, code, field] of bad) {
        it(`refuses ${what} with ${status} ${code} (field ${field})`, async () => {
          const res = await h.call('POST', '/api/v1/roles/analyze', { token: h.ownerToken, body });
          expect(res.statusCode).toBe(status);
          expect(res.json()).toMatchObject({ code, field });
        });
      }
    });

    describe('taxonomy', () => {
      const EXT = { id: 'acme', specializations: [{ key: 'mlops', anchors: { 'zephyr orchestrator': 3 } }], synonyms: [{ canonical: 'mlops', variants: ['ml plumbing'] }] };

      it('GET /api/v1/taxonomy returns the shipped taxonomy with no extension', async () => {
        const res = await h.call('GET', '/api/v1/taxonomy', { token: interviewer });
        expect(res.statusCode).toBe(200);
        const body = res.json();
        expect(body.extension).toBeNull();
        expect(body.updatedAt).toBeNull();
        expect(body.taxonomy.specializations.map((s: { key: string }) => s.key)).toEqual(
          expect.arrayContaining(['ml-engineering', 'mlops', 'prompt-engineering', 'ai-safety', 'applied-research', 'data-engineering', 'ai-product-engineering']),
        );
        expect(body.version).toBe(body.taxonomy.version);
      });

      it('PUT /api/v1/taxonomy/extensions stores, audits, and the analyser uses the new phrase', async () => {
        const text = 'Platform Engineer\n\n- Run the zephyr orchestrator for every team.\n- Keep the zephyr orchestrator fast and reliable for our models.';
        const before = (await h.call('POST', '/api/v1/roles/analyze', { token: h.ownerToken, body: { description: text } })).json();
        const mlopsBefore = before.specializations.find((s: { key: string }) => s.key === 'mlops');
        expect(mlopsBefore.evidence).not.toContain('zephyr orchestrator');
        const put = await h.call('PUT', '/api/v1/taxonomy/extensions', { token: h.ownerToken, body: EXT });
        expect(put.statusCode).toBe(200);
        expect(put.json().extension).toEqual(EXT);
        expect(put.json().version).toMatch(/\+acme$/);
        expect(put.json().taxonomy.specializations.find((s: { key: string }) => s.key === 'mlops').anchors['zephyr orchestrator']).toBe(3);
        const after = (await h.call('POST', '/api/v1/roles/analyze', { token: h.ownerToken, body: { description: text } })).json();
        expect(after.taxonomyVersion).toMatch(/\+acme$/);
        expect(after.specializations.find((s: { key: string }) => s.key === 'mlops').evidence).toContain('zephyr orchestrator');
        const rows = await audits('taxonomy.extension.update');
        expect(rows).toHaveLength(1);
        expect(rows[0]!.fields).toEqual(['taxonomyExtension']);
        expect((await h.call('GET', '/api/v1/taxonomy', { token: h.ownerToken })).json().extension).toEqual(EXT);
      });

      it('refuses a new specialization without a name with 400 TAXONOMY_INVALID and stores nothing', async () => {
        const res = await h.call('PUT', '/api/v1/taxonomy/extensions', { token: h.ownerToken, body: { id: 'bad', specializations: [{ key: 'robotics', anchors: { sim2real: 2 } }] } });
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({ code: 'TAXONOMY_INVALID', field: 'specializations' });
        expect((await h.call('GET', '/api/v1/taxonomy', { token: h.ownerToken })).json().extension).toEqual(EXT);
      });

      it('refuses a weight above 10 and an id that is not kebab-case with the field', async () => {
        const w = await h.call('PUT', '/api/v1/taxonomy/extensions', { token: h.ownerToken, body: { id: 'x', specializations: [{ key: 'mlops', anchors: { foo: 11 } }] } });
        expect(w.statusCode).toBe(400);
        expect(w.json().code).toBe('VALIDATION_FAILED');
        expect(w.json().field).toMatch(/^specializations/);
        const id = await h.call('PUT', '/api/v1/taxonomy/extensions', { token: h.ownerToken, body: { id: 'Not Kebab' } });
        expect(id.statusCode).toBe(400);
        expect(id.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'id' });
        const unknown = await h.call('PUT', '/api/v1/taxonomy/extensions', { token: h.ownerToken, body: { id: 'x', colour: 'red' } });
        expect(unknown.json()).toMatchObject({ code: 'UNKNOWN_FIELD', field: 'colour' });
      });

      it('refuses the extension to interviewers and recruiters (company.update)', async () => {
        for (const token of [interviewer, recruiter]) {
          const res = await h.call('PUT', '/api/v1/taxonomy/extensions', { token, body: EXT });
          expect(res.statusCode).toBe(403);
        }
      });

      it('DELETE /api/v1/taxonomy/extensions goes back to the shipped taxonomy, audited', async () => {
        const res = await h.call('DELETE', '/api/v1/taxonomy/extensions', { token: h.ownerToken });
        expect(res.statusCode).toBe(200);
        expect(res.json().extension).toBeNull();
        expect(res.json().version).not.toMatch(/\+acme/);
        expect(await audits('taxonomy.extension.delete')).toHaveLength(1);
      });
    });

    describe('POST /api/v1/plans/check', () => {
      for (const [name, expected] of Object.entries(EXPECTED_EXAMPLE_RULES)) {
        it(`checks examples/${name} sent as { yaml } and as a JSON plan alike`, async () => {
          const asYaml = await h.call('POST', '/api/v1/plans/check', { token: h.ownerToken, body: { yaml: example(name) } });
          expect(asYaml.statusCode).toBe(200);
          const result = asYaml.json();
          expect(result.findings.map((f: { rule: string }) => f.rule)).toEqual(expected);
          expect(result.errors).toBe(result.findings.filter((f: { severity: string }) => f.severity === 'error').length);
          for (const f of result.findings) expect(f.path).toMatch(/\S/);
          const asJson = await h.call('POST', '/api/v1/plans/check', { token: h.ownerToken, body: parseYaml(example(name)) });
          expect(asJson.statusCode).toBe(200);
          expect(asJson.json()).toEqual(result);
        });
      }

      it('shows the path of the mistake (six-week loop: process.stages[3])', async () => {
        const res = await h.call('POST', '/api/v1/plans/check', { token: recruiter, body: { yaml: example('plan-six-week-loop.yaml') } });
        expect(res.json().findings[0]).toMatchObject({ rule: 'process.too-long', severity: 'error', path: 'process.stages[3]' });
        expect(res.json().findings[0].fix).toMatch(/\S/);
      });

      it('refuses a plan with a bad field with 400 PLAN_INVALID and the path', async () => {
        const plan = parseYaml(example('plan-clean.yaml')) as { process: { stages: Array<{ plannedDays: unknown }> } };
        plan.process.stages[2]!.plannedDays = -1;
        const res = await h.call('POST', '/api/v1/plans/check', { token: h.ownerToken, body: plan });
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({ code: 'PLAN_INVALID', field: 'process.stages[2].plannedDays' });
        const extra = await h.call('POST', '/api/v1/plans/check', { token: h.ownerToken, body: { ...(parseYaml(example('plan-clean.yaml')) as object), nickname: 'x' } });
        expect(extra.json()).toMatchObject({ code: 'PLAN_INVALID', field: 'nickname' });
      });

      const badYaml: Array<[string, unknown, string, string]> = [
        ['YAML that does not parse', { yaml: 'version: 1\nrole: [unclosed' }, 'PLAN_INVALID', 'yaml'],
        ['a YAML list instead of a mapping', { yaml: '- 1\n- 2' }, 'PLAN_INVALID', 'yaml'],
        ['empty YAML', { yaml: '  ' }, 'PLAN_INVALID', 'yaml'],
        ['yaml that is not a string', { yaml: 3 }, 'VALIDATION_FAILED', 'yaml'],
        ['yaml next to another key', { yaml: 'version: 1', version: 1 }, 'UNKNOWN_FIELD', 'version'],
        ['an empty object', {}, 'PLAN_INVALID', 'version'],
      ];
      for (const [what, body, code, field] of badYaml) {
        it(`refuses ${what} with 400 ${code} (field ${field})`, async () => {
          const res = await h.call('POST', '/api/v1/plans/check', { token: h.ownerToken, body });
          expect(res.statusCode).toBe(400);
          expect(res.json()).toMatchObject({ code, field });
        });
      }

      it('refuses a JSON array body and interviewers', async () => {
        expect((await h.call('POST', '/api/v1/plans/check', { token: h.ownerToken, body: [1] })).statusCode).toBe(400);
        const res = await h.call('POST', '/api/v1/plans/check', { token: interviewer, body: { yaml: example('plan-clean.yaml') } });
        expect(res.statusCode).toBe(403);
      });
    });

    describe('attractiveness', () => {
      it('GET /api/v1/company/attractiveness scores a company with no inputs from what it already knows: its stage and its described AI team', async () => {
        const res = await h.call('GET', '/api/v1/company/attractiveness', { token: interviewer });
        expect(res.statusCode).toBe(200);
        const a = res.json();
        expect(a.inputsStored).toBe(false);
        expect(a.fundingStage).toBe('seed');
        expect(a.signals).toHaveLength(12);
        expect(a.topChanges).toHaveLength(3);
        expect(a.pitch.id).toBe('no-infrastructure');
        // The team inputs stored above describe a senior (Ada): the signal is known, not asked again.
        expect(a.seniorAiPractitionerFrom).toBe('ai-team');
        const senior = a.signals.find((s: { id: string }) => s.id === 'senior-ai-practitioner');
        expect(senior.state).toBe('present');
        expect(a.score).toBe(senior.contribution);
      });

      it('PUT inputs raises the score, changes the pitch and is audited with field names only', async () => {
        const body = {
          mlInfrastructure: { trainingPipelines: 'present', experimentTracking: 'present', featureStore: 'partial', deploymentAutomation: 'present' },
          seniorAiPractitioner: 'present',
          computeBudgetStated: 'present',
          proprietaryData: 'present',
          productionMl: 'present',
        };
        const put = await h.call('PUT', '/api/v1/company/attractiveness-inputs', { token: h.ownerToken, body });
        expect(put.statusCode).toBe(200);
        expect(put.json()).toMatchObject({ stored: true, inputs: { ...body, recognisedLab: 'absent', productStrategy: 'absent' }, weights: {} });
        const a = (await h.call('GET', '/api/v1/company/attractiveness', { token: h.ownerToken })).json();
        expect(a.inputsStored).toBe(true);
        expect(a.score).toBeGreaterThan(40);
        expect(a.pitch.id).toBe('strong-position');
        const sum = a.signals.reduce((n: number, s: { contribution: number }) => n + s.contribution, 0);
        expect(Math.abs(sum - a.score)).toBeLessThanOrEqual(1);
        expect(a.topChanges.map((c: { id: string }) => c.id)).not.toContain('production-ml');
        const rows = await audits('attractiveness.inputs.update');
        expect(rows).toHaveLength(1);
        expect(rows[0]!.fields).toEqual(['attractiveness.computeBudgetStated', 'attractiveness.mlInfrastructure', 'attractiveness.productionMl', 'attractiveness.proprietaryData', 'attractiveness.seniorAiPractitioner']);
        const get = await h.call('GET', '/api/v1/company/attractiveness-inputs', { token: interviewer });
        expect(get.json().inputs.productionMl).toBe('present');
      });

      it('applies weight overrides, and refuses an unknown signal id with its field', async () => {
        const put = await h.call('PUT', '/api/v1/company/attractiveness-inputs', { token: h.ownerToken, body: { productionMl: 'present', weights: { 'production-ml': 100 } } });
        expect(put.statusCode).toBe(200);
        const a = (await h.call('GET', '/api/v1/company/attractiveness', { token: h.ownerToken })).json();
        expect(a.signals.find((s: { id: string }) => s.id === 'production-ml').weight).toBe(100);
        const bad = await h.call('PUT', '/api/v1/company/attractiveness-inputs', { token: h.ownerToken, body: { weights: { charisma: 3 } } });
        expect(bad.statusCode).toBe(400);
        expect(bad.json()).toMatchObject({ code: 'SCOPING_INPUT_INVALID', field: 'weights.charisma' });
        const state = await h.call('PUT', '/api/v1/company/attractiveness-inputs', { token: h.ownerToken, body: { productionMl: 'yes' } });
        expect(state.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'productionMl' });
        const negative = await h.call('PUT', '/api/v1/company/attractiveness-inputs', { token: h.ownerToken, body: { weights: { 'production-ml': -1 } } });
        expect(negative.statusCode).toBe(400);
        // Nothing of the refused writes was stored.
        expect((await h.call('GET', '/api/v1/company/attractiveness-inputs', { token: h.ownerToken })).json().weights).toEqual({ 'production-ml': 100 });
      });

      it('refuses input changes to interviewers', async () => {
        expect((await h.call('PUT', '/api/v1/company/attractiveness-inputs', { token: interviewer, body: {} })).statusCode).toBe(403);
      });
    });

    describe('team plan', () => {
      it('refuses interviewers the plan and its inputs (compensation)', async () => {
        for (const url of ['/api/v1/team/plan', '/api/v1/team/plan-inputs']) {
          const res = await h.call('GET', url, { token: interviewer });
          expect(res.statusCode).toBe(403);
          expect(res.json().code).toBe('FORBIDDEN');
          expect(res.body).not.toMatch(/yearlyCost|budget/);
        }
      });

      it('PUT /api/v1/team/plan-inputs then GET /api/v1/team/plan: priced hires and the budget share', async () => {
        const put = await h.call('PUT', '/api/v1/team/plan-inputs', {
          token: h.ownerToken,
          body: {
            bottleneck: 'data',
            aiTeam: [{ name: 'Ada', specializations: ['ml-engineering', 'mlops', 'data-engineering'], seniority: 'senior', yearlyCashComp: 200_000 }],
            budget: { annualBudget: 800_000 },
            hires: 2,
          },
        });
        expect(put.statusCode).toBe(200);
        expect(put.json()).toMatchObject({ stored: true, compensationVisible: true, inputs: { bottleneck: 'data', hires: 2 } });
        const res = await h.call('GET', '/api/v1/team/plan', { token: approver });
        expect(res.statusCode).toBe(200);
        const plan = res.json();
        expect(plan.inputsStored).toBe(true);
        expect(plan.compensationVisible).toBe(true);
        expect(plan.hires).toHaveLength(2);
        expect(plan.hires[0]).toMatchObject({ order: 1, specialization: 'data-engineering', seniority: 'senior' });
        expect(plan.hires[0].band.bandStage).toBe('seed');
        expect(Number.isInteger(plan.hires[0].yearlyCost)).toBe(true);
        const planned = plan.hires.reduce((n: number, x: { yearlyCost: number }) => n + x.yearlyCost, 0);
        expect(plan.teamYearlyCashComp).toMatchObject({ current: 200_000, planned, total: 200_000 + planned });
        expect(plan.budget.annualBudget).toBe(800_000);
        expect(plan.budget.share).toBeCloseTo((200_000 + planned) / 800_000, 3);
        expect(plan.budget.share).toBeGreaterThan(0.6);
        expect(plan.budget.severity).toBe('error');
        expect(plan.findings.map((f: { rule: string }) => f.rule)).toContain('comp.budget-share');
        const rows = await audits('team.plan-inputs.update');
        expect(rows.at(0)!.fields).toEqual(['teamPlan.aiTeam', 'teamPlan.bottleneck', 'teamPlan.budget', 'teamPlan.hires']);
      });

      it('plans the founding generalist first for a company with no senior practitioner', async () => {
        await h.call('PUT', '/api/v1/team/plan-inputs', { token: h.ownerToken, body: { bottleneck: 'infrastructure', aiTeam: [{ specializations: ['ml-engineering'], seniority: 'mid' }] } });
        const plan = (await h.call('GET', '/api/v1/team/plan', { token: recruiter })).json();
        expect(plan.hires[0]).toMatchObject({ order: 1, specialization: 'ml-engineering', seniority: 'senior', timing: 'now' });
        expect(plan.hires[0].covers.length).toBeGreaterThanOrEqual(3);
        expect(plan.hires[1]).toMatchObject({ specialization: 'mlops' });
        expect(plan.budget).toBeNull();
      });

      const bad: Array<[string, unknown, string, string]> = [
        ['no bottleneck', { aiTeam: [] }, 'VALIDATION_FAILED', 'bottleneck'],
        ['an unknown bottleneck', { bottleneck: 'vibes' }, 'VALIDATION_FAILED', 'bottleneck'],
        ['a bad seniority', { bottleneck: 'data', aiTeam: [{ specializations: [], seniority: 'wizard' }] }, 'VALIDATION_FAILED', 'aiTeam[0].seniority'],
        ['an unknown specialization', { bottleneck: 'data', aiTeam: [{ specializations: ['mlops', 'astrology'], seniority: 'mid' }] }, 'SCOPING_INPUT_INVALID', 'aiTeam[0].specializations[1]'],
        ['two budget bases', { bottleneck: 'data', budget: { annualBudget: 1_000_000, annualBurn: 900_000 } }, 'BUDGET_INVALID', 'budget'],
        ['a raise without runway', { bottleneck: 'data', budget: { raise: 1_000_000 } }, 'BUDGET_INVALID', 'budget.runwayYears'],
        ['a fractional cash comp', { bottleneck: 'data', aiTeam: [{ specializations: [], seniority: 'mid', yearlyCashComp: 1.5 }] }, 'VALIDATION_FAILED', 'aiTeam[0].yearlyCashComp'],
        ['11 hires', { bottleneck: 'data', hires: 11 }, 'VALIDATION_FAILED', 'hires'],
        ['an unknown field', { bottleneck: 'data', stage: 'series-b' }, 'UNKNOWN_FIELD', 'stage'],
      ];
      for (const [what, body, code, field] of bad) {
        it(`refuses ${what} with 400 ${code} (field ${field})`, async () => {
          const before = (await h.call('GET', '/api/v1/team/plan-inputs', { token: h.ownerToken })).json();
          const audited = (await audits('team.plan-inputs.update')).length;
          const res = await h.call('PUT', '/api/v1/team/plan-inputs', { token: h.ownerToken, body });
          expect(res.statusCode).toBe(400);
          expect(res.json()).toMatchObject({ code, field });
          expect((await h.call('GET', '/api/v1/team/plan-inputs', { token: h.ownerToken })).json()).toEqual(before);
          expect(await audits('team.plan-inputs.update')).toHaveLength(audited);
        });
      }

      it('refuses input changes to recruiters (company.update)', async () => {
        expect((await h.call('PUT', '/api/v1/team/plan-inputs', { token: recruiter, body: { bottleneck: 'data' } })).statusCode).toBe(403);
      });
    });

    describe('concurrent first writes', () => {
      let c: Harness;
      beforeAll(async () => {
        c = await createHarness(await dialect.createStore());
      });
      afterAll(async () => c.close());

      it('all succeed, the last one wins, and each is audited once', async () => {
        const bodies = [1, 2, 3, 4, 5].map((hires) => ({ bottleneck: 'data', hires }));
        const results = await Promise.all(bodies.map((body) => c.call('PUT', '/api/v1/team/plan-inputs', { token: c.ownerToken, body })));
        expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
        const stored = (await c.call('GET', '/api/v1/team/plan-inputs', { token: c.ownerToken })).json();
        expect(bodies.map((b) => b.hires)).toContain(stored.inputs.hires);
        const rows = (await listAudit(c.store.db, { limit: 100 })).filter((a) => a.action === 'team.plan-inputs.update');
        expect(rows).toHaveLength(5);
      });
    });

    describe('demo workspace', () => {
      let d: Harness;
      beforeAll(async () => {
        d = await createHarness(await dialect.createStore(), { demo: true });
      });
      afterAll(async () => d.close());

      it('has attractiveness and team-plan inputs, so both pages have data', async () => {
        const a = (await d.call('GET', '/api/v1/company/attractiveness', { token: d.ownerToken })).json();
        expect(a.inputsStored).toBe(true);
        expect(a.score).toBeGreaterThan(0);
        const plan = (await d.call('GET', '/api/v1/team/plan', { token: d.ownerToken })).json();
        expect(plan.inputsStored).toBe(true);
        expect(plan.hires[0].title).toMatch(/Founding/);
        expect(plan.budget).not.toBeNull();
        expect(plan.budget.annualBudget).toBeGreaterThan(0);
        expect(plan.budget.share).toBeGreaterThan(0);
      });
    });
  });
}

describe('team plan presenter', () => {
  const plan: CompanyTeamPlan = {
    hires: [
      {
        order: 1,
        specialization: 'mlops',
        specializationName: 'MLOps',
        covers: ['mlops'],
        seniority: 'senior',
        title: 'Senior MLOps',
        whyNow: 'why',
        timing: 'now',
        band: { stage: 'seed', bandStage: 'seed', baseMin: 1, baseMax: 2, currency: 'USD', source: 's' },
        yearlyCost: 170_000,
      },
    ],
    teamYearlyCashComp: { current: 1, planned: 2, total: 3, currency: 'USD', unpricedMembers: 0 },
    budget: { annualBudget: 10, share: 0.3, severity: 'ok', warningAbove: 0.4, errorAbove: 0.6 },
    findings: [
      { rule: 'comp.budget-share', severity: 'warning', message: '170000 USD', fix: 'f', evidence: [] },
      { rule: 'team.no-band', severity: 'warning', message: 'm', fix: 'f', evidence: [] },
    ],
    inputs: { stage: 'seed', headcount: 5, currency: 'USD', bottleneck: 'data', coreIsSafetyOrResearch: false, aiTeamMembers: 0, aiTeamSize: 0, hires: 1, budgetStated: true },
    inputsStored: true,
  };

  it('drops cost per hire, band, cash comp, budget and the budget finding for roles without compensation.read', () => {
    const view = presentTeamPlan(plan, { role: 'interviewer' });
    expect(view.compensationVisible).toBe(false);
    expect(JSON.stringify(view)).not.toMatch(/170000|yearlyCost|baseMin|teamYearlyCashComp|annualBudget/);
    expect(view.findings.map((f) => f.rule)).toEqual(['team.no-band']);
    expect(view.hires[0]!.title).toBe('Senior MLOps');
  });

  it('keeps them for roles with compensation.read', () => {
    const view = presentTeamPlan(plan, { role: 'hiring-manager' });
    expect(view.hires[0]!.yearlyCost).toBe(170_000);
    expect(view.budget).toEqual(plan.budget);
    expect(view.findings).toHaveLength(2);
  });

  it('drops members cash comp and the budget from stored inputs for roles without compensation.read', () => {
    const profile = { stage: 'seed', headcount: 12, aiTeamSize: 3, currency: 'USD', raisedUsd: 4_444_444 };
    const state = { inputs: { bottleneck: 'data' as const, aiTeam: [{ specializations: ['mlops'], seniority: 'senior' as const, yearlyCashComp: 123_456 }], budget: { annualBudget: 9_999_999 } }, stored: true, updatedAt: null, profile };
    const hidden = presentTeamPlanInputs(state, { role: 'interviewer' });
    expect(JSON.stringify(hidden)).not.toMatch(/123456|9999999|4444444/);
    expect(hidden.profile).toEqual({ stage: 'seed', headcount: 12, aiTeamSize: 3, currency: 'USD' });
    expect(JSON.stringify(presentTeamPlanInputs({ ...state, inputs: null, stored: false }, { role: 'interviewer' }))).not.toMatch(/4444444/);
    expect(hidden.inputs!.aiTeam![0]!.specializations).toEqual(['mlops']);
    expect(presentTeamPlanInputs(state, { role: 'owner' }).inputs!.aiTeam![0]!.yearlyCashComp).toBe(123_456);
    expect(presentTeamPlanInputs(state, { role: 'owner' }).profile.raisedUsd).toBe(4_444_444);
  });
});

describe('examples folder', () => {
  it('has an expectation for every examples/*.yaml (a new example needs one here)', () => {
    expect(readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml')).sort()).toEqual(Object.keys(EXPECTED_EXAMPLE_RULES).sort());
  });
});
