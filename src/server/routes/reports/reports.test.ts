import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportView } from '../../../api/reports.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { hoursAgo, pipelineKit } from '../../../test-support/pipeline-kit.js';
import { benchmark } from '../../../domain/market/index.js';
import { marketPercentile } from '../../../domain/reports/market.js';
import { loadBundledDataset } from '../../services/market.js';

const DAY = 24;

for (const dialect of dialectsUnderTest()) {
  describe(`hiring reports through the API [${dialect.name}]`, () => {
    let h: Harness;
    let interviewer: { token: string };
    let roleA: { id: string; title: string };
    let kit: ReturnType<typeof pipelineKit>;
    let referred: { id: string };
    let stages: string[];
    const report = async (name: string, query = '', token = h.ownerToken) => {
      const res = await h.call('GET', `/api/v1/reports/${name}${query}`, { token });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as ReportView;
    };

    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      interviewer = await h.tokenFor('interviewer');
      kit = pipelineKit(h);
      roleA = await kit.role({ title: 'Founding MLOps Engineer', specializations: ['mlops'] });
      const roleB = await kit.role({ title: 'Applied LLM Engineer', specializations: ['ai-product-engineering'] });
      stages = ((await kit.ok('GET', `/api/v1/roles/${roleA.id}`)) as { processPlan: { stages: Array<{ id: string }> } }).processPlan.stages.map((s) => s.id);

      // Hired: first contact 20 days ago, accepted 5 days ago (15 days), offer 30 h after the final interview.
      const hired = await kit.application({ roleId: roleA.id, candidateId: (await kit.candidate({ source: 'outbound' })).id });
      await kit.event(hired.id, 'outreach.sent', hoursAgo(h, 20 * DAY), { channel: 'email' });
      await kit.event(hired.id, 'stage.changed', hoursAgo(h, 18 * DAY), { from: stages[0], to: stages[1] });
      await kit.event(hired.id, 'interview.completed', hoursAgo(h, 10 * DAY), { interviewId: 'int-1', final: true, interviewerIds: ['someone'] });
      await kit.event(hired.id, 'offer.extended', hoursAgo(h, 10 * DAY - 30), { offerId: 'offer-1' });
      await kit.event(hired.id, 'offer.accepted', hoursAgo(h, 5 * DAY), { offerId: 'offer-1' });
      // Lost for pay, 8 days after it came in.
      referred = await kit.candidate({ source: 'referral' });
      const lost = await kit.application({ roleId: roleA.id, candidateId: referred.id });
      await kit.event(lost.id, 'application.received', hoursAgo(h, 8 * DAY), { source: 'referral' });
      const { version } = (await kit.ok('GET', `/api/v1/applications/${lost.id}`)) as { version: number };
      await kit.ok('PATCH', `/api/v1/applications/${lost.id}`, { status: 'lost', lossReason: 'compensation' }, { 'if-match': `"${version}"` });
      // New, 2 days ago, on the other role.
      const fresh = await kit.application({ roleId: roleB.id, candidateId: (await kit.candidate({ source: 'inbound' })).id });
      await kit.event(fresh.id, 'application.received', hoursAgo(h, 2 * DAY), { source: 'inbound' });
    });
    afterAll(async () => h.close());

    it('funnel, cycle time, losses and sources agree with the hand-computed history', async () => {
      const funnel = await report('funnel');
      expect(funnel).toMatchObject({ name: 'funnel', applications: 3, payHidden: false, filters: { by: 'all', roleId: null } });
      if (funnel.name !== 'funnel') throw new Error('wrong report');
      expect(funnel.data.groups).toHaveLength(1);
      expect(funnel.data.groups[0]).toMatchObject({ label: 'All', applications: 3, hired: 1 });
      expect(funnel.data.groups[0]!.stages[0]).toMatchObject({ stage: stages[0], reached: 3 });

      const cycle = await report('cycle-time');
      if (cycle.name !== 'cycle-time') throw new Error('wrong report');
      expect(cycle.data.groups[0]).toMatchObject({ hires: { count: 1, p50: 15, p90: 15 }, shareWithinTarget: 0, targetDays: 10 });

      const losses = await report('losses');
      if (losses.name !== 'losses') throw new Error('wrong report');
      expect(losses.data).toMatchObject({ total: 1, reasons: [{ reason: 'compensation', count: 1, share: 1 }] });
      expect(losses.data.days.p50).toBeCloseTo(8, 6);

      const sources = await report('sources');
      if (sources.name !== 'sources') throw new Error('wrong report');
      const bySource = Object.fromEntries(sources.data.sources.map((s) => [s.key, s.candidates]));
      expect(bySource).toMatchObject({ outbound: 1, referral: 1, inbound: 1, community: 0 });
      expect(sources.data.concentration).toBeCloseTo(1 / 3, 9);
    });

    it('groups by role with titles, and filters by role, source and period', async () => {
      const byRole = await report('funnel', '?by=role');
      if (byRole.name !== 'funnel') throw new Error('wrong report');
      expect(byRole.data.groups.map((g) => [g.label, g.applications]).sort()).toEqual([
        ['Applied LLM Engineer', 1],
        ['Founding MLOps Engineer', 2],
      ]);
      expect((await report('funnel', `?roleId=${roleA.id}`)).applications).toBe(2);
      expect((await report('funnel', '?source=referral')).applications).toBe(1);
      expect((await report('funnel', '?specialization=mlops')).applications).toBe(2);
      expect((await report('funnel', `?specialization=mlops&roleId=${roleA.id}&source=inbound`)).applications).toBe(0);
      const recent = await report('funnel', `?from=${hoursAgo(h, 3 * DAY).slice(0, 10)}`);
      if (recent.name !== 'funnel') throw new Error('wrong report');
      expect(recent.data.groups.reduce((n, g) => n + g.applications, 0)).toBe(1);
    });

    it('clock breaches count every run of the period, and offers time the step after the final interview', async () => {
      const breaches = await report('clock-breaches');
      if (breaches.name !== 'clock-breaches') throw new Error('wrong report');
      expect(breaches.data.clocks.find((c) => c.clock === 'cycle.total')).toMatchObject({ runs: 3, warning: 1 });
      expect(breaches.data.clocks.find((c) => c.clock === 'offer.after-final')).toMatchObject({ runs: 1, warning: 1, critical: 0 });
      const offers = await report('offers');
      if (offers.name !== 'offers') throw new Error('wrong report');
      expect(offers.data.groups[0]).toMatchObject({ extended: 1, accepted: 1, acceptanceRate: 1, shareWithinClock: 1, hoursAfterFinal: { p50: 30 } });
    });

    it('sources name the referrer of a prospect record, and offers place a USD base in the market data', async () => {
      const pool = (await kit.ok('POST', '/api/v1/pools', { name: 'Friends of the team' })) as { id: string };
      await kit.ok('POST', `/api/v1/pools/${pool.id}/prospects`, { candidateId: referred.id, foundHow: 'referrer', foundDetail: 'Priya Raman' });
      const sources = await report('sources');
      if (sources.name !== 'sources') throw new Error('wrong report');
      // The referred candidate was lost before any interview: one candidate, nothing further.
      expect(sources.data.referrers).toEqual([{ key: 'Priya Raman', candidates: 1, interviewed: 0, offered: 0, hired: 0 }]);

      // The hired application's offer-1 at a base of 190,000 USD (the row an offer's version keeps).
      const at = h.clock.now().toISOString();
      const hiredApp = (await h.store.db.selectFrom('applications').select('id').where('role_id', '=', roleA.id).where('status', '=', 'hired').executeTakeFirstOrThrow()).id;
      await h.store.db.insertInto('offers').values({ id: 'offer-1', application_id: hiredApp, status: 'accepted', current_version: 1, version: 1, created_at: at, updated_at: at }).execute();
      await h.store.db
        .insertInto('offer_versions')
        .values({ id: 'offer-1-v1', offer_id: 'offer-1', version: 1, currency: 'USD', base: 190_000, equity_kind: 'options', equity_shares: 1, fully_diluted_shares: 100, last_post_money: 1_000_000, terms: '{}', evaluation: JSON.stringify({ threshold: { amount: 180_000 } }), created_at: at, bonus_target: 0, sign_on: 0, inside_band: 0, band_reasons: '[]', approval_status: 'none', approver_ids: '[]' })
        .execute();
      const offers = await report('offers');
      if (offers.name !== 'offers') throw new Error('wrong report');
      // roleA's first specialization is mlops: the ML engineer group, at its seniority (senior), in the US.
      const b = benchmark(await loadBundledDataset(), { roleGroup: 'ml-engineer', level: 'senior' });
      const expected = marketPercentile(190_000, b)!;
      expect(expected).toBeGreaterThan(10);
      expect(offers.data.pay).toMatchObject({ clearedThreshold: { extended: 1, accepted: 1 }, marketPercentile: { count: 1, p50: expected } });
      const hidden = await report('offers', '', interviewer.token);
      expect(hidden).toMatchObject({ payHidden: true, data: { pay: null } });
    });

    it('an interviewer gets the figures without pay', async () => {
      const offers = await report('offers', '', interviewer.token);
      expect(offers).toMatchObject({ payHidden: true, data: { pay: null } });
    });

    it('refuses an unknown report, an unknown filter and a period that ends before it starts, with a 400', async () => {
      for (const url of ['/api/v1/reports/velocity', '/api/v1/reports/funnel?by=week', '/api/v1/reports/funnel?colour=red', '/api/v1/reports/funnel?from=2026-10-02&to=2026-10-01']) {
        const res = await h.call('GET', url, { token: h.ownerToken });
        expect(res.statusCode, url).toBe(400);
        expect(res.json()).toHaveProperty('code');
      }
    });
  });
}
