/** What every `echemkit analyze <topic>` shares: number options, help, exit codes. */
import type { EchemkitDocument } from '@echemkit/core';
import type { CliIO } from './types.js';

/** A numeric option value, or an Error naming the option. */
export function numberArg(name: string, v: string | undefined): number {
  const x = Number(v);
  if (v === undefined || v === '' || !Number.isFinite(x)) throw new Error(`${name} needs a number, got ${v ?? 'nothing'}`);
  return x;
}

/**
 * Runs a topic: `--help` prints the usage (exit 0); an argument error prints it with the
 * problem (exit 2); the input is read, `analyse` writes the result (exit 0), and a failure of
 * reading or analysis is reported (exit 1).
 */
export async function runTopic<A extends { file: string; format?: string | undefined }>(
  topic: string,
  usage: string,
  argv: string[],
  io: CliIO,
  parse: (argv: string[]) => A,
  analyse: (doc: EchemkitDocument, args: A) => number | Promise<number>,
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(usage);
    return 0;
  }
  let args: A;
  try {
    args = parse(argv);
  } catch (e) {
    io.stderr(`echemkit analyze ${topic}: ${(e as Error).message}\n\n${usage}`);
    return 2;
  }
  try {
    const doc = await io.readDocument(args.file, args.format ? { format: args.format } : undefined);
    return await analyse(doc, args);
  } catch (e) {
    io.stderr(`echemkit analyze ${topic}: ${(e as Error).message}\n`);
    return 1;
  }
}

/**
 * Walks the arguments of a topic: `--format <id>` and the one input file are handled here;
 * every other option goes to `option`, which consumes its value with `next()` (or looks
 * ahead with `peek()`) and returns false for an option it does not know.
 */
export function scanArgs(argv: string[], option: (name: string, next: () => string | undefined, peek: () => string | undefined) => boolean): { file: string; format: string | undefined } {
  let file: string | undefined;
  let format: string | undefined;
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k]!;
    const next = () => argv[++k];
    if (a === '--format') format = next();
    else if (!option(a, next, () => argv[k + 1])) {
      if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
      if (file) throw new Error(`one input file expected, got ${file} and ${a}`);
      file = a;
    }
  }
  if (!file) throw new Error('an input file is required');
  return { file, format };
}
