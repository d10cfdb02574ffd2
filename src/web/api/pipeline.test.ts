import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCandidate, DuplicateCandidateError } from './pipeline.js';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('createCandidate', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads the duplicate matches of a 409 from details, where the API contract puts them', async () => {
    const match = { candidate: { id: 'c1', name: 'Marco Rossi' }, reasons: ['email'] };
    vi.stubGlobal('fetch', async () => json(409, { code: 'CONFLICT', message: 'This person may already be in Closer.', field: 'email', details: { matches: [match] } }));
    const error = await createCandidate({ name: 'M. Rossi', email: 'marco@rossi.example', source: 'referral' } as never, 'key-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuplicateCandidateError);
    expect((error as DuplicateCandidateError).matches).toEqual([match]);
  });

  it('a 409 without matches is an ordinary API error', async () => {
    vi.stubGlobal('fetch', async () => json(409, { code: 'CONFLICT', message: 'The record changed.' }));
    const error = await createCandidate({ name: 'X', email: 'x@example.org', source: 'referral' } as never, 'key-2').catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(DuplicateCandidateError);
    expect((error as { code?: string }).code).toBe('CONFLICT');
  });
});
