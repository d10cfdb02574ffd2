import { api } from './client.js';
import type {
  ApiToken,
  ApiTokenCreated,
  AuditEntry,
  Company,
  CompanyPatchBody,
  DemoSession,
  ListOf,
  Person,
  Session,
  SetupBody,
  User,
  UserCreateBody,
  UserCreated,
  UserPatchBody,
} from './types.js';

// One typed function per Foundation endpoint (docs/api-foundation.md). Later areas add their own files beside this one.

export function getSetupStatus(signal?: AbortSignal): Promise<{ setUp: boolean }> {
  return api.get('/setup/status', { signal });
}

export function setUpCompany(body: SetupBody): Promise<Session> {
  return api.post('/setup', body);
}

export function openDemoWorkspace(): Promise<DemoSession> {
  return api.post('/setup/demo', {});
}

/** `code`: the authenticator app's code or a recovery code, when the server asked for one (401 MFA_CODE_REQUIRED). */
export function logIn(email: string, password: string, code?: string): Promise<Session> {
  return api.post('/auth/login', code ? { email, password, code } : { email, password });
}

export function logOut(): Promise<void> {
  return api.post('/auth/logout', {});
}

export function getSession(signal?: AbortSignal): Promise<Session> {
  return api.get('/session', { signal });
}

export function getCompany(signal?: AbortSignal): Promise<Company> {
  return api.get('/company', { signal });
}

/** Changes the profile if nobody changed it since `version` was read (otherwise 412). */
export function updateCompany(version: number, body: CompanyPatchBody): Promise<Company> {
  return api.patch('/company', body, { headers: { 'If-Match': `"${version}"` } });
}

export function listUsers(signal?: AbortSignal): Promise<ListOf<User>> {
  return api.get('/users', { signal });
}

/** Everyone in the workspace by name and user role, for any signed-in person (no e-mails). */
export function listPeople(signal?: AbortSignal): Promise<ListOf<Person>> {
  return api.get('/people', { signal });
}

export function inviteUser(body: UserCreateBody): Promise<UserCreated> {
  return api.post('/users', body);
}

/** Sends the version the page read as If-Match (412 when someone changed the user meanwhile). */
export function updateUser(id: string, version: number, body: UserPatchBody): Promise<{ user: User }> {
  return api.patch(`/users/${encodeURIComponent(id)}`, body, { headers: { 'If-Match': `"${version}"` } });
}

export function listTokens(signal?: AbortSignal): Promise<ListOf<ApiToken>> {
  return api.get('/tokens', { signal });
}

export function createToken(name: string): Promise<ApiTokenCreated> {
  return api.post('/tokens', { name });
}

export function revokeToken(id: string): Promise<void> {
  return api.delete(`/tokens/${encodeURIComponent(id)}`);
}

export function listAudit(limit: number, signal?: AbortSignal): Promise<ListOf<AuditEntry>> {
  return api.get('/audit', { query: { limit }, signal });
}
