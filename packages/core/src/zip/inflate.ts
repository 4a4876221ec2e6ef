/**
 * DEFLATE (RFC 1951) decoder into an output buffer of known size: the fast path of the zip
 * reader. Written for large members read once per process: a small hot loop that the JIT
 * optimises early and keeps, and table lookups of 10 bits per Huffman code (longer codes
 * decoded canonically). Any damage (bad code, output past the buffer, input cut short)
 * throws; the caller then re-reads the member with fflate so that errors and their messages
 * stay those of the established path.
 */

/** Bits per fast-table lookup; longer codes take the canonical slow path (rare by construction). */
const FAST = 10;
const FAST_MASK = (1 << FAST) - 1;

const LEN_BASE = Uint16Array.of(3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258);
const LEN_EXTRA = Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0);
const DIST_BASE = Uint16Array.of(1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577);
const DIST_EXTRA = Uint8Array.of(0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13);
/** Order of the code-length code lengths in a dynamic block header. */
const CL_ORDER = Uint8Array.of(16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15);

/** The stream is not valid DEFLATE (or does not fit the output buffer). */
export class InflateError extends Error {}

/**
 * Per-symbol decoding facts, packed with the code length into one table entry
 * `value << 8 | kind << 4 | length`: for literal/length codes kind 0 = literal (value = byte),
 * 1 = end of block, 2 + e = length with e extra bits (value = base length), 15 = invalid;
 * for distance codes kind = extra bits (value = base distance), 15 = invalid. One lookup then
 * gives everything the hot loop needs.
 */
function litInfo(): Int32Array {
  const t = new Int32Array(288);
  for (let s = 0; s < 256; s++) t[s] = s << 8;
  t[256] = 1 << 4;
  for (let k = 0; k < 29; k++) t[257 + k] = (LEN_BASE[k]! << 8) | ((2 + LEN_EXTRA[k]!) << 4);
  t[286] = t[287] = 15 << 4;
  return t;
}

function distInfo(): Int32Array {
  const t = new Int32Array(32);
  for (let k = 0; k < 30; k++) t[k] = (DIST_BASE[k]! << 8) | (DIST_EXTRA[k]! << 4);
  t[30] = t[31] = 15 << 4;
  return t;
}

const LIT_INFO = litInfo();
const DIST_INFO = distInfo();
/** Code-length codes: the symbol itself as value. */
const CL_INFO = Int32Array.from({ length: 19 }, (_, s) => s << 8);

/** A canonical Huffman code: fast table entries `info[symbol] | length` (0 = use the slow path). */
class Huffman {
  readonly fast = new Int32Array(1 << FAST);
  /** Codes per length (1…15). */
  readonly count = new Uint16Array(16);
  /** Symbols ordered by code length, then value (canonical order). */
  readonly symbol = new Uint16Array(288);
  private readonly next = new Uint16Array(16);

  constructor(private readonly info: Int32Array) {}

  /** Builds the code of `n` lengths from `lengths[at…]`; throws when the code is over-subscribed. */
  build(lengths: Uint8Array, at: number, n: number): void {
    const count = this.count;
    count.fill(0);
    for (let s = 0; s < n; s++) count[lengths[at + s]!]!++;
    count[0] = 0;
    let left = 1;
    for (let len = 1; len < 16; len++) {
      left = (left << 1) - count[len]!;
      if (left < 0) throw new InflateError('over-subscribed Huffman code');
    }
    // Canonical codes: first code of each length, then symbols in value order.
    const next = this.next;
    const offs = new Uint16Array(16);
    let code = 0;
    for (let len = 1; len < 16; len++) {
      code = (code + count[len - 1]!) << 1;
      next[len] = code;
      offs[len] = offs[len - 1]! + count[len - 1]!;
    }
    const fast = this.fast;
    fast.fill(0);
    for (let s = 0; s < n; s++) {
      const len = lengths[at + s]!;
      if (len === 0) continue;
      this.symbol[offs[len]!++] = s;
      const c = next[len]!++;
      if (len > FAST) continue;
      // Codes are sent most significant bit first: index the table by the bit-reversed code.
      let rev = 0;
      for (let k = 0; k < len; k++) rev = (rev << 1) | ((c >> k) & 1);
      const e = this.info[s]! | len;
      for (let i = rev; i <= FAST_MASK; i += 1 << len) fast[i] = e;
    }
  }

