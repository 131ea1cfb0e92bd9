/** The registry of `jixiao` sub-commands, in help order. */
import { auditCommand } from './audit.js';
import type { Command } from './command.js';
import { importCommand } from './import.js';
import { profilesCommand } from './profiles.js';
import { scoreCommand } from './score.js';

export const COMMANDS: Command[] = [scoreCommand, auditCommand, profilesCommand, importCommand];
