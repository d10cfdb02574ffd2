/** What a user may do. One table, one check: an action missing from a role's row is denied. */
export const USER_ROLES = ['owner', 'admin', 'recruiter', 'hiring-manager', 'interviewer', 'approver'] as const;
export type UserRole = (typeof USER_ROLES)[number];

const ACTIONS = [
  'company.read',
  'company.update',
  'users.read',
  // Names and user roles of colleagues (no e-mail): pickers for interviewers, approvers, recruiters.
  'people.read',
  'users.manage',
  // Give the owner role, or change or disable an owner: owners only, so an admin cannot make anyone (or themselves) an owner.
  'users.grant-owner',
  // The company's sign-in rules (two-step sign-in required).
  'security.manage',
  'tokens.manage-own',
  'audit.read',
  'compensation.read',
  'market.read',
  'datasets.manage',
  'offers.evaluate',
  'offers.read',
  'offers.write',
  'offers.approve',
  'roles.read',
  'roles.write',
  'candidates.read',
  'candidates.write',
  // Current employer of candidates in pedigree-blind roles (evaluation.md: interviewers judge without it).
  'candidates.read-pedigree',
  'applications.read',
  'applications.write',
  'today.read',
  // Today's "Everything" switch: every card, not only the person's own work.
  'today.read-all',
  'scope.analyze',
  'plans.check',
  'team.read',
  'interviews.read-assigned',
  'interviews.read-all',
  'interviews.write',
  'scorecards.write-own',
  'scorecards.read-all',
  'notifications.manage-own',
  // CVs show employers and schools: not for interviewers, who judge pedigree-blind (docs/decisions/006-candidate-files.md).
  'candidates.read-files',
  // Erase a candidate's personal data for good (docs/decisions/007-candidate-erasure.md).
  'candidates.delete',
  // Hand a person everything Closer holds about them (docs/privacy.md): those who may erase them may export them.
  'candidates.export',
  // The company's retention rule: how long rejected candidates are kept (docs/privacy.md).
  'privacy.manage',
  // The hiring reports; their pay columns also need compensation.read (docs/reports.md).
  'reports.read',
  // Job postings (issue 16): read and publish a role's posting (hiring managers only for roles they manage).
  'postings.read',
  'postings.write',
  // Single sign-on (the company's OpenID Connect provider): owners only, since whoever sets the provider can sign in as
  // any user whose e-mail it vouches for (docs/decisions/010-sign-in-security.md).
  'security.sso-manage',
  // Every record of the company, for leaving or for a copy (issue 12): owners and admins only.
  'company.export',
  // Bring records in from another hiring system (issue 12): owners and admins only.
  'imports.manage',
  // Talent pools and prospects (docs/sourcing.md): the people staff who read candidates; never interviewers.
  'sourcing.read',
  'sourcing.write',
  // The inbound e-mail webhook's shared secret (docs/sequences.md): owners only, since whoever holds it can post replies.
  'outreach.inbound-secret',
] as const;
export type Action = (typeof ACTIONS)[number];

const EVERYTHING: readonly Action[] = ACTIONS;

const PIPELINE_STAFF: readonly Action[] = [
  'company.read',
  'people.read',
  'tokens.manage-own',
  'compensation.read',
  'market.read',
  'offers.evaluate',
  'offers.read',
  'offers.write',
  'roles.read',
  'roles.write',
  'candidates.read',
  'candidates.write',
  'candidates.read-pedigree',
  'applications.read',
  'applications.write',
  'today.read',
  'today.read-all',
  'scope.analyze',
  'plans.check',
  'team.read',
  'interviews.read-assigned',
  'interviews.read-all',
  'interviews.write',
  'scorecards.write-own',
  'scorecards.read-all',
  'notifications.manage-own',
  'reports.read',
];

const POLICY: Readonly<Record<UserRole, ReadonlySet<Action>>> = {
  owner: new Set(EVERYTHING),
  admin: new Set(EVERYTHING.filter((a) => a !== 'users.grant-owner' && a !== 'security.sso-manage' && a !== 'outreach.inbound-secret')),
  recruiter: new Set<Action>([...PIPELINE_STAFF, 'datasets.manage', 'candidates.read-files', 'candidates.delete', 'candidates.export', 'sourcing.read', 'sourcing.write']),
  'hiring-manager': new Set<Action>([...PIPELINE_STAFF, 'candidates.read-files', 'postings.read', 'postings.write', 'sourcing.read', 'sourcing.write']),
  approver: new Set<Action>([
    'company.read',
    'people.read',
    'tokens.manage-own',
    'compensation.read',
    'market.read',
    'offers.evaluate',
    'offers.read',
    'offers.approve',
    'roles.read',
    'candidates.read',
    'candidates.read-pedigree',
    'applications.read',
    'today.read',
    'team.read',
    'notifications.manage-own',
    'reports.read',
  ]),
  // Interviewers judge skill: they never get compensation, equity or offers (see evaluation.md).
  interviewer: new Set<Action>([
    'company.read',
    'people.read',
    'tokens.manage-own',
    'roles.read',
    'candidates.read',
    'applications.read',
    'today.read',
    'scope.analyze',
    'interviews.read-assigned',
    'scorecards.write-own',
    'notifications.manage-own',
    // Funnel and clock figures only: the pay columns need compensation.read, which interviewers never have.
    'reports.read',
  ]),
};

/** Roles that must use two-step sign-in once the company turns it on (issue 15): they grant access, pay or offers. */
export const MFA_REQUIRED_ROLES: readonly UserRole[] = ['owner', 'admin', 'approver'];

export function mfaRequiredFor(role: string): boolean {
  return (MFA_REQUIRED_ROLES as readonly string[]).includes(role);
}

export function isUserRole(value: unknown): value is UserRole {
  return typeof value === 'string' && (USER_ROLES as readonly string[]).includes(value);
}

/** The only access check in Closer. Unknown roles and unknown actions are denied. */
export function can(role: string, action: Action): boolean {
  return isUserRole(role) && POLICY[role].has(action);
}
