/**
 * The echemkit API (browser-safe): read instrument bytes into a document, convert to JSON or
 * BDF CSV, validate documents, list formats.
 */
import {
  InputError,
  bdfMetadata,
  echemkitBdfCsv,
  echemkitJson,
  readBytes,
  validateDocument,
  type ChunkedOutput,
  type EchemkitDocument,
  type EchemkitTree,
  type FormatRegistry,
  type ReadBytesOptions,
  type ValidationResult,
} from '@echemkit/core';
import { unified, type Plugin } from 'unified';
import { defaultRegistry } from './plugins.js';

/**
 * Options of `read`: those of core's `readBytes` (file name — taken from a File when omitted —,
 * forced format, per-plugin options, siblings, transforms, SHA-256), with the registry optional.
 */
export interface ReadOptions extends Omit<ReadBytesOptions, 'registry'> {
  /** Registry to use (default: every shipped plugin). */
  registry?: FormatRegistry;
}

/** Inputs `read` accepts in every environment. */
export type BinaryInput = Uint8Array | ArrayBuffer | Blob;

async function toBytes(input: BinaryInput): Promise<Uint8Array> {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (typeof Blob !== 'undefined' && input instanceof Blob) return new Uint8Array(await input.arrayBuffer());
  throw new InputError('read() takes a Uint8Array, ArrayBuffer or Blob (and a path in Node)', { format: 'echemkit' });
}

let shared: FormatRegistry | undefined;
function registryFor(options: ReadOptions): FormatRegistry {
  return options.registry ?? (shared ??= defaultRegistry());
}

/**
 * Reads an instrument file into an echemkit document.
 * @example
 * const doc = await read(bytes, { fileName: 'cell_C01.mpr' });
 * doc.measurements[0].columns.map((c) => c.name); // ['test_time_second', 'current_ampere', …]
 */
export async function read(input: BinaryInput, options: ReadOptions = {}): Promise<EchemkitDocument> {
  const bytes = await toBytes(input);
  const fileName = options.fileName ?? (typeof File !== 'undefined' && input instanceof File ? input.name : '');
  return readBytes(bytes, { ...options, registry: registryFor(options), fileName });
}

export interface ConvertOptions extends ReadOptions {
  /** Output format: 'json' (the whole document) or 'csv' (BDF CSV, one file per measurement). Default 'json'. */
  to?: 'json' | 'csv';
  /** JSON indent (default 0). */
  indent?: number;
}

/** One output file of a conversion: a name suffix (`.json`, `.bdf.csv`, `.m2.bdf.csv`, `.bdf.metadata.json`) and its bytes. */
export interface ConvertedFile {
  suffix: string;
  output: ChunkedOutput;
}

/** Runs a writer plugin as the compile phase of a unified processor. */
function compile(doc: EchemkitDocument, writer: typeof echemkitJson | typeof echemkitBdfCsv, options: object): ChunkedOutput {
  const tree: EchemkitTree = { type: 'echemkit', document: doc };
  const processor = unified().use(writer as Plugin<[object], EchemkitTree, ChunkedOutput>, options);
  return processor.stringify(tree) as unknown as ChunkedOutput;
}

/** The outputs of a document in the given format (no reading): the writers run as unified compilers. */
export function outputsOf(doc: EchemkitDocument, options: Pick<ConvertOptions, 'to' | 'indent'> = {}): ConvertedFile[] {
  if ((options.to ?? 'json') === 'json') return [{ suffix: '.json', output: compile(doc, echemkitJson, { indent: options.indent ?? 0 }) }];
  const files: ConvertedFile[] = [];
  const many = doc.measurements.length > 1;
  doc.measurements.forEach((_m, i) => {
    const tag = many ? `.m${i + 1}` : '';
    files.push({ suffix: `${tag}.bdf.csv`, output: compile(doc, echemkitBdfCsv, { measurement: i }) });
    const meta = new TextEncoder().encode(JSON.stringify(bdfMetadata(doc, { measurement: i }), null, 2) + '\n');
    files.push({ suffix: `${tag}.bdf.metadata.json`, output: { mediaType: 'application/json', extension: '.json', chunks: () => [meta] } });
  });
  return files;
}

/**
 * Reads and converts: returns the document and its output files (chunked bytes; write
 * them to disk or a stream, or concatenate with `concatChunks`).
 */
export async function convert(input: BinaryInput, options: ConvertOptions = {}): Promise<{ document: EchemkitDocument; files: ConvertedFile[] }> {
  const document = await read(input, options);
  return { document, files: outputsOf(document, options) };
}

/**
 * Validates a document (in memory or parsed JSON) against the schema and the code checks.
 * @example
 * validate(JSON.parse(text)).problems.forEach((p) => console.log(p.pointer, p.message));
 */
export function validate(doc: unknown): ValidationResult {
  return validateDocument(doc);
}

/** The registered formats: id, name, extensions, binary. */
export function formats(registry: FormatRegistry = registryFor({})): { id: string; name: string; extensions: readonly string[]; binary: boolean }[] {
  return registry.list().map((p) => ({ id: p.id, name: p.name, extensions: p.extensions, binary: p.binary }));
}
