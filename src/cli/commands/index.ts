import type { Command } from '../command.js';
import { dbBackupCommand, dbMigrateCommand, serveCommand, tokenCreateCommand, userCreateCommand } from './foundation.js';

/** Every command of `closer`; a capability adds its commands to this list. */
export const COMMANDS: Command[] = [serveCommand, dbMigrateCommand, dbBackupCommand, userCreateCommand, tokenCreateCommand];
