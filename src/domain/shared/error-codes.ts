/**
 * The one catalogue of error codes. Codes are part of the API contract: add, never rename.
 * `status` is the HTTP status the server maps each code to; the CLI maps 4xx codes to exit 2.
 */
export const ERROR_CATALOGUE = {
  // input
  VALIDATION_FAILED: { status: 400, message: 'The request is not valid.' },
  UNKNOWN_FIELD: { status: 400, message: 'The request has a field that is not allowed.' },
  INVALID_STRING: { status: 400, message: 'Text may not contain NUL characters or lone surrogates.' },
  BODY_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Send JSON with Content-Type: application/json.' },
  MALFORMED_JSON: { status: 400, message: 'The body is not valid JSON.' },
  // requests the HTTP layer refuses before any route runs
  URL_INVALID: { status: 400, message: 'The address is not validly encoded.' },
  URL_TOO_LONG: { status: 414, message: 'A part of the address is too long.' },
  HEADERS_TOO_LARGE: { status: 431, message: 'The request headers are too large.' },
  REQUEST_TIMEOUT: { status: 408, message: 'The request took too long to arrive.' },
  MALFORMED_REQUEST: { status: 400, message: 'The request is not valid HTTP.' },
  // auth
  UNAUTHENTICATED: { status: 401, message: 'Sign in first.' },
  INVALID_CREDENTIALS: { status: 401, message: 'E-mail or password is wrong.' },
  FORBIDDEN: { status: 403, message: 'Your role does not allow this.' },
  CSRF_FAILED: { status: 403, message: 'Missing or wrong CSRF token.' },
  RATE_LIMITED: { status: 429, message: 'Too many attempts. Wait and try again.' },
  USER_DISABLED: { status: 403, message: 'This account is disabled.' },
  // records
  NOT_FOUND: { status: 404, message: 'Not found.' },
  ROUTE_NOT_FOUND: { status: 404, message: 'No such endpoint.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'Method not allowed.' },
  USER_NOT_FOUND: { status: 404, message: 'No such user.' },
  TOKEN_NOT_FOUND: { status: 404, message: 'No such API token.' },
  EMAIL_TAKEN: { status: 409, message: 'A user with this e-mail already exists.' },
  ALREADY_SET_UP: { status: 409, message: 'This workspace is already set up.' },
  NOT_SET_UP: { status: 409, message: 'This workspace is not set up yet.' },
  CONFLICT: { status: 409, message: 'The record changed or conflicts with another.' },
  LAST_OWNER: { status: 409, message: 'A workspace needs at least one active owner.' },
  PRECONDITION_FAILED: { status: 412, message: 'The record changed since you read it. Reload and try again.' },
  PRECONDITION_REQUIRED: { status: 428, message: 'Send If-Match with the ETag you read.' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, message: 'This Idempotency-Key was used for a different request.' },
  // compensation model
  MONEY_INVALID: { status: 400, message: 'Money must be a finite, non-negative whole number.' },
  PROBABILITY_OUT_OF_RANGE: { status: 400, message: 'Probabilities are between 0 and 1.' },
  RATE_OUT_OF_RANGE: { status: 400, message: 'Rate out of range.' },
  SHARES_INVALID: { status: 400, message: 'Share counts are invalid.' },
  EQUITY_OUT_OF_RANGE: { status: 400, message: 'Equity must be between 0 and 100% of fully diluted shares.' },
  STRIKE_INVALID: { status: 400, message: 'Strike price is invalid.' },
  VESTING_INVALID: { status: 400, message: 'Vesting schedule is invalid.' },
  HORIZON_INVALID: { status: 400, message: 'Horizon or tenure is out of range.' },
  PATHS_INVALID: { status: 400, message: 'Paths must be a whole number from 1,000 to 1,000,000.' },
  STAGE_INVALID: { status: 400, message: 'Unknown company stage.' },
  CURRENCY_MISMATCH: { status: 400, message: 'All amounts of one evaluation must share a currency.' },
  PARAMETER_INVALID: { status: 400, message: 'A model parameter is out of range.' },
  DATASET_INVALID: { status: 400, message: 'The dataset file is not valid.' },
  DATASET_NOT_FOUND: { status: 404, message: 'No such dataset.' },
  BUDGET_INVALID: { status: 400, message: 'Give the yearly budget, or the raise with the planned runway, or the yearly burn.' },
  BENCHMARK_QUERY_INVALID: { status: 400, message: 'Unknown role group, level, country or years for the benchmark.' },
  // scoping and plans
  TEXT_EMPTY: { status: 400, message: 'The text is empty.' },
  TEXT_TOO_LARGE: { status: 413, message: 'The text is over 100 KB.' },
  TEXT_UNRECOGNISED: { status: 422, message: 'The text is not in a recognisable form.' },
  PLAN_INVALID: { status: 400, message: 'The plan document is not valid.' },
  TAXONOMY_INVALID: { status: 400, message: 'The taxonomy or its extension is not valid.' },
  SCOPING_INPUT_INVALID: { status: 400, message: 'The role, company or team input is not valid.' },
  // pipeline
  ROLE_NOT_FOUND: { status: 404, message: 'No such role.' },
  CANDIDATE_NOT_FOUND: { status: 404, message: 'No such candidate.' },
  APPLICATION_NOT_FOUND: { status: 404, message: 'No such application.' },
  EVENT_IN_FUTURE: { status: 400, message: 'An event cannot happen in the future.' },
  EVENT_TYPE_INVALID: { status: 400, message: 'Unknown event type.' },
  DUPLICATE_APPLICATION: { status: 409, message: 'This candidate already has an application for this role.' },
  CLOCK_SETTINGS_INVALID: { status: 400, message: 'The clock settings are not valid.' },
  RISK_SETTINGS_INVALID: { status: 400, message: 'The risk settings are not valid.' },
  // the candidate record
  CANDIDATE_ARCHIVED: { status: 409, message: 'This candidate is archived. Unarchive them first.' },
  ACTIVE_APPLICATIONS: { status: 409, message: 'The candidate still has active applications. Close them first.' },
  APPLICATION_NOT_CLOSED: { status: 409, message: 'This application is open; only a closed application can be reopened.' },
  FILE_NOT_FOUND: { status: 404, message: 'No such file.' },
  FILE_TOO_LARGE: { status: 413, message: 'The file is too large.' },
  FILE_TYPE_INVALID: { status: 415, message: 'Upload a PDF or a plain-text (UTF-8) file.' },
  FILE_STORE_UNAVAILABLE: { status: 503, message: 'The file store is not reachable.' },
  // offers and interviews
  OFFER_NOT_FOUND: { status: 404, message: 'No such offer.' },
  OFFER_STATE_INVALID: { status: 409, message: 'The offer is not in a state that allows this.' },
  ALREADY_DECIDED: { status: 409, message: 'This approver has already decided.' },
  INTERVIEW_NOT_FOUND: { status: 404, message: 'No such interview.' },
  SCORECARD_NOT_FOUND: { status: 404, message: 'No such scorecard.' },
  SCORECARD_SUBMITTED: { status: 409, message: 'This scorecard is already submitted.' },
  INTERVIEW_STATE_INVALID: { status: 409, message: 'The interview is not in a state that allows this.' },
  INTERVIEWER_INVALID: { status: 400, message: 'An interviewer must be an active user of the workspace.' },
  SCORECARD_INCOMPLETE: { status: 400, message: 'The scorecard needs a recommendation and at least one rating, each with evidence.' },
  RATING_INVALID: { status: 400, message: 'A rating is a whole number from 1 to 4 on an attribute of the template.' },
  EVIDENCE_REQUIRED: { status: 400, message: 'Each rating needs a line of evidence.' },
  OFFER_EXPIRED: { status: 409, message: 'The offer has expired.' },
  NOT_AN_APPROVER: { status: 403, message: 'You are not an approver of this offer (approvers are chosen in Settings → Approvals).' },
  NOT_YOUR_TURN: { status: 409, message: 'An earlier approver has not decided yet.' },
  APPROVERS_NOT_CONFIGURED: { status: 409, message: 'No one can approve offers outside the band: choose approvers in Settings → Approvals.' },
  NOTIFICATION_NOT_FOUND: { status: 404, message: 'No such notification.' },
  INTERVIEW_OVERLAP: { status: 409, message: 'Two interviews overlap for the same person.' },
  ONSITE_NOT_FOUND: { status: 404, message: 'No such onsite.' },
  ROLE_BAND_NOT_FOUND: { status: 404, message: 'This role has no band for that funding stage.' },
  // Today: done marks and undo
  TODAY_ITEM_GONE: { status: 409, message: 'This is no longer late, so there is nothing to log. Reload Today.' },
  TODAY_ALREADY_DONE: { status: 409, message: 'You have already done this today.' },
  TODAY_NOTHING_TO_LOG: { status: 409, message: 'This is done on another page, not logged from Today.' },
  TODAY_MARK_NOT_FOUND: { status: 404, message: 'No such mark on your Today.' },
  UNDO_EXPIRED: { status: 409, message: 'The minute to undo this has passed.' },
  EVENT_NOT_FOUND: { status: 404, message: 'No such event on this application.' },
  // server
  INTERNAL: { status: 500, message: 'Something went wrong on our side.' },
  DATABASE_UNAVAILABLE: { status: 503, message: 'The database is not reachable.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export function statusForCode(code: ErrorCode): number {
  return ERROR_CATALOGUE[code].status;
}
