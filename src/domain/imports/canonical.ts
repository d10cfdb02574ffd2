// The one shape every import source is read into, and the only thing the import service applies. A parser knows a
// vendor's files; the service knows Closer's tables; neither knows the other. Everything here is plain data with the
// source's own ids (externalId) and names, so a dry run can say what will happen before anything is written.
// Times are UTC ISO-8601 instants; money is an integer of whole units plus an ISO-4217 code.

export const IMPORT_SYSTEMS = ['greenhouse', 'lever', 'ashby', 'csv', 'closer'] as const;
export type ImportSystem = (typeof IMPORT_SYSTEMS)[number];

/** Where a record came from in the source: kept on every imported row so a second import finds it again. */
export interface ExternalRef {
  externalSystem: ImportSystem;
  externalId: string;
}

/** One input file, decoded as UTF-8 by the caller (which refuses bytes that are not UTF-8). Read it chunk by chunk so
 * a file of hundreds of megabytes never has to be one string. */
export interface ImportFile {
  /** The file's path relative to the import's root, as the user will recognise it in a problem report. */
  name: string;
  chunks: () => AsyncIterable<string>;
}

export type ImportProblemSeverity = 'error' | 'warning';

/** Something wrong in the input. An import with any error does not run; warnings are shown and the import can go on. */
export interface ImportProblem {
  severity: ImportProblemSeverity;
  /** A catalogue code in kebab-case, for example `malformed-json`, `missing-reference`, `out-of-order`. */
  code: string;
  message: string;
  file?: string;
  /** 1-based line of a CSV row or of the JSON record's start when known. */
  line?: number;
  recordId?: string;
  field?: string;
}

export interface ImportedUser extends ExternalRef {
  name: string;
  email?: string;
}

/** A stage as the source names it, in the order of its job's plan (or the account's, for Lever). */
export interface ImportedStage extends ExternalRef {
  name: string;
  /** How the stage reads on screen when `name` is an id (a Closer export's stages are its roles' stage ids). */
  label?: string;
  order: number;
  /** Present when the source defines stages per job (Greenhouse, Ashby). */
  roleExternalId?: string;
}

export interface ImportedRole extends ExternalRef {
  title: string;
  status: 'open' | 'closed' | 'draft';
  openedAt?: string;
  closedAt?: string;
  department?: string;
  location?: string;
  /** A Closer export's role: its own process plan (stages with planned days), checked by the parser. */
  processPlan?: { stages: Array<{ id: string; name: string; plannedDays: number }> };
  /** A Closer export's role: its clock settings over the company's (ClockSettingsOverride), checked by the parser. */
  clockOverrides?: Record<string, unknown>;
}

export interface ImportedCandidate extends ExternalRef {
  name: string;
  /** The primary address; duplicates against existing candidates are found by it. */
  email?: string;
  otherEmails: string[];
  phone?: string;
  links: string[];
  location?: string;
  currentEmployer?: string;
  title?: string;
  tags: string[];
  createdAt: string;
  /** The source's word for where the person came from, when it is said of the person (a Closer export's candidate);
   * the first application's source comes first. */
  sourceName?: string;
  /** A Closer export's archived candidate: when it was archived (kept archived). */
  archivedAt?: string;
}

export interface ImportedStageChange {
  stageExternalId: string;
  at: string;
}

export type ImportedApplicationStatus = 'active' | 'hired' | 'rejected' | 'withdrawn';

export interface ImportedApplication extends ExternalRef {
  candidateExternalId: string;
  /** Missing for a prospect with no job; such records are reported and skipped. */
  roleExternalId?: string;
  createdAt: string;
  /** The source's own words ("LinkedIn", "Referral"); the service maps them to Closer's sources. */
  sourceName?: string;
  referrerName?: string;
  /** Every stage the application entered, oldest first, with the real time it entered. */
  stageHistory: ImportedStageChange[];
  currentStageExternalId?: string;
  status: ImportedApplicationStatus;
  closedAt?: string;
  /** The source's reason text or name; the service maps it to a Closer loss reason. */
  rejectionReason?: string;
  /** A lead in the source's CRM (Greenhouse `prospect`, Ashby `Lead`), not yet a candidacy. */
  prospect: boolean;
  /** The application's own timeline, oldest first, when the source is a Closer export: written as it was (instead of
   * the events made from the stage history) so clocks and risks read the same history after the import. */
  events?: ImportedEvent[];
}

/** One event of a Closer application's timeline (type and data as Closer records them). */
export interface ImportedEvent {
  type: string;
  at: string;
  data: Record<string, unknown>;
}

