/**
 * Bad input: typed errors, truncated files give their complete records plus a warning,
 * corrupted bytes and lengths never throw anything but EchemkitError, zip bombs are refused
 * before inflating.
 */
import { isEchemkitError, LimitError, UnsupportedVersionError, type ParseContext } from '@echemkit/core';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { describeCorpus, readCorpus } from '../../../test/helpers/corpus.js';
import { parseNda, parseNdax, parseBtsdaCsv } from '../src/index.js';
import { crc32 } from '@echemkit/core';
import { ZipArchive } from '@echemkit/core';

function ctxOf(format: string, options: Record<string, unknown> = {}) {
  const warnings: { message: string; ruleId: string }[] = [];
  const ctx: ParseContext = {
    fileName: 'x',
    format,
    options,
    siblings: new Map(),
    warn: (message, init) => warnings.push({ message, ruleId: init.ruleId }),
    info: () => {},
  };
  return { ctx, warnings };
}

/** Deterministic pseudo-random numbers. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

describe('zip reader', () => {
  it('computes the standard CRC-32 check value', () => {
    expect(crc32(new TextEncoder().encode('123456789')).toString(16)).toBe('cbf43926');
  });
  it('refuses a member whose declared size is a zip bomb, before inflating', () => {
    const zip = zipSync({ 'data.ndc': new Uint8Array(1 << 20) }, { level: 9 });
    // Declare 4 GiB − 1 uncompressed in the central directory.
    const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    let cd = zip.length - 22;
    while (dv.getUint32(cd, true) !== 0x06054b50) cd--;
    const cdOffset = dv.getUint32(cd + 16, true);
    dv.setUint32(cdOffset + 24, 0xfffffffe, true);
    expect(() => new ZipArchive(zip, 'neware.ndax')).toThrow(LimitError);
  });
  it('refuses more members than the limit', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 20; i++) files[`m${i}.xml`] = new Uint8Array([60]);
    expect(() => new ZipArchive(zipSync(files), 'neware.ndax', { maxEntries: 10, maxEntryBytes: 1 << 20, maxTotalBytes: 1 << 20, maxRatio: 1100 })).toThrow(LimitError);
  });
  it('reads members back byte for byte', () => {
    const a = new Uint8Array(100000).map((_, i) => (i * 7) & 0xff);
    const z = new ZipArchive(zipSync({ 'a.bin': a, 'b.txt': new TextEncoder().encode('hello') }), 'neware.ndax');
    expect(Array.from(z.read(z.find('a.bin')!).subarray(0, 5))).toEqual([0, 7, 14, 21, 28]);
    expect(z.read(z.find('a.bin')!).length).toBe(100000);
    expect(new TextDecoder().decode(z.read(z.find('b.txt')!))).toBe('hello');
  });
});

describeCorpus('bad NEWARE input', () => {
  it('names an unsupported nda version and points to the BTSDA export', () => {
    const b = readCorpus('neware-nda/new_nda_file.nda').slice();
    b[14] = 31;
    const { ctx } = ctxOf('neware.nda');
    let err: unknown;
    try {
      parseNda(b, ctx);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UnsupportedVersionError);
    expect(String((err as Error).message)).toMatch(/nda version 31.*BTSDA/);
  });

  it('a truncated .nda v29 gives every complete record and a warning', () => {
    const full = readCorpus('neware-nda/new_nda_file.nda');
    const whole = parseNda(full, ctxOf('neware.nda').ctx).measurements[0]!.columns[0]!.values.length;
    const { ctx, warnings } = ctxOf('neware.nda');
    const cut = parseNda(full.subarray(0, full.length - 100), ctx);
    const n = cut.measurements[0]!.columns[0]!.values.length;
    expect(n).toBeLessThan(whole);
    expect(n).toBeGreaterThan(whole - 3);
    expect(warnings.some((w) => w.ruleId === 'truncated-record')).toBe(true);
  });

  it('an unknown current range leaves current missing, keeps the raw integer and names the code', () => {
    const b = readCorpus('neware-nda/new_nda_file.nda').slice();
    const first = parseNda(b, ctxOf('neware.nda').ctx);
    // Find the first data record (55 00 … range at +78) and set an unseen range code.
    let o = 0;
    for (let i = 0; i + 86 < b.length; i++) if (b[i] === 0 && b[i + 1] === 0 && b[i + 2] === 0 && b[i + 3] === 0 && b[i + 4] === 0x55 && b[i + 5] === 0 && b[i + 4 + 86] === 0x55 && b[i + 16] !== 0) {
      o = i + 4;
      break;
    }
    new DataView(b.buffer).setInt32(o + 78, 123457, true);
    const { ctx, warnings } = ctxOf('neware.nda');
    const r = parseNda(b, ctx);
    const cur = r.measurements[0]!.columns.find((c) => c.name === 'current_ampere')!.values as Float64Array;
    expect(Number.isNaN(cur[0]!)).toBe(true);
    expect((first.measurements[0]!.columns.find((c) => c.name === 'current_ampere')!.values as Float64Array)[1]).toBe(cur[1]);
    expect(r.measurements[0]!.columns.some((c) => c.name === 'Current (raw)')).toBe(true);
    expect(warnings.find((w) => w.ruleId === 'unknown-current-range')?.message).toMatch(/range 123457/);
  });

  const files = ['neware-nda/new_nda_file.nda', 'neware-nda/TestFile.nda', 'neware-ndax/ZZZZZZZZTEST.ndax', 'neware-ndax/123456789012_Unit27_Example_Data_File.ndax', 'neware-ndax/navani_test.ndax'];
  for (const f of files) {
    it(`${f}: truncation and corruption give EchemkitErrors only, in bounded time`, () => {
      const orig = readCorpus(f);
      const parse = f.endsWith('.ndax') ? parseNdax : parseNda;
      const rand = rng(orig.length);
      const cases: Uint8Array[] = [];
      for (let k = 1; k <= 12; k++) cases.push(orig.subarray(0, Math.floor((orig.length * k) / 13)));
      for (let k = 0; k < 40; k++) {
        const b = orig.slice();
        for (let j = 0; j < 1 + Math.floor(rand() * 8); j++) b[Math.floor(rand() * b.length)]! ^= 1 << Math.floor(rand() * 8);
        cases.push(b);
      }
      for (let k = 0; k < 20; k++) {
        // Length-like corruption: a 32-bit field set to a huge value.
        const b = orig.slice();
        const at = Math.floor(rand() * (b.length - 4));
        new DataView(b.buffer).setUint32(at, 0xfffffff0 - Math.floor(rand() * 1000), true);
        cases.push(b);
      }
      let ok = 0;
      for (const b of cases) {
        const t = performance.now();
        try {
          parse(b, ctxOf(f.endsWith('.ndax') ? 'neware.ndax' : 'neware.nda').ctx);
          ok++;
        } catch (e) {
          expect(isEchemkitError(e), String(e instanceof Error ? e.stack : e)).toBe(true);
        }
        expect(performance.now() - t).toBeLessThan(5000);
      }
      // Corrupt .ndax members fail their CRC (an error, by design); .nda keeps what is readable.
      if (f.endsWith('.nda')) expect(ok).toBeGreaterThan(0);
    });
  }

  it('corrupted BTSDA CSV text gives EchemkitErrors only', () => {
    const orig = readCorpus('neware-export/nw_regular_export_ife_example.csv').subarray(0, 60000);
    const rand = rng(7);
    for (let k = 0; k < 60; k++) {
      const b = orig.slice(0, Math.floor(orig.length * (0.05 + rand() * 0.95)));
      for (let j = 0; j < 1 + Math.floor(rand() * 20); j++) b[Math.floor(rand() * b.length)]! ^= 1 << Math.floor(rand() * 8);
      try {
        parseBtsdaCsv(b, ctxOf('neware.csv').ctx);
      } catch (e) {
        expect(isEchemkitError(e), String(e instanceof Error ? e.stack : e)).toBe(true);
      }
    }
  });

  it('a cut-off BTSDA CSV keeps its complete rows', () => {
    const b = readCorpus('neware-export/nw_regular_export_ife_example.csv');
    const { ctx } = ctxOf('neware.csv');
    const r = parseBtsdaCsv(b.subarray(0, 200000), ctx);
    expect(r.measurements[0]!.columns[0]!.values.length).toBeGreaterThan(1000);
  });
});
