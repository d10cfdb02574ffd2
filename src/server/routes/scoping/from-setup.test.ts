import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';
import { dialectsUnderTest } from '../../../test-support/dialects.js';

// The team plan and the attractiveness score start from what setup already asked (stage, headcount, AI team size,
// amount raised) instead of asking again or assuming "no AI team yet".
for (const dialect of dialectsUnderTest()) {
  describe(`team plan and attractiveness use the company profile [${dialect.name}]`, () => {
    let h: Harness;
    let interviewer: string;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      interviewer = (await h.tokenFor('interviewer')).token;
    });
    afterAll(async () => h.close());

    const get = async (url: string, token = h.ownerToken) => {
      const res = await h.call('GET', url, { token });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const setProfile = async (body: Record<string, unknown>) => {
      const current = await h.call('GET', '/api/v1/company', { token: h.ownerToken });
      const res = await h.call('PATCH', '/api/v1/company', { token: h.ownerToken, body, headers: { 'if-match': current.headers.etag as string } });
      expect(res.statusCode, res.body).toBe(200);
    };
    const senior = async () => (await get('/api/v1/company/attractiveness')).signals.find((s: { id: string }) => s.id === 'senior-ai-practitioner');

    it('counts the AI team setup recorded before anyone describes it, and says what it cannot know', async () => {
      await setProfile({ aiTeamSize: 3, headcount: 12, raisedUsd: 4_000_000 });
      const plan = await get('/api/v1/team/plan');
      expect(plan.inputsStored).toBe(false);
      expect(plan.inputs).toMatchObject({ headcount: 12, stage: 'seed', aiTeamSize: 3, aiTeamMembers: 0 });
      expect(plan.teamYearlyCashComp.unpricedMembers).toBe(3);
      expect(plan.findings).toContainEqual(expect.objectContaining({ rule: 'team.undescribed-members', severity: 'info' }));
      expect(plan.findings.find((f: { rule: string }) => f.rule === 'team.undescribed-members').message).toContain('counts 3 people on the AI team');

      const inputs = await get('/api/v1/team/plan-inputs');
      expect(inputs.profile).toEqual({ stage: 'seed', headcount: 12, aiTeamSize: 3, currency: 'USD', raisedUsd: 4_000_000 });
      // Interviewers do not read the plan's inputs at all (the presenter also drops the amount raised for any role
      // without compensation.read: scoping.test.ts).
      expect((await h.call('GET', '/api/v1/team/plan-inputs', { token: interviewer })).statusCode).toBe(403);

      // Three people of unknown seniority: the score asks rather than assumes.
      const a = await get('/api/v1/company/attractiveness');
      expect(a.seniorAiPractitionerFrom).toBeNull();
      expect((await get('/api/v1/company/attractiveness-inputs')).seniorAiPractitionerFrom).toBeNull();
    });

    it('knows there is no senior AI practitioner when setup says nobody builds ML/AI, whatever the form said', async () => {
      const put = await h.call('PUT', '/api/v1/company/attractiveness-inputs', { token: h.ownerToken, body: { seniorAiPractitioner: 'present' } });
      expect(put.statusCode, put.body).toBe(200);
      expect((await senior()).state).toBe('present');
      await setProfile({ aiTeamSize: 0 });
      expect((await get('/api/v1/company/attractiveness')).seniorAiPractitionerFrom).toBe('company-profile');
      expect((await senior()).state).toBe('absent');
      expect((await get('/api/v1/company/attractiveness-inputs')).inputs.seniorAiPractitioner).toBe('absent');
      const plan = await get('/api/v1/team/plan');
      expect(plan.inputs.aiTeamSize).toBe(0);
      expect(plan.findings.map((f: { rule: string }) => f.rule)).not.toContain('team.undescribed-members');
      expect(plan.hires[0].covers.length).toBeGreaterThan(1); // the founding generalist comes first
    });

    it('reads the senior-practitioner signal from the AI team once it is described', async () => {
      await setProfile({ aiTeamSize: 2 });
      const mids = [
        { specializations: ['ml-engineering'], seniority: 'mid' },
        { specializations: ['ai-product-engineering'], seniority: 'mid' },
      ];
      expect((await h.call('PUT', '/api/v1/team/plan-inputs', { token: h.ownerToken, body: { bottleneck: 'data', aiTeam: mids } })).statusCode).toBe(200);
      expect((await get('/api/v1/company/attractiveness')).seniorAiPractitionerFrom).toBe('ai-team');
      expect((await senior()).state).toBe('absent');
      const plan = await get('/api/v1/team/plan');
      expect(plan.findings.map((f: { rule: string }) => f.rule)).not.toContain('team.undescribed-members');

      await h.call('PUT', '/api/v1/team/plan-inputs', { token: h.ownerToken, body: { bottleneck: 'data', aiTeam: [...mids, { specializations: ['mlops'], seniority: 'staff+' }] } });
      expect((await senior()).state).toBe('present');
      // Described people beyond the profile's count are still counted (the profile is not a cap).
      expect((await get('/api/v1/team/plan')).teamYearlyCashComp.unpricedMembers).toBe(0);
    });
  });
}
