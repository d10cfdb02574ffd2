import type { Tx } from '../transaction.js';

/** The company's single sign-on provider (migration 018); `clientSecret` never leaves the server. */
export interface OidcSettingsRecord {
  companyId: string;
  providerName: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  allowedDomain: string | null;
  createUsers: boolean;
  updatedBy: string | null;
  updatedAt: string;
  version: number;
}

export async function getOidcSettings(tx: Tx): Promise<OidcSettingsRecord | undefined> {
  const r = await tx.selectFrom('oidc_settings').selectAll().executeTakeFirst();
  if (!r) return undefined;
  return {
    companyId: r.company_id,
    providerName: r.provider_name,
    issuer: r.issuer,
    clientId: r.client_id,
    clientSecret: r.client_secret,
    allowedDomain: r.allowed_domain,
    createUsers: Number(r.create_users) === 1,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
    version: Number(r.version),
  };
}

/** Inserts or replaces the company's row; `version` is the new version. */
export async function saveOidcSettings(tx: Tx, s: Omit<OidcSettingsRecord, 'updatedAt'>, now: Date): Promise<void> {
  const values = {
    provider_name: s.providerName,
    issuer: s.issuer,
    client_id: s.clientId,
    client_secret: s.clientSecret,
    allowed_domain: s.allowedDomain,
    create_users: s.createUsers ? 1 : 0,
    updated_by: s.updatedBy,
    updated_at: now.toISOString(),
    version: s.version,
  };
  await tx
    .insertInto('oidc_settings')
    .values({ company_id: s.companyId, ...values })
    .onConflict((oc) => oc.column('company_id').doUpdateSet(values))
    .execute();
}

export async function deleteOidcSettings(tx: Tx): Promise<number> {
  return Number((await tx.deleteFrom('oidc_settings').executeTakeFirst()).numDeletedRows);
}

export interface OidcLoginRecord {
  stateHash: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
  expiresAt: string;
}

export async function insertOidcLogin(tx: Tx, l: OidcLoginRecord, now: Date): Promise<void> {
  await tx
    .insertInto('oidc_logins')
    .values({ state_hash: l.stateHash, nonce: l.nonce, code_verifier: l.codeVerifier, redirect_uri: l.redirectUri, created_at: now.toISOString(), expires_at: l.expiresAt })
    .execute();
}

/** Takes (reads and deletes) the sign-in in flight with this state hash: each state is used once, on any instance. */
export async function takeOidcLogin(tx: Tx, stateHash: string): Promise<OidcLoginRecord | undefined> {
  const r = await tx.deleteFrom('oidc_logins').where('state_hash', '=', stateHash).returningAll().executeTakeFirst();
  return r ? { stateHash: r.state_hash, nonce: r.nonce, codeVerifier: r.code_verifier, redirectUri: r.redirect_uri, expiresAt: r.expires_at } : undefined;
}

export async function deleteExpiredOidcLogins(tx: Tx, now: Date): Promise<number> {
  return Number((await tx.deleteFrom('oidc_logins').where('expires_at', '<=', now.toISOString()).executeTakeFirst()).numDeletedRows);
}
