// Single sign-on (OpenID Connect, issue 15) against a minimal provider started here: a discovery document, a JWKS with
// a key generated for the test, and a token endpoint that checks the PKCE verifier and the client secret and signs an
// id_token. The test plays the browser: it starts a sign-in, "authorizes" at the provider, and follows the callback.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test-support/dialects.js';
import { createHarness, type Harness } from '../../../test-support/app-harness.js';

interface Grant {
  claims: Record<string, unknown>;
  nonce: string;
  challenge: string;
  redirectUri: string;
}

const CLIENT_ID = 'closer-test';
const CLIENT_SECRET = 'provider-issued-secret-for-tests';

async function startProvider(): Promise<{ issuer: string; grant(g: Grant): string; close(): Promise<void> }> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, Grant>();
  let issuer = '';
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      const path = new URL(req.url ?? '/', issuer).pathname;
      if (path === '/.well-known/openid-configuration') {
        return json(200, {
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
          token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
        });
      }
      if (path === '/jwks') return json(200, { keys: [jwk] });
      if (path === '/token' && req.method === 'POST') {
        const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
        const basic = /^Basic (.+)$/.exec(String(req.headers.authorization ?? ''));
        const [id, secret] = basic ? Buffer.from(basic[1]!, 'base64').toString().split(':').map(decodeURIComponent) : [form.get('client_id'), form.get('client_secret')];
        if (id !== CLIENT_ID || secret !== CLIENT_SECRET) return json(401, { error: 'invalid_client' });
        const g = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const challenge = createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url');
        if (!g || g.challenge !== challenge || g.redirectUri !== form.get('redirect_uri')) return json(400, { error: 'invalid_grant' });
        const idToken = await new SignJWT({ ...g.claims, nonce: g.nonce })
          .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
          .setIssuer(issuer)
          .setAudience(CLIENT_ID)
          .setSubject(String(g.claims.email ?? 'someone'))
          .setIssuedAt()
          .setExpirationTime('5m')
          .sign(privateKey);
        return json(200, { access_token: randomBytes(16).toString('hex'), token_type: 'Bearer', expires_in: 300, id_token: idToken });
      }
      json(404, { error: 'not_found' });
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    grant(g) {
      const code = randomBytes(12).toString('hex');
      codes.set(code, g);
      return code;
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

for (const dialect of dialectsUnderTest()) {
  describe(`single sign-on through an OpenID Connect provider [${dialect.name}]`, () => {
    let h: Harness;
    let provider: Awaited<ReturnType<typeof startProvider>>;
    const member = `sso-member-${dialect.name}@corp.example`;

    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
      provider = await startProvider();
      await h.tokenFor('recruiter', member);
    });
    afterAll(async () => {
      await h.close();
      await provider.close();
    });

    const counts = async () => {
      const n = async (table: 'users' | 'sessions' | 'audit_log') => Number((await h.store.db.selectFrom(table).select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      return { users: await n('users'), sessions: await n('sessions'), audit: await n('audit_log') };
    };
    /** The newest audit entry (each step of this file runs a second later on the test clock). */
    const lastAudit = async () => h.store.db.selectFrom('audit_log').select(['action', 'fields', 'actor_id']).orderBy('at', 'desc').limit(1).executeTakeFirstOrThrow();
    beforeEach(() => h.clock.advanceHours(1 / 3600));

    /** Starts a sign-in as a browser would; returns the provider's parameters and the state cookie. */
    async function start() {
      const res = await h.call('POST', '/api/v1/auth/sso/start');
      expect(res.statusCode).toBe(200);
      const url = new URL((res.json() as { url: string }).url);
      expect(url.origin + url.pathname).toBe(`${provider.issuer}/authorize`);
      const p = url.searchParams;
      expect(p.get('code_challenge_method')).toBe('S256');
      const cookie = res.cookies.find((c) => c.name === 'closer_sso_state')!;
      expect(cookie.httpOnly).toBe(true);
      return { state: p.get('state')!, nonce: p.get('nonce')!, challenge: p.get('code_challenge')!, redirectUri: p.get('redirect_uri')!, cookie: cookie.value };
    }

    /** Follows the provider's redirect back to Closer with `code` for `claims`. */
    async function signIn(claims: Record<string, unknown>, tweak: { nonce?: string; state?: string; cookie?: string } = {}) {
      const s = await start();
      const code = provider.grant({ claims, nonce: tweak.nonce ?? s.nonce, challenge: s.challenge, redirectUri: s.redirectUri });
      const res = await h.call('GET', `/api/v1/auth/sso/callback?code=${code}&state=${encodeURIComponent(tweak.state ?? s.state)}`, { headers: { cookie: `closer_sso_state=${tweak.cookie ?? s.cookie}` } });
      return { res, started: s, code };
    }

    it('refuses to start and shows no button until an owner sets it up; admins may not set it up', async () => {
      expect((await h.call('GET', '/api/v1/auth/sso')).json()).toEqual({ enabled: false, providerName: null });
      expect((await h.call('POST', '/api/v1/auth/sso/start')).json()).toMatchObject({ code: 'SSO_NOT_CONFIGURED' });
      const admin = await h.tokenFor('admin');
      expect((await h.call('GET', '/api/v1/security/sso', { token: admin.token })).statusCode).toBe(403);
      expect((await h.call('PUT', '/api/v1/security/sso', { token: admin.token, headers: { 'if-match': '"0"' }, body: { providerName: 'Corp', issuer: provider.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, allowedDomain: null, createUsers: false } })).statusCode).toBe(403);
    });

    it('an owner sets the provider up; the secret is never sent back', async () => {
      const read = await h.call('GET', '/api/v1/security/sso', { token: h.ownerToken });
      expect(read.json()).toMatchObject({ configured: false, version: 0, redirectUri: 'http://localhost/api/v1/auth/sso/callback' });
      const noSecret = await h.call('PUT', '/api/v1/security/sso', { token: h.ownerToken, headers: { 'if-match': '"0"' }, body: { providerName: 'Corp ID', issuer: provider.issuer, clientId: CLIENT_ID, allowedDomain: 'corp.example', createUsers: false } });
      expect(noSecret.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'clientSecret' });
      const plainHttp = await h.call('PUT', '/api/v1/security/sso', { token: h.ownerToken, headers: { 'if-match': '"0"' }, body: { providerName: 'Corp ID', issuer: 'http://idp.corp.example', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, allowedDomain: null, createUsers: false } });
      expect(plainHttp.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'issuer' });
      const saved = await h.call('PUT', '/api/v1/security/sso', { token: h.ownerToken, headers: { 'if-match': '"0"' }, body: { providerName: 'Corp ID', issuer: provider.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, allowedDomain: 'corp.example', createUsers: false } });
      expect(saved.statusCode).toBe(200);
      expect(saved.headers.etag).toBe('"1"');
      expect(saved.body).not.toContain(CLIENT_SECRET);
      expect(saved.json()).toMatchObject({ configured: true, clientSecretSet: true, providerName: 'Corp ID', allowedDomain: 'corp.example' });
      expect((await lastAudit()).action).toBe('company.sso-update');
      const stale = await h.call('PUT', '/api/v1/security/sso', { token: h.ownerToken, headers: { 'if-match': '"0"' }, body: { providerName: 'X', issuer: provider.issuer, clientId: CLIENT_ID, allowedDomain: null, createUsers: false } });
      expect(stale.statusCode).toBe(412);
      expect((await h.call('GET', '/api/v1/auth/sso')).json()).toEqual({ enabled: true, providerName: 'Corp ID' });
    });

    it('signs in an existing user whose verified e-mail the provider vouches for', async () => {
      const before = await counts();
      const { res, started } = await signIn({ email: member.toUpperCase(), email_verified: true, name: 'Member' });
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('/');
      const session = res.cookies.find((c) => c.name === 'closer_session')!;
      const me = await h.call('GET', '/api/v1/session', { headers: { cookie: `closer_session=${session.value}` } });
      expect((me.json() as { user: { email: string } }).user.email).toBe(member);
      expect((await lastAudit()).action).toBe('user.sso-sign-in');
      expect(await counts()).toEqual({ ...before, sessions: before.sessions + 1, audit: before.audit + 1 });
      // The state was used once: the same callback again is refused.
      const again = await h.call('GET', `/api/v1/auth/sso/callback?code=x&state=${started.state}`, { headers: { cookie: `closer_sso_state=${started.state}` } });
      expect(again.headers.location).toBe('/login?sso=state');
    });

    const refusals: Array<[string, Record<string, unknown>, { nonce?: string; state?: string; cookie?: string }, string]> = [
      ['a state this browser did not start', { email: member, email_verified: true }, { state: 'forged-state', cookie: 'forged-state' }, 'state'],
      ["another browser's state (no matching cookie)", { email: member, email_verified: true }, { cookie: 'someone-elses' }, 'state'],
      ['an id_token with another nonce', { email: member, email_verified: true }, { nonce: 'replayed-nonce' }, 'nonce'],
      ['an unverified e-mail', { email: member, email_verified: false }, {}, 'email_verified'],
      ['an e-mail outside the allowed domain', { email: 'someone@elsewhere.example', email_verified: true }, {}, 'email_domain'],
      ['an unknown user (no account is made unless the owner allows it)', { email: `nobody-${dialect.name}@corp.example`, email_verified: true }, {}, 'unknown_user'],
    ];
    for (const [what, claims, tweak, reason] of refusals) {
      it(`refuses ${what}: back to sign-in, no session, no user, one audit entry`, async () => {
        const before = await counts();
        const { res } = await signIn(claims, tweak);
        expect(res.statusCode).toBe(302);
        expect(res.headers.location).toBe(`/login?sso=${reason}`);
        expect(res.cookies.find((c) => c.name === 'closer_session')).toBeUndefined();
        expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
        const entry = await lastAudit();
        expect(entry.action).toBe('auth.sso-refused');
        expect(JSON.parse(entry.fields)).toEqual([reason]);
      });
    }

    it('creates a new user as an interviewer only once the owner allows it', async () => {
      const etag = String((await h.call('GET', '/api/v1/security/sso', { token: h.ownerToken })).headers.etag);
      const on = await h.call('PUT', '/api/v1/security/sso', { token: h.ownerToken, headers: { 'if-match': etag }, body: { providerName: 'Corp ID', issuer: provider.issuer, clientId: CLIENT_ID, allowedDomain: 'corp.example', createUsers: true } });
      expect(on.statusCode).toBe(200);
      const email = `newcomer-${dialect.name}@corp.example`;
      const { res } = await signIn({ email, email_verified: true, name: 'New Comer' });
      expect(res.headers.location).toBe('/');
      const users = (await h.call('GET', '/api/v1/users', { token: h.ownerToken })).json() as { items: Array<{ email: string; role: string; name: string }> };
      expect(users.items.find((u) => u.email === email)).toMatchObject({ role: 'interviewer', name: 'New Comer' });
      // Turning it off removes the button and the settings.
      const off = await h.call('DELETE', '/api/v1/security/sso', { token: h.ownerToken, headers: { 'if-match': String(on.headers.etag) } });
      expect(off.statusCode).toBe(204);
      expect((await h.call('GET', '/api/v1/auth/sso')).json()).toEqual({ enabled: false, providerName: null });
    });
  });
}
