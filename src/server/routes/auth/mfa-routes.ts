import type { App, ServerContext } from '../../context.js';
import { requireAction, signedIn } from '../../plugins/auth.js';
import { confirmMfaEnrolment, disableMfa, mfaStatus, regenerateRecoveryCodes, securitySettings, setMfaRequired, startMfaEnrolment } from '../../services/mfa.js';
import { MfaCodeBody, MfaEnrolmentView, MfaStatusView, RecoveryCodesView, SecuritySettingsBody, SecuritySettingsView } from '../../../api/auth.js';
import { EmptyBody, errorResponses, NoContent } from '../../../api/shared.js';

/**
 * Two-step sign-in of the signed-in user (open to every role, and to a user whom the company requires to enrol),
 * and the company switch that requires it of owners, admins and approvers.
 */
export function registerMfaRoutes(app: App, ctx: ServerContext): void {
  app.get('/api/v1/account/mfa', {
    preValidation: signedIn,
    schema: { tags: ['auth'], response: { 200: MfaStatusView, ...errorResponses } },
  }, async (request) => mfaStatus(ctx.store, request.auth!.user.id));

  app.post('/api/v1/account/mfa/enrolment', {
    preValidation: signedIn,
    schema: { tags: ['auth'], body: EmptyBody, response: { 201: MfaEnrolmentView, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await startMfaEnrolment(ctx.store, request.auth!.user.id, ctx.now())));

  app.post('/api/v1/account/mfa/confirm', {
    preValidation: signedIn,
    schema: { tags: ['auth'], body: MfaCodeBody, response: { 200: RecoveryCodesView, ...errorResponses } },
  }, async (request) => confirmMfaEnrolment(ctx.store, request.auth!.user.id, request.body.code, ctx.now()));

  app.post('/api/v1/account/mfa/recovery-codes', {
    preValidation: signedIn,
    schema: { tags: ['auth'], body: MfaCodeBody, response: { 200: RecoveryCodesView, ...errorResponses } },
  }, async (request) => regenerateRecoveryCodes(ctx.store, request.auth!.user.id, request.body.code, ctx.now()));

  app.post('/api/v1/account/mfa/disable', {
    preValidation: signedIn,
    schema: { tags: ['auth'], body: MfaCodeBody, response: { 204: NoContent, ...errorResponses } },
  }, async (request, reply) => {
    await disableMfa(ctx.store, request.auth!.user.id, request.body.code, ctx.now());
    return reply.status(204).send(null);
  });

  app.get('/api/v1/security/settings', {
    preValidation: requireAction('security.manage'),
    schema: { tags: ['auth'], response: { 200: SecuritySettingsView, ...errorResponses } },
  }, async () => securitySettings(ctx.store));

  app.put('/api/v1/security/settings', {
    preValidation: requireAction('security.manage'),
    schema: { tags: ['auth'], body: SecuritySettingsBody, response: { 200: SecuritySettingsView, ...errorResponses } },
  }, async (request) => setMfaRequired(ctx.store, request.auth!.user, request.body.mfaRequired, ctx.now()));
}
