import type { APIRequestContext } from 'playwright-core';
import type { RouteObject } from 'react-router-dom';
import { routes } from '../../src/web/routes.js';

/** Records of the demo workspace a page needs in its address. */
export interface DemoIds {
  /** A role with a job description, so the role editor shows its analysis. */
  roleId: string;
  candidateId: string;
  /** The application with the most completed interviews, so the decision view has ratings to compare. */
  applicationId: string;
  offerId: string;
  interviewId: string;
}

/** How the layout test opens a route: its address in the demo workspace, and who looks at it. */
export interface PageVisit {
  url: (ids: DemoIds) => string;
  /** 'owner' (default): the demo owner, signed in; 'signed-out': nobody; 'first-run': a server that is not set up. */
  as?: 'owner' | 'signed-out' | 'first-run';
}

/**
 * Every route of src/web/routes.tsx, by its full path, with the page to open for it. A route added to the app
 * without an entry here fails e2e/layout.e2e.test.ts: add one line.
 */
export const APP_PAGES: Readonly<Record<string, PageVisit>> = {
  '/setup': { url: () => '/setup', as: 'first-run' },
  '/login': { url: () => '/login', as: 'signed-out' },
  '/': { url: () => '/' },
  '/today': { url: () => '/today' },
  '/sourcing': { url: () => '/sourcing' },
  '/sourcing/:id': { url: () => '/sourcing/no-such-pool' },
  '/sourcing/templates': { url: () => '/sourcing/templates' },
  '/sourcing/templates/new': { url: () => '/sourcing/templates/new' },
  '/sourcing/templates/:id': { url: () => '/sourcing/templates/no-such-template' },
  '/sourcing/sequences': { url: () => '/sourcing/sequences' },
  '/sourcing/sequences/new': { url: () => '/sourcing/sequences/new' },
  '/sourcing/sequences/:id': { url: () => '/sourcing/sequences/no-such-sequence' },
  '/roles': { url: () => '/roles' },
  '/roles/new': { url: () => '/roles/new' },
  '/roles/:id/edit': { url: (ids) => `/roles/${ids.roleId}/edit` },
  '/roles/:id/settings': { url: (ids) => `/roles/${ids.roleId}/settings` },
  '/roles/:id': { url: (ids) => `/roles/${ids.roleId}` },
  '/candidates': { url: () => '/candidates' },
  '/candidates/new': { url: () => '/candidates/new' },
  '/candidates/:id/data': { url: (ids) => `/candidates/${ids.candidateId}/data` },
  '/candidates/:id': { url: (ids) => `/candidates/${ids.candidateId}` },
  '/applications/:id': { url: (ids) => `/applications/${ids.applicationId}` },
  '/offers/builder': { url: () => '/offers/builder' },
  '/offers': { url: () => '/offers' },
  '/offers/approvals': { url: () => '/offers/approvals' },
  '/offers/:id': { url: (ids) => `/offers/${ids.offerId}` },
  '/interviews': { url: () => '/interviews' },
  '/interviews/:id/scorecard': { url: (ids) => `/interviews/${ids.interviewId}/scorecard` },
  '/applications/:id/decision': { url: (ids) => `/applications/${ids.applicationId}/decision` },
  '/team': { url: () => '/team' },
  '/team/company': { url: () => '/team/company' },
  '/market': { url: () => '/market' },
  '/reports': { url: () => '/reports?report=losses&by=role' },
  '/settings': { url: () => '/settings' },
  '/settings/company': { url: () => '/settings/company' },
  '/settings/users': { url: () => '/settings/users' },
  '/settings/tokens': { url: () => '/settings/tokens' },
  '/settings/security': { url: () => '/settings/security' },
  '/settings/audit': { url: () => '/settings/audit' },
  '/settings/notifications': { url: () => '/settings/notifications' },
  '/settings/approvals': { url: () => '/settings/approvals' },
  '/settings/privacy': { url: () => '/settings/privacy' },
  '/settings/import': { url: () => '/settings/import' },
  '/settings/export': { url: () => '/settings/export' },
  '*': { url: () => '/no-such-page' },
};

/** The full path of every page route (layouts and redirects included), read from the app's route table. */
export function routePaths(table: readonly RouteObject[] = routes, parent = ''): string[] {
  return table.flatMap((route) => {
    const here = route.index ? parent || '/' : route.path === undefined ? parent : route.path === '*' ? '*' : `${parent}/${route.path}`.replace(/\/+/g, '/');
    const own = route.index || route.path !== undefined ? [here] : [];
    return [...own, ...(route.children ? routePaths(route.children, route.path === '*' ? parent : here) : [])];
  });
}

/** The demo workspace's records, read through the API as the signed-in owner. */
export async function demoIds(request: APIRequestContext): Promise<DemoIds> {
  const get = async <T>(url: string): Promise<T> => {
    const response = await request.get(url);
    if (!response.ok()) throw new Error(`GET ${url}: ${response.status()}`);
    return (await response.json()) as T;
  };
  const roles = (await get<{ items: Array<{ id: string; description: string | null }> }>('/api/v1/roles')).items;
  const candidates = (await get<{ items: Array<{ id: string }> }>('/api/v1/candidates?limit=1')).items;
  const offers = (await get<{ items: Array<{ id: string }> }>('/api/v1/offers')).items;
  const interviews = (await get<{ items: Array<{ id: string; applicationId: string; status: string; myScorecard: unknown }> }>('/api/v1/interviews?limit=500')).items;
  const completed = new Map<string, number>();
  for (const i of interviews) if (i.status === 'completed') completed.set(i.applicationId, (completed.get(i.applicationId) ?? 0) + 1);
  const applicationId = [...completed.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const role = roles.find((r) => r.description) ?? roles[0];
  const interview = interviews.find((i) => i.myScorecard !== null) ?? interviews[0];
  if (!role || !candidates[0] || !offers[0] || !interview || !applicationId) throw new Error('The demo workspace lacks a role, candidate, offer or interview.');
  return { roleId: role.id, candidateId: candidates[0].id, applicationId, offerId: offers[0].id, interviewId: interview.id };
}
