/** The contract between the host and a format plugin. */
import type { ByteSource } from './byte-source.js';
import type { Instrument, Measurement, NameVersion, Sample } from './types.js';

/** Where a diagnostic points and what it is about. */
export interface DiagnosticInit {
  /** Stable id of the check, e.g. `truncated-record`, `unknown-column-id`. */
  ruleId: string;
  /** Byte offset (binary inputs). */
  offset?: number;
  /** 1-based line (text inputs). */
  line?: number;
  /** 1-based column (text inputs). */
  column?: number;
  /** Record (row) index. */
  record?: number;
  expected?: string;
  actual?: string;
  note?: string;
}

/** What a plugin's `parse` may use besides the bytes. */
export interface ParseContext {
  /** Base name of the input (may be empty for anonymous bytes). */
  readonly fileName: string;
  /** Id of the plugin being run (for messages). */
  readonly format: string;
  /** Options given by the caller for this plugin (`read(x, { pluginOptions: { 'biologic.mpr': {…} } })`). */
  readonly options: Readonly<Record<string, unknown>>;
  /** Files that lie beside the input, by base name, when the caller provided them (e.g. `.mps` beside `.mpr`). */
  readonly siblings: ReadonlyMap<string, Uint8Array>;
  /** Reports a problem the reader recovered from. Ends up in the document's diagnostics. */
  warn(message: string, init: DiagnosticInit): void;
  /** Reports a noteworthy fact (e.g. an assumed time zone). */
  info(message: string, init: DiagnosticInit): void;
}

/** What `parse` returns; the host adds file name, size, hash and format id. */
export interface ParseResult {
  formatVersion?: string | null;
  software?: NameVersion;
  instrument?: Instrument;
  channel?: string | null;
  sample?: Sample;
  measurements: Measurement[];
}

/**
 * A format plugin is a small object: what it reads and how to recognise it. Parsing is
 * synchronous (unified's parse phase is) and takes the raw bytes; binary input is never
 * decoded as text. Code that is only needed to parse (the parser modules, SheetJS, xml2js …)
 * can be imported in the optional asynchronous `load` hook, which the host awaits after
 * detection and before `parse`; registering and sniffing then stay cheap (see `lazyPlugin`).
 */
export interface FormatPlugin {
  /** `<vendor>.<format>`, e.g. `biologic.mpr`. */
  readonly id: string;
  /** Display name, e.g. `Bio-Logic EC-Lab binary (.mpr)`. */
  readonly name: string;
  /** Lower-case extensions with the dot, e.g. ['.mpr']. */
  readonly extensions: readonly string[];
  /** True for binary formats (informative; the host never decodes input as text). */
  readonly binary: boolean;
  /**
   * Confidence in [0, 1] that `head` (the first bytes, up to 64 KiB) is this format, from
   * content alone: 1 for a magic number, lower for heuristics, 0 for no.
   */
  sniff(head: Uint8Array): number;
  /**
   * Optional preparation the host awaits after detection and before `parse` (`readBytes`,
   * `prepareParse`): import what `parse` needs, e.g. `await import('./parse.js')` or
   * `await import('xlsx')`, and keep it for the synchronous `parse`. It must be idempotent
   * (later calls return the same settled promise) and never run at registration or in
   * `sniff`. A plugin with a `load` hook throws `PluginLoadError` from `parse` when called
   * before `load` has resolved.
   * @example
   * const plugin = registry.detect(bytes, 'cell.ndax').plugin;
   * await plugin.load?.();
   * plugin.parse(bytes, ctx);
   */
  load?(): Promise<void>;
  /** Decodes the whole file. Throws EchemkitError subclasses for fatal problems. */
  parse(bytes: Uint8Array, ctx: ParseContext): ParseResult;
  /**
   * Optional: decodes the file through random-access reads, for inputs too large to hold in
   * memory whole beside their columns (the Node entry gives large files this way). Must give
   * the same result as `parse` on the same bytes. Without it the host reads the whole source
   * and calls `parse`.
   */
  parseSource?(source: ByteSource, ctx: ParseContext): ParseResult;
}

/**
 * Runs a plugin on a source: `parseSource` when it has one, else `parse` on all the bytes.
 * @example
 * parseFromSource(plugin, bytesSource(bytes), ctx); // same as plugin.parse(bytes, ctx)
 */
export function parseFromSource(plugin: FormatPlugin, source: ByteSource, ctx: ParseContext): ParseResult {
  return plugin.parseSource ? plugin.parseSource(source, ctx) : plugin.parse(source.read(0, source.size), ctx);
}

/** What a registry needs to list and detect a format without its parser: everything but `parse`, `parseSource` and `load`. */
export type FormatDescriptor = Pick<FormatPlugin, 'id' | 'name' | 'extensions' | 'binary' | 'sniff'>;

/** Bytes given to `sniff`. */
export const SNIFF_BYTES = 64 * 1024;
