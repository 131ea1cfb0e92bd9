export { runCli, helpText } from './run-cli.js';
export type { Command, CliIo } from './commands/command.js';
