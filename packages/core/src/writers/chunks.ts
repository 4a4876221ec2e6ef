/**
 * Writers produce bytes in chunks, never one giant string: V8 strings end near 2^29
 * characters, and a large binary converts to more text than that.
 */
import type { CsvRows } from './bdf-csv.js';

/** Output of a writer: a media type, a suggested extension and the byte chunks (lazy). */
export interface ChunkedOutput {
  mediaType: string;
  extension: string;
  /**
   * The bytes, chunk by chunk. With a `pool`, the writer takes its buffers from it, and the
   * consumer may give each chunk back (`pool.put`) once it is done with it.
   */
  chunks(pool?: BufferPool): Iterable<Uint8Array>;
  /** CSV outputs: the same bytes as header and rows, so a writer may format row ranges in parallel. */
  csvRows?(): CsvRows | null;
}

/**
 * Spare output buffers. A consumer that has written a chunk out gives it back and the writer
 * fills the same memory again: a gigabyte of CSV then allocates a few buffers instead of a
 * thousand, and the garbage collector (which runs whenever fresh buffers pile up) stays idle.
 * Only buffers this pool handed out are taken back, so a chunk that is a view on other data
 * can never be overwritten.
 * @example
 * const pool = new BufferPool();
 * const b = pool.get(1024);
 * pool.put(b.subarray(0, 10));
 * pool.get(1024).buffer === b.buffer; // true
 */
export class BufferPool {
  private readonly spare: ArrayBuffer[] = [];
  private readonly issued = new WeakSet<ArrayBufferLike>();
  /** @param max how many spare buffers to keep at most */
  constructor(private readonly max = 256) {}
  /** A buffer of at least `n` bytes: a spare one when there is one large enough. */
  get(n: number): Uint8Array {
    const spare = this.spare;
    for (let i = spare.length - 1; i >= 0; i--) {
      const b = spare[i]!;
      if (b.byteLength >= n) {
        spare[i] = spare[spare.length - 1]!;
        spare.pop();
        return new Uint8Array(b);
      }
    }
    const out = new Uint8Array(n);
    this.issued.add(out.buffer);
    return out;
  }
  /** Takes a free buffer this side owns outright (one transferred back from another thread). */
  adopt(buffer: ArrayBuffer): void {
    this.issued.add(buffer);
    this.put(new Uint8Array(buffer));
  }
  /** Gives a chunk's buffer back (ignored unless it came from `get`; a detached buffer is ignored too). */
  put(chunk: Uint8Array): void {
    const b = chunk.buffer;
    if (b.byteLength && this.issued.has(b) && this.spare.length < this.max && !this.spare.includes(b as ArrayBuffer)) this.spare.push(b as ArrayBuffer);
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
