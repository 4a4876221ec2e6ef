/**
 * Node entry: `read` also takes a file path, and reads the files beside it that a plugin
 * may use (e.g. the `.mps` settings beside an `.mpr`).
 */
import { createHash } from 'node:crypto';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import * as zlib from 'node:zlib';
import { InputError, SNIFF_BYTES, useZipCodec, type EchemkitDocument, type ZipCodec } from '@echemkit/core';
import { fileSource, hashFile } from './file-source.js';
import * as api from './api.js';

export * from './index.js';
// Repeated here: bundled, the star re-export of an external package inside index.js is dropped.
export * from '@echemkit/core';
export { CsvWorkers, writeOutputFile, type WriteFileOptions } from './write-file.js';

// zlib.crc32 is there from Node 20.15.
const zlibCrc32 = (zlib as { crc32?: (b: Uint8Array) => number }).crc32;
/** node:zlib for the zip members of .ndax and .xlsx files (~3× faster than the JavaScript decoders); registered when this entry loads. */
export const nodeZipCodec: ZipCodec = { inflateRaw: nodeInflateRaw, ...(zlibCrc32 ? { crc32: (b: Uint8Array) => zlibCrc32(b) } : {}) };
useZipCodec(nodeZipCodec);

/** Raw DEFLATE data inflated to `size` bytes (never more than one byte past it), undefined when damaged. */
export function nodeInflateRaw(data: Uint8Array, size: number): Uint8Array | undefined {
  try {
    // One output chunk of the declared size: zlib's default 16 KiB chunks are concatenated at the end (a copy).
    const b = zlib.inflateRawSync(data, { maxOutputLength: size + 1, chunkSize: Math.max(64, size + 1) });
    // A plain Uint8Array view: a Buffer's slice() would share memory where callers expect a copy.
    return b.length === size ? new Uint8Array(b.buffer, b.byteOffset, b.length) : undefined;
  } catch {
    return undefined; // damaged, or longer than declared: the zip reader reports it
  }
}

/** Sibling files offered to plugins: same folder, name stem a prefix of the input's stem, small. */
const SIBLING_MAX_BYTES = 16 * 1024 * 1024;
const SIBLING_MAX_COUNT = 8;

/** Reads the files beside `path` whose stem is a prefix of its stem (x.mps beside x_C01.mpr). */
export async function readSiblings(path: string): Promise<Map<string, Uint8Array>> {
  const dir = dirname(path);
  const base = basename(path);
  const stem = base.slice(0, base.length - extname(base).length).toLowerCase();
  const out = new Map<string, Uint8Array>();
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return out;
  }
  for (const name of names.sort()) {
    if (out.size >= SIBLING_MAX_COUNT) break;
    if (name === base) continue;
    const s = name.slice(0, name.length - extname(name).length).toLowerCase();
    if (!s || !stem.startsWith(s)) continue;
    try {
      const st = await stat(join(dir, name));
      if (!st.isFile() || st.size > SIBLING_MAX_BYTES) continue;
      out.set(name, new Uint8Array(await readFile(join(dir, name))));
    } catch {
      // an unreadable neighbour is not the input's problem
    }
  }
  return out;
}

/** Reads a file from disk into bytes with a clear error. */
export async function readInputFile(path: string): Promise<Uint8Array> {
  try {
    // A view, not a copy: new Uint8Array(buffer) would double the memory of a large input.
    const b = await readFile(path);
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  } catch (e) {
    throw cannotRead(path, e);
  }
}

/** The error for a file that cannot be opened or read. */
function cannotRead(path: string, e: unknown): InputError {
  const code = (e as { code?: string }).code;
  return new InputError(`cannot read ${path} (${code ?? (e as Error).message})`, { format: 'echemkit', hint: code === 'ENOENT' ? 'Check the path' : undefined, cause: e });
}

/**
 * Reads an instrument file (path, bytes or Blob) into an echemkit document.
 * @example
 * const doc = await read('data/cell_C01.mpr');
 */
export async function read(input: string | api.BinaryInput, options: NodeReadOptions = {}): Promise<EchemkitDocument> {
  if (typeof input !== 'string') return api.read(input, { ...options, sha256: options.sha256 ?? nodeSha256 });
  const siblings = options.siblings ?? (await readSiblings(input));
  const fileName = options.fileName ?? basename(input);
  const size = await fileSize(input);
  // Large files are read by offset (plugins with parseSource never hold them whole) and
  // hashed on a worker meanwhile; a caller's own hasher needs the bytes, so it gets them.
  if (size >= (options.sourceFromBytes ?? SOURCE_FROM_BYTES) && typeof options.sha256 !== 'function' && !options.source) {
    const fh = await openInput(input);
    try {
      const source = fileSource(fh.fd, size);
      const hash =
        options.sha256 === false
          ? null
          : hashFile(input).catch((e: unknown) => {
              throw new InputError(`cannot hash ${input} (${(e as Error).message})`, { format: 'echemkit', cause: e });
            });
      hash?.catch(() => {}); // awaited by the reader; a failure surfaces there
      const head = source.read(0, SNIFF_BYTES).slice();
      return await api.read(head, { ...options, fileName, siblings, source, sha256: hash ? () => hash : false });
    } finally {
      await fh.close();
    }
  }
  const bytes = await readInputFile(input);
  return api.read(bytes, { ...options, fileName, siblings, sha256: options.sha256 ?? nodeSha256 });
}

/** Files from this size on are read through a `ByteSource` rather than whole (default of `sourceFromBytes`). */
export const SOURCE_FROM_BYTES = 64 * 1024 * 1024;

/** `read` options in Node. */
export interface NodeReadOptions extends api.ReadOptions {
  /**
   * Files from this size on are read by offset and hashed on a worker thread, never held
   * whole when the plugin has `parseSource` (default `SOURCE_FROM_BYTES`, 64 MiB).
   */
  sourceFromBytes?: number;
}

/** Size of a file in bytes, 0 when it cannot be stat'ed (reading it then reports the problem). */
export async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0; // readInputFile reports the problem
  }
}

async function openInput(path: string) {
  try {
    return await open(path, 'r');
  } catch (e) {
    throw cannotRead(path, e);
  }
}

/** node:crypto's SHA-256: hashes in place (Web Crypto copies the whole input first). */
function nodeSha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads and converts a file (path, bytes or Blob). */
export async function convert(input: string | api.BinaryInput, options: api.ConvertOptions & NodeReadOptions = {}): ReturnType<typeof api.convert> {
  const document = await read(input, options);
  return { document, files: api.outputsOf(document, options) };
}
