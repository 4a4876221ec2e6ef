import { type ParseContext, type ParseResult, type FormatPlugin } from '@echemkit/core';
import { expect } from 'vitest';

export interface Recorded {
  warnings: { message: string; ruleId: string; line?: number; record?: number; offset?: number }[];
  infos: { message: string; ruleId: string }[];
}

/** Runs a plugin directly with a recording context. */
export function run(plugin: FormatPlugin, bytes: Uint8Array, options: Record<string, unknown> = {}): ParseResult & Recorded {
  const rec: Recorded = { warnings: [], infos: [] };
  const ctx: ParseContext = {
    fileName: 'x',
    format: plugin.id,
    options,
    siblings: new Map(),
    warn: (message, init) =>
      rec.warnings.push({ message, ruleId: init.ruleId, ...(init.line !== undefined ? { line: init.line } : {}), ...(init.record !== undefined ? { record: init.record } : {}), ...(init.offset !== undefined ? { offset: init.offset } : {}) }),
    info: (message, init) => rec.infos.push({ message, ruleId: init.ruleId }),
  };
  return { ...plugin.parse(bytes, ctx), ...rec };
}

export function values(r: ParseResult, name: string): unknown[] {
  const c = r.measurements[0]!.columns.find((x) => x.name === name);
  if (!c) throw new Error(`no column ${name}; have ${r.measurements[0]!.columns.map((x) => x.name).join(', ')}`);
  return Array.from(c.values as ArrayLike<unknown>);
}


let gbk: Map<string, number[]> | undefined;
/** Test-only GBK encoder built by decoding every two-byte GBK code once (TextEncoder only writes UTF-8). */
export function encodeGbk(text: string): Uint8Array {
  if (!gbk) {
    gbk = new Map();
    const dec = new TextDecoder('gb18030');
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([a, b]));
        if (ch.length === 1 && ch !== '\uFFFD' && !gbk.has(ch)) gbk.set(ch, [a, b]);
      }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const g = gbk.get(ch);
      if (!g) throw new Error(`no GBK code for ${ch}`);
      out.push(...g);
    }
  }
  return new Uint8Array(out);
}

/** Deterministic pseudo-random numbers for the fuzz loops. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

/** Parses mutated copies; anything thrown must be an EchemkitError. Returns how many parsed. */
export function fuzz(plugin: FormatPlugin, bytes: Uint8Array, rounds: number, seed = 1): number {
  const rnd = lcg(seed);
  let ok = 0;
  for (let n = 0; n < rounds; n++) {
    const b = bytes.slice();
    const flips = 1 + (n % 6);
    for (let k = 0; k < flips; k++) b[Math.floor(rnd() * b.length)] ^= 1 << Math.floor(rnd() * 8);
    const input = n % 3 === 0 ? b.subarray(0, Math.floor(rnd() * b.length)) : b;
    try {
      plugin.parse(input, { fileName: '', format: plugin.id, options: {}, siblings: new Map(), warn: () => {}, info: () => {} });
      ok++;
    } catch (e) {
      expect((e as { code?: string }).code, String(e)).toMatch(/^ECHEM_/);
    }
  }
  return ok;
}

export { catchEchemkit } from '../../../test/helpers/errors.js';
