import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { main } from '../../cli/main.js';
import { captureIo } from '../../test-support/cli-io.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/shared/errors.js';
import { createHarness, type Harness } from '../../test-support/app-harness.js';
import { dialectsUnderTest } from '../../test-support/dialects.js';
import { buildApp } from '../app.js';
import { getRoleOrThrow, inTransaction, listBusinessClockRows, listProjections, listTodayItemsByIds, listUsers, openDatabase, queryTodayItems, type ProjectionRecord, type Tx } from '../../storage/index.js';
import { presentToday } from '../routes/today/presenter.js';
import { computePersonalToday, scanPersonalToday } from './today.js';
import { appendEvent, changeRole, createApplication, createCandidate, createRole, putPipelineSettings, retractEvent, type PipelineActor } from './pipeline.js';
import { collectToday } from './pipeline-views.js';
import { rebuildProjections } from './projections.js';

const HOUR = 3_600_000;

/** One step of a random history: an event (possibly back-dated), a correction, time passing, or a settings change. */
type Step =
  | { kind: 'event'; body: Record<string, unknown>; backHours: number | null }
  | { kind: 'retract' }
  | { kind: 'wait'; hours: number }
  | { kind: 'role-clocks'; idle: [number, number] | null; business: boolean }
  | { kind: 'company'; cycle: [number, number] | null; halfLifeDays: number | null };

const STAGES = ['sourced', 'screen', 'technical', 'final', 'offer'];
const id2 = (prefix: string) => fc.constantFrom(`${prefix}1`, `${prefix}2`);

const eventBody: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.constant({ type: 'outreach.sent', data: { channel: 'email' } }),
  fc.record({ latencyHours: fc.integer({ min: 0, max: 96 }), length: fc.integer({ min: 1, max: 900 }), asksQuestion: fc.boolean() }).map((data) => ({ type: 'candidate.replied', data })),
  fc.constant({ type: 'team.replied' }),
  // An application through the job board: a new applicant on Today until replied to, moved on or closed.
  fc.constant({ type: 'application.received', data: { source: 'inbound' } }),
  fc.constant({ type: 'note', data: { text: 'Called.' } }),
  fc.record({ interviewId: id2('i'), final: fc.boolean(), two: fc.boolean() }).map(({ interviewId, final, two }) => ({ type: 'interview.completed', data: { interviewId, final, interviewerIds: two ? ['u1', 'u2'] : ['u1'] } })),
  fc.record({ interviewId: id2('i'), interviewerId: id2('u') }).map((data) => ({ type: 'scorecard.submitted', data })),
  fc.record({ offerId: id2('o') }).map(({ offerId }) => ({ type: 'offer.approval-requested', data: { offerId, approverIds: ['u1'] } })),
  fc.record({ offerId: id2('o'), type: fc.constantFrom('offer.approved', 'offer.rejected', 'offer.extended', 'offer.accepted', 'offer.declined') }).map(({ offerId, type }) => ({ type, data: { offerId } })),
  fc.constantFrom('accelerate-request', 'equity-questions', 'ceo-call-request', 'competing-offer').map((signal) => ({ type: 'signal.observed', data: signal === 'competing-offer' ? { signal, deadline: '2026-11-20' } : { signal } })),
  fc.constantFrom(...STAGES.slice(1)).map((to) => ({ type: 'stage.changed', data: { from: 'sourced', to } })),
  fc.constantFrom({ status: 'lost', lossReason: 'compensation' }, { status: 'hired' }).map((data) => ({ type: 'application.closed', data })),
  fc.constantFrom(...STAGES).map((stage) => ({ type: 'application.reopened', data: { stage } })),
  fc.constant({ type: 'candidate.withdrew', data: { reason: 'Took another offer.' } }),
);

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ body: eventBody, backHours: fc.option(fc.integer({ min: 1, max: 240 }), { freq: 3 }) }).map((e) => ({ kind: 'event' as const, ...e })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'retract' as const }) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 120 }).map((hours) => ({ kind: 'wait' as const, hours })) },
  { weight: 1, arbitrary: fc.record({ idle: fc.option(fc.tuple(fc.integer({ min: 1, max: 48 }), fc.integer({ min: 48, max: 200 }))), business: fc.boolean() }).map((s) => ({ kind: 'role-clocks' as const, ...s })) },
  { weight: 1, arbitrary: fc.record({ cycle: fc.option(fc.tuple(fc.integer({ min: 24, max: 240 }), fc.integer({ min: 240, max: 600 }))), halfLifeDays: fc.option(fc.integer({ min: 1, max: 30 })) }).map((s) => ({ kind: 'company' as const, ...s })) },
);

