import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { seededRandom } from '../../domain/shared/random.js';
import { createHarness, type Harness } from '../../test-support/app-harness.js';
import { dialectsUnderTest } from '../../test-support/dialects.js';
import { pipelineKit } from '../../test-support/pipeline-kit.js';
import { clockSettingsKey, inTransaction, insertEvents, listRoles, nextEventSeq, type EventInsert } from '../../storage/index.js';
import { PipelineSettingsResolver } from './pipeline-views.js';
import { breachReport } from '../../domain/reports/reports.js';
import { clockBreaches, clocksForRole, readReportInputs, type ReportFilters } from './reports.js';
import { writeReportFacts } from './report-facts.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The clock-breaches report from the stored tallies (migration 026) equals the domain's breachReport over every run,
 * on random histories, for any filter, period and instant, after a settings change and without facts rows.
 */
for (const dialect of dialectsUnderTest()) {
  describe(`clock-breaches tallies equal the domain's report [${dialect.name}]`, () => {
    let h: Harness;
    let roles: Array<{ id: string }>;
    let apps: string[] = [];
    let now: number;
    const day = (t: number) => Math.floor(t / DAY) * DAY;

    const compare = async (filters: ReportFilters, asOf: number) => {
      const fast = await clockBreaches(h.store.db, filters, new Date(asOf));
      const inputs = await readReportInputs(h.store.db, filters, { clockRuns: true });
      expect(fast.applications).toBe(inputs.facts.length);
      expect(fast.report).toEqual(breachReport(inputs.facts, { period: filters.period, asOf, settingsFor: (roleId) => clocksForRole(inputs.roles, inputs.resolver, roleId) }));
      return fast.report;
    };

    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      const kit = pipelineKit(h);
      const recruiter = await h.tokenFor('recruiter', 'rita@test.example');
      roles = [
        await kit.role({ title: 'Role plain', recruiterId: recruiter.userId }),
        await kit.role({ title: 'Role tight', clockOverrides: { targets: { 'reply.to-candidate': { warningHours: 6, criticalHours: 12 }, 'scorecard.due': { warningHours: 4 } } } }),
        await kit.role({ title: 'Role business', recruiterId: recruiter.userId, clockOverrides: { hours: { mode: 'business' } } }),
      ];
      now = h.clock.now().getTime();
      const rng = seededRandom(2_626);
      const events: EventInsert[] = [];
      const sources = ['outbound', 'inbound', 'referral'];
      for (let n = 0; n < 18; n++) {
        const role = roles[n % roles.length]!;
        const app = await kit.application({ roleId: role.id, candidateId: (await kit.candidate({ source: sources[n % 3] })).id });
        apps.push(app.id);
        let seq = await inTransaction(h.store.db, (tx) => nextEventSeq(tx, app.id));
        let t = now - (10 + rng() * 30) * DAY;
        const push = (type: string, data: Record<string, unknown>) => {
          t += rng() * 3 * DAY;
          // a few histories run past the request's instant used below (a stop after it is judged as still running)
          const at = new Date(Math.min(t, now + 2 * DAY)).toISOString();
          events.push({ id: `${app.id}-x${seq}`, applicationId: app.id, seq: seq++, type, occurredAt: at, recordedAt: at, actorId: null, data });
        };
        push(n % 3 === 1 ? 'application.received' : 'outreach.sent', n % 3 === 1 ? { source: 'inbound' } : { channel: 'email' });
        const steps = 4 + Math.floor(rng() * 10);
        for (let s = 0; s < steps; s++) {
          const r = rng();
          if (r < 0.25) push('candidate.replied', { latencyHours: 2, length: 120, asksQuestion: true });
          else if (r < 0.45) push('team.replied', {});
          else if (r < 0.6) push('interview.completed', { interviewId: `${app.id}-i${s}`, final: rng() < 0.3, interviewerIds: [`iv-${Math.floor(rng() * 3)}`, `iv-${Math.floor(rng() * 3) + 3}`] });
          else if (r < 0.7) push('scorecard.submitted', { interviewId: `${app.id}-i${s - 1}`, interviewerId: `iv-${Math.floor(rng() * 6)}` });
          else if (r < 0.8) push('offer.approval-requested', { offerId: `${app.id}-o${s}`, approverIds: [`ap-${Math.floor(rng() * 2)}`, 'ap-9'] });
          else if (r < 0.87) push('offer.approved', { offerId: `${app.id}-o${s - 1}`, approverId: 'ap-9' });
          else if (r < 0.93) push('note', { text: 'n' });
          else push('application.closed', { status: 'lost', lossReason: 'compensation' });
          if (events[events.length - 1]!.type === 'application.closed') {
            if (rng() < 0.5) break;
            push('application.reopened', { stage: 'sourced' });
          }
        }
      }
      await inTransaction(h.store.db, async (tx) => {
        await insertEvents(tx, events);
        await writeReportFacts(tx, apps, h.clock.now());
      });
    });
    afterAll(async () => h.close());

    it('stores each application judged under its role settings, named by the key the reports compute', async () => {
      const rows = await h.store.db.selectFrom('report_clock_tallies').select(['application_id', 'clock_key']).execute();
      expect(rows).toHaveLength(apps.length);
      const resolver = await PipelineSettingsResolver.load(h.store.db);
      const keys = new Set((await listRoles(h.store.db)).map((r) => clockSettingsKey(resolver.clocksFor(r))));
      expect(rows.every((r) => r.clock_key !== null && keys.has(r.clock_key))).toBe(true);
      const people = await h.store.db.selectFrom('report_clock_people').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      expect(Number(people.n)).toBeGreaterThan(0);
    });

    it('equals breachReport for every filter, period and instant', async () => {
      const report = await compare({ by: 'all', period: {} }, now);
      expect(report.clocks.find((c) => c.clock === 'reply.to-candidate')!.runs).toBeGreaterThan(10);
      expect(report.people.some((p) => p.clock === 'approval.pending')).toBe(true);
      for (const period of [{ from: day(now - 25 * DAY) }, { to: day(now - 12 * DAY) }, { from: day(now - 30 * DAY), to: day(now - 5 * DAY) }]) await compare({ by: 'all', period }, now);
      await compare({ by: 'all', period: {}, roleId: roles[1]!.id }, now);
      await compare({ by: 'all', period: {}, source: 'inbound' }, now);
      await compare({ by: 'all', period: {}, specialization: 'none-such' }, now);
      // before some stops (and starts): those histories are judged from their runs
      await compare({ by: 'all', period: {}, roleId: roles[0]!.id }, now - 6 * DAY);
      await compare({ by: 'all', period: {} }, now + 3 * DAY);
    });

    it('still equals it after a settings change and for applications without a facts row', async () => {
      const kit = pipelineKit(h);
      const role = (await kit.ok('GET', `/api/v1/roles/${roles[0]!.id}`)) as { version: number };
      await kit.ok('PATCH', `/api/v1/roles/${roles[0]!.id}`, { clockOverrides: { targets: { 'cycle.total': { warningHours: 100, criticalHours: 200 } } } }, { 'if-match': `"${role.version}"` });
      await compare({ by: 'all', period: {} }, now);
      await sql`delete from report_facts where application_id in (${sql.join(apps.slice(0, 4))})`.execute(h.store.db);
      await compare({ by: 'all', period: { from: day(now - 20 * DAY) } }, now);
    });
  });
}
