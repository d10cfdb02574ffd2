import { randomUUID } from 'node:crypto';
import type * as Oidc from 'openid-client';
import type { ServerContext } from '../context.js';
import { DomainError, preconditionFailed } from '../../domain/shared/errors.js';
import { normaliseEmail } from '../../domain/access/email.js';
import type { SsoRefusal, SsoSettingsBody } from '../../api/sso.js';
import {
  deleteOidcSettings,
  getCompany,
  getOidcSettings,
  getUserByEmail,
  inTransaction,
  insertOidcLogin,
  insertUser,
  recordAudit,
  saveOidcSettings,
  takeOidcLogin,
  type OidcSettingsRecord,
  type Store,
  type Tx,
  type UserRecord,
} from '../../storage/index.js';
import { startSession, type NewSession } from './accounts.js';
import { sha256 } from './secrets.js';
import signInData from '../../../data/security/sign-in.json' with { type: 'json' };

/**
 * Single sign-on through the company's OpenID Connect provider (issue 15; docs/decisions/010-sign-in-security.md):
 * Authorization Code flow with PKCE (S256), state and nonce, by `openid-client`. A sign-in matches the provider's
 * verified e-mail to an existing, active user; a new user is created (as an interviewer, the least access) only when
 * the owner turned that on. A refused sign-in changes nothing but one audit entry naming the reason.
 */

const LOGIN_TTL_MS = signInData.ssoLoginMinutes.value * 60_000;
/** The provider's discovery document and keys are fetched at most this often per server (openid-client refetches keys it does not know). */
const DISCOVERY_CACHE_MS = 10 * 60_000;

export const SSO_CALLBACK_PATH = '/api/v1/auth/sso/callback';
/** The cookie that binds a sign-in to the browser that started it (so a callback link sent to someone else fails). */
export const SSO_STATE_COOKIE = 'closer_sso_state';

let oidcModule: Promise<typeof Oidc> | undefined;
/** openid-client, loaded at the first single sign-on rather than when the server starts. */
function loadOidc(): Promise<typeof Oidc> {
  return (oidcModule ??= import('openid-client'));
}

const discoveries = new Map<string, { at: number; config: Promise<Oidc.Configuration> }>();

function isLocal(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** The provider's configuration (discovery document), cached per issuer, client and secret. */
function providerConfig(s: OidcSettingsRecord, now: number): Promise<Oidc.Configuration> {
  const key = sha256(`${s.issuer}\n${s.clientId}\n${s.clientSecret}`);
  const hit = discoveries.get(key);
  if (hit && now - hit.at < DISCOVERY_CACHE_MS) return hit.config;
  const issuer = new URL(s.issuer);
  const config = loadOidc().then((oidc) =>
    oidc.discovery(issuer, s.clientId, s.clientSecret, undefined, issuer.protocol === 'http:' && isLocal(issuer) ? { execute: [oidc.allowInsecureRequests] } : undefined),
  );
  config.catch(() => discoveries.delete(key));
  if (discoveries.size > 20) discoveries.clear();
  discoveries.set(key, { at: now, config });
  return config;
}

/** The stored settings (with the secret: presenters leave it out). */
export type SsoSettings = OidcSettingsRecord;

export async function readSsoSettings(store: Store): Promise<OidcSettingsRecord | undefined> {
  return getOidcSettings(store.db);
}

/** Saves the provider (If-Match: the version read, 0 when none); the first save needs the client secret. Audited. */
export async function changeSsoSettings(tx: Tx, actorId: string, expectedVersion: number, body: SsoSettingsBody, now: Date): Promise<OidcSettingsRecord> {
  const current = await getOidcSettings(tx);
  if ((current?.version ?? 0) !== expectedVersion) throw preconditionFailed('The single sign-on settings changed since you read them. Reload and try again.');
  const clientSecret = body.clientSecret ?? current?.clientSecret;
  if (!clientSecret) throw new DomainError('VALIDATION_FAILED', 'Enter the client secret the provider gave you.', 'clientSecret');
  const company = await getCompany(tx);
  if (!company) throw new DomainError('NOT_FOUND', 'No company.');
  const next = {
    companyId: company.id,
    providerName: body.providerName.trim(),
    issuer: body.issuer.replace(/\/$/, ''),
    clientId: body.clientId,
    clientSecret,
    allowedDomain: body.allowedDomain,
    createUsers: body.createUsers,
    updatedBy: actorId,
    version: expectedVersion + 1,
  };
  const fields = current
    ? (['providerName', 'issuer', 'clientId', 'clientSecret', 'allowedDomain', 'createUsers'] as const).filter((k) => current[k] !== next[k])
    : ['providerName', 'issuer', 'clientId', 'clientSecret', 'allowedDomain', 'createUsers'];
  await saveOidcSettings(tx, next, now);
  await recordAudit(tx, { actorId, action: 'company.sso-update', entity: 'company', entityId: company.id, fields, at: now });
  return (await getOidcSettings(tx))!;
}

/** Turns single sign-on off (If-Match: the version read). Audited. */
export async function removeSsoSettings(tx: Tx, actorId: string, expectedVersion: number, now: Date): Promise<void> {
  const current = await getOidcSettings(tx);
  if (!current) throw new DomainError('SSO_NOT_CONFIGURED', 'Single sign-on is not set up for this company.');
  if (current.version !== expectedVersion) throw preconditionFailed('The single sign-on settings changed since you read them. Reload and try again.');
  await deleteOidcSettings(tx);
  await recordAudit(tx, { actorId, action: 'company.sso-remove', entity: 'company', entityId: current.companyId, fields: ['providerName', 'issuer', 'clientId', 'clientSecret', 'allowedDomain', 'createUsers'], at: now });
}

/**
 * Starts a sign-in at the provider: a fresh state, nonce and PKCE verifier kept in `oidc_logins` (so the callback may
 * reach any server instance), and the provider's authorization URL to send the browser to.
 */
export async function startSsoLogin(ctx: ServerContext, redirectUri: string): Promise<{ url: string; state: string }> {
  const settings = await getOidcSettings(ctx.store.db);
  if (!settings) throw new DomainError('SSO_NOT_CONFIGURED', 'Single sign-on is not set up for this company.');
  let config: Oidc.Configuration;
  try {
    config = await providerConfig(settings, Date.now());
  } catch {
    throw new DomainError('SSO_PROVIDER_UNAVAILABLE', `${settings.providerName} cannot be reached right now. Try again, or sign in with your password.`);
  }
  const oidc = await loadOidc();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const now = ctx.now();
  await insertOidcLogin(ctx.store.db, { stateHash: sha256(state), nonce, codeVerifier, redirectUri, expiresAt: new Date(now.getTime() + LOGIN_TTL_MS).toISOString() }, now);
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url: url.href, state };
}