/** Rows as reads see them: the columns and the parsed state, with Today's item rows in key order. */
async function comparable(db: Tx, rows: readonly ProjectionRecord[]) {
  const items = await listTodayItemsByIds(db, rows.map((r) => r.applicationId));
  return rows.map(({ updatedAt: _u, stateJson, ...r }) => ({ ...r, state: JSON.parse(stateJson) as unknown, todayRows: (items.get(r.applicationId) ?? []).sort((a, b) => (a.key < b.key ? -1 : 1)) }));
}

/** Today as the API gives it, for the owner, each scope and a few pages (the first of 1, 3 and 500 cards; the second of 2). */
async function todayViews(db: Tx, viewer: PipelineActor & { id: string }, now: Date, compute: typeof computePersonalToday) {
  const out: unknown[] = [];
  const pages = [{ offset: 0, limit: 1 }, { offset: 0, limit: 3 }, { offset: 0, limit: 500 }, { offset: 2, limit: 2 }];
  for (const scope of ['mine', 'all'] as const) for (const page of pages) out.push(presentToday(await compute(db, viewer, scope, now, page.offset + page.limit), page, now, 60));
  return out;
}

for (const dialect of dialectsUnderTest()) {
  describe(`pipeline read model [${dialect.name}]`, () => {
    let h: Harness;
    let actor: PipelineActor & { id: string };
    let roleId: string;
    let n = 0;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      const owner = (await listUsers(h.store.db))[0]!;
      actor = { id: owner.id, role: owner.role };
      roleId = (await inTransaction(h.store.db, (tx) => createRole(tx, actor, { title: 'ML Engineer', seniority: 'senior' }, h.clock.now()))).id;
    });
    afterAll(async () => h.close());

    const tx = <T>(work: Parameters<typeof inTransaction<T>>[1]) => inTransaction(h.store.db, work);

    async function newApplication(): Promise<string> {
      n += 1;
      const now = h.clock.now();
      const candidate = await tx((t) => createCandidate(t, actor, { name: `Person ${n}`, email: `p${n}@prop.example`, source: 'referral', allowDuplicate: true }, now));
      return (await tx((t) => createApplication(t, actor, { candidateId: candidate.id, roleId }, now))).id;
    }

    /** Plays the steps on two applications; a step the rules refuse (4xx) changes nothing and is skipped. */
    async function play(steps: readonly Step[], apps: readonly string[]): Promise<void> {
      const recorded: Array<{ app: string; id: string }> = [];
      for (const [i, s] of steps.entries()) {
        const app = apps[i % apps.length]!;
        const now = h.clock.now();
        try {
          if (s.kind === 'wait') h.clock.advanceHours(s.hours);
          else if (s.kind === 'event') {
            const body = s.backHours === null ? s.body : { ...s.body, occurredAt: new Date(now.getTime() - s.backHours * HOUR).toISOString() };
            const { event } = await tx((t) => appendEvent(t, actor, app, body, now));
            if (['note', 'team.replied', 'candidate.replied', 'signal.observed', 'interview.completed', 'scorecard.submitted'].includes(event.type)) recorded.push({ app, id: event.id });
          } else if (s.kind === 'retract') {
            const target = recorded.shift();
            if (target) await tx((t) => retractEvent(t, actor, target.app, target.id, now));
          } else if (s.kind === 'role-clocks') {
            const role = await getRoleOrThrow(h.store.db, roleId);
            const clockOverrides: Record<string, unknown> = {};
            if (s.idle) clockOverrides.targets = { 'stage.idle': { warningHours: s.idle[0], criticalHours: s.idle[1] } };
            if (s.business) clockOverrides.hours = { mode: 'business' };
            await tx((t) => changeRole(t, actor, roleId, role.version, { clockOverrides }, now));
          } else {
            const clocks = s.cycle ? { targets: { 'cycle.total': { warningHours: s.cycle[0], criticalHours: s.cycle[1] } } } : undefined;
            const risk = s.halfLifeDays !== null ? { halfLifeDays: s.halfLifeDays } : undefined;
            await tx((t) => putPipelineSettings(t, actor, { ...(clocks ? { clocks } : {}), ...(risk ? { risk } : {}) }, now));
          }
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
        }
      }
    }

    it('rows kept up to date event by event equal a rebuild from the events, and Today reads the same from them as from the events', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 24 }), async (steps) => {
          const apps = [await newApplication(), await newApplication()];
          await play(steps, apps);
          h.clock.advanceHours(1);
          const incremental = await comparable(h.store.db, await listProjections(h.store.db, { limit: 10_000 }));
          const today = await collectToday(h.store.db, h.clock.now());
          // Today's indexed query over the item rows (per scope and page size).
          const indexed = await todayViews(h.store.db, actor, h.clock.now(), computePersonalToday);
          // The page's cards from the first items in order equal those grouped by card (itemsPerCard 0), for small and whole pages.
          for (const limit of [1, 2, 500]) {
            const q = { nowMs: h.clock.now().getTime(), audience: null, exclude: [], limit };
            expect(await queryTodayItems(h.store.db, { ...q, itemsPerCard: 1 })).toEqual(await queryTodayItems(h.store.db, { ...q, itemsPerCard: 0 }));
          }
          // Without rows, Today derives every application from its events: the old path, the reference.
          await h.store.db.deleteFrom('application_projections').execute();
          const derived = await collectToday(h.store.db, h.clock.now());
          expect(today.items).toEqual(derived.items);
          expect(indexed).toEqual(await todayViews(h.store.db, actor, h.clock.now(), scanPersonalToday));
          expect(today.activeApplications).toBe(derived.activeApplications);
          const report = await rebuildProjections(h.store, h.clock.now());
          expect(report.created).toBe(incremental.length);
          // The reports' facts kept on append (stepped in order, folded again otherwise) equal the rebuild's too.
          expect(report.reportFacts).toMatchObject({ created: 0, corrected: 0 });
          const rebuilt = await comparable(h.store.db, await listProjections(h.store.db, { limit: 10_000 }));
          expect(incremental).toEqual(rebuilt);
          // A second rebuild finds nothing to correct.
          expect(await rebuildProjections(h.store, h.clock.now())).toMatchObject({ corrected: 0, created: 0, unchanged: rebuilt.length });
        }),
        { numRuns: 12 },
      );
    }, 240_000);

    it('business-hour clocks are read from their rows (ranked in working hours by the domain), the same Today as the scan', async () => {
      const role = await getRoleOrThrow(h.store.db, roleId);
      await tx((t) => changeRole(t, actor, roleId, role.version, { clockOverrides: { hours: { mode: 'business' } } }, h.clock.now()));
      const app = await newApplication();
      await tx((t) => appendEvent(t, actor, app, { type: 'note', data: { text: 'Called.' } }, h.clock.now()));
      h.clock.advanceHours(24 * 9);
      const now = h.clock.now();
      const rows = await listBusinessClockRows(h.store.db, { nowMs: now.getTime(), audience: null, exclude: [] });
      expect(rows.filter((r) => r.applicationId === app).length).toBeGreaterThan(0);
      const indexed = await computePersonalToday(h.store.db, actor, 'all', now, 500);
      const card = indexed.cards.find((c) => c.card.applicationId === app);
      expect(card?.card.items.some((i) => i.item.kind === 'clock' && i.item.clock.basis === 'business')).toBe(true);
      expect(await todayViews(h.store.db, actor, now, computePersonalToday)).toEqual(await todayViews(h.store.db, actor, now, scanPersonalToday));
      const back = await getRoleOrThrow(h.store.db, roleId);
      await tx((t) => changeRole(t, actor, roleId, back.version, { clockOverrides: {} }, h.clock.now()));
    });

    // PostgreSQL: a second server instance with its own pool on the same database, both appending to one application
    // at once (row locks serialise them). SQLite serves one instance (one writer): its requests run at the same time.
    it('several server instances appending to one application at once leave the row equal to a rebuild', async () => {
      const app = await newApplication();
      const other = dialect.name === 'postgres' ? await openDatabase({ url: h.store.url, migrate: false }) : h.store;
      const second = other === h.store ? h.app : await buildApp({ db: other, clock: h.clock.now, config: { secureCookies: false } });
      try {
        const now = h.clock.now().getTime();
        const bodies = Array.from({ length: 24 }, (_, i) =>
          i % 3 === 0
            ? { type: 'candidate.replied', occurredAt: new Date(now - (24 - i) * HOUR).toISOString(), data: { latencyHours: i, length: 500 - i, asksQuestion: i % 2 === 0 } }
            : i % 3 === 1
              ? { type: 'team.replied' }
              : { type: 'signal.observed', data: { signal: 'equity-questions' } },
        );
        const results = await Promise.all(
          bodies.map((body, i) =>
            (i % 2 === 0 ? h.app : second).inject({ method: 'POST', url: `/api/v1/applications/${app}/events`, headers: { authorization: `Bearer ${h.ownerToken}`, 'content-type': 'application/json' }, payload: JSON.stringify(body) }),
          ),
        );
        expect(results.map((r) => r.statusCode)).toEqual(bodies.map(() => 201));
      } finally {
        if (second !== h.app) await second.close();
        if (other !== h.store) await other.close();
      }
      const before = await comparable(h.store.db, await listProjections(h.store.db, { limit: 10_000 }));
      expect((before.find((r) => r.applicationId === app)!.state as { history: { lastEventAt: number } }).history.lastEventAt).toBe(h.clock.now().getTime());
      expect(await rebuildProjections(h.store, h.clock.now())).toMatchObject({ corrected: 0, created: 0 });
      expect(await comparable(h.store.db, await listProjections(h.store.db, { limit: 10_000 }))).toEqual(before);
    }, 60_000);
  });
}

