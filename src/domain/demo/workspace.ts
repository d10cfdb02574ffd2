import type { UserRole } from '../access/policy.js';
import type { CompanyProfile } from '../company/company.js';

/** The fictional AI startup behind "Open the demo workspace". Deterministic: same data every time. */
export const DEMO_COMPANY: CompanyProfile = {
  name: 'Lumen Labs (demo)',
  stage: 'seed',
  raisedUsd: 4_500_000,
  headcount: 11,
  aiTeamSize: 2,
  currency: 'USD',
  timeZone: 'America/New_York',
};

export interface DemoPerson {
  key: string;
  name: string;
  email: string;
  role: UserRole;
}

export const DEMO_OWNER: DemoPerson = { key: 'owner', name: 'Maya Okafor', email: 'maya@lumenlabs.example', role: 'owner' };

export const DEMO_TEAM: readonly DemoPerson[] = [
  { key: 'recruiter', name: 'Jonas Lindqvist', email: 'jonas@lumenlabs.example', role: 'recruiter' },
  { key: 'hiring-manager', name: 'Priya Raman', email: 'priya@lumenlabs.example', role: 'hiring-manager' },
  { key: 'interviewer-1', name: 'Tomás Herrera', email: 'tomas@lumenlabs.example', role: 'interviewer' },
  { key: 'interviewer-2', name: 'Aiko Tanaka', email: 'aiko@lumenlabs.example', role: 'interviewer' },
  { key: 'approver', name: 'Daniel Brooks', email: 'daniel@northwind-ventures.example', role: 'approver' },
];
