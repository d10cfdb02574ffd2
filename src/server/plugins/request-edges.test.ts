import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { ERROR_CATALOGUE } from '../../domain/shared/error-codes.js';
import { dialectsUnderTest } from '../../test-support/dialects.js';
import { createHarness, type Harness } from '../../test-support/app-harness.js';

/**
 * Defects of issue 15 found from outside, one test each: Idempotency-Key replays and coverage, errors raised by the
 * HTTP layer itself, the duplicate-candidate 409, and control characters in query parameters.
 */

/** Every error body is `{ code, message, field? }` (plus `details` where a route declares it), with a catalogued code. */
function expectErrorShape(res: { statusCode: number; body: string }, status: number, code?: string): Record<string, unknown> {
  expect(res.statusCode, res.body).toBe(status);
  const body = JSON.parse(res.body) as Record<string, unknown>;
  expect(Object.keys(body).filter((k) => !['code', 'message', 'field', 'details'].includes(k)), res.body).toEqual([]);
  expect(Object.keys(ERROR_CATALOGUE)).toContain(body.code);
  expect(typeof body.message).toBe('string');
  if (code) expect(body.code).toBe(code);
  return body;
}

/** Sends raw bytes to a listening server and returns the status and body of its answer. */
function rawRequest(port: number, request: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString('utf8')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const [head = '', body = ''] = data.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
      if (!status) reject(new Error(`no HTTP answer: ${JSON.stringify(data.slice(0, 200))}`));
      else resolve({ status, body });
    });
    socket.write(request);
  });
}

