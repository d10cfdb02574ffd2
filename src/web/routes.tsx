import type { ComponentType } from 'react';
import { Navigate, createBrowserRouter } from 'react-router-dom';
import type { RouteObject } from 'react-router-dom';
import { AppShell } from './layout/AppShell.js';
import { RouteError } from './layout/RouteError.js';
import { SessionGate } from './session/SessionGate.js';

/** Lazily loads a page's named export, so each area is its own small chunk. */
function page<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return async () => ({ Component: (await load())[name] as ComponentType });
}

export const routes: RouteObject[] = [
  {
    Component: SessionGate,
    ErrorBoundary: RouteError,
    children: [
      { path: 'setup', lazy: page(() => import('./pages/setup/SetupPage.js'), 'SetupPage') },
      { path: 'login', lazy: page(() => import('./pages/login/LoginPage.js'), 'LoginPage') },
      {
        Component: AppShell,
        children: [
          {
            ErrorBoundary: RouteError,
            children: [
              { index: true, element: <Navigate to="/today" replace /> },
              { path: 'today', lazy: page(() => import('./pages/today/TodayPage.js'), 'TodayPage') },
              { path: 'roles', lazy: page(() => import('./pages/roles/RolesPage.js'), 'RolesPage') },
              { path: 'roles/new', lazy: page(() => import('./pages/role-editor/RoleEditorPage.js'), 'RoleEditorPage') },
              { path: 'roles/:id/edit', lazy: page(() => import('./pages/role-editor/RoleEditorPage.js'), 'RoleEditorPage') },
              { path: 'roles/:id/settings', lazy: page(() => import('./pages/role-settings/RoleSettingsPage.js'), 'RoleSettingsPage') },
              { path: 'roles/:id', lazy: page(() => import('./pages/roles/RoleBoardPage.js'), 'RoleBoardPage') },
              { path: 'candidates', lazy: page(() => import('./pages/candidates/CandidatesPage.js'), 'CandidatesPage') },
              { path: 'candidates/new', lazy: page(() => import('./pages/candidates/AddCandidatePage.js'), 'AddCandidatePage') },
              { path: 'candidates/:id/data', lazy: page(() => import('./pages/candidates/CandidateDataPage.js'), 'CandidateDataPage') },
              { path: 'candidates/:id', lazy: page(() => import('./pages/candidates/CandidatePage.js'), 'CandidatePage') },
              { path: 'applications/:id', lazy: page(() => import('./pages/candidates/ApplicationRedirect.js'), 'ApplicationRedirect') },
              { path: 'offers/builder', lazy: page(() => import('./pages/offer-builder/OfferBuilderPage.js'), 'OfferBuilderPage') },
              { path: 'offers', lazy: page(() => import('./pages/offers/OffersPage.js'), 'OffersPage') },
              { path: 'offers/approvals', lazy: page(() => import('./pages/offers/ApprovalsPage.js'), 'ApprovalsPage') },
              { path: 'offers/:id', lazy: page(() => import('./pages/offers/OfferPage.js'), 'OfferPage') },
              { path: 'interviews', lazy: page(() => import('./pages/interviews/InterviewsPage.js'), 'InterviewsPage') },
              { path: 'interviews/:id/scorecard', lazy: page(() => import('./pages/interviews/ScorecardPage.js'), 'ScorecardPage') },
              { path: 'applications/:id/decision', lazy: page(() => import('./pages/interviews/DecisionPage.js'), 'DecisionPage') },
              { path: 'team', lazy: page(() => import('./pages/team/TeamPage.js'), 'TeamPage') },
              { path: 'team/company', lazy: page(() => import('./pages/team/CompanyPage.js'), 'CompanyPage') },
              { path: 'market', lazy: page(() => import('./pages/market/MarketPage.js'), 'MarketPage') },
              { path: 'reports', lazy: page(() => import('./pages/reports/ReportsPage.js'), 'ReportsPage') },
              { path: 'sourcing', lazy: page(() => import('./pages/sourcing/SourcingPage.js'), 'SourcingPage') },
              { path: 'sourcing/:id', lazy: page(() => import('./pages/sourcing/PoolPage.js'), 'PoolPage') },
              { path: 'sourcing/templates', lazy: page(() => import('./pages/sourcing/TemplatesPage.js'), 'TemplatesPage') },
              { path: 'sourcing/templates/new', lazy: page(() => import('./pages/sourcing/TemplateEditorPage.js'), 'TemplateEditorPage') },
              { path: 'sourcing/templates/:id', lazy: page(() => import('./pages/sourcing/TemplateEditorPage.js'), 'TemplateEditorPage') },
              { path: 'sourcing/sequences', lazy: page(() => import('./pages/sourcing/SequencesPage.js'), 'SequencesPage') },
              { path: 'sourcing/sequences/new', lazy: page(() => import('./pages/sourcing/SequenceBuilderPage.js'), 'SequenceBuilderPage') },
              { path: 'sourcing/sequences/:id', lazy: page(() => import('./pages/sourcing/SequencePage.js'), 'SequencePage') },
              {
                path: 'settings',
                lazy: page(() => import('./pages/settings/SettingsLayout.js'), 'SettingsLayout'),
                children: [
                  { index: true, lazy: page(() => import('./pages/settings/SettingsIndex.js'), 'SettingsIndex') },
                  { path: 'company', lazy: page(() => import('./pages/settings/CompanySettings.js'), 'CompanySettings') },
                  { path: 'users', lazy: page(() => import('./pages/settings/UsersSettings.js'), 'UsersSettings') },
                  { path: 'security', lazy: page(() => import('./pages/settings/SecuritySettings.js'), 'SecuritySettings') },
                  { path: 'tokens', lazy: page(() => import('./pages/settings/TokensSettings.js'), 'TokensSettings') },
                  { path: 'audit', lazy: page(() => import('./pages/settings/AuditSettings.js'), 'AuditSettings') },
                  { path: 'notifications', lazy: page(() => import('./pages/settings/NotificationSettings.js'), 'NotificationSettings') },
                  { path: 'approvals', lazy: page(() => import('./pages/settings/ApprovalsSettings.js'), 'ApprovalsSettings') },
                  { path: 'privacy', lazy: page(() => import('./pages/settings/PrivacySettings.js'), 'PrivacySettings') },
                  { path: 'import', lazy: page(() => import('./pages/settings/ImportSettings.js'), 'ImportSettings') },
                  { path: 'export', lazy: page(() => import('./pages/settings/ExportSettings.js'), 'ExportSettings') },
                ],
              },
              { path: '*', lazy: page(() => import('./pages/not-found/NotFoundPage.js'), 'NotFoundPage') },
            ],
          },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