export type SsoOutcome = { ok: true; user: UserRecord; session: NewSession } | { ok: false; reason: SsoRefusal };

/** Records a refused sign-in: one audit entry, nothing else. */
async function refuse(store: Store, reason: SsoRefusal, userId: string | null, now: Date): Promise<SsoOutcome> {
  await inTransaction(store.db, async (tx) => {
    const company = await getCompany(tx);
    if (company) await recordAudit(tx, { actorId: userId, action: 'auth.sso-refused', entity: 'company', entityId: company.id, fields: [reason], at: now });
  });
  return { ok: false, reason };
}

/** The reason to give for an error of the code exchange or the id_token checks (openid-client nests the detail in `cause`). */
function reasonOf(error: unknown): SsoRefusal {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { message, claim } = e as { message?: unknown; claim?: unknown };
    parts.push(String(message ?? ''), String(claim ?? ''));
  }
  const text = parts.join(' ');
  if (/nonce/i.test(text)) return 'nonce';
  if (/\bstate\b/i.test(text)) return 'state';
  return 'provider';
}

/**
 * Completes a sign-in at the callback: the state must be one this company started (used once, not expired) and the
 * one this browser started (`browserState`, from its cookie); the code is exchanged with the PKCE verifier, the
 * id_token's signature, issuer, audience and nonce are checked by openid-client; then the e-mail must be verified,
 * in the allowed domain, and belong to an active user (or a new one when the owner allows it).
 */
export async function completeSsoLogin(ctx: ServerContext, query: URLSearchParams, browserState: string | undefined): Promise<SsoOutcome> {
  const now = ctx.now();
  const state = query.get('state') ?? '';
  if (state === '' || browserState === undefined || browserState !== state) return refuse(ctx.store, 'state', null, now);
  const login = await inTransaction(ctx.store.db, (tx) => takeOidcLogin(tx, sha256(state)));
  if (!login || login.expiresAt <= now.toISOString()) return refuse(ctx.store, 'state', null, now);
  const settings = await getOidcSettings(ctx.store.db);
  if (!settings) return refuse(ctx.store, 'not_configured', null, now);

  let claims: Oidc.IDToken | undefined;
  try {
    const config = await providerConfig(settings, Date.now());
    const oidc = await loadOidc();
    const current = new URL(login.redirectUri);
    current.search = query.toString();
    const tokens = await oidc.authorizationCodeGrant(config, current, { pkceCodeVerifier: login.codeVerifier, expectedState: state, expectedNonce: login.nonce, idTokenExpected: true });
    claims = tokens.claims();
  } catch (error) {
    return refuse(ctx.store, reasonOf(error), null, now);
  }
  if (!claims) return refuse(ctx.store, 'provider', null, now);
  const email = typeof claims.email === 'string' ? normaliseEmail(claims.email) : '';
  if (email === '' || claims.email_verified !== true) return refuse(ctx.store, 'email_verified', null, now);
  if (settings.allowedDomain && !email.endsWith(`@${settings.allowedDomain}`)) return refuse(ctx.store, 'email_domain', null, now);

  const existing = await getUserByEmail(ctx.store.db, email);
  if (existing?.disabled) return refuse(ctx.store, 'disabled', existing.id, now);
  if (!existing && !settings.createUsers) return refuse(ctx.store, 'unknown_user', null, now);
  return inTransaction(ctx.store.db, async (tx) => {
    let user = existing;
    if (!user) {
      const name = typeof claims.name === 'string' && claims.name.trim() !== '' ? claims.name.toWellFormed().replace(/\u0000/g, '').trim().slice(0, 200) : email.split('@')[0]!;
      user = await insertUser(tx, { id: randomUUID(), companyId: settings.companyId, email, name, role: 'interviewer', passwordHash: null, disabled: false }, now);
      await recordAudit(tx, { actorId: null, action: 'user.create', entity: 'user', entityId: user.id, fields: ['email', 'name', 'role'], at: now });
    }
    await recordAudit(tx, { actorId: user.id, action: 'user.sso-sign-in', entity: 'user', entityId: user.id, fields: [], at: now });
    const session = await startSession(tx, user.id, now, ctx.config.sessionTtlHours);
    return { ok: true, user, session } as const;
  });
}
