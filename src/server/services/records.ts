/**
 * The record shapes services hand to routes and presenters. Routes never import storage (the boundary check
 * enforces it); a presenter names the records it formats through this list.
 */
export type {
  ApiTokenRecord,
  ApplicationEventRecord,
  ApplicationRecord,
  ApprovalDecisionRecord,
  AuditRecord,
  AuditSubject,
  CandidateFileRecord,
  CandidateRecord,
  CheckedBandRecord,
  Company,
  ImportJobRecord,
  NotificationRecord,
  OfferVersionRecord,
  PostingRecord,
  RetentionRun,
  RoleRecord,
  ScorecardRecord,
  StageBandRecord,
  UserRecord,
  ProspectEventRecord,
  ProspectWithPerson,
  TalentPoolSummary,
} from '../../storage/index.js';
