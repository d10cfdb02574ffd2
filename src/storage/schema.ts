import type { Generated } from 'kysely';

/**
 * Table types shared by both dialects. Times are ISO-8601 UTC strings, booleans are 0/1 integers and
 * JSON is text: one representation everywhere, so repositories never branch on the dialect.
 */
export interface CompanyTable {
  id: string;
  name: string;
  stage: string;
  raised_usd: number;
  headcount: number;
  ai_team_size: number;
  currency: string;
  time_zone: string;
  settings: string;
  is_demo: number;
  created_at: string;
  updated_at: string;
  version: number;
  /** Migration 011: the figures an offer needs; null until the company records them. */
  last_post_money: number | null;
  fully_diluted_shares: number | null;
  strike_price: number | null;
  /** Migration 014: owners, admins and approvers must sign in with a second factor. */
  mfa_required?: number;
}

export interface UserTable {
  id: string;
  company_id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string | null;
  disabled: number;
  created_at: string;
  updated_at: string;
  /** Migration 014: optimistic concurrency (If-Match) and the TOTP second factor. */
  version: number;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_enabled_at: string | null;
  totp_last_step: number | null;
}

export interface SessionTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  /** Migration 014: the last request (written at most once a minute) for the idle timeout. */
  last_seen_at: string | null;
}