  /** Canonical decoding bit by bit (codes longer than the fast table): `info[symbol] | length`. */
  slow(bb: number): number {
    let code = 0;
    let first = 0;
    let index = 0;
    for (let len = 1; len < 16; len++) {
      code |= (bb >> (len - 1)) & 1;
      const count = this.count[len]!;
      if (code - first < count) return this.info[this.symbol[index + code - first]!]! | len;
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    throw new InflateError('invalid Huffman code');
  }
}

let fixed: { lit: Huffman; dist: Huffman } | undefined;

function fixedCodes(): { lit: Huffman; dist: Huffman } {
  if (!fixed) {
    const l = new Uint8Array(288);
    l.fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280, 288);
    const lit = new Huffman(LIT_INFO);
    lit.build(l, 0, 288);
    const dist = new Huffman(DIST_INFO);
    dist.build(new Uint8Array(32).fill(5), 0, 32);
    fixed = { lit, dist };
  }
  return fixed;
}

/**
 * Decoder state between blocks. The bit buffer (least significant bit first) holds at most 30
 * bits, so it stays a small integer: before the JIT has optimised the loop, a value of 2^30 or
 * more would be a heap number allocated at every operation.
 */
class Inflater {
  pos = 0;
  bb = 0;
  bc = 0;
  op = 0;
  private lit: Huffman | undefined;
  private dist: Huffman | undefined;
  private cl: Huffman | undefined;
  private lengths: Uint8Array | undefined;

  constructor(
    private readonly src: Uint8Array,
    private readonly out: Uint8Array,
  ) {}

  /** At least 23 bits in the buffer (zeros past the end; `checkInput` tells overruns). */
  private refill(): void {
    const src = this.src;
    while (this.bc <= 22) {
      this.bb |= (this.pos < src.length ? src[this.pos]! : 0) << this.bc;
      this.pos++;
      this.bc += 8;
    }
  }

  private bits(n: number): number {
    if (this.bc < n) this.refill();
    const v = this.bb & ((1 << n) - 1);
    this.bb >>= n;
    this.bc -= n;
    return v;
  }

  private checkInput(): void {
    if (this.pos * 8 - this.bc > this.src.length * 8) throw new InflateError('unexpected end of data');
  }

  run(): number {
    let last = 0;
    do {
      this.checkInput();
      last = this.bits(1);
      const type = this.bits(2);
      if (type === 0) this.stored();
      else if (type === 1) {
        const f = fixedCodes();
        this.codes(f.lit, f.dist);
      } else if (type === 2) {
        this.dynamic();
        this.codes(this.lit!, this.dist!);
      } else throw new InflateError('invalid block type');
    } while (!last);
    this.checkInput();
    return this.op;
  }

  private stored(): void {
    // Drop the bits up to the byte boundary and give back the whole bytes still buffered.
    this.bits(this.bc & 7);
    this.pos -= this.bc >> 3;
    this.bb = 0;
    this.bc = 0;
    const src = this.src;
    const p = this.pos;
    if (p + 4 > src.length) throw new InflateError('unexpected end of data');
    const len = src[p]! | (src[p + 1]! << 8);
    const nlen = src[p + 2]! | (src[p + 3]! << 8);
    if (len !== (~nlen & 0xffff)) throw new InflateError('invalid stored block length');
    if (p + 4 + len > src.length) throw new InflateError('unexpected end of data');
    if (this.op + len > this.out.length) throw new InflateError('output longer than expected');
    this.out.set(src.subarray(p + 4, p + 4 + len), this.op);
    this.op += len;
    this.pos = p + 4 + len;
  }

