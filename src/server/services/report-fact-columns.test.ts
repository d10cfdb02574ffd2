import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { seededRandom } from '../../domain/shared/random.js';
import { createHarness, type Harness } from '../../test-support/app-harness.js';
import { dialectsUnderTest } from '../../test-support/dialects.js';
import { pipelineKit } from '../../test-support/pipeline-kit.js';
import { inTransaction, insertEvents, nextEventSeq, type EventInsert } from '../../storage/index.js';
import { lossesReport, sourcesReport } from '../../domain/reports/reports.js';
import { lossesFromStore, readReportInputs, sourcesFromStore, type ReportFilters } from './reports.js';
import { writeReportFacts } from './report-facts.js';

const DAY = 24 * 3_600_000;

/**
 * The sources and losses reports from the stored columns (migration 027; the sources summed by the database) equal the
 * domain's sourcesReport and lossesReport over every application's facts, on random histories, for every filter and a
 * period, and without facts rows.
 */
for (const dialect of dialectsUnderTest()) {
  describe(`sources and losses from report_fact_columns equal the domain's [${dialect.name}]`, () => {
    let h: Harness;
    let roles: Array<{ id: string }>;
    const apps: string[] = [];
    let now: number;
    const day = (t: number) => Math.floor(t / DAY) * DAY;

    const compare = async (filters: ReportFilters) => {
      const fast = await sourcesFromStore(h.store.db, filters);
      const inputs = await readReportInputs(h.store.db, filters);
      expect(fast.applications).toBe(inputs.facts.length);
      expect(fast.report).toEqual(sourcesReport(inputs.facts, { period: filters.period }));
      const losses = await lossesFromStore(h.store.db, filters);
      expect(losses.applications).toBe(inputs.facts.length);
      expect(losses.report).toEqual(lossesReport(inputs.facts, { period: filters.period }));
      return { sources: fast.report, losses: losses.report };
    };

    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      const kit = pipelineKit(h);
      roles = [await kit.role({ title: 'Role one' }), await kit.role({ title: 'Role two' })];
      now = h.clock.now().getTime();
      const rng = seededRandom(2_727);
      const events: EventInsert[] = [];
      const sources = ['outbound', 'inbound', 'referral', 'event'];
      const pools = [
        ((await kit.ok('POST', '/api/v1/pools', { name: 'Friends' })) as { id: string }).id,
        ((await kit.ok('POST', '/api/v1/pools', { name: 'Alumni' })) as { id: string }).id,
      ];
      for (let n = 0; n < 16; n++) {
        const candidate = await kit.candidate({ source: sources[n % sources.length] });
        // referrers: some candidates have one, some two (the earliest names them), some none (or one without a name)
        if (n % 3 !== 0) await kit.ok('POST', `/api/v1/pools/${pools[0]}/prospects`, { candidateId: candidate.id, foundHow: 'referrer', foundDetail: `Ref ${n % 4}` });
        if (n % 5 === 0) await kit.ok('POST', `/api/v1/pools/${pools[1]}/prospects`, { candidateId: candidate.id, foundHow: 'referrer', foundDetail: 'Ref late' });
        const app = await kit.application({ roleId: roles[n % 2]!.id, candidateId: candidate.id });
        apps.push(app.id);
        let seq = await inTransaction(h.store.db, (tx) => nextEventSeq(tx, app.id));
        let t = now - (5 + rng() * 40) * DAY;
        const push = (type: string, data: Record<string, unknown>) => {
          const at = new Date(t).toISOString();
          t += rng() * 2 * DAY;
          events.push({ id: `${app.id}-x${seq}`, applicationId: app.id, seq: seq++, type, occurredAt: at, recordedAt: at, actorId: null, data });
        };
        push(n % 4 === 1 ? 'application.received' : 'outreach.sent', n % 4 === 1 ? { source: 'inbound' } : { channel: 'email' });
        if (n % 3 === 2) push('signal.observed', { signal: 'equity-questions' });
        const steps = Math.floor(rng() * 7);
        for (let s = 0; s < steps; s++) {
          const r = rng();
          if (r < 0.3) push('interview.completed', { interviewId: `${app.id}-i${s}`, final: rng() < 0.5, interviewerIds: ['iv-1'] });
          else if (r < 0.5) push('offer.extended', { offerId: `${app.id}-o` });
          else if (r < 0.6) push('offer.accepted', { offerId: `${app.id}-o` });
          else if (r < 0.7) push('offer.declined', { offerId: `${app.id}-o` });
          else if (r < 0.75) push('application.closed', rng() < 0.4 ? { status: 'hired' } : { status: 'lost', lossReason: rng() < 0.5 ? 'compensation' : 'timing' });
          else if (r < 0.8) {
            if (rng() < 0.5) push('candidate.withdrew', { reason: 'Took another job' });
            else push('signal.observed', { signal: 'competing-offer' });
          }
          else push('candidate.replied', { latencyHours: 2, length: 120, asksQuestion: false });
        }
        if (n % 3 === 2) push('application.closed', { status: 'lost', lossReason: n % 2 === 0 ? 'timing' : 'compensation' });
      }
      await inTransaction(h.store.db, async (tx) => {
        await insertEvents(tx, events);
        await writeReportFacts(tx, apps, h.clock.now());
      });
    });
    afterAll(async () => h.close());

    it('stores one row per application', async () => {
      const n = await h.store.db.selectFrom('report_fact_columns').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(apps.length);
    });

    it('equals sourcesReport for every filter and a period, and without facts rows', async () => {
      const { sources: all, losses } = await compare({ by: 'all', period: {} });
      expect(all.referrers.length).toBeGreaterThan(1);
      expect(all.sources.some((s) => s.interviewed > 0) && all.sources.some((s) => s.offered > 0) && all.sources.some((s) => s.hired > 0)).toBe(true);
      expect(losses.reasons.length).toBeGreaterThan(1);
      expect(losses.signals.length).toBeGreaterThan(0);
      await compare({ by: 'all', period: { from: day(now - 25 * DAY), to: day(now - 8 * DAY) } });
      await compare({ by: 'all', period: { to: day(now - 20 * DAY) } });
      await compare({ by: 'all', period: {}, roleId: roles[1]!.id });
      await compare({ by: 'all', period: {}, source: 'referral' });
      await compare({ by: 'all', period: {}, specialization: 'none-such' });
      // a facts row without its counts: read and counted by the server
      await sql`delete from report_fact_columns where application_id in (${sql.join(apps.slice(5, 8))})`.execute(h.store.db);
      await compare({ by: 'all', period: {} });
      await sql`delete from report_facts where application_id in (${sql.join(apps.slice(0, 5))})`.execute(h.store.db);
      await compare({ by: 'all', period: { from: day(now - 30 * DAY) } });
      await compare({ by: 'all', period: {}, roleId: roles[0]!.id, source: 'outbound' });
    });
  });
}
