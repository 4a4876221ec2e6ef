/**
 * Node entry: `read` also takes a file path, and reads the files beside it that a plugin
 * may use (e.g. the `.mps` settings beside an `.mpr`).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { InputError, type EchemkitDocument } from '@echemkit/core';
import * as api from './api.js';

export * from './index.js';
// Repeated here: bundled, the star re-export of an external package inside index.js is dropped.
export * from '@echemkit/core';

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
    const code = (e as { code?: string }).code;
    throw new InputError(`cannot read ${path} (${code ?? (e as Error).message})`, { format: 'echemkit', hint: code === 'ENOENT' ? 'Check the path' : undefined, cause: e });
  }
}

/**
 * Reads an instrument file (path, bytes or Blob) into an echemkit document.
 * @example
 * const doc = await read('data/cell_C01.mpr');
 */
export async function read(input: string | api.BinaryInput, options: api.ReadOptions = {}): Promise<EchemkitDocument> {
  if (typeof input !== 'string') return api.read(input, { ...options, sha256: options.sha256 ?? nodeSha256 });
  const bytes = await readInputFile(input);
  const siblings = options.siblings ?? (await readSiblings(input));
  return api.read(bytes, { ...options, fileName: options.fileName ?? basename(input), siblings, sha256: options.sha256 ?? nodeSha256 });
}

/** node:crypto's SHA-256: hashes in place (Web Crypto copies the whole input first). */
function nodeSha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads and converts a file (path, bytes or Blob). */
export async function convert(input: string | api.BinaryInput, options: api.ConvertOptions = {}): ReturnType<typeof api.convert> {
  const document = await read(input, options);
  return { document, files: api.outputsOf(document, options) };
}
