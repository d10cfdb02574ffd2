import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../test-support/dialects.js';
import { createHarness, type Harness } from '../../test-support/app-harness.js';
import { sha256 } from '../services/secrets.js';
import { getSession } from '../../storage/index.js';

// Sign-in lookups are one joined query per request and nothing is cached between requests, so a change made
// anywhere (another server instance, the `closer` CLI, a direct database edit) counts from the next request.
for (const dialect of dialectsUnderTest()) {
  describe(`request authentication [${dialect.name}]`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
    });
    afterAll(async () => h.close());

    async function signIn(email: string): Promise<{ cookie: string; sessionId: string }> {
      const res = await h.call('POST', '/api/v1/auth/login', { body: { email, password: 'long enough password' } });
      expect(res.statusCode).toBe(200);
      const c = res.cookies.find((x) => x.name === 'closer_session')!;
      return { cookie: `closer_session=${c.value}`, sessionId: c.value };
    }

    it('accepts a session until it expires, then answers 401 and deletes it', async () => {
      const { userId } = await h.tokenFor('recruiter', 'expiring@test.example');
      const { cookie, sessionId } = await signIn('expiring@test.example');
      const me = await h.call('GET', '/api/v1/session', { headers: { cookie } });
      expect(me.statusCode).toBe(200);
      expect(me.json().user.id).toBe(userId);
      const saved = h.clock.now();
      h.clock.advanceHours(24 * 14 + 1);
      try {
        expect((await h.call('GET', '/api/v1/roles', { headers: { cookie } })).statusCode).toBe(401);
        expect(await getSession(h.store.db, sha256(sessionId))).toBeUndefined();
      } finally {
        h.clock.set(saved);
      }
    });

    it('refuses a session and a token at the next request once the user is disabled behind the server’s back', async () => {
      const { token, userId } = await h.tokenFor('recruiter', 'behind@test.example');
      const { cookie } = await signIn('behind@test.example');
      expect((await h.call('GET', '/api/v1/roles', { headers: { cookie } })).statusCode).toBe(200);
      expect((await h.call('GET', '/api/v1/roles', { token })).statusCode).toBe(200);
      // As another instance or the CLI would: straight in the database, not through this app.
      await h.store.db.updateTable('users').set({ disabled: 1 }).where('id', '=', userId).execute();
      expect((await h.call('GET', '/api/v1/roles', { headers: { cookie } })).statusCode).toBe(401);
      const viaToken = await h.call('GET', '/api/v1/roles', { token });
      expect(viaToken.statusCode).toBe(401);
      expect(viaToken.json().code).toBe('UNAUTHENTICATED');
      await h.store.db.updateTable('users').set({ disabled: 0 }).where('id', '=', userId).execute();
      expect((await h.call('GET', '/api/v1/roles', { token })).statusCode).toBe(200);
    });

    it('refuses a token at the next request once it is revoked behind the server’s back, and a role change counts at once', async () => {
      const { token, userId } = await h.tokenFor('recruiter', 'rolechange@test.example');
      expect((await h.call('GET', '/api/v1/roles', { token })).statusCode).toBe(200);
      expect((await h.call('GET', '/api/v1/audit', { token })).statusCode).toBe(403);
      await h.store.db.updateTable('users').set({ role: 'owner' }).where('id', '=', userId).execute();
      expect((await h.call('GET', '/api/v1/audit', { token })).statusCode).toBe(200);
      await h.store.db.updateTable('api_tokens').set({ revoked_at: h.clock.now().toISOString() }).where('token_hash', '=', sha256(token)).execute();
      expect((await h.call('GET', '/api/v1/roles', { token })).statusCode).toBe(401);
    });

    it('answers 401 to an unknown token, a token without the prefix and a malformed header', async () => {
      for (const authorization of ['Bearer cl_unknown', 'Bearer nothing-like-a-token', 'Basic abc', 'Bearer']) {
        const res = await h.call('GET', '/api/v1/roles', { headers: { authorization } });
        expect(res.statusCode, authorization).toBe(401);
      }
    });
  });
}
