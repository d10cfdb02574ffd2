// Factories for the interview, offer and notification API tests: each creates what it needs through the API.
import type { OfferTermsInput } from '../domain/offers/index.js';

interface Response {
  statusCode: number;
  body: string;
  json(): any;
}

/** The part of the test harness the factories use (structural: a harness or anything shaped like one). */
export interface Caller {
  ownerToken: string;
  call(method: string, url: string, opts?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
}

let n = 0;

async function ok(res: Promise<Response>, status: number, what: string): Promise<any> {
  const r = await res;
  if (r.statusCode !== status) throw new Error(`${what}: expected ${status}, got ${r.statusCode}: ${r.body}`);
  return r.json();
}

export const DEFAULT_BAND = { baseMin: 180_000, baseMax: 220_000, equityPctMin: 0.5, equityPctMax: 1, currency: 'USD' };

export async function makeRole(h: Caller, over: Record<string, unknown> = {}): Promise<any> {
  n += 1;
  return ok(h.call('POST', '/api/v1/roles', { token: h.ownerToken, body: { title: `ML Engineer ${n}`, seniority: 'senior', specializations: ['mlops'], ...over } }), 201, 'role');
}

export async function makeCandidate(h: Caller, over: Record<string, unknown> = {}): Promise<any> {
  n += 1;
  return ok(
    h.call('POST', '/api/v1/candidates', {
      token: h.ownerToken,
      body: { name: `Candidate ${n}`, email: `cand-${n}-${Date.now()}@test.example`, source: 'outbound', currentEmployer: 'DeepMind', links: ['https://github.com/someone'], allowDuplicate: true, ...over },
    }),
    201,
    'candidate',
  );
}

export async function makeApplication(h: Caller, roleId: string, candidateId: string): Promise<any> {
  return ok(h.call('POST', '/api/v1/applications', { token: h.ownerToken, body: { roleId, candidateId } }), 201, 'application');
}

/** A role (with a board-approved band unless `band: null`), a candidate and their application. */
export async function makePipeline(h: Caller, opts: { role?: Record<string, unknown>; candidate?: Record<string, unknown> } = {}): Promise<{ role: any; candidate: any; application: any }> {
  const role = await makeRole(h, { band: DEFAULT_BAND, ...opts.role });
  const candidate = await makeCandidate(h, opts.candidate);
  const application = await makeApplication(h, role.id, candidate.id);
  return { role, candidate, application };
}

/** Terms inside DEFAULT_BAND (200,000 USD, 0.75% of fully diluted). */
export function terms(over: Partial<OfferTermsInput> = {}): OfferTermsInput {
  return {
    currency: 'USD',
    base: 200_000,
    equity: { kind: 'ISO', shares: 75_000, fullyDilutedShares: 10_000_000, strike: 0.5, vesting: { preset: 'standard-4y-1y-cliff-monthly' } },
    lastPostMoney: 20_000_000,
    startDate: '2027-01-04',
    ...over,
  };
}

export async function makeInterview(h: Caller, applicationId: string, body: Record<string, unknown>, token = h.ownerToken): Promise<any> {
  return ok(h.call('POST', `/api/v1/applications/${applicationId}/interviews`, { token, body }), 201, 'interview');
}

export async function makeOffer(h: Caller, applicationId: string, t: OfferTermsInput = terms(), token = h.ownerToken): Promise<any> {
  return ok(h.call('POST', `/api/v1/applications/${applicationId}/offers`, { token, body: t }), 201, 'offer');
}

export async function expectOk(res: Promise<Response>, status: number, what: string): Promise<any> {
  return ok(res, status, what);
}
