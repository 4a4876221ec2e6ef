/**
 * A bounded ZIP reader (browser-safe, used for .ndax and before handing .xlsx to SheetJS; inflation by fflate's streaming
 * `Inflate`, fed in small slices and stopped as soon as the output passes the declared
 * size, so memory follows the bytes actually produced). Every declared size is checked before
 * anything is allocated: entry count, per-entry and total uncompressed size, and the ratio
 * of uncompressed to compressed size (deflate cannot exceed ~1032:1), so a zip bomb or a
 * corrupted size field is a LimitError/FormatError, never an out-of-memory. Members of a size
 * in proportion to the archive are inflated in one call by our decoder (inflate.ts), with
 * fflate's one-call inflate as the fallback that reports damage.
 */
import { Inflate, inflateSync } from 'fflate';
import { FormatError, LimitError, TruncatedError } from '../errors.js';
import { crc32 } from './crc32.js';
import { inflateInto, InflateError } from './inflate.js';

/**
 * What a platform may lend the zip reader: Node's zlib inflates and checksums ~3× faster than
 * the JavaScript decoders (the Node entry registers it; browsers keep the defaults).
 */
export interface ZipCodec {
  /** Raw DEFLATE `data` inflated to exactly `size` bytes; undefined when the stream is damaged or inflates to another size (the reader then reports it). */
  inflateRaw?(data: Uint8Array, size: number): Uint8Array | undefined;
  /** CRC-32 (IEEE) of the bytes. */
  crc32?(bytes: Uint8Array): number;
}

let codec: ZipCodec = {};

/**
 * Lends the zip reader a platform's inflate and CRC-32 (for every archive read after the call).
 * @example
 * import { crc32, inflateRawSync } from 'node:zlib';
 * useZipCodec({ inflateRaw: (d, size) => new Uint8Array(inflateRawSync(d, { maxOutputLength: size + 1 })), crc32: (b) => crc32(b) });
 */
export function useZipCodec(c: ZipCodec): void {
  codec = c;
}

function checksum(bytes: Uint8Array): number {
  return codec.crc32 ? codec.crc32(bytes) : crc32(bytes);
}

/** Limits of the zip reader. */
export interface ZipLimits {
  maxEntries: number;
  /** Largest uncompressed member, bytes. */
  maxEntryBytes: number;
  /** Largest total of uncompressed members, bytes. */
  maxTotalBytes: number;
  /** Largest uncompressed : compressed ratio of a deflated member. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 4096, maxEntryBytes: 1 << 30, maxTotalBytes: 2 ** 31, maxRatio: 1100 };

/** A member of the archive (not yet inflated). */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  crc: number;
  /** Offset of the local header. */
  localOffset: number;
}

