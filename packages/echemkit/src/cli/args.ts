/** Argument parsing shared by the CLI commands (node:util parseArgs with usage errors as exit 2). */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs that turns unknown options and missing values into UsageError. */
export function parse<const O extends Options>(argv: string[], options: O, allowPositionals = true): ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: boolean; strict: true }>> {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}
