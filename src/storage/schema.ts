import type { Generated } from 'kysely';

/**
 * Table types shared by both dialects. Times are ISO-8601 UTC strings, booleans are 0/1 integers and
 * JSON is text: one representation everywhere, so repositories never branch on the dialect.
 */
export interface CompanyTable {
  id: string;
  name: string;
  stage: string;
  raised_usd: number;
  headcount: number;
  ai_team_size: number;
  currency: string;
  time_zone: string;
  settings: string;
  is_demo: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface UserTable {
  id: string;
  company_id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string | null;
  disabled: number;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditLogTable {
  seq: Generated<number>;
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  fields: string;
}

export interface IdempotencyKeyTable {
  key: string;
  user_id: string;
  request_hash: string;
  status_code: number;
  response: string;
  created_at: string;
}

export interface Database {
  companies: CompanyTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  audit_log: AuditLogTable;
  idempotency_keys: IdempotencyKeyTable;
}
