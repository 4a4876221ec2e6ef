/**
 * Random access to an input without holding all of it: a plugin that implements
 * `parseSource` reads its records block by block, so a gigabyte file never sits in memory
 * whole beside the columns decoded from it. The Node entry gives large files as a source
 * over a file descriptor; bytes already in memory are a source too (`bytesSource`).
 */

/** The whole input, read by offset. */
export interface ByteSource {
  /** Size of the input in bytes. */
  readonly size: number;
  /**
   * `length` bytes from `offset` (fewer at the end of the input). With `into`, the source may
   * fill that buffer and return a view of it, valid until the next read into it; without,
   * the bytes are the caller's to keep.
   */
  read(offset: number, length: number, into?: Uint8Array): Uint8Array;
  /** All the bytes, when they are in memory (decoders may then read them in place). */
  readonly bytes?: Uint8Array;
}

/**
 * Bytes in memory as a source (reads are views, no copies).
 * @example
 * bytesSource(new Uint8Array([1, 2, 3])).read(1, 5); // Uint8Array [2, 3]
 */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    bytes,
    read: (offset, length) => bytes.subarray(Math.min(offset, bytes.length), Math.min(bytes.length, offset + length)),
  };
}
