/** A `jixiao` sub-command. Each lives in its own file under commands/ and is listed in commands/index.ts. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** What the help screen shows of a command (kept in commands/index.ts, so help loads no command module). */
export interface CommandInfo {
  name: string;
  /** One line of Chinese for the help screen. */
  summary: string;
  /** Usage lines, e.g. "jixiao score <evaluation.json> [--profile id]". */
  usage: string[];
}

export interface Command extends CommandInfo {
  /** Returns the process exit code. Throw JxError for user errors. */
  run(args: string[], io: CliIo): Promise<number>;
}
