import type { APIRequestContext, BrowserContext } from 'playwright-core';

export interface Credentials {
  email: string;
  password: string;
}

export interface WorkspaceOwner extends Credentials {
  name: string;
  companyName: string;
}

let counter = 0;
const unique = () => `${process.pid}-${Date.now().toString(36)}-${(counter += 1)}`;

/** Sets up a workspace through the API (no browser, no cookie kept) and returns its owner's credentials. */
export async function setUpWorkspace(baseUrl: string, overrides: Partial<WorkspaceOwner> = {}): Promise<WorkspaceOwner> {
  const owner: WorkspaceOwner = {
    name: 'Olivia Owner',
    email: `owner-${unique()}@example.com`,
    password: 'correct horse battery staple',
    companyName: 'Acme Vision',
    ...overrides,
  };
  const response = await fetch(`${baseUrl}/api/v1/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      company: { name: owner.companyName, stage: 'seed', raisedUsd: 4_000_000, headcount: 12, aiTeamSize: 3 },
      owner: { name: owner.name, email: owner.email, password: owner.password },
    }),
  });
  if (response.status !== 201) throw new Error(`setup failed: ${response.status} ${await response.text()}`);
  return owner;
}

/** Signs a browser context in through the API: the session cookie lands in the context. Returns the CSRF token. */
export async function signInThroughApi(context: BrowserContext, credentials: Credentials): Promise<string> {
  const response = await context.request.post('/api/v1/auth/login', { data: { email: credentials.email, password: credentials.password } });
  if (response.status() !== 200) throw new Error(`login failed: ${response.status()} ${await response.text()}`);
  const body = (await response.json()) as { csrfToken: string };
  return body.csrfToken;
}

/** Creates a user through the API as the signed-in context. */
export async function createUserThroughApi(
  request: APIRequestContext,
  csrfToken: string,
  user: { name: string; email?: string; role: string; password?: string },
): Promise<{ id: string; email: string; password: string }> {
  const email = user.email ?? `user-${unique()}@example.com`;
  const password = user.password ?? 'a long enough password';
  const response = await request.post('/api/v1/users', {
    data: { name: user.name, email, role: user.role, password },
    headers: { 'X-CSRF-Token': csrfToken },
  });
  if (response.status() !== 201) throw new Error(`user create failed: ${response.status()} ${await response.text()}`);
  const body = (await response.json()) as { user: { id: string } };
  return { id: body.user.id, email, password };
}
