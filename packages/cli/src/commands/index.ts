/** The registry of `jixiao` sub-commands, in help order. */
import { auditCommand } from './audit.js';
import { auditLogCommand } from './audit-log.js';
import { backupCommand } from './backup.js';
import { exportCommand } from './export.js';
import type { Command } from './command.js';
import { importCommand } from './import.js';
import { profilesCommand } from './profiles.js';
import { restoreCommand } from './restore.js';
import { scoreCommand } from './score.js';
import { serveCommand } from './serve.js';

export const COMMANDS: Command[] = [
  scoreCommand,
  auditCommand,
  profilesCommand,
  importCommand,
  exportCommand,
  serveCommand,
  backupCommand,
  restoreCommand,
  auditLogCommand,
];