describe('closer db rebuild-projections', () => {
  it('recomputes every row from the events and reports what it corrected (JSON with --json)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'closer-rebuild-')), 'c.db');
    const h = await createHarness(await openDatabase({ url: `sqlite:${file}` }));
    const owner = (await listUsers(h.store.db))[0]!;
    const actor = { id: owner.id, role: owner.role };
    const now = h.clock.now();
    const ids: string[] = [];
    await inTransaction(h.store.db, async (tx) => {
      const role = await createRole(tx, actor, { title: 'ML Engineer', seniority: 'senior' }, now);
      for (const name of ['Ada', 'Grace']) {
        const c = await createCandidate(tx, actor, { name, email: `${name}@cli.example`, source: 'referral' }, now);
        const app = await createApplication(tx, actor, { candidateId: c.id, roleId: role.id }, now);
        await appendEvent(tx, actor, app.id, { type: 'outreach.sent', occurredAt: new Date(now.getTime() - 12 * 24 * HOUR).toISOString(), data: { channel: 'email' } }, now);
        ids.push(app.id);
      }
    });
    // One row made wrong behind the server's back, one removed.
    await h.store.db.updateTable('application_projections').set({ attention_at: null }).where('application_id', '=', ids[0]!).execute();
    await h.store.db.deleteFrom('application_projections').where('application_id', '=', ids[1]!).execute();
    await h.close();
    const io = captureIo();
    expect(await main(['db', 'rebuild-projections', '--db', file, '--json'], io)).toBe(0);
    expect(JSON.parse(io.out())).toMatchObject({ applications: 2, created: 1, corrected: 1, unchanged: 0, dialect: 'sqlite' });
    const again = captureIo();
    expect(await main(['db', 'rebuild-projections', '--db', file], again)).toBe(0);
    expect(again.out()).toContain('Rebuilt 2 applications');
    expect(again.out()).toContain('2 were right, 0 corrected, 0 added');
  }, 60_000);
});
