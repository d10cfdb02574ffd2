/**
 * Plain words for the audit log: what an action did and what kind of record it touched. Pure and
 * browser-safe. Unknown actions and entities get words built from their keys, so a new action never
 * shows up blank.
 */

const ACTION_WORDS: Record<string, string> = {
  'company.create': 'Set up the workspace',
  'company.update': 'Changed the company profile',
  'user.create': 'Added a user',
  'user.update': 'Changed a user',
  'user.rehash-password': 'Upgraded a password hash',
  'token.create': 'Created an API token',
  'token.revoke': 'Revoked an API token',
  'role.create': 'Created a role',
  'role.update': 'Changed a role',
  'role.band.set': 'Recorded a board-approved band',
  'role.band.remove': 'Removed a band',
  'candidate.create': 'Added a candidate',
  'candidate.update': 'Changed a candidate',
  'candidate.merge': 'Merged candidates',
  'application.create': 'Added a candidate to a role',
  'application.update': 'Changed an application',
  'event.append': 'Logged an event',
  'interview.create': 'Scheduled an interview',
  'interview.update': 'Changed an interview',
  'interview.complete': 'Completed an interview',
  'interview.cancel': 'Cancelled an interview',
  'scorecard.create': 'Started a scorecard',
  'scorecard.save-draft': 'Saved a scorecard draft',
  'scorecard.submit': 'Submitted a scorecard',
  'offer.create': 'Drafted an offer',
  'offer.revise': 'Revised an offer',
  'offer.submit': 'Sent an offer for approval',
  'offer.approve-in-band': 'Approved an offer inside the band',
  'offer.approve': 'Approved an offer',
  'offer.reject': 'Rejected an offer',
  'offer.extend': 'Extended an offer',
  'offer.accept': 'Recorded an offer as accepted',
  'offer.decline': 'Recorded an offer as declined',
  'offer.expire': 'Marked an offer expired',
  'offer.withdraw': 'Withdrew an offer',
  'notification.read': 'Read notifications',
  'notification-preferences.update': 'Changed notification preferences',
  'market.dataset.import': 'Imported a market dataset',
  'market.selection.update': 'Chose the market dataset',
  'taxonomy.extension.update': 'Changed the specialization list',
  'taxonomy.extension.delete': 'Removed the specialization list changes',
  'attractiveness.inputs.update': 'Changed the attractiveness inputs',
  'team.plan-inputs.update': 'Changed the team plan',
};

/** Company settings a `company.update` can touch, by the first changed field. */
const COMPANY_SETTING_WORDS: Record<string, string> = {
  'settings.approvals': 'Changed the approval settings',
  'settings.pipeline': 'Changed the clock and risk settings',
  'settings.notifications': 'Changed how notifications are delivered',
};

const ENTITY_WORDS: Record<string, string> = {
  company: 'Company',
  user: 'User',
  api_token: 'API token',
  role: 'Role',
  candidate: 'Candidate',
  application: 'Application',
  application_event: 'Event',
  interview: 'Interview',
  scorecard: 'Scorecard',
  offer: 'Offer',
  notification: 'Notification',
  market_dataset: 'Market dataset',
  market_selection: 'Market data choice',
};

function humanize(key: string): string {
  const words = key.replace(/[._-]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : 'Changed a record';
}

/**
 * What an audited action did, in words; `fields` refines a company update (which setting changed).
 * @example describeAuditAction('company.update', ['settings.approvals']) // 'Changed the approval settings'
 */
export function describeAuditAction(action: string, fields: readonly string[] = []): string {
  if (action === 'company.update') {
    if (fields.length === 0) return 'Changed the company profile or settings';
    const setting = fields.map((f) => COMPANY_SETTING_WORDS[f]).find((w) => w !== undefined);
    if (setting) return setting;
  }
  return ACTION_WORDS[action] ?? humanize(action);
}

/** The kind of record an audit entry touched, in words ("Role", "API token"). */
export function describeAuditEntity(entity: string): string {
  return ENTITY_WORDS[entity] ?? humanize(entity);
}
