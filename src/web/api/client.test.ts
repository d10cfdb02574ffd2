import { describe, expect, it } from 'vitest';
import { ApiClient, ApiError, toApiError } from './client.js';

interface Call {
  url: string;
  init: RequestInit;
}

/** A fetch that records calls and answers with the given responses in order. */
function recordingFetch(...responses: (Response | Error)[]) {
  const calls: Call[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = responses.shift();
    if (!next) throw new Error('no response queued');
    if (next instanceof Error) throw next;
    return next;
  }) as unknown as typeof fetch;
  return { calls, fetchImpl };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });

const headersOf = (call: Call) => call.init.headers as Record<string, string>;

describe('ApiClient', () => {
  it('GETs JSON under the base URL without a CSRF header or a body', async () => {
    const { calls, fetchImpl } = recordingFetch(json(200, { setUp: false }));
    const client = new ApiClient({ fetch: fetchImpl });
    client.setCsrfToken('csrf-1');
    await expect(client.get('/setup/status')).resolves.toEqual({ setUp: false });
    expect(calls[0].url).toBe('/api/v1/setup/status');
    expect(calls[0].init.method).toBe('GET');
    expect(calls[0].init.body).toBeUndefined();
    expect(headersOf(calls[0])['X-CSRF-Token']).toBeUndefined();
    expect(headersOf(calls[0])['Content-Type']).toBeUndefined();
  });

  it('sends the CSRF token and a JSON body on writes', async () => {
    const { calls, fetchImpl } = recordingFetch(json(201, { ok: 1 }), json(200, {}));
    const client = new ApiClient({ fetch: fetchImpl });
    client.setCsrfToken('csrf-2');
    await client.post('/users', { email: 'a@b.c' });
    await client.patch('/users/u1', { role: 'admin' });
    expect(headersOf(calls[0])['X-CSRF-Token']).toBe('csrf-2');
    expect(headersOf(calls[0])['Content-Type']).toBe('application/json');
    expect(calls[0].init.body).toBe('{"email":"a@b.c"}');
    expect(calls[1].init.method).toBe('PATCH');
    expect(headersOf(calls[1])['X-CSRF-Token']).toBe('csrf-2');
  });

  it('sends DELETE with the CSRF token but no body and no Content-Type', async () => {
    const { calls, fetchImpl } = recordingFetch(new Response(null, { status: 204 }));
    const client = new ApiClient({ fetch: fetchImpl });
    client.setCsrfToken('csrf-3');
    await expect(client.delete('/tokens/t1')).resolves.toBeUndefined();
    expect(calls[0].init.body).toBeUndefined();
    expect(headersOf(calls[0])['Content-Type']).toBeUndefined();
    expect(headersOf(calls[0])['X-CSRF-Token']).toBe('csrf-3');
  });

  it('adds query parameters, skipping empty ones', async () => {
    const { calls, fetchImpl } = recordingFetch(json(200, { items: [] }));
    await new ApiClient({ fetch: fetchImpl }).get('/audit', { query: { limit: 50, before: undefined } });
    expect(calls[0].url).toBe('/api/v1/audit?limit=50');
  });

  it('turns an error body into an ApiError with code, message, field and status', async () => {
    const { fetchImpl } = recordingFetch(json(409, { code: 'EMAIL_TAKEN', message: 'A user with this e-mail already exists.', field: 'email' }));
    const error = await new ApiClient({ fetch: fetchImpl }).post('/users', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 'EMAIL_TAKEN', field: 'email', message: 'A user with this e-mail already exists.' });
  });

  it('reports a lost session once through onUnauthenticated', async () => {
    const seen: string[] = [];
    const { fetchImpl } = recordingFetch(json(401, { code: 'UNAUTHENTICATED', message: 'Sign in first.' }), json(401, { code: 'INVALID_CREDENTIALS', message: 'E-mail or password is wrong.' }));
    const client = new ApiClient({ fetch: fetchImpl, onUnauthenticated: (e) => seen.push(e.code) });
    await expect(client.get('/users')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(client.post('/auth/login', {})).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(seen).toEqual(['UNAUTHENTICATED']);
  });

  it('explains a network failure as NETWORK_FAILED with status 0', async () => {
    const { fetchImpl } = recordingFetch(new TypeError('Failed to fetch'));
    await expect(new ApiClient({ fetch: fetchImpl }).get('/session')).rejects.toMatchObject({ status: 0, code: 'NETWORK_FAILED' });
  });

  it('lets an abort through unchanged', async () => {
    const abort = new DOMException('aborted', 'AbortError');
    const { fetchImpl } = recordingFetch(abort);
    await expect(new ApiClient({ fetch: fetchImpl }).get('/session')).rejects.toBe(abort);
  });

  it('treats a non-JSON answer as UNEXPECTED_RESPONSE', async () => {
    const { fetchImpl } = recordingFetch(
      new Response('<html>Teapot</html>', { status: 418, headers: { 'content-type': 'text/html' } }),
      new Response('<html></html>', { status: 200, headers: { 'content-type': 'text/html' } }),
    );
    const client = new ApiClient({ fetch: fetchImpl });
    await expect(client.get('/session')).rejects.toMatchObject({ status: 418, code: 'UNEXPECTED_RESPONSE' });
    await expect(client.get('/session')).rejects.toMatchObject({ status: 200, code: 'UNEXPECTED_RESPONSE' });
  });

  it('reports a proxy error page (server down behind Vite or a reverse proxy) as NETWORK_FAILED', async () => {
    const { fetchImpl } = recordingFetch(new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }));
    const error = await new ApiClient({ fetch: fetchImpl }).get('/session').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: 'NETWORK_FAILED' });
    expect((error as Error).message).toContain('not answering');
  });
});

describe('toApiError', () => {
  it('ignores an empty field', () => {
    expect(toApiError(400, { code: 'VALIDATION_FAILED', message: 'Bad.', field: '' }).field).toBeUndefined();
  });

  it('falls back when the body has no code', () => {
    expect(toApiError(500, { error: 'boom' })).toMatchObject({ code: 'UNEXPECTED_RESPONSE', status: 500 });
  });
});