/** Where a record was read, for the problems the plan finds later (file relative to the import's root, 1-based line). */
export interface SourcePlace {
  file?: string;
  line?: number;
}

// Kept beside the records rather than on them, so a record stays the plain shape the parsers' tests compare.
const places = new WeakMap<object, SourcePlace>();

/** Notes where a parser read `record` (its file and line), for the plan's problems. */
export function setSourcePlace(record: object, file: string | undefined, line: number | undefined): void {
  const place: SourcePlace = {};
  if (file !== undefined) place.file = file;
  if (line !== undefined) place.line = line;
  places.set(record, place);
}

/** Where a parser read `record`, when it said so. */
export function sourcePlaceOf(record: object): SourcePlace {
  return places.get(record) ?? {};
}

export interface ImportedInterview extends ExternalRef {
  applicationExternalId: string;
  name?: string;
  startsAt?: string;
  endsAt?: string;
  /** The source's status word, kept as text. */
  status?: string;
  interviewerExternalIds: string[];
}

export type ImportedRecommendation = 'strong_no' | 'no' | 'mixed' | 'yes' | 'strong_yes' | 'no_decision';

/** A scorecard from another system: kept as imported feedback, never mixed into Closer's structured scores. */
export interface ImportedFeedback extends ExternalRef {
  applicationExternalId: string;
  interviewExternalId?: string;
  interviewName?: string;
  authorExternalId?: string;
  authorName?: string;
  submittedAt?: string;
  recommendation?: ImportedRecommendation;
  ratings: { attribute: string; rating: string; note?: string }[];
  answers: { question: string; answer: string }[];
  notes?: string;
  /** Feedback a Closer export carries as imported from another system: where it first came from (kept when stored). */
  origin?: { system: string; externalId: string };
}

export interface ImportedMoney {
  amount: number;
  currency: string;
}

export interface ImportedOfferVersion {
  version: number;
  createdAt: string;
  sentAt?: string;
  startDate?: string;
  base?: ImportedMoney;
  /** Custom fields the source kept pay in, as name -> text, when no base could be read. */
  otherTerms: Record<string, string>;
}

export interface ImportedOfferApproval {
  approverExternalId?: string;
  status: 'pending' | 'approved' | 'rejected';
  resolvedAt?: string;
}

export interface ImportedOffer extends ExternalRef {
  applicationExternalId: string;
  status: 'draft' | 'sent' | 'accepted' | 'declined' | 'deprecated';
  resolvedAt?: string;
  /** Oldest first; the last one is the current version. */
  versions: ImportedOfferVersion[];
  approvals: ImportedOfferApproval[];
  /**
   * An offer a Closer export carries as imported from another system: the system and id it first came from, which
   * the stored offer keeps (the batch's own `externalSystem`/`externalId` still link it, so a second import skips it).
   */
  origin?: { system: string; externalId: string };
}

export interface ImportedNote extends ExternalRef {
  candidateExternalId?: string;
  applicationExternalId?: string;
  body: string;
  createdAt: string;
  authorExternalId?: string;
}

/** Everything one import read, before anything is written. */
export interface ImportBatch {
  system: ImportSystem;
  users: ImportedUser[];
  roles: ImportedRole[];
  stages: ImportedStage[];
  candidates: ImportedCandidate[];
  applications: ImportedApplication[];
  interviews: ImportedInterview[];
  feedback: ImportedFeedback[];
  offers: ImportedOffer[];
  notes: ImportedNote[];
  problems: ImportProblem[];
  /** What only a Closer export carries: the company's clock and risk settings and the links of its own imports. */
  carried?: CarriedFromExport;
}

/** A link of the exporting Closer's imports: `closerId` is the exporting Closer's id of the record. */
export interface CarriedLink {
  system: string;
  entity: string;
  externalId: string;
  closerId: string;
}

export interface CarriedFromExport {
  /** The company's stored clock and risk overrides (PUT /pipeline/settings body), checked by the parser. */
  pipelineSettings?: { clocks?: Record<string, unknown>; risk?: Record<string, unknown> };
  links: CarriedLink[];
}

/** A source's reader: files in, one batch out. Never throws on bad input; every fault becomes a problem. */
export type ImportParser = (files: readonly ImportFile[]) => Promise<ImportBatch>;

export function emptyBatch(system: ImportSystem): ImportBatch {
  return { system, users: [], roles: [], stages: [], candidates: [], applications: [], interviews: [], feedback: [], offers: [], notes: [], problems: [] };
}
