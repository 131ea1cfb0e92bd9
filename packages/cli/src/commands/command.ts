/** A `jixiao` sub-command. Each lives in its own file under commands/ and is listed in commands/index.ts. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface Command {
  name: string;
  /** One line of Chinese for the help screen. */
  summary: string;
  /** Usage lines, e.g. "jixiao score <evaluation.json> [--profile id]". */
  usage: string[];
  /** Returns the process exit code. Throw JxError for user errors. */
  run(args: string[], io: CliIo): Promise<number>;
}
