import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';
import { buildApp } from '../../app.js';
import { passwordHashesComputed } from '../../services/passwords.js';
import { totpAt } from '../../services/totp.js';
import { sha256 } from '../../services/secrets.js';
import { getSession } from '../../../storage/index.js';
import signIn from '../../../../data/security/sign-in.json' with { type: 'json' };

const PASSWORD = 'long enough password';

function sessionCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'closer_session');
  if (!c) throw new Error(`no session cookie: ${res.statusCode} ${res.body}`);
  return `closer_session=${c.value}`;
}

for (const dialect of dialectsUnderTest()) {
  describe(`sign-in security [${dialect.name}]`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
    });
    afterAll(async () => h.close());

    const login = (email: string, opts: { password?: string; code?: string; ip?: string } = {}) =>
      h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: opts.ip ?? '127.0.0.1',
        payload: { email, password: opts.password ?? PASSWORD, ...(opts.code !== undefined ? { code: opts.code } : {}) },
      });

    describe('headers', () => {
      it('sends CSP, COOP and no HSTS over plain HTTP, on the API and on unknown paths', async () => {
        for (const url of ['/api/v1/session', '/healthz', '/nowhere']) {
          const res = await h.call('GET', url);
          const csp = String(res.headers['content-security-policy']);
          for (const d of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(csp, url).toContain(d);
          expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
          expect(res.headers['strict-transport-security']).toBeUndefined();
        }
        // A client cannot claim HTTPS itself: only a trusted proxy's X-Forwarded-Proto counts.
        const spoofed = await h.call('GET', '/healthz', { headers: { 'x-forwarded-proto': 'https' } });
        expect(spoofed.headers['strict-transport-security']).toBeUndefined();
      });

      it('sends HSTS when a trusted proxy says the request came over HTTPS', async () => {
        const app = await buildApp({ db: h.store, clock: h.clock.now, config: { secureCookies: false, trustProxy: ['127.0.0.1'] } });
        try {
          const res = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-forwarded-proto': 'https' } });
          expect(res.headers['strict-transport-security']).toBe(`max-age=${signIn.hstsMaxAgeSeconds.value}; includeSubDomains`);
          const plain = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-forwarded-proto': 'http' } });
          expect(plain.headers['strict-transport-security']).toBeUndefined();
        } finally {
          await app.close();
        }
      });
    });

    describe('session timeouts', () => {
      it('ends a session after the idle time without requests, and keeps a busy one alive until the absolute limit', async () => {
        await h.tokenFor('recruiter', `idle-${dialect.name}@test.example`);
        const saved = h.clock.now();
        try {
          const idle = sessionCookie(await login(`idle-${dialect.name}@test.example`));
          const busy = sessionCookie(await login(`idle-${dialect.name}@test.example`));
          const idleMs = signIn.sessionIdleMinutes.value * 60_000;
          // Busy: a request every two thirds of the idle time, up to the absolute limit.
          const absoluteMs = signIn.sessionAbsoluteHours.value * 3_600_000;
          let elapsed = 0;
          let first = true;
          while (elapsed + (idleMs * 2) / 3 < absoluteMs) {
            h.clock.set(new Date(saved.getTime() + elapsed + (idleMs * 2) / 3));
            elapsed += (idleMs * 2) / 3;
            expect((await h.call('GET', '/api/v1/session', { headers: { cookie: busy } })).statusCode).toBe(200);
            if (first) {
              // The idle one saw no request for 2/3 of the idle time: still alive; after the full idle time: gone.
              expect((await h.call('GET', '/api/v1/session', { headers: { cookie: idle } })).statusCode).toBe(200);
              h.clock.set(new Date(saved.getTime() + elapsed + idleMs));
              expect((await h.call('GET', '/api/v1/session', { headers: { cookie: idle } })).statusCode).toBe(401);
              h.clock.set(new Date(saved.getTime() + elapsed));
              first = false;
            }
          }
          h.clock.set(new Date(saved.getTime() + absoluteMs));
          expect((await h.call('GET', '/api/v1/session', { headers: { cookie: busy } })).statusCode).toBe(401);
          expect(await getSession(h.store.db, sha256(busy.split('=')[1]!))).toBeUndefined();
        } finally {
          h.clock.set(saved);
        }
      });
    });

    describe('login limits', () => {
      it('locks out the guessing address, not the owner at an address they signed in from, and says when to retry', async () => {
        const store = h.store;
        const app = await buildApp({ db: store, clock: h.clock.now, config: { secureCookies: false, loginLimit: { perAccount: 3, perIp: 5, perAccountAnyAddress: 6, windowMinutes: 15 } } });
        const email = `limits-${dialect.name}@test.example`;
        await h.tokenFor('recruiter', email);
        const attempt = (ip: string, password = 'wrong password here') =>
          app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: ip, payload: { email, password } });
        try {
          expect((await attempt('10.0.0.1', PASSWORD)).statusCode).toBe(200); // the owner's usual address
          const codes: number[] = [];
          for (let i = 0; i < 4; i++) codes.push((await attempt('10.0.0.66')).statusCode);
          expect(codes).toEqual([401, 401, 401, 429]);
          const blocked = await attempt('10.0.0.66', PASSWORD);
          expect(blocked.statusCode).toBe(429);
          expect(blocked.json().code).toBe('RATE_LIMITED');
          expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
          expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
          // Spread over more addresses, past the account-wide cap of 6 failures:
          for (const ip of ['10.0.0.67', '10.0.0.68', '10.0.0.69']) await attempt(ip);
          expect((await attempt('10.0.0.70', PASSWORD)).statusCode).toBe(429); // a new address waits
          expect((await attempt('10.0.0.1', PASSWORD)).statusCode).toBe(200); // the known one does not
        } finally {
          await app.close();
        }
      });
    });

    describe('passwords', () => {
      it('refuses a common password for a new user and at setup (400 PASSWORD_TOO_COMMON)', async () => {
        const res = await h.call('POST', '/api/v1/users', { token: h.ownerToken, body: { email: `common-${dialect.name}@test.example`, name: 'Com Mon', role: 'recruiter', password: 'Password123' } });
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({ code: 'PASSWORD_TOO_COMMON', field: 'password' });
        const fresh = await buildApp({ db: await dialect.createStore(), config: { secureCookies: false } });
        try {
          const setup = await fresh.inject({
            method: 'POST',
            url: '/api/v1/setup',
            payload: { company: { name: 'Co', stage: 'seed', raisedUsd: 1, headcount: 1, aiTeamSize: 1 }, owner: { name: 'O', email: 'o@test.example', password: 'qwertyuiop' } },
          });
          expect(setup.statusCode).toBe(400);
          expect(setup.json()).toMatchObject({ code: 'PASSWORD_TOO_COMMON', field: 'owner.password' });
        } finally {
          await fresh.close();
        }
      });
    });

    describe('setup once set up', () => {
      it('answers 409 without computing a password hash, and 429 with Retry-After past the per-address limit', async () => {
        const before = passwordHashesComputed();
        const body = { company: { name: 'Again', stage: 'seed', raisedUsd: 1, headcount: 1, aiTeamSize: 1 }, owner: { name: 'A', email: 'again@test.example', password: 'another long password' } };
        const statuses: number[] = [];
        for (let i = 0; i < signIn.setupAttemptsPerAddress.value; i++) {
          const url = i % 2 === 0 ? '/api/v1/setup' : '/api/v1/setup/demo';
          const res = await h.app.inject({ method: 'POST', url, remoteAddress: '10.9.9.9', payload: url.endsWith('demo') ? {} : body });
          statuses.push(res.statusCode);
        }
        expect(new Set(statuses)).toEqual(new Set([409]));
        expect(passwordHashesComputed()).toBe(before);
        const limited = await h.app.inject({ method: 'POST', url: '/api/v1/setup', remoteAddress: '10.9.9.9', payload: body });
        expect(limited.statusCode).toBe(429);
        expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      });
    });

    describe('PATCH /users/{id}', () => {
      it('needs If-Match: 428 without, 412 when stale, 200 with an ETag when current', async () => {
        const { userId } = await h.tokenFor('recruiter');
        const missing = await h.call('PATCH', `/api/v1/users/${userId}`, { token: h.ownerToken, body: { role: 'approver' } });
        expect(missing.statusCode).toBe(428);
        expect(missing.json().code).toBe('PRECONDITION_REQUIRED');
        const ok = await h.call('PATCH', `/api/v1/users/${userId}`, { token: h.ownerToken, body: { role: 'approver' }, headers: { 'if-match': '"1"' } });
        expect(ok.statusCode).toBe(200);
        expect(ok.headers.etag).toBe('"2"');
        expect(ok.json().user).toMatchObject({ role: 'approver', version: 2 });
        const stale = await h.call('PATCH', `/api/v1/users/${userId}`, { token: h.ownerToken, body: { role: 'recruiter' }, headers: { 'if-match': '"1"' } });
        expect(stale.statusCode).toBe(412);
        expect((await h.call('GET', '/api/v1/users', { token: h.ownerToken })).json().items.find((u: { id: string }) => u.id === userId).role).toBe('approver');
      });
    });

    describe('API token last use', () => {
      it('writes last_used_at on use, at most once a minute', async () => {
        const created = (await h.call('POST', '/api/v1/tokens', { token: h.ownerToken, body: { name: `lastuse-${dialect.name}` } })).json() as { secret: string; token: { id: string } };
        const lastUsed = async () => ((await h.call('GET', '/api/v1/tokens', { token: created.secret })).json().items as Array<{ id: string; lastUsedAt: string | null }>).find((t) => t.id === created.token.id)!.lastUsedAt;
        const saved = h.clock.now();
        try {
          expect(await lastUsed()).toBe(saved.toISOString());
          h.clock.set(new Date(saved.getTime() + 30_000));
          expect(await lastUsed()).toBe(saved.toISOString());
          h.clock.set(new Date(saved.getTime() + 61_000));
          expect(await lastUsed()).toBe(new Date(saved.getTime() + 61_000).toISOString());
        } finally {
          h.clock.set(saved);
        }
      });
    });

    describe('who may grant ownership', () => {
      it('lets an owner make an owner, and refuses an admin (403) to create, promote to or change an owner', async () => {
        const admin = await h.tokenFor('admin');
        const target = await h.tokenFor('recruiter');
        const create = await h.call('POST', '/api/v1/users', { token: admin.token, body: { email: `newowner-${dialect.name}@test.example`, name: 'New Owner', role: 'owner', password: PASSWORD } });
        expect(create.statusCode).toBe(403);
        expect(create.json()).toMatchObject({ code: 'FORBIDDEN', field: 'role' });
        const promote = await h.call('PATCH', `/api/v1/users/${target.userId}`, { token: admin.token, body: { role: 'owner' }, headers: { 'if-match': '"1"' } });
        expect(promote.statusCode).toBe(403);
        const selfPromote = await h.call('PATCH', `/api/v1/users/${admin.userId}`, { token: admin.token, body: { role: 'owner' }, headers: { 'if-match': '"1"' } });
        expect(selfPromote.statusCode).toBe(403);
        const byOwner = await h.call('PATCH', `/api/v1/users/${target.userId}`, { token: h.ownerToken, body: { role: 'owner' }, headers: { 'if-match': '"1"' } });
        expect(byOwner.statusCode).toBe(200);
        const demote = await h.call('PATCH', `/api/v1/users/${target.userId}`, { token: admin.token, body: { disabled: true }, headers: { 'if-match': '"2"' } });
        expect(demote.statusCode).toBe(403);
        expect((await h.call('PATCH', `/api/v1/users/${target.userId}`, { token: h.ownerToken, body: { role: 'recruiter' }, headers: { 'if-match': '"2"' } })).statusCode).toBe(200);
      });
    });

    describe('two-step sign-in (TOTP)', () => {
      it('enrols, asks for the code at sign-in, refuses a reused code, takes a recovery code once, and turns off', async () => {
        const email = `totp-${dialect.name}@test.example`;
        await h.tokenFor('recruiter', email);
        const cookie = sessionCookie(await login(email));
        const csrf = (await h.call('GET', '/api/v1/session', { headers: { cookie } })).json().csrfToken as string;
        const as = { cookie, 'x-csrf-token': csrf };
        const enrol = await h.call('POST', '/api/v1/account/mfa/enrolment', { body: {}, headers: as });
        expect(enrol.statusCode).toBe(201);
        const { secret, uri } = enrol.json() as { secret: string; uri: string };
        expect(secret).toMatch(/^[A-Z2-7]{32}$/);
        expect(uri).toBe(`otpauth://totp/Closer:${encodeURIComponent(email)}?secret=${secret}&issuer=Closer&algorithm=SHA1&digits=6&period=30`);
        expect((await h.call('POST', '/api/v1/account/mfa/confirm', { body: { code: '000000' === totpAt(secret, h.clock.now()) ? '111111' : '000000' }, headers: as })).json().code).toBe('MFA_CODE_INVALID');
        const confirmed = await h.call('POST', '/api/v1/account/mfa/confirm', { body: { code: totpAt(secret, h.clock.now()) }, headers: as });
        expect(confirmed.statusCode).toBe(200);
        const codes = confirmed.json().recoveryCodes as string[];
        expect(codes).toHaveLength(signIn.recoveryCodes.value);
        const stored = await h.store.db.selectFrom('mfa_recovery_codes').select('code_hash').execute();
        expect(stored.some((r) => codes.includes(r.code_hash))).toBe(false);

        const noCode = await login(email);
        expect(noCode.statusCode).toBe(401);
        expect(noCode.json()).toMatchObject({ code: 'MFA_CODE_REQUIRED', field: 'code' });
        expect(noCode.cookies.find((c) => c.name === 'closer_session')).toBeUndefined();
        const saved = h.clock.now();
        try {
          h.clock.set(new Date(saved.getTime() + 90_000));
          const code = totpAt(secret, h.clock.now());
          expect((await login(email, { code })).statusCode).toBe(200);
          const replay = await login(email, { code });
          expect(replay.statusCode).toBe(401);
          expect(replay.json().code).toBe('MFA_CODE_INVALID');
          expect((await login(email, { code: codes[0]! })).statusCode).toBe(200);
          expect((await login(email, { code: codes[0]! })).json().code).toBe('MFA_CODE_INVALID');
          const status = (await h.call('GET', '/api/v1/account/mfa', { headers: { cookie } })).json();
          expect(status).toMatchObject({ enabled: true, recoveryCodesLeft: signIn.recoveryCodes.value - 1 });
          const off = await h.call('POST', '/api/v1/account/mfa/disable', { body: { code: codes[1]! }, headers: as });
          expect(off.statusCode).toBe(204);
          expect((await login(email)).statusCode).toBe(200);
        } finally {
          h.clock.set(saved);
        }
      });

      it('once the company requires it, an approver without it may only enrol, and cannot turn it off', async () => {
        const ownerLogin = await login('owner@test.example', { password: 'correct horse battery' });
        const owner = { cookie: sessionCookie(ownerLogin), 'x-csrf-token': ownerLogin.json().csrfToken as string };
        const refused = await h.call('PUT', '/api/v1/security/settings', { body: { mfaRequired: true }, headers: owner });
        expect(refused.statusCode).toBe(409);
        expect(refused.json()).toMatchObject({ code: 'MFA_NOT_ENROLLED', field: 'mfaRequired' });
        const { secret } = (await h.call('POST', '/api/v1/account/mfa/enrolment', { body: {}, headers: owner })).json() as { secret: string };
        expect((await h.call('POST', '/api/v1/account/mfa/confirm', { body: { code: totpAt(secret, h.clock.now()) }, headers: owner })).statusCode).toBe(200);
        const on = await h.call('PUT', '/api/v1/security/settings', { body: { mfaRequired: true }, headers: owner });
        expect(on.json()).toEqual({ mfaRequired: true });
        const saved = h.clock.now();
        try {
          const email = `approver-mfa-${dialect.name}@test.example`;
          await h.tokenFor('approver', email);
          const res = await login(email);
          expect(res.statusCode).toBe(200);
          expect(res.json().mfaEnrolmentRequired).toBe(true);
          const as = { cookie: sessionCookie(res), 'x-csrf-token': res.json().csrfToken as string };
          const blocked = await h.call('GET', '/api/v1/roles', { headers: as });
          expect(blocked.statusCode).toBe(403);
          expect(blocked.json().code).toBe('MFA_ENROLMENT_REQUIRED');
          const mine = (await h.call('POST', '/api/v1/account/mfa/enrolment', { body: {}, headers: as })).json() as { secret: string };
          const { recoveryCodes } = (await h.call('POST', '/api/v1/account/mfa/confirm', { body: { code: totpAt(mine.secret, h.clock.now()) }, headers: as })).json() as { recoveryCodes: string[] };
          expect((await h.call('GET', '/api/v1/roles', { headers: as })).statusCode).toBe(200);
          const off = await h.call('POST', '/api/v1/account/mfa/disable', { body: { code: recoveryCodes[0]! }, headers: as });
          expect(off.statusCode).toBe(409);
          expect(off.json().code).toBe('MFA_REQUIRED_BY_COMPANY');
          // A recruiter is not among the roles it binds.
          const rec = `recruiter-mfa-${dialect.name}@test.example`;
          await h.tokenFor('recruiter', rec);
          expect((await login(rec)).json().mfaEnrolmentRequired).toBe(false);
        } finally {
          h.clock.set(new Date(saved.getTime() + 60_000));
          const code = totpAt(secret, h.clock.now());
          const again = await login('owner@test.example', { password: 'correct horse battery', code });
          const o2 = { cookie: sessionCookie(again), 'x-csrf-token': again.json().csrfToken as string };
          expect((await h.call('PUT', '/api/v1/security/settings', { body: { mfaRequired: false }, headers: o2 })).json()).toEqual({ mfaRequired: false });
          h.clock.set(saved);
        }
      });
    });
  });
}
