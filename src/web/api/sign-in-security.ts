/** Two-step sign-in of the signed-in user and the company's sign-in rules (issue 15). */
import { api } from './client.js';
import type { MfaEnrolmentView, MfaStatusView, RecoveryCodesView, SecuritySettingsView } from '../../api/auth.js';

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