  private dynamic(): void {
    const nlit = this.bits(5) + 257;
    const ndist = this.bits(5) + 1;
    const ncl = this.bits(4) + 4;
    if (nlit > 286 || ndist > 30) throw new InflateError('too many length or distance codes');
    const lengths = (this.lengths ??= new Uint8Array(320));
    lengths.fill(0, 0, 19);
    for (let k = 0; k < ncl; k++) lengths[CL_ORDER[k]!] = this.bits(3);
    const cl = (this.cl ??= new Huffman(CL_INFO));
    cl.build(lengths, 0, 19);
    const total = nlit + ndist;
    let i = 0;
    while (i < total) {
      if (this.bc < 7) this.refill();
      let e = cl.fast[this.bb & FAST_MASK]!;
      if (e === 0) e = cl.slow(this.bb);
      this.bb >>= e & 15;
      this.bc -= e & 15;
      const sym = e >> 8;
      if (sym < 16) {
        lengths[i++] = sym;
        continue;
      }
      let rep: number;
      let val = 0;
      if (sym === 16) {
        if (i === 0) throw new InflateError('repeat with no first length');
        val = lengths[i - 1]!;
        rep = 3 + this.bits(2);
      } else if (sym === 17) rep = 3 + this.bits(3);
      else rep = 11 + this.bits(7);
      if (i + rep > total) throw new InflateError('too many lengths');
      lengths.fill(val, i, i + rep);
      i += rep;
    }
    const lit = (this.lit ??= new Huffman(LIT_INFO));
    const dist = (this.dist ??= new Huffman(DIST_INFO));
    lit.build(lengths, 0, nlit);
    dist.build(lengths, nlit, ndist);
  }

  /**
   * The hot loop: literals and matches of one block, state in locals. Few branches, all taken
   * early and often (refills are loops, errors leave through `fail`), so that the optimised
   * code is not thrown away when a rare path runs for the first time.
   */
  private codes(lit: Huffman, dist: Huffman): void {
    const src = this.src;
    const out = this.out;
    const n = src.length;
    const outLen = out.length;
    let pos = this.pos;
    let bb = this.bb;
    let bc = this.bc;
    let op = this.op;
    const lfast = lit.fast;
    const dfast = dist.fast;
    for (;;) {
      while (bc <= 22) {
        bb |= (pos < n ? src[pos]! : 0) << bc;
        pos++;
        bc += 8;
      }
      let e = lfast[bb & FAST_MASK]!;
      if (e === 0) e = lit.slow(bb);
      bb >>= e & 15;
      bc -= e & 15;
      let kind = (e >> 4) & 15;
      if (kind === 0) {
        if (op >= outLen) fail('output longer than expected');
        out[op++] = e >> 8;
        continue;
      }
      if (kind === 1) break;
      if (kind === 15) fail('invalid length code');
      // ≥ 8 bits are left after a code of ≤ 15 from ≥ 23: enough for the ≤ 5 extra bits.
      kind -= 2;
      const len = (e >> 8) + (bb & ((1 << kind) - 1));
      bb >>= kind;
      bc -= kind;
      while (bc <= 22) {
        bb |= (pos < n ? src[pos]! : 0) << bc;
        pos++;
        bc += 8;
      }
      e = dfast[bb & FAST_MASK]!;
      if (e === 0) e = dist.slow(bb);
      bb >>= e & 15;
      bc -= e & 15;
      kind = (e >> 4) & 15;
      if (kind === 15) fail('invalid distance code');
      while (bc <= 22) {
        bb |= (pos < n ? src[pos]! : 0) << bc;
        pos++;
        bc += 8;
      }
      const d = (e >> 8) + (bb & ((1 << kind) - 1));
      bb >>= kind;
      bc -= kind;
      if (d > op || op + len > outLen) fail(d > op ? 'distance too far back' : 'output longer than expected');
      // Forward byte copy: an overlapping match repeats the last d bytes, as DEFLATE means.
      for (let from = op - d, end = op + len; op < end; op++, from++) out[op] = out[from]!;
    }
    this.pos = pos;
    this.bb = bb;
    this.bc = bc;
    this.op = op;
  }
}

function fail(message: string): never {
  throw new InflateError(message);
}

/**
 * Inflates a raw DEFLATE stream into `out`; returns the number of bytes written. Throws
 * InflateError on invalid or cut-off data and when the output would not fit `out`.
 * @example
 * const n = inflateInto(deflated, new Uint8Array(expectedSize));
 */
export function inflateInto(src: Uint8Array, out: Uint8Array): number {
  return new Inflater(src, out).run();
}