/** The members of a zip archive, and a bounded way to read each. */
export class ZipArchive {
  readonly entries: ZipEntry[];
  /** True when the central directory was missing and members were found by scanning local headers. */
  readonly recovered: boolean;
  private total = 0;
  private readonly dv: DataView;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly format: string,
    private readonly limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  ) {
    this.dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const eocd = this.findEocd();
    if (eocd >= 0) {
      this.entries = this.readCentralDirectory(eocd);
      this.recovered = false;
    } else {
      this.entries = this.scanLocalHeaders();
      this.recovered = true;
    }
    for (const e of this.entries) this.checkDeclared(e);
  }

  /** Names of the members. */
  names(): string[] {
    return this.entries.map((e) => e.name);
  }

  /** The entry of a member name (case-insensitive), or undefined. */
  find(name: string): ZipEntry | undefined {
    const l = name.toLowerCase();
    return this.entries.find((e) => e.name.toLowerCase() === l);
  }

  /** Uncompressed bytes of a member, checked against its declared size and CRC-32. */
  read(e: ZipEntry): Uint8Array {
    this.total += e.size;
    if (this.total > this.limits.maxTotalBytes) {
      throw new LimitError('the archive inflates to more than the total size limit', { format: this.format, expected: `≤ ${this.limits.maxTotalBytes} bytes`, actual: `${this.total}` });
    }
    const lo = e.localOffset;
    if (lo + 30 > this.bytes.length || this.dv.getUint32(lo, true) !== 0x04034b50) {
      throw new FormatError(`member ${e.name}: no local header`, { format: this.format, offset: lo, expected: 'PK\\x03\\x04' });
    }
    const start = lo + 30 + this.dv.getUint16(lo + 26, true) + this.dv.getUint16(lo + 28, true);
    const end = start + e.compressedSize;
    if (end > this.bytes.length) {
      throw new TruncatedError(`member ${e.name} is cut off`, { format: this.format, offset: start, expected: `${e.compressedSize} bytes`, actual: `${Math.max(0, this.bytes.length - start)}` });
    }
    const data = this.bytes.subarray(start, end);
    let out: Uint8Array;
    if (e.method === 0) {
      if (e.size !== e.compressedSize) throw new FormatError(`member ${e.name}: stored sizes differ`, { format: this.format, offset: lo });
      out = data;
    } else if (e.method === 8) {
      // Sizes in proportion to the archive are inflated in one call into an exact buffer (fast);
      // anything larger is streamed, so a corrupt size cannot make us allocate it up front.
      if (this.total <= 16 * this.bytes.length + (4 << 20)) {
        const fast = inflateChecked(e, data);
        if (fast) return fast;
        out = this.inflateExact(e, data, start);
      } else out = this.inflate(e, data, start);
    } else {
      throw new FormatError(`member ${e.name} uses compression method ${e.method}`, { format: this.format, offset: lo, expected: '0 (stored) or 8 (deflate)', actual: String(e.method) });
    }
    if (checksum(out) !== e.crc) {
      throw new FormatError(`member ${e.name} fails its CRC-32 check`, { format: this.format, offset: start, expected: e.crc.toString(16), hint: 'The archive is corrupt' });
    }
    return out;
  }

  private inflateExact(e: ZipEntry, data: Uint8Array, start: number): Uint8Array {
    let res: Uint8Array;
    try {
      res = inflateSync(data, { out: new Uint8Array(e.size) });
    } catch (err) {
      throw new FormatError(`member ${e.name} cannot be inflated (${err instanceof Error ? err.message : String(err)})`, { format: this.format, offset: start, hint: 'The archive is corrupt' });
    }
    // fflate never grows a given buffer: a shorter result means a corrupt stream or size (longer output is cut and caught by the CRC).
    if (res.length !== e.size) {
      throw new FormatError(`member ${e.name} inflates to ${res.length} bytes, the archive declares ${e.size}`, { format: this.format, offset: start, hint: 'The archive is corrupt' });
    }
    return res;
  }

  /** Inflates in 16 KiB input slices (≤ ~16 MiB output each), never past the declared size. */
  private inflate(e: ZipEntry, data: Uint8Array, start: number): Uint8Array {
    const parts: Uint8Array[] = [];
    let got = 0;
    let over = false;
    const inf = new Inflate((chunk: Uint8Array) => {
      got += chunk.length;
      if (got > e.size) over = true;
      else if (chunk.length) parts.push(chunk);
    });
    const SLICE = 16384;
    try {
      if (data.length === 0) inf.push(new Uint8Array(0), true);
      for (let o = 0; o < data.length && !over; o += SLICE) inf.push(data.subarray(o, Math.min(data.length, o + SLICE)), o + SLICE >= data.length);
    } catch (err) {
      throw new FormatError(`member ${e.name} cannot be inflated (${err instanceof Error ? err.message : String(err)})`, { format: this.format, offset: start, hint: 'The archive is corrupt' });
    }
    if (over || got !== e.size) {
      throw new FormatError(`member ${e.name} inflates to ${over ? 'more than' : ''} ${got} bytes, the archive declares ${e.size}`, { format: this.format, offset: start, hint: 'The archive is corrupt' });
    }
    if (parts.length === 1) return parts[0]!;
    const out = new Uint8Array(e.size);
    let o = 0;
    for (const p of parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  }

  private checkDeclared(e: ZipEntry): void {
    const L = this.limits;
    if (e.size > L.maxEntryBytes) {
      throw new LimitError(`member ${e.name} declares ${e.size} bytes uncompressed`, { format: this.format, offset: e.localOffset, expected: `≤ ${L.maxEntryBytes}`, actual: String(e.size) });
    }
    if (e.method === 8 && e.size > Math.max(1024, e.compressedSize * L.maxRatio)) {
      throw new LimitError(`member ${e.name} declares a compression ratio beyond what deflate can produce (zip bomb or corrupt size)`, {
        format: this.format,
        offset: e.localOffset,
        expected: `≤ ${L.maxRatio}:1`,
        actual: `${e.size}:${e.compressedSize}`,
      });
    }
  }

  /** Reads the ZIP64 extended-information extra field (id 1) into the entry's 0xFFFFFFFF fields. */
  private applyZip64(e: ZipEntry, from: number, to: number, central: boolean): void {
    const dv = this.dv;
    let q = from;
    while (q + 4 <= to) {
      const id = dv.getUint16(q, true);
      const len = dv.getUint16(q + 2, true);
      const body = q + 4;
      if (body + len > to) break;
      if (id === 1) {
        let r = body;
        const next = (): number => {
          if (r + 8 > body + len) throw new FormatError(`member ${e.name}: ZIP64 field too short`, { format: this.format, offset: q });
          const lo = dv.getUint32(r, true);
          const hi = dv.getUint32(r + 4, true);
          r += 8;
          if (hi > 0x1fffff) throw new LimitError(`member ${e.name} declares a ZIP64 size beyond 2^53`, { format: this.format, offset: r - 8 });
          return hi * 4294967296 + lo;
        };
        if (e.size === 0xffffffff) e.size = next();
        if (e.compressedSize === 0xffffffff) e.compressedSize = next();
        if (central && e.localOffset === 0xffffffff) e.localOffset = next();
        return;
      }
      q = body + len;
    }
    throw new FormatError(`member ${e.name} has 0xFFFFFFFF sizes but no ZIP64 field`, { format: this.format, offset: from });
  }

  private findEocd(): number {
    const b = this.bytes;
    const min = Math.max(0, b.length - 22 - 65535);
    for (let i = b.length - 22; i >= min; i--) {
      if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) return i;
    }
    return -1;
  }

  private readCentralDirectory(eocd: number): ZipEntry[] {
    const dv = this.dv;
    const count = dv.getUint16(eocd + 10, true);
    const cdSize = dv.getUint32(eocd + 12, true);
    const cdOffset = dv.getUint32(eocd + 16, true);
    if (count > this.limits.maxEntries) {
      throw new LimitError(`the archive declares ${count} members`, { format: this.format, offset: eocd, expected: `≤ ${this.limits.maxEntries}`, actual: String(count) });
    }
    if (cdOffset + cdSize > eocd || count * 46 > cdSize) {
      throw new FormatError('the zip central directory lies outside the file', { format: this.format, offset: eocd, expected: `directory within [0, ${eocd})`, actual: `${cdOffset}+${cdSize}` });
    }
    const out: ZipEntry[] = [];
    let p = cdOffset;
    for (let k = 0; k < count; k++) {
      if (p + 46 > eocd || dv.getUint32(p, true) !== 0x02014b50) {
        throw new FormatError('bad zip central directory entry', { format: this.format, offset: p, expected: 'PK\\x01\\x02' });
      }
      const nameLen = dv.getUint16(p + 28, true);
      const extraLen = dv.getUint16(p + 30, true);
      const commentLen = dv.getUint16(p + 32, true);
      if (p + 46 + nameLen > eocd) throw new FormatError('zip member name runs past the directory', { format: this.format, offset: p });
      const e: ZipEntry = {
        name: decodeName(this.bytes.subarray(p + 46, p + 46 + nameLen)),
        method: dv.getUint16(p + 10, true),
        crc: dv.getUint32(p + 16, true),
        compressedSize: dv.getUint32(p + 20, true),
        size: dv.getUint32(p + 24, true),
        localOffset: dv.getUint32(p + 42, true),
      };
      if (e.compressedSize === 0xffffffff || e.size === 0xffffffff || e.localOffset === 0xffffffff) {
        // NEWARE writes ZIP64 extra fields (sizes as 8-byte values) even for small members.
        this.applyZip64(e, p + 46 + nameLen, Math.min(eocd, p + 46 + nameLen + extraLen), true);
      }
      out.push(e);
      p += 46 + nameLen + extraLen + commentLen;
    }
    return out;
  }

  /** Members of an archive without central directory (cut-off copy): walk the local headers. */
  private scanLocalHeaders(): ZipEntry[] {
    const dv = this.dv;
    const b = this.bytes;
    const out: ZipEntry[] = [];
    let p = 0;
    while (p + 30 <= b.length && dv.getUint32(p, true) === 0x04034b50) {
      if (out.length >= this.limits.maxEntries) break;
      const flags = dv.getUint16(p + 6, true);
      const nameLen = dv.getUint16(p + 26, true);
      const extraLen = dv.getUint16(p + 28, true);
      const e: ZipEntry = {
        name: decodeName(b.subarray(p + 30, Math.min(b.length, p + 30 + nameLen))),
        method: dv.getUint16(p + 8, true),
        crc: dv.getUint32(p + 14, true),
        compressedSize: dv.getUint32(p + 18, true),
        size: dv.getUint32(p + 22, true),
        localOffset: p,
      };
      // Sizes in a data descriptor (flag bit 3) are unknown here: stop, the rest cannot be walked.
      if (flags & 8) break;
      if (e.compressedSize === 0xffffffff || e.size === 0xffffffff) this.applyZip64(e, p + 30 + nameLen, Math.min(b.length, p + 30 + nameLen + extraLen), false);
      const next = p + 30 + nameLen + extraLen + e.compressedSize;
      if (next > b.length) break;
      out.push(e);
      p = next;
    }
    if (!out.length) {
      throw new TruncatedError('the zip archive has no central directory and no complete member', { format: this.format, offset: 0 });
    }
    return out;
  }
}

