/**
 * The Foundation API (docs/api-foundation.md) as the web app sees it. The shapes are the contract's
 * (src/api), imported as types only: they cost nothing in the bundle. The lists come from the contract's zod-free
 * constants module.
 */

import { can } from '../../domain/access/policy.js';
import type { Action } from '../../domain/access/policy.js';
import { COMPANY_STAGES, USER_ROLES, type CompanyStage, type UserRole } from '../../api/constants.js';
import type { CompanyPatchBody as ContractCompanyPatchBody, CompanyView } from '../../api/company.js';
import type { SessionView } from '../../api/auth.js';
import type { DemoSetupView, SetupInput } from '../../api/setup.js';
import type { AuditView } from '../../api/audit.js';
import type { TokenCreatedView, TokenView } from '../../api/tokens.js';
import type { PersonView, UserCreatedView, UserCreateBody as ContractUserCreateBody, UserPatchBody as ContractUserPatchBody, UserView } from '../../api/users.js';

export { COMPANY_STAGES, USER_ROLES, can };
export type { Action, CompanyStage, UserRole };
export type { ListOf } from '../../api/shared.js';

export const USER_ROLE_LABELS: Record<UserRole, string> = {
  owner: 'Owner',
  admin: 'Admin',
  recruiter: 'Recruiter',
  'hiring-manager': 'Hiring manager',
  interviewer: 'Interviewer',
  approver: 'Approver',
};

export const COMPANY_STAGE_LABELS: Record<CompanyStage, string> = {
  preseed: 'Pre-seed',
  seed: 'Seed',
  'seed-tier1': 'Seed, tier-one investor',
  'series-a': 'Series A',
  'series-b': 'Series B',
  'series-c': 'Series C',
  growth: 'Growth',
};

export type User = UserView;
/** A colleague as GET /people lists them (no e-mail): for pickers and names on screen. */
export type Person = PersonView;
export type Session = SessionView;
/** The company profile; `version` goes back as `If-Match` to change it. */
export type Company = CompanyView;
export type CompanyPatchBody = ContractCompanyPatchBody;
export type SetupBody = SetupInput;
export type DemoSession = DemoSetupView;
export type UserCreateBody = ContractUserCreateBody;
export type UserCreated = UserCreatedView;
export type UserPatchBody = ContractUserPatchBody;
export type ApiToken = TokenView;
export type ApiTokenCreated = TokenCreatedView;
export type AuditEntry = AuditView;

/** Whether the UI should offer user management; the server enforces the same policy table. */
export function canManageUsers(role: UserRole): boolean {
  return can(role, 'users.manage');
}
