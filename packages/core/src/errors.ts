/**
 * The one error hierarchy of echemkit. Every fatal problem a parser, writer or validator
 * meets is an `EchemkitError` (or subclass) carrying a stable code, the format id,
 * where in the file it happened and a hint on what to try.
 */

export interface ErrorDetails {
  /** Plugin id (`biologic.mpr`) or component (`cli`, `validate`). */
  format?: string | undefined;
  /** Byte offset in the input. */
  offset?: number | undefined;
  /** 1-based line in a text input. */
  line?: number | undefined;
  /** What the reader expected to find. */
  expected?: string | undefined;
  /** What it found. */
  actual?: string | undefined;
  /** What the user can try. */
  hint?: string | undefined;
  cause?: unknown;
}

export type ErrorCode =
  | 'ECHEM_FORMAT'
  | 'ECHEM_TRUNCATED'
  | 'ECHEM_UNSUPPORTED_VERSION'
  | 'ECHEM_UNKNOWN_COLUMN'
  | 'ECHEM_DETECTION'
  | 'ECHEM_LIMIT'
  | 'ECHEM_VALIDATION'
  | 'ECHEM_INPUT'
  | 'ECHEM_ANALYSIS'
  | 'ECHEM_PLUGIN_LOAD';

function place(d: ErrorDetails): string {
  if (d.offset !== undefined) return ` at byte ${d.offset} (0x${d.offset.toString(16)})`;
  if (d.line !== undefined) return ` at line ${d.line}`;
  return '';
}

/** Base class: message starts with the format id, then the problem and the place. */
export class EchemkitError extends Error {
  readonly code: ErrorCode;
  readonly format: string | undefined;
  readonly offset: number | undefined;
  readonly line: number | undefined;
  readonly expected: string | undefined;
  readonly actual: string | undefined;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    const prefix = details.format ? `${details.format}: ` : '';
    let text = `${prefix}${message}${place(details)}`;
    if (details.expected !== undefined) text += `; expected ${details.expected}`;
    if (details.actual !== undefined) text += `, found ${details.actual}`;
    if (details.hint) text += `. ${details.hint}`;
    super(text, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.code = code;
    this.format = details.format;
    this.offset = details.offset;
    this.line = details.line;
    this.expected = details.expected;
    this.actual = details.actual;
    this.hint = details.hint;
  }
}

/** The bytes do not follow the format's layout. */
export class FormatError extends EchemkitError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('ECHEM_FORMAT', message, details);
  }
}

/** The file ends before a structure that cannot be recovered partially (e.g. a header). */
export class TruncatedError extends EchemkitError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('ECHEM_TRUNCATED', message, { hint: 'The file may still be written by a running experiment or was cut during copy', ...details });
  }
}

/** A layout version the reader does not know. */
export class UnsupportedVersionError extends EchemkitError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('ECHEM_UNSUPPORTED_VERSION', message, details);
  }
}

/** Vendor column ids whose layout cannot be recovered. */
export class UnknownColumnError extends EchemkitError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('ECHEM_UNKNOWN_COLUMN', message, details);
  }
}

/** No plugin, or more than one, recognises the input. */
export class DetectionError extends EchemkitError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('ECHEM_DETECTION', message, { format: details.format ?? 'detect', ...details });
  }
}

/** A declared size or count exceeds a safety limit (zip bomb, corrupted length field). */
export class LimitError extends EchemkitError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('ECHEM_LIMIT', message, details);
  }
}

/** A document does not conform to the schema. */
export class ValidationError extends EchemkitError {
  readonly problems: readonly { pointer: string; message: string }[];
  constructor(message: string, problems: readonly { pointer: string; message: string }[], details: ErrorDetails = {}) {
    super('ECHEM_VALIDATION', message, { format: 'validate', ...details });
    this.problems = problems;
  }
}

/** The input cannot be read (not a file, unreadable, wrong type). */
export class InputError extends EchemkitError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('ECHEM_INPUT', message, details);
  }
}

/** An analysis cannot run on the given data. */
export class AnalysisError extends EchemkitError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('ECHEM_ANALYSIS', message, details);
  }
}

/**
 * A plugin's parser code is not available: `parse` was called before the plugin's `load`
 * hook resolved (call `await plugin.load?.()`, or read through `readBytes`, which does), or
 * loading it failed (`cause` says why).
 */
export class PluginLoadError extends EchemkitError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('ECHEM_PLUGIN_LOAD', message, details);
  }
}

/** True for any echemkit error, also across duplicated package copies. */
export function isEchemkitError(e: unknown): e is EchemkitError {
  return e instanceof EchemkitError || (typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' && String((e as { code: string }).code).startsWith('ECHEM_'));
}
