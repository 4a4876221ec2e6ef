/**
 * The plugin host: a unified processor whose parser is the detected format plugin,
 * whose transformers run on the document tree (source facts, integrity checks, user
 * transforms) and whose compiler is a writer plugin (JSON, BDF CSV …).
 *
 * unified's parse() hands parsers `String(file)`. Binary input must never be decoded to
 * text, so the bytes travel on `file.data.bytes` and the document string is empty.
 *
 * unified's parse phase is synchronous, but a plugin may need to import its parser first
 * (`FormatPlugin.load`). So detection and loading happen before it, in `prepareParse`
 * (which `readBytes` calls); the parser then runs the detected, loaded plugin.
 */
import { unified, type Plugin, type Processor } from 'unified';
import { VFile } from 'vfile';
import { checkDocument } from './checks.js';
import { echemkitNormalizeUnits } from './transforms.js';
import { report, toDiagnostics } from './diagnostics.js';
import { InputError, isEchemkitError, FormatError } from './errors.js';
import { loadPlugin } from './lazy-plugin.js';
import type { ByteSource } from './byte-source.js';
import { parseFromSource, type FormatPlugin, type ParseContext } from './plugin.js';
import { FormatRegistry, type Detection } from './registry.js';
import { sha256Hex } from './sha256.js';
import type { EchemkitDocument } from './types.js';

declare module 'vfile' {
  interface DataMap {
    /** Raw input bytes (binary-safe); with `source`, the first bytes (for detection). */
    bytes: Uint8Array;
    /** The whole input by random access, when it is not held in memory (large files in Node). */
    source: ByteSource;
    /** Files beside the input, by base name. */
    siblings: ReadonlyMap<string, Uint8Array>;
    /** Id of the plugin that parsed the file. */
    format: string;
    /** How the format was chosen. */
    detectedBy: string;
    /** The detected plugin, its `load` hook awaited (set by `prepareParse`; the parser then skips detection). */
    detection: Detection;
  }
}

/** The tree unified carries between phases: one node holding the document. */
export interface EchemkitTree {
  type: 'echemkit';
  document: EchemkitDocument;
}

export interface ParserOptions {
  registry: FormatRegistry;
  /** Force a plugin id instead of detecting. */
  format?: string | undefined;
  /** Per-plugin options, by plugin id. */
  pluginOptions?: Record<string, Record<string, unknown>> | undefined;
}

/**
 * Detects the format of `file.data.bytes` and awaits the plugin's `load` hook, leaving the
 * result on `file.data.detection` for `echemkitParse`. `readBytes` calls it; call it yourself
 * before `processor.parse(file)` when you drive a `createReader` processor directly (without
 * it, a plugin that needs loading throws `PluginLoadError`).
 * @example
 * const file = new VFile({ path: 'cell.ndax', value: '' });
 * file.data.bytes = bytes;
 * await prepareParse(file, { registry });
 * const tree = createReader({ registry }).parse(file);
 */
export async function prepareParse(file: VFile, options: Pick<ParserOptions, 'registry' | 'format'>): Promise<Detection> {
  const bytes = file.data.bytes;
  if (!(bytes instanceof Uint8Array)) throw new InputError('no input bytes on file.data.bytes', { format: 'echemkit' });
  const detection = options.registry.detect(bytes, file.basename ?? '', options.format);
  await loadPlugin(detection.plugin);
  file.data.detection = detection;
  return detection;
}

/** unified attacher: sets the parser to "detect the format (unless `prepareParse` did), run its plugin on file.data.bytes". */
export const echemkitParse: Plugin<[ParserOptions], string, EchemkitTree> = function (options) {
  const self = this as unknown as Processor<EchemkitTree>;
  self.parser = (_doc: string, file: VFile): EchemkitTree => {
    const bytes = file.data.bytes;
    if (!(bytes instanceof Uint8Array)) throw new InputError('no input bytes on file.data.bytes', { format: 'echemkit' });
    const fileName = file.basename ?? '';
    const detection = file.data.detection ?? options.registry.detect(bytes, fileName, options.format);
    const plugin = detection.plugin;
    file.data.format = plugin.id;
    file.data.detectedBy = detection.by;
    const ctx: ParseContext = {
      fileName,
      format: plugin.id,
      options: options.pluginOptions?.[plugin.id] ?? {},
      siblings: file.data.siblings ?? new Map(),
      warn: (message, init) => report(file, plugin.id, message, init, 'warning'),
      info: (message, init) => report(file, plugin.id, message, init, 'info'),
    };
    const source = file.data.source;
    const result = runPlugin(plugin, bytes, source, ctx);
    const document: EchemkitDocument = {
      echemkit: '1.0',
      source: {
        fileName,
        format: plugin.id,
        formatVersion: result.formatVersion ?? null,
        byteSize: source ? source.size : bytes.length,
        sha256: null,
        software: result.software ?? { name: null, version: null },
        instrument: result.instrument ?? { vendor: null, model: null, serialNumber: null },
        channel: result.channel ?? null,
      },
      measurements: result.measurements,
      diagnostics: [],
    };
    if (result.sample) document.sample = result.sample;
    return { type: 'echemkit', document };
  };
};

