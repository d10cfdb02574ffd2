/**
 * The fixed lists of the API (enums of its schemas) without zod: the one module of the contract the web may import
 * values from (`npm run lint` checks that nothing here brings zod or a data file along). Everything else of the
 * contract the web imports with `import type`.
 */
export { COMPANY_STAGES, type CompanyStage } from '../domain/company/stages.js';
export { USER_ROLES, type UserRole } from '../domain/access/policy.js';
export {
  CANDIDATE_SOURCES,
  CLOCK_IDS,
  LOGGED_SIGNALS,
  LOSS_REASONS,
  OUTREACH_CHANNELS,
  type CandidateSource,
  type ClockId,
  type LoggedSignal,
  type LossReason,
} from '../domain/pipeline/lists.js';
export { RECOMMENDATIONS, SCORECARD_STATUSES, type Recommendation, type ScorecardStatus } from '../domain/interviews/lists.js';
export { GRANT_KINDS, OFFER_ACTIONS, OFFER_STATUSES, type GrantKind, type OfferAction, type OfferStatus } from '../domain/offers/lists.js';
export { BOTTLENECKS, type Bottleneck } from '../domain/scoping/lists.js';
export { SENIORITY_LEVELS, type SeniorityLevel } from '../domain/taxonomy/lists.js';

/**
 * Today's cards the web asks for at a time (GET /today?limit=): a card is about 150 px tall, so 20 fill four to five
 * screens of a laptop (about 800 px of list) and more of a phone; the rest come with "Show more" (`cursor`). Far fewer
 * than the API's default of 500, which the CLI keeps.
 */
export const TODAY_PAGE_SIZE = 20;
