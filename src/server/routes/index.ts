import type { App, ServerContext } from '../context.js';
import { registerAuditRoutes } from './audit/routes.js';
import { registerAuthRoutes } from './auth/routes.js';
import { registerCompanyRoutes } from './company/routes.js';
import { registerHealthRoutes } from './health/routes.js';
import { registerSetupRoutes } from './setup/routes.js';
import { registerTokenRoutes } from './tokens/routes.js';
import { registerUserRoutes } from './users/routes.js';
import { registerRoleRoutes } from './roles/routes.js';
import { registerCandidateRoutes } from './candidates/routes.js';
import { registerCandidateRecordRoutes } from './candidates/record-routes.js';
import { registerApplicationRoutes } from './applications/routes.js';
import { registerTodayRoutes } from './today/routes.js';
import { registerInterviewRoutes } from './interviews/routes.js';
import { registerScorecardRoutes } from './scorecards/routes.js';
import { registerOfferRoutes } from './offers/routes.js';
import { registerApprovalRoutes } from './approvals/routes.js';
import { registerNotificationRoutes } from './notifications/routes.js';
import { registerScopingRoutes } from './scoping/routes.js';
import { registerCompensationRoutes } from './compensation/routes.js';
import { registerMarketRoutes } from './market/routes.js';
import { registerNextStepRoutes } from './next-step/routes.js';
import { registerOfferDraftRoutes } from './offer-drafts/routes.js';
import { registerRoleBandRoutes } from './role-bands/routes.js';
import { registerPrivacyRoutes } from './privacy/routes.js';
import { registerReportRoutes } from './reports/routes.js';
import { registerPostingRoutes } from './postings/routes.js';
import { registerJobRoutes } from './jobs/routes.js';
import { registerExportRoutes } from './export/routes.js';
import { registerImportRoutes } from './imports/routes.js';
import { registerSourcingRoutes } from './sourcing/routes.js';
import { registerSequenceRoutes } from './sequences/routes.js';

/** Every resource's routes; a new resource adds its register function here. */
export const ROUTE_MODULES: ReadonlyArray<(app: App, ctx: ServerContext) => void> = [
  registerHealthRoutes,
  registerSetupRoutes,
  registerAuthRoutes,
  registerCompanyRoutes,
  registerUserRoutes,
  registerTokenRoutes,
  registerAuditRoutes,
  registerRoleRoutes,
  registerCandidateRoutes,
  registerCandidateRecordRoutes,
  registerApplicationRoutes,
  registerTodayRoutes,
  registerInterviewRoutes,
  registerScorecardRoutes,
  registerOfferRoutes,
  registerApprovalRoutes,
  registerNotificationRoutes,
  registerScopingRoutes,
  registerCompensationRoutes,
  registerMarketRoutes,
  registerNextStepRoutes,
  registerOfferDraftRoutes,
  registerRoleBandRoutes,
  registerPrivacyRoutes,
  registerReportRoutes,
  registerPostingRoutes,
  registerJobRoutes,
  registerExportRoutes,
  registerImportRoutes,
  registerSourcingRoutes,
  registerSequenceRoutes,
];
