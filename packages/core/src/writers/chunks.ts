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

const encoder = new TextEncoder();

/** Collects text pieces and yields them as encoded chunks of about `size` characters. */
export class ChunkBuffer {
  private parts: string[] = [];
  private chars = 0;
  constructor(private readonly size = 1 << 18) {}
  /** Adds text; returns an encoded chunk when the buffer is full, else undefined. */
  push(text: string): Uint8Array | undefined {
    this.parts.push(text);
    this.chars += text.length;
    return this.chars >= this.size ? this.flush() : undefined;
  }
  /** Encodes and clears what is buffered (undefined when empty). */
  flush(): Uint8Array | undefined {
    if (!this.chars) return undefined;
    const out = encoder.encode(this.parts.join(''));
    this.parts = [];
    this.chars = 0;
    return out;
  }
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
