import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';

for (const dialect of dialectsUnderTest()) {
  describe(`pipeline demo data [${dialect.name}]`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore(), { demo: true });
    });
    afterAll(async () => h.close());

    it('creates five roles (one closed), thirty candidates from every source and applications at every stage', async () => {
      const roles = (await h.call('GET', '/api/v1/roles', { token: h.ownerToken })).json().items as Array<{ title: string; status: string }>;
      expect(roles.map((r) => r.title)).toEqual(expect.arrayContaining(['Founding ML Engineer', 'MLOps Engineer', 'AI Product Engineer', 'Applied Research Scientist']));
      expect(roles.filter((r) => r.status === 'closed')).toHaveLength(1);
      const candidates = (await h.call('GET', '/api/v1/candidates?limit=500', { token: h.ownerToken })).json().items as Array<{ source: string }>;
      expect(candidates).toHaveLength(30);
      expect(new Set(candidates.map((c) => c.source))).toEqual(new Set(['referral', 'vc-introduction', 'outbound', 'inbound', 'event', 'community', 'other']));
      const apps = (await h.call('GET', '/api/v1/applications?limit=1000', { token: h.ownerToken })).json().items as Array<{ stage: string; status: string }>;
      const where = new Set(apps.map((a) => (a.status === 'active' ? a.stage : a.status)));
      for (const s of ['sourced', 'screen', 'technical', 'final', 'offer', 'hired', 'lost', 'withdrawn']) expect(where, s).toContain(s);
    });

    it('shows the field report cases on Today (everything: every demo role is run by its recruiter and hiring manager)', async () => {
      const mine = (await h.call('GET', '/api/v1/today', { token: h.ownerToken })).json();
      expect(mine).toMatchObject({ scope: 'mine', canSeeAll: true, cards: [] });
      expect(mine.cardsInEverything).toBeGreaterThan(0);
      const items = (await h.call('GET', '/api/v1/today?scope=all', { token: h.ownerToken })).json().items as Array<{ candidateName: string; id: string; level: string; kind: string }>;
      expect(items.find((i) => i.id === 'approval.pending')).toMatchObject({ level: 'critical', candidateName: 'Rahul Mehta' });
      expect(items.find((i) => i.kind === 'risk' && i.candidateName === 'Sofia Marchetti')).toMatchObject({ level: expect.stringMatching(/high|critical/) });
    });

    const riskOf = async (name: string) => {
      const [c] = (await h.call('GET', `/api/v1/candidates?q=${encodeURIComponent(name)}`, { token: h.ownerToken })).json().items as Array<{ id: string }>;
      const [a] = (await h.call('GET', `/api/v1/applications?candidateId=${c!.id}`, { token: h.ownerToken })).json().items as Array<{ id: string }>;
      return (await h.call('GET', `/api/v1/applications/${a!.id}`, { token: h.ownerToken })).json().risk as { signals: Array<{ type: string }>; actions: Array<{ id: string }> };
    };

    it('tells the speed-up-then-start-dates and the fading-replies stories on their applications', async () => {
      const amara = await riskOf('Amara Nwosu');
      expect(amara.signals.map((s) => s.type)).toEqual(expect.arrayContaining(['accelerate-request', 'logistics-focus']));
      expect(amara.actions[0]!.id).toBe('extend-offer-now');
      expect((await riskOf('Chloé Dubois')).signals.map((s) => s.type)).toContain('engagement-falling');
    });

    it('is the same every time (seeded ids and times relative to now)', async () => {
      const other = await createHarness(await dialect.createStore(), { demo: true });
      try {
        const ids = async (x: Harness) => ((await x.call('GET', '/api/v1/applications?limit=1000', { token: x.ownerToken })).json().items as Array<{ id: string }>).map((a) => a.id).sort();
        expect(await ids(other)).toEqual(await ids(h));
      } finally {
        await other.close();
      }
    });
  });
}
