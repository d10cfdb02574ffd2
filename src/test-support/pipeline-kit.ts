import type { LightMyRequestResponse } from 'fastify';

/** The part of the test harness (src/test-support/app-harness.ts) these factories use. */
interface Harness {
  ownerToken: string;
  clock: { now(): Date };
  call(method: string, url: string, opts?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
}

let seq = 0;

/** Factories over the HTTP API for pipeline tests: each call creates what it needs, nothing is shared. */
export function pipelineKit(h: Harness, token: string = h.ownerToken) {
  const ok = async (method: string, url: string, body?: unknown, headers?: Record<string, string>) => {
    const res = await h.call(method, url, { token, body, headers });
    if (res.statusCode >= 300) throw new Error(`${method} ${url} -> ${res.statusCode}: ${res.body}`);
    return res.json();
  };
  return {
    ok,
    async role(overrides: Record<string, unknown> = {}): Promise<{ id: string; version: number; title: string }> {
      return ok('POST', '/api/v1/roles', { title: 'Founding ML Engineer', seniority: 'senior', specializations: ['ml-engineering', 'mlops'], ...overrides });
    },
    async candidate(overrides: Record<string, unknown> = {}): Promise<{ id: string; version: number; name: string }> {
      seq += 1;
      return ok('POST', '/api/v1/candidates', { name: `Candidate ${seq}`, email: `c${seq}-${Date.now()}@example.org`, source: 'outbound', allowDuplicate: true, ...overrides });
    },
    async application(overrides: Record<string, unknown> = {}): Promise<{ id: string; version: number; stage: string; candidateId: string; roleId: string }> {
      const roleId = (overrides.roleId as string | undefined) ?? (await this.role()).id;
      const candidateId = (overrides.candidateId as string | undefined) ?? (await this.candidate()).id;
      return ok('POST', '/api/v1/applications', { ...overrides, roleId, candidateId });
    },
    async event(applicationId: string, type: string, occurredAt: string, data?: unknown) {
      return ok('POST', `/api/v1/applications/${applicationId}/events`, data === undefined ? { type, occurredAt } : { type, occurredAt, data });
    },
  };
}

/** An ISO time `hours` before the harness clock's now. */
export function hoursAgo(h: Harness, hours: number): string {
  return new Date(h.clock.now().getTime() - hours * 3_600_000).toISOString();
}