export interface MfaRecoveryCodeTable {
  code_hash: string;
  user_id: string;
  created_at: string;
  used_at: string | null;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditLogTable {
  seq: Generated<number>;
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  fields: string;
}

export interface IdempotencyKeyTable {
  key: string;
  user_id: string;
  request_hash: string;
  status_code: number;
  response: string;
  created_at: string;
}

/** Migration 018: a sign-in or set-up limit's counter, shared by every server instance (key = SHA-256 of what it counts). */
export interface SignInCounterTable {
  key: string;
  window_start: string;
  count: number;
  expires_at: string;
}

/** Migration 018: the company's single sign-on provider (OpenID Connect). */
export interface OidcSettingsTable {
  company_id: string;
  provider_name: string;
  issuer: string;
  client_id: string;
  client_secret: string;
  allowed_domain: string | null;
  create_users: number;
  updated_by: string | null;
  updated_at: string;
  version: number;
}

/** Migration 018: a sign-in through the provider in flight (keyed by a SHA-256 of its state). */
export interface OidcLoginTable {
  state_hash: string;
  nonce: string;
  code_verifier: string;
  redirect_uri: string;
  created_at: string;
  expires_at: string;
}

export interface RoleTable {
  id: string;
  title: string;
  description: string | null;
  specializations: string;
  seniority: string;
  hiring_manager_id: string | null;
  recruiter_id: string | null;
  process_plan: string;
  clock_overrides: string;
  band_base_min: number | null;
  band_base_max: number | null;
  band_equity_pct_min: number | null;
  band_equity_pct_max: number | null;
  band_currency: string | null;
  pedigree_blind: number;
  status: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface CandidateTable {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  links: string;
  location: string | null;
  current_employer: string | null;
  source: string;
  passive: number;
  specializations: string;
  production_ml_years: number | null;
  comp_base: number | null;
  comp_bonus: number | null;
  comp_equity_annual: number | null;
  comp_currency: string | null;
  merged_into_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  /** Set while the candidate is archived (migration 009). */
  archived_at: string | null;
  /** Set while the person agreed to stay in the talent pool; retention spares them (migration 015). */
  talent_pool_consent_at: string | null;
}

export interface ApplicationTable {
  id: string;
  candidate_id: string;
  role_id: string;
  stage: string;
  status: string;
  loss_reason: string | null;
  labels: string;
  closed_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** Append-only: the database refuses UPDATE and DELETE. */
export interface ApplicationEventTable {
  id: string;
  application_id: string;
  seq: number;
  type: string;
  occurred_at: string;
  recorded_at: string;
  actor_id: string | null;
  data: string;
}

/* Interviews, scorecards, offers, approvals, notifications (migration 004). */

export interface InterviewTable {
  id: string;
  application_id: string;
  kind: string;
  scheduled_at: string;
  final: number;
  pedigree_blind: number;
  status: string;
  completed_at: string | null;
  cancelled_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  /** 008-interview-loops */
  stage_id: string | null;
  duration_minutes: number | null;
  location: string | null;
  focus_attribute_ids: string | null;
  notes: string | null;
  onsite_id: string | null;
}

export interface InterviewInterviewerTable {
  interview_id: string;
  user_id: string;
  position: number;
}

export interface ScorecardTable {
  id: string;
  interview_id: string;
  interviewer_id: string;
  status: string;
  ratings: string;
  recommendation: string | null;
  notes: string;
  submitted_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface OfferTable {
  id: string;
  application_id: string;
  status: string;
  current_version: number;
  expires_at: string | null;
  extended_at: string | null;
  responded_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface OfferVersionTable {
  id: string;
  offer_id: string;
  version: number;
  currency: string;
  base: number;
  bonus_target: number;
  sign_on: number;
  equity_kind: string;
  equity_shares: number;
  fully_diluted_shares: number;
  strike: number | null;
  last_post_money: number;
  terms: string;
  evaluation: string | null;
  inside_band: number;
  band_reasons: string;
  approval_status: string;
  approval_mode: string | null;
  approver_ids: string;
  submitted_by: string | null;
  submitted_at: string | null;
  decided_at: string | null;
  created_by: string | null;
  created_at: string;
  /** JSON copy of the board-approved band this version was checked against, or null (migration 010). */
  checked_band?: string | null;
}

export interface OfferApprovalTable {
  id: string;
  offer_version_id: string;
  approver_id: string;
  decision: string;
  comment: string | null;
  decided_at: string;
}

export interface NotificationTable {
  id: string;
  user_id: string;
  kind: string;
  dedupe_key: string;
  title: string;
  body: string;
  link: string;
  application_id: string | null;
  created_at: string;
  read_at: string | null;
  digested_at: string | null;
}

export interface NotificationPreferencesTable {
  user_id: string;
  email: number;
  chat: number;
  digest: string;
  last_digest_on: string | null;
  updated_at: string;
}

export interface OutboxTable {
  id: string;
  dedupe_key: string;
  notification_id: string | null;
  channel: string;
  recipient: string;
  subject: string;
  body: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

/* Market datasets and the company's selection (migration 003). */

export interface MarketDatasetTable {
  id: string;
  name: string;
  source: string;
  source_url: string | null;
  as_of: string;
  licence: string;
  row_count: number;
  record_count: number;
  byte_size: number;
  sha256: string;
  csv: string;
  created_by: string | null;
  created_at: string;
}

export interface MarketSelectionTable {
  company_id: string;
  dataset_id: string;
  updated_by: string | null;
  updated_at: string;
  version: number;
}

/** One JSON document per company and kind (migration 005, scoping). */
export interface CompanyScopingTable {
  company_id: string;
  kind: string;
  document: string;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/* The candidate record (migration 009): CV files and the erasure ledger. */

export interface CandidateFileTable {
  id: string;
  candidate_id: string;
  kind: string;
  filename: string;
  content_type: string;
  byte_size: number;
  sha256: string;
  storage: string;
  content: Buffer | null;
  created_by: string | null;
  created_at: string;
}

/** Append-only ledger of erased applications (ids only): their events may be deleted, nothing else may. */
export interface ErasedApplicationTable {
  application_id: string;
  erased_at: string;
  /** Migration 015: what analytics count, nothing that names the person (null for erasures before it). */
  role_id: string | null;
  stage: string | null;
  status: string | null;
  source: string | null;
  applied_month: string | null;
}

/** Migration 015: one row per erased candidate record, by a hash of its id; append-only, re-applied on restore. */
export interface ErasureLedgerTable {
  subject_hash: string;
  /** 'request' (someone erased them) or 'retention' (the company's rule did). */
  reason: string;
  erased_at: string;
}

/** Migration 015: the company's retention rule; null months = keep rejected candidates until someone erases them. */
export interface RetentionSettingsTable {
  company_id: string;
  rejected_after_months: number | null;
  updated_by: string | null;
  updated_at: string;
  version: number;
}

/** Migration 015: what one run of the retention rule did (counts only). */
export interface RetentionRunTable {
  id: string;
  company_id: string;
  ran_at: string;
  /** 'schedule' (background jobs) or 'manual' (someone pressed "Run now"). */
  trigger: string;
  rejected_after_months: number | null;
  cutoff: string | null;
  candidates_erased: number;
  applications_erased: number;
  kept_for_consent: number;
}

/** A board-approved band of one role for one company funding stage (migration 010). */
export interface RoleBandTable {
  role_id: string;
  company_stage: string;
  base_min: number;
  base_max: number;
  equity_pct_min: number;
  equity_pct_max: number;
  currency: string;
  approved_by: string | null;
  approved_on: string | null;
  recorded_by: string | null;
  recorded_at: string;
}

/** A person's "done today" mark on a Today item (migration 012). */
export interface TodayMarkTable {
  id: string;
  user_id: string;
  /** The UTC day, "2026-11-02". */
  day: string;
  item_key: string;
  application_id: string;
  action_id: string;
  event_id: string;
  text: string;
  created_at: string;
}

/** The reports' facts (migration 023): one row per application, derived from its events (domain historyReportFacts). */
export interface ReportFactsTable {
  application_id: string;
  first_contact_at: number | null;
  /** JSON: the history's facts without its clock runs. */
  facts: string;
  /** JSON: its clock runs (the clock-breaches report only). */
  clock_runs: string;
  updated_at: string;
  /** JSON: the facts' fold state after the last event (migration 025, domain ReportFactsState); null: fold the history again. */
  fold_state: string | null;
}

/** Migration 026: an application's stopped clock runs judged once under the settings named by clock_key (CLOCK_TALLY_COLUMNS). */
/** The facts the sources and losses reports read, as columns (migration 027). */
export interface ReportFactColumnsTable {
  application_id: string;
  role_id: string;
  first_contact_at: number | null;
  interviewed: number;
  offered: number;
  hired: number;
  loss_at: number | null;
  loss_reason: string | null;
  loss_stage: string | null;
  /** JSON: LoggedSignal[] */
  loss_signals: string | null;
}

export interface ReportClockTalliesTable {
  application_id: string;
  role_id: string;
  clock_key: string | null;
  clock_min_start: number | null;
  clock_max_start: number | null;
  clock_max_at: number | null;
  /** JSON: the runs still going, judged at each request; null when none. */
  open_runs: string | null;
  cycle_runs: Generated<number>;
  cycle_warning: Generated<number>;
  cycle_critical: Generated<number>;
  after_final_runs: Generated<number>;
  after_final_warning: Generated<number>;
  after_final_critical: Generated<number>;
  approval_runs: Generated<number>;
  approval_warning: Generated<number>;
  approval_critical: Generated<number>;
  reply_runs: Generated<number>;
  reply_warning: Generated<number>;
  reply_critical: Generated<number>;
  scorecard_runs: Generated<number>;
  scorecard_warning: Generated<number>;
  scorecard_critical: Generated<number>;
  idle_runs: Generated<number>;
  idle_warning: Generated<number>;
  idle_critical: Generated<number>;
}

/** Migration 026: an application's stopped approval and scorecard runs judged, per person who had to stop them. */
export interface ReportClockPeopleTable {
  application_id: string;
  clock: string;
  person_id: string;
  runs: number;
  warning: number;
  critical: number;
}

/** The pipeline read model (migration 013): derived from application_events, rebuilt by `closer db rebuild-projections`. */
export interface ApplicationProjectionTable {
  application_id: string;
  role_id: string;
  status: string;
  stage: string;
  /** Epoch milliseconds. */
  first_contact_at: number | null;
  last_event_at: number | null;
  attention_at: number | null;
  next_change_at: number | null;
  /** The fold's state (domain/pipeline/fold.ts) as JSON. */
  state: string;
  /** The state without its stopped runs (readState), what Today and the board read; null on rows from before migration 016. */
  read_state: string | null;
  updated_at: string;
}

/* Sourcing (migration 020): talent pools, prospects and their outreach history (docs/sourcing.md). */

export interface TalentPoolTable {
  id: string;
  company_id: string;
  name: string;
  owner_id: string | null;
  specializations: string;
  cadence_days: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface ProspectTable {
  id: string;
  pool_id: string;
  candidate_id: string;
  status: string;
  found_by: string | null;
  found_how: string;
  found_detail: string | null;
  current_employer: string | null;
  lab: string | null;
  links: string;
  lawful_basis: string | null;
  time_zone: string | null;
  touches: number;
  last_touch_at: string | null;
  last_reply_at: string | null;
  converted_application_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** Append-only: UPDATE is refused; DELETE only once the prospect row is gone (erasure). */
export interface ProspectEventTable {
  id: string;
  prospect_id: string;
  seq: number;
  type: string;
  occurred_at: string;
  recorded_at: string;
  actor_id: string | null;
  data: string;
}

/** Today's item rows (migration 017): derived with application_projections (domain todayRows), in the same transaction. */
export interface TodayItemTable {
  application_id: string;
  role_id: string;
  /** The application's status when the row was written (only active applications are on Today). */
  status: string;
  item_key: string;
  /** A clock id, or 'risk'. */
  item_id: string;
  /** Epoch milliseconds. */
  start_at: number | null;
  listed_at: number;
  until_at: number | null;
  warning_hours: number | null;
  critical_hours: number | null;
  basis: string | null;
  offer_id: string | null;
  interview_id: string | null;
  interviewer_id: string | null;
  /** JSON array of user ids, or null. */
  approver_ids: string | null;
  /** The application's last event (epoch ms), as on its projection row: a row stamped after `now` is not read. */
  last_event_at: number | null;
  /** Risk rows: the window's risk inputs (domain TodayRiskInputs) as JSON; null on clock rows. */
  risk_inputs: string | null;
}

export interface Database {
  companies: CompanyTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  mfa_recovery_codes: MfaRecoveryCodeTable;
  audit_log: AuditLogTable;
  idempotency_keys: IdempotencyKeyTable;
  sign_in_counters: SignInCounterTable;
  oidc_settings: OidcSettingsTable;
  oidc_logins: OidcLoginTable;
  roles: RoleTable;
  candidates: CandidateTable;
  applications: ApplicationTable;
  application_events: ApplicationEventTable;
  interviews: InterviewTable;
  interview_interviewers: InterviewInterviewerTable;
  scorecards: ScorecardTable;
  offers: OfferTable;
  offer_versions: OfferVersionTable;
  offer_approvals: OfferApprovalTable;
  notifications: NotificationTable;
  notification_preferences: NotificationPreferencesTable;
  outbox: OutboxTable;
  market_datasets: MarketDatasetTable;
  market_selection: MarketSelectionTable;
  company_scoping: CompanyScopingTable;
  candidate_files: CandidateFileTable;
  erased_applications: ErasedApplicationTable;
  role_bands: RoleBandTable;
  today_marks: TodayMarkTable;
  application_projections: ApplicationProjectionTable;
  today_items: TodayItemTable;
  report_facts: ReportFactsTable;
  report_clock_tallies: ReportClockTalliesTable;
  report_clock_people: ReportClockPeopleTable;
  report_fact_columns: ReportFactColumnsTable;
  erasure_ledger: ErasureLedgerTable;
  retention_settings: RetentionSettingsTable;
  retention_runs: RetentionRunTable;
  postings: PostingTable;
  posting_answers: PostingAnswerTable;
  import_jobs: ImportJobTable;
  import_links: ImportLinkTable;
  imported_feedback: ImportedFeedbackTable;
  imported_offers: ImportedOfferTable;
  imported_offer_versions: ImportedOfferVersionTable;
  talent_pools: TalentPoolTable;
  prospects: ProspectTable;
  prospect_events: ProspectEventTable;
  outreach_templates: OutreachTemplateTable;
  sequences: SequenceTable;
  sequence_steps: SequenceStepTable;
  sequence_enrollments: SequenceEnrollmentTable;
  sequence_messages: SequenceMessageTable;
  outreach_suppressions: OutreachSuppressionTable;
  outreach_keys: OutreachKeyTable;
}

/* Migration 021: outreach sequences (docs/sequences.md). */
export interface OutreachTemplateTable {
  id: string;
  company_id: string;
  name: string;
  subject: string;
  body: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface SequenceTable {
  id: string;
  company_id: string;
  name: string;
  audience: string;
  status: string;
  sender_id: string;
  role_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface SequenceStepTable {
  sequence_id: string;
  position: number;
  kind: string;
  template_id: string | null;
  business_days: number | null;
  task: string | null;
  note: string | null;
}

export interface SequenceEnrollmentTable {
  id: string;
  sequence_id: string;
  prospect_id: string;
  status: string;
  step_index: number;
  due_at: string;
  stop_reason: string | null;
  enrolled_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** One e-mail step of an enrollment, claimed before it is sent (unique per enrollment and step). */
export interface SequenceMessageTable {
  id: string;
  enrollment_id: string;
  step_index: number;
  sender_id: string;
  message_id: string;
  /** sending (claimed), sent, bounced (5xx), uncertain (the connection dropped mid-send: never sent again) */
  status: string;
  error: string | null;
  prospect_event_id: string | null;
  claimed_at: string;
  sent_at: string | null;
}

/** An opted-out or bounced address as the SHA-256 of its lower-cased form. */
export interface OutreachSuppressionTable {
  address_hash: string;
  reason: string;
  created_at: string;
}

export interface OutreachKeyTable {
  company_id: string;
  signing_key: string;
  inbound_secret: string;
  created_at: string;
}

/* Public job postings (migration 022). */

export interface PostingTable {
  id: string;
  role_id: string;
  slug: string;
  title: string;
  public_text: string;
  location: string;
  remote_policy: string;
  signals: string;
  questions: string;
  base_min: number | null;
  base_max: number | null;
  base_currency: string | null;
  status: string;
  published_at: string | null;
  closed_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface PostingAnswerTable {
  application_id: string;
  candidate_id: string;
  posting_id: string;
  answers: string;
  links: string;
  talent_pool_months: number | null;
  submitted_at: string;
}

/* Imports from other systems (migration 019). */

export interface ImportJobTable {
  id: string;
  system: string;
  status: string;
  files: string;
  options: string;
  stage_mapping: string;
  dry_run: string | null;
  report: string | null;
  error: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  version: number;
}

/** Which Closer record an imported record became (or was merged into): the key of idempotent imports. */
export interface ImportLinkTable {
  system: string;
  entity: string;
  external_id: string;
  closer_id: string;
  job_id: string;
  created_at: string;
}

/** A scorecard from another system, kept apart from Closer's structured scores. */
/* Migration 024: offers imported from another system, with their versions (money: whole units + currency). */
export interface ImportedOfferTable {
  id: string;
  application_id: string;
  system: string;
  external_id: string;
  status: string;
  source_status: string;
  drafted_at: string;
  sent_at: string | null;
  resolved_at: string | null;
  current_version: number;
  approvals: string;
  job_id: string;
  created_at: string;
}

export interface ImportedOfferVersionTable {
  id: string;
  offer_id: string;
  version: number;
  created_at: string;
  sent_at: string | null;
  start_date: string | null;
  currency: string | null;
  base: number | string | null;
  other_terms: string;
}

export interface ImportedFeedbackTable {
  id: string;
  application_id: string;
  system: string;
  external_id: string;
  interview_name: string | null;
  author_name: string | null;
  submitted_at: string | null;
  recommendation: string | null;
  ratings: string;
  answers: string;
  notes: string | null;
  job_id: string;
  created_at: string;
}
