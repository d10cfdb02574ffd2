/**
 * Shapes of the Foundation API (docs/api-foundation.md) as the web app sees them.
 * The server owns the contract; these types mirror it and change with it.
 */

import { USER_ROLES, can } from '../../domain/access/policy.js';
import type { Action, UserRole } from '../../domain/access/policy.js';

export { USER_ROLES, can };
export type { Action, UserRole };

export const USER_ROLE_LABELS: Record<UserRole, string> = {
  owner: 'Owner',
  admin: 'Admin',
  recruiter: 'Recruiter',
  'hiring-manager': 'Hiring manager',
  interviewer: 'Interviewer',
  approver: 'Approver',
};

// Mirrors COMPANY_STAGES in src/domain/company/company.ts (a test keeps them equal). Importing that module
// would pull zod into the first load, so the list is repeated here.
export const COMPANY_STAGES = ['preseed', 'seed', 'seed-tier1', 'series-a', 'series-b', 'series-c', 'growth'] as const;
export type CompanyStage = (typeof COMPANY_STAGES)[number];

export const COMPANY_STAGE_LABELS: Record<CompanyStage, string> = {
  preseed: 'Pre-seed',
  seed: 'Seed',
  'seed-tier1': 'Seed, tier-one investor',
  'series-a': 'Series A',
  'series-b': 'Series B',
  'series-c': 'Series C',
  growth: 'Growth',
};

export interface User {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  disabled: boolean;
  createdAt: string;
}

/** A colleague as GET /people lists them (no e-mail): for pickers and names on screen. */
export type Person = Pick<User, 'id' | 'name' | 'role' | 'disabled'>;

export interface Session {
  user: User;
  csrfToken: string;
}

export interface Company {
  id: string;
  name: string;
  stage: CompanyStage;
  raisedUsd: number;
  headcount: number;
  aiTeamSize: number;
  currency: string;
  timeZone: string;
  /** The record version; send it back as `If-Match` to change the profile. */
  version: number;
  /** The figures offers are built on (absent for roles that may not read compensation; null until recorded). */
  lastPostMoney?: number | null;
  fullyDilutedShares?: number | null;
  /** The current strike (409A price) per share; may have cents. */
  strikePrice?: number | null;
}

export type CompanyPatchBody = Partial<Pick<Company, 'name' | 'stage' | 'raisedUsd' | 'headcount' | 'aiTeamSize' | 'currency' | 'timeZone' | 'lastPostMoney' | 'fullyDilutedShares' | 'strikePrice'>>;

export interface SetupBody {
  company: {
    name: string;
    stage: CompanyStage;
    raisedUsd: number;
    headcount: number;
    aiTeamSize: number;
    currency?: string;
    timeZone?: string;
  };
  owner: { name: string; email: string; password: string };
}

export interface DemoSession extends Session {
  credentials: { email: string; password: string };
}

export interface UserCreateBody {
  email: string;
  name: string;
  role: UserRole;
  password?: string;
}

export interface UserCreated {
  user: User;
  invitePassword?: string;
}

export interface UserPatchBody {
  role?: UserRole;
  disabled?: boolean;
}

export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ApiTokenCreated {
  token: ApiToken;
  secret: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  fields: unknown;
}

export interface ListOf<T> {
  items: T[];
}

/** Whether the UI should offer user management; the server enforces the same policy table. */
export function canManageUsers(role: UserRole): boolean {
  return can(role, 'users.manage');
}
