/** Two-step sign-in of the signed-in user and the company's sign-in rules (issue 15). */
import { api } from './client.js';
import type { MfaEnrolmentView, MfaStatusView, RecoveryCodesView, SecuritySettingsView } from '../../api/auth.js';
import type { SsoSettingsBody, SsoSettingsView, SsoStartView, SsoStatusView } from '../../api/sso.js';
import { ifMatch, newIdempotencyKey } from './pipeline.js';

export type MfaStatus = MfaStatusView;
export type MfaEnrolment = MfaEnrolmentView;

export function getMfaStatus(signal?: AbortSignal): Promise<MfaStatus> {
  return api.get('/account/mfa', { signal });
}

export function startMfaEnrolment(): Promise<MfaEnrolment> {
  return api.post('/account/mfa/enrolment', {});
}

export function confirmMfa(code: string): Promise<RecoveryCodesView> {
  return api.post('/account/mfa/confirm', { code });
}

export function newRecoveryCodes(code: string): Promise<RecoveryCodesView> {
  return api.post('/account/mfa/recovery-codes', { code });
}

export function disableMfa(code: string): Promise<void> {
  return api.post('/account/mfa/disable', { code });
}

export function getSecuritySettings(signal?: AbortSignal): Promise<SecuritySettingsView> {
  return api.get('/security/settings', { signal });
}

export function putSecuritySettings(mfaRequired: boolean): Promise<SecuritySettingsView> {
  return api.put('/security/settings', { mfaRequired });
}

/** An owner or admin clears a colleague's two-step sign-in (a lost phone). */
export function resetUserMfa(userId: string): Promise<void> {
  return api.delete(`/users/${encodeURIComponent(userId)}/mfa`);
}

/** Single sign-on through the company's OpenID Connect provider. */
export function getSsoStatus(signal?: AbortSignal): Promise<SsoStatusView> {
  return api.get('/auth/sso', { signal });
}

/** Starts a sign-in at the provider; the caller sends the browser to the returned address. */
export function startSso(): Promise<SsoStartView> {
  return api.post('/auth/sso/start', {});
}

export function getSsoSettings(signal?: AbortSignal): Promise<SsoSettingsView> {
  return api.get('/security/sso', { signal });
}

export function putSsoSettings(body: SsoSettingsBody, version: number): Promise<SsoSettingsView> {
  return api.put('/security/sso', body, { headers: { 'If-Match': ifMatch(version), 'Idempotency-Key': newIdempotencyKey() } });
}

export function deleteSsoSettings(version: number): Promise<void> {
  return api.delete('/security/sso', { headers: { 'If-Match': ifMatch(version), 'Idempotency-Key': newIdempotencyKey() } });
}
