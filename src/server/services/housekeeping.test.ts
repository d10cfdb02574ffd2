import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../test-support/dialects.js';
import { createHarness, testClock, type Harness } from '../../test-support/app-harness.js';
import { startBackgroundJobs } from './outbox.js';

const OWNER = { email: 'owner@test.example', password: 'correct horse battery' };

for (const dialect of dialectsUnderTest()) {
  describe(`purge of expired sessions [${dialect.name}]`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore(), { clock: testClock() });
    });
    afterAll(async () => h.close());

    const signIn = async (): Promise<string> => {
      const res = await h.call('POST', '/api/v1/auth/login', { body: OWNER });
      expect(res.statusCode).toBe(200);
      return res.cookies.find((c) => c.name === 'closer_session')!.value;
    };
    const sessionRows = () => h.store.db.selectFrom('sessions').select(['expires_at']).execute();

    it('the background jobs delete an expired session and keep a live one', async () => {
      await signIn();
      const ttlHours = 24 * 14;
      h.clock.advanceHours(ttlHours + 1);
      const live = await signIn();
      const now = h.clock.now().toISOString();
      const before = await sessionRows();
      expect(before.filter((s) => s.expires_at <= now).length).toBeGreaterThanOrEqual(1);
      expect(before.filter((s) => s.expires_at > now)).toHaveLength(1);

      const errors: unknown[] = [];
      // Long intervals: each job ticks once on start; stop() waits for those runs to finish.
      const jobs = startBackgroundJobs({ store: h.store, now: h.clock.now }, { dispatchIntervalMs: 3_600_000, scanIntervalMs: 3_600_000, purgeIntervalMs: 3_600_000, log: (_m, e) => errors.push(e) });
      await jobs.stop();
      expect(errors).toEqual([]);

      const after = await sessionRows();
      expect(after).toHaveLength(1);
      expect(after[0]!.expires_at > now).toBe(true);
      const res = await h.call('GET', '/api/v1/session', { headers: { cookie: `closer_session=${live}` } });
      expect(res.statusCode).toBe(200);
      expect((res.json() as { user: { email: string } }).user.email).toBe(OWNER.email);
    });
  });
}
