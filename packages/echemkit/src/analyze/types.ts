/** Contract of `echemkit analyze <topic>` subcommands. */
import type { EchemkitDocument } from '@echemkit/core';

/** What a subcommand may use for input and output (the CLI provides Node-backed versions; tests fake them). */
export interface CliIO {
  /** Writes data (results) to standard output. */
  stdout(data: string | Uint8Array): void;
  /** Writes messages to standard error. */
  stderr(text: string): void;
  /** Reads and converts an instrument file (any registered format) or an echemkit JSON document. */
  readDocument(path: string, options?: { format?: string }): Promise<EchemkitDocument>;
  /** Writes a file (e.g. a plot). */
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
}

export interface AnalyzeCommand {
  /** Topic name: `echemkit analyze <name>`. */
  name: string;
  /** One line for `echemkit analyze --help`. */
  summary: string;
  /** Usage text printed by `echemkit analyze <name> --help`. */
  usage: string;
  /** Runs with the arguments after the topic; returns the exit code (0 ok, 1 failed, 2 usage error). */
  run(argv: string[], io: CliIO): Promise<number>;
}