for (const dialect of dialectsUnderTest()) {
  describe(`request edges [${dialect.name}]`, () => {
    let h: Harness;
    const auth = () => ({ authorization: `Bearer ${h.ownerToken}` });
    const auditCount = async () => Number((await h.store.db.selectFrom('audit_log').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const tokenCount = async () => ((await h.call('GET', '/api/v1/tokens', { token: h.ownerToken })).json() as { items: unknown[] }).items.length;

    beforeAll(async () => {
      h = await createHarness(await dialect.createStore());
    });
    afterAll(async () => h.close());

    describe('Idempotency-Key', () => {
      it('a retry gets the stored reply once and never runs the write again (no "Reply was already sent", no CONFLICT logged)', async () => {
        const lines: string[] = [];
        const logged = await buildApp({ db: h.store, clock: h.clock.now, config: { secureCookies: false }, logger: { level: 'warn', stream: { write: (line: string) => lines.push(line) } } });
        try {
          const before = await auditCount();
          const post = () =>
            logged.inject({ method: 'POST', url: '/api/v1/roles', headers: { ...auth(), 'content-type': 'application/json', 'idempotency-key': 'role-retry-once' }, payload: { title: 'Retry Engineer', seniority: 'senior', specializations: ['mlops'] } });
          const first = await post();
          const retry = await post();
          expect([first.statusCode, retry.statusCode]).toEqual([201, 201]);
          expect(retry.json().id).toBe(first.json().id);
          expect(retry.headers['idempotent-replayed']).toBe('true');
          expect(retry.headers.etag).toBe(first.headers.etag);
          expect(await auditCount()).toBe(before + 1);
          expect(lines.join('\n')).not.toMatch(/already sent|CONFLICT/);
        } finally {
          await logged.close();
        }
      });

      it('POST /tokens honours the key: one token, and a retry is told it was done without the secret being stored', async () => {
        const before = await tokenCount();
        const headers = { 'idempotency-key': 'token-once' };
        const first = await h.call('POST', '/api/v1/tokens', { token: h.ownerToken, body: { name: 'ci' }, headers });
        expect(first.statusCode).toBe(201);
        const retries = await Promise.all([1, 2, 3].map(() => h.call('POST', '/api/v1/tokens', { token: h.ownerToken, body: { name: 'ci' }, headers })));
        for (const r of retries) expect(expectErrorShape(r, 409, 'CONFLICT').field).toBe('Idempotency-Key');
        expect(await tokenCount()).toBe(before + 1);
        const stored = await h.store.db.selectFrom('idempotency_keys').select('response').where('key', '=', 'token-once').executeTakeFirstOrThrow();
        expect(stored.response).not.toContain((first.json() as { secret: string }).secret);
      });

      it('concurrent first tries with one key on a route without runWrite create one record', async () => {
        const before = await tokenCount();
        const results = await Promise.all(Array.from({ length: 4 }, () => h.call('POST', '/api/v1/tokens', { token: h.ownerToken, body: { name: 'storm' }, headers: { 'idempotency-key': 'token-storm' } })));
        expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409]);
        expect(await tokenCount()).toBe(before + 1);
      });

      it('PUT /approvals/settings replays a retry (with the If-Match it was sent with) instead of running it again', async () => {
        const read = await h.call('GET', '/api/v1/approvals/settings', { token: h.ownerToken });
        const { approverIds, mode } = read.json() as { approverIds: string[]; mode: string };
        const headers = { 'idempotency-key': 'approvals-once', 'if-match': String(read.headers.etag) };
        const before = await auditCount();
        const first = await h.call('PUT', '/api/v1/approvals/settings', { token: h.ownerToken, body: { approverIds, mode: mode === 'sequential' ? 'parallel' : 'sequential' }, headers });
        const retry = await h.call('PUT', '/api/v1/approvals/settings', { token: h.ownerToken, body: { approverIds, mode: mode === 'sequential' ? 'parallel' : 'sequential' }, headers });
        expect([first.statusCode, retry.statusCode]).toEqual([200, 200]);
        expect(retry.headers['idempotent-replayed']).toBe('true');
        expect(retry.json()).toEqual(first.json());
        expect(await auditCount()).toBe(before + 1);
      });

      it('an invalid key is a 400 on a route that used to ignore it, and nothing is written', async () => {
        const before = await tokenCount();
        for (const key of ['has spaces', 'x'.repeat(256), 'ünïcode']) {
          const res = await h.call('POST', '/api/v1/tokens', { token: h.ownerToken, body: { name: 'bad key' }, headers: { 'idempotency-key': key } });
          expect(expectErrorShape(res, 400, 'VALIDATION_FAILED').field).toBe('Idempotency-Key');
        }
        expect(await tokenCount()).toBe(before);
      });
    });

    describe('errors raised by the HTTP layer use { code, message, field }', () => {
      it('bad URL encoding is 400 URL_INVALID and an over-long path parameter 414 URL_TOO_LONG', async () => {
        expectErrorShape(await h.call('GET', '/api/v1/roles/%E0%A4%A', { token: h.ownerToken }), 400, 'URL_INVALID');
        expectErrorShape(await h.call('GET', `/api/v1/roles/${'a'.repeat(500)}`, { token: h.ownerToken }), 414, 'URL_TOO_LONG');
      });

      it('bad JSON, wrong content types and an over-large body', async () => {
        const post = (payload: string, contentType?: string): Promise<LightMyRequestResponse> =>
          h.app.inject({ method: 'POST', url: '/api/v1/roles', headers: { ...auth(), ...(contentType ? { 'content-type': contentType } : {}) }, payload });
        expectErrorShape(await post('{"title":', 'application/json'), 400, 'MALFORMED_JSON');
        expectErrorShape(await post('[1,2', 'application/json; charset=utf-8'), 400, 'MALFORMED_JSON');
        expectErrorShape(await post('title=x', 'application/x-www-form-urlencoded'), 415, 'UNSUPPORTED_MEDIA_TYPE');
        expectErrorShape(await post('{}', 'text/plain'), 415, 'UNSUPPORTED_MEDIA_TYPE');
        expectErrorShape(await post('{}', 'application/json; charset=latin1'), 415);
        expectErrorShape(await post(JSON.stringify({ title: 'x'.repeat(2_000_000) }), 'application/json'), 413, 'BODY_TOO_LARGE');
        expectErrorShape(await post('null', 'application/json'), 400);
        expectErrorShape(await post('"a string"', 'application/json'), 400);
      });

      it('an over-large header (431) and a malformed request (400) from Node\'s parser, on a real socket', async () => {
        const server = await buildApp({ db: h.store, clock: h.clock.now, config: { secureCookies: false } });
        await server.listen({ host: '127.0.0.1', port: 0 });
        try {
          const { port } = server.server.address() as AddressInfo;
          const huge = await rawRequest(port, `GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
          expectErrorShape({ statusCode: huge.status, body: huge.body }, 431, 'HEADERS_TOO_LARGE');
          const garbage = await rawRequest(port, 'NOT HTTP AT ALL\r\n\r\n');
          expectErrorShape({ statusCode: garbage.status, body: garbage.body }, 400, 'MALFORMED_REQUEST');
        } finally {
          await server.close();
        }
      });

      it('the duplicate-candidate 409 keeps its matches under details, not beside code and message', async () => {
        const person = { name: 'Dana Duplicate', email: 'dana.dup@example.org', source: 'inbound' };
        expect((await h.call('POST', '/api/v1/candidates', { token: h.ownerToken, body: person })).statusCode).toBe(201);
        const res = await h.call('POST', '/api/v1/candidates', { token: h.ownerToken, body: person });
        const body = expectErrorShape(res, 409, 'CONFLICT') as { details: { matches: Array<{ reasons: string[] }> } };
        expect(body.details.matches.map((m) => m.reasons)).toEqual([['email']]);
      });
    });

    describe('control characters in query and path parameters', () => {
      it('are refused with 400 INVALID_STRING on every route, including the three that answered 200', async () => {
        const cases: Array<[string, string]> = [
          ['/api/v1/audit?entity=%00', 'querystring.entity'],
          ['/api/v1/interviews?applicationId=%00', 'querystring.applicationId'],
          ['/api/v1/offers?applicationId=a%00b', 'querystring.applicationId'],
          ['/api/v1/candidates?q=a%0Ab', 'querystring.q'],
          ['/api/v1/roles?x%00=1', 'querystring.x?'],
          ['/api/v1/roles/a%01b', 'params.id'],
        ];
        for (const [url, field] of cases) {
          expect(expectErrorShape(await h.call('GET', url, { token: h.ownerToken }), 400, 'INVALID_STRING').field, url).toBe(field);
        }
        const before = await auditCount();
        expectErrorShape(await h.call('POST', '/api/v1/roles?note=%00', { token: h.ownerToken, body: { title: 'Never', seniority: 'senior', specializations: ['mlops'] } }), 400, 'INVALID_STRING');
        expect(await auditCount()).toBe(before);
      });
    });
  });
}
