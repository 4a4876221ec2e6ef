/**
 * The zip reader's own DEFLATE decoder and CRC-32 against zlib: every block type and strategy,
 * overlapping matches, and damaged streams (an InflateError, never a hang or another error).
 */
import { constants, crc32 as zlibCrc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32, FormatError, useZipCodec, ZipArchive } from '@echemkit/core';
import { inflateInto, InflateError } from '../src/zip/inflate.js';

/** Deterministic pseudo-random numbers. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** Data of several kinds: random, runs, repeats at random distances, small alphabets. */
function samples(): Uint8Array[] {
  const r = rng(42);
  const out: Uint8Array[] = [new Uint8Array(0), new Uint8Array([7])];
  for (let k = 0; k < 60; k++) {
    const n = Math.floor(r() * 70000);
    const a = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const mode = k % 5;
      a[i] = mode === 0 ? (r() * 256) | 0 : mode === 1 ? ((i / 7) | 0) & 3 : mode === 2 ? (r() < 0.9 && i > 300 ? a[i - 1 - ((r() * 300) | 0)]! : (r() * 256) | 0) : mode === 3 ? (i % 13) * 7 : r() < 0.5 ? 0 : (r() * 20) | 0;
    }
    out.push(a);
  }
  return out;
}

const OPTIONS = [{ level: 0 }, { level: 1 }, { level: 6 }, { level: 9 }, { strategy: constants.Z_FIXED }, { strategy: constants.Z_HUFFMAN_ONLY }, { strategy: constants.Z_RLE }];

describe('DEFLATE decoder', () => {
  it('inflates what zlib deflates, byte for byte, with every strategy', () => {
    for (const data of samples()) {
      for (const opts of OPTIONS) {
        const out = new Uint8Array(data.length);
        expect(inflateInto(new Uint8Array(deflateRawSync(data, opts)), out)).toBe(data.length);
        expect(Buffer.compare(Buffer.from(out), Buffer.from(data))).toBe(0);
      }
    }
  });

  it('throws InflateError on damaged or cut streams and on output past the buffer', () => {
    const data = samples()[7]!;
    const deflated = new Uint8Array(deflateRawSync(data));
    expect(() => inflateInto(deflated, new Uint8Array(data.length - 1))).toThrow(InflateError);
    expect(() => inflateInto(deflated.subarray(0, deflated.length >> 1), new Uint8Array(data.length))).toThrow(InflateError);
    const r = rng(5);
    for (let k = 0; k < 500; k++) {
      const b = deflated.slice();
      for (let j = 0; j <= k % 4; j++) b[Math.floor(r() * b.length)]! ^= 1 << Math.floor(r() * 8);
      try {
        inflateInto(b, new Uint8Array(data.length));
      } catch (e) {
        expect(e).toBeInstanceOf(InflateError);
      }
    }
  });

  it('leaves damaged members to the established path (same FormatError)', () => {
    const data = samples()[12]!;
    const zip = zipSync({ 'a.bin': data });
    // Flip a bit inside the deflated data of the member.
    zip[30 + 'a.bin'.length + 10]! ^= 0x10;
    const z = new ZipArchive(zip, 'x');
    expect(() => z.read(z.find('a.bin')!)).toThrow(FormatError);
  });
});

describe('CRC-32', () => {
  it('equals zlib on any length and alignment', () => {
    const big = samples()[10]!;
    for (let off = 0; off < 8; off++) for (const len of [0, 1, 3, 7, 8, 9, 15, 16, 17, 1000, big.length - 8]) {
      const v = big.subarray(off, off + len);
      expect(crc32(v)).toBe(zlibCrc32(v));
    }
  });
});

describe('a platform codec (useZipCodec)', () => {
  const zipOf = (data: Uint8Array) => zipSync({ 'a.bin': data });

  it('is used for deflated members, and its output equals our decoder\'s', () => {
    const data = samples()[20]!;
    let inflates = 0;
    let checksums = 0;
    useZipCodec({
      inflateRaw: (d, size) => {
        inflates++;
        return new Uint8Array(inflateRawSync(d, { maxOutputLength: size + 1 }));
      },
      crc32: (b) => {
        checksums++;
        return zlibCrc32(b);
      },
    });
    try {
      const z = new ZipArchive(zipOf(data), 'x');
      expect(Buffer.compare(Buffer.from(z.read(z.find('a.bin')!)), Buffer.from(data))).toBe(0);
      expect(inflates).toBe(1);
      expect(checksums).toBe(1);
    } finally {
      useZipCodec({});
    }
  });

  it('cannot slip wrong bytes through: a codec result of another size or CRC goes the established way (same bytes or same error)', () => {
    const data = samples()[21]!;
    const wrong: ((d: Uint8Array, size: number) => Uint8Array | undefined)[] = [() => undefined, (_d, size) => new Uint8Array(size), (_d, size) => new Uint8Array(size + 1)];
    for (const inflateRaw of wrong) {
      useZipCodec({ inflateRaw });
      try {
        const z = new ZipArchive(zipOf(data), 'x');
        expect(Buffer.compare(Buffer.from(z.read(z.find('a.bin')!)), Buffer.from(data))).toBe(0);
        const damaged = zipOf(data);
        damaged[30 + 'a.bin'.length + 10]! ^= 0x10;
        const d = new ZipArchive(damaged, 'x');
        expect(() => d.read(d.find('a.bin')!)).toThrow(FormatError);
      } finally {
        useZipCodec({});
      }
    }
  });
});
