/**
 * Writers produce bytes in chunks, never one giant string: V8 strings end near 2^29
 * characters, and a large binary converts to more text than that.
 */

/** Output of a writer: a media type, a suggested extension and the byte chunks (lazy). */
export interface ChunkedOutput {
  mediaType: string;
  extension: string;
  chunks(): Iterable<Uint8Array>;
}

/** Concatenates chunks into one Uint8Array (for small outputs and tests). */
export function concatChunks(chunks: Iterable<Uint8Array>): Uint8Array {
  const list = [...chunks];
  let n = 0;
  for (const c of list) n += c.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of list) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
