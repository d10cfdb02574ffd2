/** The app's top-level areas, in navigation order. Navigation, shortcuts and the command palette read this list. */
export interface Area {
  id: 'today' | 'roles' | 'candidates' | 'interviews' | 'offers' | 'team' | 'market' | 'reports' | 'settings' | 'sourcing';
  label: string;
  path: string;
  /** The second key of the `g <key>` shortcut. */
  goKey: string;
  /** One line for the command palette. */
  summary: string;
}

export const AREAS: readonly Area[] = [
  { id: 'today', label: 'Today', path: '/today', goKey: 't', summary: 'What to do now so no one is lost' },
  { id: 'roles', label: 'Roles', path: '/roles', goKey: 'r', summary: 'Open positions, scope and bands' },
  { id: 'candidates', label: 'Candidates', path: '/candidates', goKey: 'c', summary: 'Everyone in the pipeline' },
  { id: 'interviews', label: 'Interviews', path: '/interviews', goKey: 'i', summary: 'Your interviews and scorecards to write' },
  { id: 'offers', label: 'Offers', path: '/offers', goKey: 'o', summary: 'Offers, approvals and their value' },
  { id: 'team', label: 'Team', path: '/team', goKey: 'p', summary: 'Team plan and hiring order' },
  { id: 'market', label: 'Market', path: '/market', goKey: 'm', summary: 'Salary data and competing offers' },
  { id: 'reports', label: 'Reports', path: '/reports', goKey: 'a', summary: 'Funnel, cycle time, late clocks, offers, losses and sources' },
  { id: 'sourcing', label: 'Sourcing', path: '/sourcing', goKey: 'f', summary: 'Talent pools: find, contact and nurture passive people' },
  { id: 'settings', label: 'Settings', path: '/settings', goKey: 's', summary: 'Company, users and API tokens' },
];
