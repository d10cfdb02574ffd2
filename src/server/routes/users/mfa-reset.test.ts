// Issue 15: an owner or admin resets a colleague's two-step sign-in (a lost phone). Audited; the colleague signs in
// with the password alone and must set it up again; never one's own through this route; an owner's by an owner only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';
import { totpAt } from '../../services/totp.js';

for (const dialect of dialectsUnderTest()) {
  describe(`reset of a colleague's two-step sign-in [${dialect.name}]`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
    });
    afterAll(async () => h.close());

    /** A user of `role` with two-step sign-in set up; returns their token, id and e-mail. */
    async function enrolled(role: string) {
      const email = `reset-${role}-${Math.random().toString(36).slice(2, 8)}@test.example`;
      const u = await h.tokenFor(role, email);
      const { secret } = (await h.call('POST', '/api/v1/account/mfa/enrolment', { token: u.token, body: {} })).json() as { secret: string };
      h.clock.advanceHours(1 / 60);
      expect((await h.call('POST', '/api/v1/account/mfa/confirm', { token: u.token, body: { code: totpAt(secret, h.clock.now()) } })).statusCode).toBe(200);
      return { ...u, email };
    }
    const mfaOf = async (id: string) => ((await h.call('GET', '/api/v1/users', { token: h.ownerToken })).json() as { items: Array<{ id: string; mfaEnabled: boolean }> }).items.find((u) => u.id === id)!.mfaEnabled;
    const login = (email: string) => h.call('POST', '/api/v1/auth/login', { body: { email, password: 'long enough password' } });

    it('an admin resets a recruiter\'s: audited, the recruiter signs in without a code and sets it up again', async () => {
      const admin = await enrolled('admin');
      const recruiter = await enrolled('recruiter');
      expect((await login(recruiter.email)).json()).toMatchObject({ code: 'MFA_CODE_REQUIRED' });
      const res = await h.call('DELETE', `/api/v1/users/${recruiter.userId}/mfa`, { token: admin.token });
      expect(res.statusCode).toBe(204);
      expect(await mfaOf(recruiter.userId)).toBe(false);
      const audit = await h.store.db.selectFrom('audit_log').select(['actor_id', 'fields']).where('action', '=', 'user.mfa-reset').where('entity_id', '=', recruiter.userId).execute();
      expect(audit).toEqual([{ actor_id: admin.userId, fields: JSON.stringify(['recoveryCodes', 'totpSecret']) }]);
      expect((await login(recruiter.email)).statusCode).toBe(200);
    });

    it('refuses one\'s own (403, nothing changed), and an owner\'s unless an owner asks', async () => {
      const admin = await enrolled('admin');
      const own = await h.call('DELETE', `/api/v1/users/${admin.userId}/mfa`, { token: admin.token });
      expect(own.statusCode).toBe(403);
      expect(own.json()).toMatchObject({ code: 'FORBIDDEN', field: 'id' });
      expect(await mfaOf(admin.userId)).toBe(true);
      const owner = await enrolled('owner');
      expect((await h.call('DELETE', `/api/v1/users/${owner.userId}/mfa`, { token: admin.token })).statusCode).toBe(403);
      expect(await mfaOf(owner.userId)).toBe(true);
      expect((await h.call('DELETE', `/api/v1/users/${owner.userId}/mfa`, { token: h.ownerToken })).statusCode).toBe(204);
      expect(await mfaOf(owner.userId)).toBe(false);
      const recruiter = await h.tokenFor('recruiter');
      expect((await h.call('DELETE', `/api/v1/users/${admin.userId}/mfa`, { token: recruiter.token })).statusCode).toBe(403);
      expect(await mfaOf(admin.userId)).toBe(true);
    });
  });
}
