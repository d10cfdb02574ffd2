import type { Command } from '../command.js';
import { dbBackupCommand, dbLedgerCommand, dbRestoreCommand, dbMigrateCommand, dbRebuildProjectionsCommand, serveCommand, tokenCreateCommand, userCreateCommand, userResetMfaCommand } from './foundation.js';
import { eventAddCommand, todayCommand } from './pipeline.js';
import { offerApproveCommand, offerListCommand, offerRejectCommand, offerShowCommand } from './offers.js';
import { marketCommand, offerEvaluateCommand, thresholdCommand } from './compensation.js';
import { checkCommand, scopeCommand, teamPlanCommand } from './scoping.js';
import { setupCommand } from './setup.js';
import { candidateEraseCommand, candidateExportCommand, retentionCommand } from './privacy.js';
import { reportCommand } from './reports.js';
import { postingCommand } from './postings.js';
import { exportCommand } from './export.js';
import { importCommand } from './imports.js';
import { poolsCommand, prospectsImportCommand } from './sourcing.js';
import { outreachLintCommand } from './outreach.js';
import { enrollmentsCommand, sequencesCommand, templatesCommand } from './sequences.js';

/** Every command of `closer`; a capability adds its commands to this list. */
export const COMMANDS: Command[] = [
  serveCommand,
  setupCommand,
  dbMigrateCommand,
  dbRebuildProjectionsCommand,
  dbBackupCommand,
  dbRestoreCommand,
  dbLedgerCommand,
  userCreateCommand,
  userResetMfaCommand,
  tokenCreateCommand,
  todayCommand,
  eventAddCommand,
  offerListCommand,
  offerShowCommand,
  offerApproveCommand,
  offerRejectCommand,
  offerEvaluateCommand,
  thresholdCommand,
  marketCommand,
  scopeCommand,
  checkCommand,
  teamPlanCommand,
  candidateExportCommand,
  candidateEraseCommand,
  retentionCommand,
  reportCommand,
  postingCommand,
  exportCommand,
  importCommand,
  poolsCommand,
  prospectsImportCommand,
  outreachLintCommand,
  templatesCommand,
  sequencesCommand,
  enrollmentsCommand,
];
