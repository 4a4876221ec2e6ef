/**
 * The Node entry lends the zip reader node:zlib (useZipCodec): the same bytes and documents as
 * the JavaScript decoders, and damaged members still end in the reader's own errors.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FormatError, toJsonBytes, useZipCodec, verifyZip, ZipArchive, type EchemkitDocument } from '@echemkit/core';
import { nodeInflateRaw, nodeZipCodec, read } from '../src/node.js';
import { corpusPath, describeCorpus } from '../../../test/helpers/corpus.js';
import { rng } from '../../../test/helpers/rng.js';

function sample(n: number): Uint8Array {
  const r = rng(3);
  const a = new Uint8Array(n);
  for (let i = 0; i < n; i++) a[i] = r() < 0.7 && i > 64 ? a[i - 1 - Math.floor(r() * 64)]! : Math.floor(r() * 40);
  return a;
}

/** Reads with the JavaScript decoders, then puts node:zlib back. */
async function withoutZlib<T>(f: () => Promise<T>): Promise<T> {
  useZipCodec({});
  try {
    return await f();
  } finally {
    useZipCodec(nodeZipCodec);
  }
}

describe('nodeInflateRaw', () => {
  it('inflates raw DEFLATE to exactly the declared size, as a plain Uint8Array', () => {
    const data = sample(100_000);
    const out = nodeInflateRaw(new Uint8Array(deflateRawSync(data)), data.length)!;
    expect(Buffer.isBuffer(out)).toBe(false);
    expect(Buffer.compare(Buffer.from(out), Buffer.from(data))).toBe(0);
  });

  it('gives undefined for a cut stream or another size, so the reader reports it', () => {
    const data = sample(50_000);
    const deflated = new Uint8Array(deflateRawSync(data));
    expect(nodeInflateRaw(deflated.subarray(0, deflated.length >> 1), data.length)).toBeUndefined();
    expect(nodeInflateRaw(deflated, data.length - 1)).toBeUndefined();
    expect(nodeInflateRaw(deflated, data.length + 1)).toBeUndefined();
  });

  it('a damaged member is the same FormatError with and without zlib', async () => {
    const zip = zipSync({ 'a.bin': sample(80_000) });
    zip[30 + 'a.bin'.length + 10]! ^= 0x10;
    const withZlib = (() => {
      const z = new ZipArchive(zip, 'x');
      return () => z.read(z.find('a.bin')!);
    })();
    expect(withZlib).toThrow(FormatError);
    const message = (() => {
      try {
        withZlib();
      } catch (e) {
        return (e as Error).message;
      }
    })();
    await withoutZlib(async () => {
      const z = new ZipArchive(zip, 'x');
      expect(() => z.read(z.find('a.bin')!)).toThrow(message!);
    });
  });
});

describeCorpus('zip-based corpus files read with node:zlib equal the JavaScript decoders', () => {
  const json = (d: EchemkitDocument) => new TextDecoder().decode(toJsonBytes(d));

  it('every .ndax: the same document', async () => {
    const dir = corpusPath('neware-ndax');
    const files = readdirSync(dir).filter((f) => f.endsWith('.ndax'));
    expect(files.length).toBeGreaterThan(6);
    for (const f of files) {
      const viaZlib = await read(join(dir, f));
      const viaJs = await withoutZlib(() => read(join(dir, f)));
      expect(viaZlib.measurements[0]!.columns[0]!.values.length, f).toBeGreaterThan(0);
      expect(json(viaZlib), f).toBe(json(viaJs));
    }
  });

  it('every member of the corpus .xlsx workbooks: the same bytes', async () => {
    for (const f of ['arbin/bs542_004_gr_li_50ua_50mv_1v_191020_Channel_11.xlsx', 'other/p-Cl-Ph-CO2Me_MeCN.xlsx']) {
      const bytes = new Uint8Array(readFileSync(corpusPath(f)));
      const members = (zip: ZipArchive) => zip.entries.filter((e) => !e.name.endsWith('/')).map((e) => zip.read(e));
      const viaZlib = members(verifyZip(bytes, 'xlsx'));
      const viaJs = await withoutZlib(async () => members(verifyZip(bytes, 'xlsx')));
      expect(viaZlib.length, f).toBeGreaterThan(3);
      viaZlib.forEach((m, i) => expect(Buffer.compare(Buffer.from(m), Buffer.from(viaJs[i]!)), `${f} member ${i}`).toBe(0));
    }
  });
});
