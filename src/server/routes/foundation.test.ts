import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../test-support/dialects.js';
import { createHarness, type Harness } from '../../test-support/app-harness.js';
import { buildApp } from '../app.js';

function cookieHeader(res: { cookies: Array<{ name: string; value: string }> }): string {
  const c = res.cookies.find((x) => x.name === 'closer_session');
  return c ? `closer_session=${c.value}` : '';
}

for (const dialect of dialectsUnderTest()) {
  describe(`foundation API [${dialect.name}]`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
    });
    afterAll(async () => h.close());

    describe('first run', () => {
      it('reports the workspace as set up and refuses a second setup with 409 ALREADY_SET_UP', async () => {
        expect((await h.call('GET', '/api/v1/setup/status')).json()).toEqual({ setUp: true });
        const again = await h.call('POST', '/api/v1/setup', {
          body: { company: { name: 'X', stage: 'seed', raisedUsd: 1, headcount: 1, aiTeamSize: 0 }, owner: { name: 'A', email: 'a@x.example', password: 'long enough pw' } },
        });
        expect(again.statusCode).toBe(409);
        expect(again.json().code).toBe('ALREADY_SET_UP');
      });
    });

    describe('GET /api/v1/people', () => {
      it('lists every colleague by name and user role, without e-mails, to any signed-in role', async () => {
        const { token: interviewer } = await h.tokenFor('interviewer', 'ivan.people@test.example');
        const res = await h.call('GET', '/api/v1/people', { token: interviewer });
        expect(res.statusCode).toBe(200);
        const items = res.json().items as Array<Record<string, unknown>>;
        expect(items.length).toBeGreaterThanOrEqual(2);
        expect(items).toContainEqual(expect.objectContaining({ role: 'interviewer', disabled: false }));
        for (const person of items) expect(Object.keys(person).sort()).toEqual(['disabled', 'id', 'name', 'role']);
        expect(JSON.stringify(items)).not.toContain('@test.example');
        expect((await h.call('GET', '/api/v1/people')).statusCode).toBe(401);
      });
    });

    describe('GET /healthz', () => {
      it('checks the database and names the dialect', async () => {
        const res = await h.call('GET', '/healthz');
        expect(res.statusCode).toBe(200);
        expect(res.json()).toEqual({ status: 'ok', database: dialect.name });
      });
    });

    describe('sessions', () => {
      it('logs in, rotates the session id at each login, and revokes it at logout', async () => {
        await h.tokenFor('recruiter', 'rita@test.example');
        const a = await h.call('POST', '/api/v1/auth/login', { body: { email: 'rita@test.example', password: 'long enough password' } });
        expect(a.statusCode).toBe(200);
        const b = await h.call('POST', '/api/v1/auth/login', { body: { email: 'RITA@test.example', password: 'long enough password' } });
        expect(cookieHeader(a)).not.toBe(cookieHeader(b));
        const csrf = b.json().csrfToken as string;
        expect((await h.call('GET', '/api/v1/session', { headers: { cookie: cookieHeader(b) } })).statusCode).toBe(200);
        const out = await h.call('POST', '/api/v1/auth/logout', { body: {}, headers: { cookie: cookieHeader(b), 'x-csrf-token': csrf } });
        expect(out.statusCode).toBe(204);
        expect((await h.call('GET', '/api/v1/session', { headers: { cookie: cookieHeader(b) } })).statusCode).toBe(401);
        // The other session is independent and still valid.
        expect((await h.call('GET', '/api/v1/session', { headers: { cookie: cookieHeader(a) } })).statusCode).toBe(200);
      });

      it('rejects a wrong password with 401 INVALID_CREDENTIALS and an unknown e-mail the same way', async () => {
        const wrong = await h.call('POST', '/api/v1/auth/login', { body: { email: 'owner@test.example', password: 'nope' } });
        const unknown = await h.call('POST', '/api/v1/auth/login', { body: { email: 'ghost@test.example', password: 'nope' } });
        expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
        expect(wrong.json()).toEqual(unknown.json());
      });

      it('refuses a cookie-authenticated write without the CSRF token (403 CSRF_FAILED)', async () => {
        const login = await h.call('POST', '/api/v1/auth/login', { body: { email: 'owner@test.example', password: 'correct horse battery' } });
        const res = await h.call('POST', '/api/v1/tokens', { body: { name: 'x' }, headers: { cookie: cookieHeader(login) } });
        expect(res.statusCode).toBe(403);
        expect(res.json().code).toBe('CSRF_FAILED');
        const ok = await h.call('POST', '/api/v1/tokens', { body: { name: 'x' }, headers: { cookie: cookieHeader(login), 'x-csrf-token': login.json().csrfToken } });
        expect(ok.statusCode).toBe(201);
      });

      it('ends sessions and tokens of a disabled user at once', async () => {
        const { token, userId } = await h.tokenFor('hiring-manager', 'hank@test.example');
        const login = await h.call('POST', '/api/v1/auth/login', { body: { email: 'hank@test.example', password: 'long enough password' } });
        expect((await h.call('GET', '/api/v1/company', { token })).statusCode).toBe(200);
        const dis = await h.call('PATCH', `/api/v1/users/${userId}`, { token: h.ownerToken, body: { disabled: true }, headers: { 'if-match': '"1"' } });
        expect(dis.statusCode).toBe(200);
        expect((await h.call('GET', '/api/v1/company', { token })).statusCode).toBe(401);
        expect((await h.call('GET', '/api/v1/session', { headers: { cookie: cookieHeader(login) } })).statusCode).toBe(401);
        const again = await h.call('POST', '/api/v1/auth/login', { body: { email: 'hank@test.example', password: 'long enough password' } });
        expect(again.statusCode).toBe(403);
        expect(again.json().code).toBe('USER_DISABLED');
      });
    });

    describe('API tokens', () => {
      it('stores only a hash and stops working once revoked', async () => {
        const created = await h.call('POST', '/api/v1/tokens', { token: h.ownerToken, body: { name: 'script' } });
        const { secret, token } = created.json() as { secret: string; token: { id: string } };
        const rows = await h.store.db.selectFrom('api_tokens').select('token_hash').execute();
        expect(rows.some((r) => r.token_hash === secret)).toBe(false);
        expect((await h.call('GET', '/api/v1/company', { token: secret })).statusCode).toBe(200);
        expect((await h.call('DELETE', `/api/v1/tokens/${token.id}`, { token: h.ownerToken })).statusCode).toBe(204);
        expect((await h.call('GET', '/api/v1/company', { token: secret })).statusCode).toBe(401);
      });
    });

    describe('access policy', () => {
      it('denies an interviewer the user list (403 FORBIDDEN) and allows an admin', async () => {
        const interviewer = await h.tokenFor('interviewer');
        const admin = await h.tokenFor('admin');
        expect((await h.call('GET', '/api/v1/users', { token: interviewer.token })).json().code).toBe('FORBIDDEN');
        expect((await h.call('GET', '/api/v1/users', { token: admin.token })).statusCode).toBe(200);
      });

      it('refuses to disable the last active owner (409 LAST_OWNER)', async () => {
        const users = (await h.call('GET', '/api/v1/users', { token: h.ownerToken })).json().items as Array<{ id: string; role: string }>;
        const owner = users.find((u) => u.role === 'owner')!;
        const res = await h.call('PATCH', `/api/v1/users/${owner.id}`, { token: h.ownerToken, body: { disabled: true }, headers: { 'if-match': '"1"' } });
        expect(res.statusCode).toBe(409);
        expect(res.json()).toMatchObject({ code: 'LAST_OWNER', field: 'disabled' });
      });
    });

    describe('audit log', () => {
      it('records who changed which fields of a user, without values', async () => {
        const { userId } = await h.tokenFor('recruiter');
        await h.call('PATCH', `/api/v1/users/${userId}`, { token: h.ownerToken, body: { role: 'approver' }, headers: { 'if-match': '"1"' } });
        const items = (await h.call('GET', `/api/v1/audit?entity=user&entityId=${userId}`, { token: h.ownerToken })).json().items as Array<{ action: string; fields: string[] }>;
        expect(items.map((i) => i.action)).toEqual(['user.update', 'user.create']);
        expect(items[0]!.fields).toEqual(['role']);
        expect(JSON.stringify(items)).not.toContain('approver');
      });
    });

    describe('input handling', () => {
      const cases: Array<[string, { body?: unknown; headers?: Record<string, string> }, number, string, string | undefined]> = [
        ['a number sent as a string', { body: { email: 'n@x.example', name: 'N', role: 'recruiter', password: 12345678901 } }, 400, 'VALIDATION_FAILED', 'password'],
        ['an unknown field', { body: { email: 'n@x.example', name: 'N', role: 'recruiter', isAdmin: true } }, 400, 'UNKNOWN_FIELD', 'isAdmin'],
        ['a NUL character', { body: { email: 'n@x.example', name: 'N\u0000', role: 'recruiter' } }, 400, 'INVALID_STRING', 'name'],
        ['a lone surrogate', { body: '{"email":"n@x.example","name":"\\ud800","role":"recruiter"}' }, 400, 'INVALID_STRING', 'name'],
        ['malformed JSON', { body: '{"email":' }, 400, 'MALFORMED_JSON', undefined],
        ['an unknown role', { body: { email: 'n@x.example', name: 'N', role: 'god' } }, 400, 'VALIDATION_FAILED', 'role'],
        ['a non-JSON content type', { body: 'x', headers: { 'content-type': 'text/plain' } }, 415, 'UNSUPPORTED_MEDIA_TYPE', undefined],
        ['a body over the size limit', { body: { email: 'n@x.example', name: 'x'.repeat(1_100_000), role: 'recruiter' } }, 413, 'BODY_TOO_LARGE', undefined],
      ];
      for (const [what, req, status, code, field] of cases) {
        it(`rejects ${what} with ${status} ${code}`, async () => {
          const before = (await h.call('GET', '/api/v1/users', { token: h.ownerToken })).json().items.length;
          const res = await h.call('POST', '/api/v1/users', { token: h.ownerToken, ...req });
          expect(res.statusCode).toBe(status);
          expect(res.json().code).toBe(code);
          expect(res.json().field).toBe(field);
          expect((await h.call('GET', '/api/v1/users', { token: h.ownerToken })).json().items.length).toBe(before);
        });
      }

      it('answers an unknown endpoint with 404 ROUTE_NOT_FOUND', async () => {
        const res = await h.call('GET', '/api/v1/nope', { token: h.ownerToken });
        expect(res.statusCode).toBe(404);
        expect(res.json().code).toBe('ROUTE_NOT_FOUND');
      });
    });

    describe('GET /api/v1/openapi.json', () => {
      it('documents the API paths generated from the schemas', async () => {
        const doc = (await h.call('GET', '/api/v1/openapi.json')).json() as { openapi: string; paths: Record<string, unknown> };
        expect(doc.openapi).toMatch(/^3\./);
        expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/users', '/api/v1/auth/login', '/healthz']));
      });
    });
  });

  describe(`login rate limit [${dialect.name}]`, () => {
    it('answers 429 RATE_LIMITED after too many attempts on one account', async () => {
      const store = await dialect.createStore();
      const app = await buildApp({ db: store, config: { secureCookies: false, loginLimit: { perAccount: 3, perIp: 100, windowMinutes: 15 } } });
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'x@y.example', password: 'wrong' } });
        codes.push(r.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
      await app.close();
      await store.close();
    });
  });
}