function runPlugin(plugin: FormatPlugin, bytes: Uint8Array, source: ByteSource | undefined, ctx: ParseContext) {
  try {
    return source ? parseFromSource(plugin, source, ctx) : plugin.parse(bytes, ctx);
  } catch (e) {
    if (isEchemkitError(e)) throw e;
    // A plugin bug or a structure we did not anticipate: keep the type promise (EchemkitError) and the cause.
    const msg = e instanceof Error ? e.message : String(e);
    throw new FormatError(`cannot read the file (${msg})`, { format: plugin.id, cause: e, hint: 'The file may be corrupt or of an unsupported variant; please report it with the file' });
  }
}

/** A SHA-256 implementation returning lowercase hex (e.g. node:crypto's, which does not copy the input). */
export type Sha256Hasher = (bytes: Uint8Array) => string | Promise<string>;

export interface SourceOptions {
  /**
   * Compute the SHA-256 of the input (default true, via Web Crypto, which copies the input
   * first), or a hasher to use instead.
   */
  sha256?: boolean | Sha256Hasher;
}

/** unified attacher: fills source facts that need the bytes (SHA-256). */
export const echemkitSource: Plugin<[SourceOptions?], EchemkitTree> = function (options = {}) {
  return async (tree: EchemkitTree, file: VFile) => {
    const bytes = file.data.bytes;
    if (options.sha256 === false || !bytes) return;
    if (typeof options.sha256 === 'function') tree.document.source.sha256 = await options.sha256(bytes);
    else {
      // Without a hasher of its own, a source is hashed from all its bytes.
      const source = file.data.source;
      tree.document.source.sha256 = await sha256Hex(source ? source.read(0, source.size) : bytes);
    }
  };
};

/** unified attacher: integrity checks JSON Schema cannot express (equal lengths, finite numbers, monotonic test time). */
export const echemkitChecks: Plugin<[], EchemkitTree> = function () {
  return (tree: EchemkitTree, file: VFile) => {
    for (const p of checkDocument(tree.document)) {
      report(file, 'echemkit.checks', p.message, { ruleId: p.ruleId, ...(p.record !== undefined ? { record: p.record } : {}), note: p.pointer }, p.severity);
    }
  };
};

export interface ReadBytesOptions {
  /** Plugins to choose from. */
  registry: FormatRegistry;
  /** Base name of the input (used for detection by extension and in `source`). */
  fileName?: string;
  /** Force a plugin id. */
  format?: string;
  /** Per-plugin options, by plugin id. */
  pluginOptions?: Record<string, Record<string, unknown>>;
  /** Files beside the input, by base name. */
  siblings?: ReadonlyMap<string, Uint8Array>;
  /**
   * The whole input by random access; the `bytes` given to `readBytes` are then its first
   * bytes, for detection. Plugins with `parseSource` read it block by block, others read it
   * whole. A `sha256` hasher is called with those first bytes only: it must hash the source
   * itself.
   */
  source?: ByteSource;
  /** Extra unified transformers run after parsing (before the integrity checks). */
  transforms?: Plugin<[], EchemkitTree>[];
  /** Compute the SHA-256 (default true), or a hasher to use (see {@link SourceOptions}). */
  sha256?: boolean | Sha256Hasher;
}

/** Builds the reading processor (parse + transformers). */
export function createReader(options: Omit<ReadBytesOptions, 'fileName' | 'siblings' | 'source'>) {
  let p = unified()
    .use(echemkitParse, { registry: options.registry, format: options.format, pluginOptions: options.pluginOptions })
    .use(echemkitSource, { sha256: options.sha256 ?? true });
  for (const t of options.transforms ?? []) p = p.use(t) as unknown as typeof p;
  return p.use(echemkitNormalizeUnits).use(echemkitChecks).freeze();
}

/** Parses bytes into a document; warnings and info messages end up in `document.diagnostics`. */
export async function readBytes(bytes: Uint8Array, options: ReadBytesOptions): Promise<EchemkitDocument> {
  const file = new VFile({ path: options.fileName || undefined, value: '' });
  file.data.bytes = bytes;
  file.data.siblings = options.siblings ?? new Map();
  if (options.source) file.data.source = options.source;
  await prepareParse(file, options);
  const processor = createReader(options);
  const tree = processor.parse(file) as EchemkitTree;
  await processor.run(tree, file);
  tree.document.diagnostics = toDiagnostics(file);
  return tree.document;
}

/** A registry holding the given plugins. */
export function registryOf(plugins: Iterable<FormatPlugin>): FormatRegistry {
  return new FormatRegistry(plugins);
}
