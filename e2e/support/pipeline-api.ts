import type { APIRequestContext } from 'playwright-core';

/** Pipeline records created through the API as a signed-in browser context (roles, candidates, applications, events). */
export function pipelineApi(request: APIRequestContext, csrfToken: string) {
  const headers = { 'X-CSRF-Token': csrfToken };
  const send = async <T>(method: 'post' | 'patch', url: string, data: unknown, extra: Record<string, string> = {}, expected = method === 'post' ? 201 : 200): Promise<T> => {
    const response = await request[method](url, { data, headers: { ...headers, ...extra } });
    if (response.status() !== expected) throw new Error(`${method.toUpperCase()} ${url}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    role: (title: string) => send<{ id: string; processPlan: { stages: Array<{ id: string; name: string }> } }>('post', '/api/v1/roles', { title, seniority: 'senior' }),
    candidate: (name: string, email: string, source = 'outbound') => send<{ id: string }>('post', '/api/v1/candidates', { name, email, source }),
    application: (candidateId: string, roleId: string) => send<{ id: string; version: number }>('post', '/api/v1/applications', { candidateId, roleId }),
    event: (applicationId: string, body: unknown) => send<unknown>('post', `/api/v1/applications/${applicationId}/events`, body),
    patchApplication: (applicationId: string, version: number, body: unknown) =>
      send<{ version: number; stage: string }>('patch', `/api/v1/applications/${applicationId}`, body, { 'If-Match': `"${version}"` }),
    async get<T>(url: string): Promise<T> {
      const response = await request.get(url);
      if (response.status() !== 200) throw new Error(`GET ${url}: ${response.status()} ${await response.text()}`);
      return (await response.json()) as T;
    },
  };
}