/**
 * A deflated member through our decoder (see inflate.ts), or undefined when the stream is
 * damaged, not of the declared size or fails its CRC: the caller then takes fflate's path,
 * whose errors and messages are the established ones.
 */
function inflateChecked(e: ZipEntry, data: Uint8Array): Uint8Array | undefined {
  if (codec.inflateRaw) {
    const out = codec.inflateRaw(data, e.size);
    return out && out.length === e.size && checksum(out) === e.crc ? out : undefined;
  }
  const out = new Uint8Array(e.size);
  try {
    if (inflateInto(data, out) === e.size && crc32(out) === e.crc) return out;
  } catch (err) {
    if (!(err instanceof InflateError)) throw err;
  }
  return undefined;
}

function decodeName(b: Uint8Array): string {
  return new TextDecoder('utf-8').decode(b);
}

/**
 * Checks a whole archive before another library (SheetJS) reads it: a central directory must
 * exist, and every member must inflate within the limits to its declared size and CRC-32.
 * Cut or corrupted workbooks become a typed error here instead of hanging or misleading the
 * library.
 * @example
 * verifyZip(bytes, 'land.xlsx'); // throws FormatError / TruncatedError / LimitError when damaged
 */
export function verifyZip(bytes: Uint8Array, format: string, limits: ZipLimits = { maxEntries: 10000, maxEntryBytes: 512 << 20, maxTotalBytes: 1 << 30, maxRatio: 1100 }): ZipArchive {
  const zip = new ZipArchive(bytes, format, limits);
  if (zip.recovered) throw new TruncatedError('the zip archive has no central directory', { format, offset: bytes.length, hint: 'The file is cut or not a zip archive' });
  for (const e of zip.entries) if (!e.name.endsWith('/')) zip.read(e);
  return zip;
}

/**
 * Inflates as much of a raw DEFLATE stream as is present — a member cut by the sniff window
 * gives its decodable prefix — up to `maxBytes` of output. Never throws (a corrupt stream
 * gives what decoded before the damage). For sniffers reading zip members from the head.
 * @example
 * const xml = new TextDecoder().decode(inflatePrefix(head.subarray(dataStart), 1 << 20));
 */
export function inflatePrefix(data: Uint8Array, maxBytes = 1 << 20): Uint8Array {
  const parts: Uint8Array[] = [];
  let got = 0;
  const inf = new Inflate((chunk: Uint8Array) => {
    if (got >= maxBytes || !chunk.length) return;
    const take = chunk.subarray(0, Math.min(chunk.length, maxBytes - got));
    parts.push(take.slice());
    got += take.length;
  });
  const SLICE = 16384;
  try {
    for (let o = 0; o < data.length && got < maxBytes; o += SLICE) inf.push(data.subarray(o, Math.min(data.length, o + SLICE)), false);
  } catch {
    // keep what decoded before the damage
  }
  const out = new Uint8Array(got);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
