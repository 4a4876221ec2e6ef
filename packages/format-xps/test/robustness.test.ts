import { isEchemkitError } from '@echemkit/core';
import { expect, it } from 'vitest';
import { describeCorpus, manifest, readCorpus } from '../../../test/helpers/corpus.js';
import { plugins } from '../src/index.js';
import { context } from './helpers.js';

/** Small deterministic PRNG (mulberry32) so failures reproduce. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function run(bytes: Uint8Array, id: string): void {
  const p = plugins.find((x) => x.id === id)!;
  try {
    p.parse(bytes, context(id));
  } catch (e) {
    if (!isEchemkitError(e)) throw e;
  }
}

describeCorpus('format-xps robustness on corpus files (truncation, bit flips)', () => {
  const files = manifest().filter((e) => /^xps-(vamas|spe|other)\//.test(e.file));
  for (const e of files) {
    it(`${e.file}: only typed errors`, () => {
      const bytes = readCorpus(e.file);
      const head = bytes.subarray(0, 65536);
      const ids = plugins.filter((p) => p.sniff(head) > 0).map((p) => p.id);
      expect(ids.length).toBeGreaterThan(0);
      const r = rng(bytes.length);
      for (const id of ids) {
        for (let k = 1; k <= 24; k++) run(bytes.subarray(0, Math.floor((bytes.length * k) / 25)), id);
        for (let k = 0; k < 60; k++) {
          const b = bytes.slice();
          const flips = 1 + Math.floor(r() * 4);
          for (let f = 0; f < flips; f++) b[Math.floor(r() * b.length)] ^= 1 << Math.floor(r() * 8);
          run(b, id);
        }
      }
    });
  }
});

describeCorpus('PHI binary headers with corrupted length fields', () => {
  for (const f of ['xps-spe/SnO2_10nm_1.pro', 'xps-spe/test0.spe', 'xps-spe/XPS_PHI_QUANTERA_narrow.spe']) {
    it(`${f}: every u32 of the data and trace headers set to huge values`, () => {
      const bytes = readCorpus(f);
      let start = 0;
      for (let i = 0; i + 4 < bytes.length; i++) if (bytes[i] === 0x45 && bytes[i + 1] === 0x4f && bytes[i + 2] === 0x46 && bytes[i + 3] === 0x48) start = i + 4;
      while (bytes[start] === 0x0d || bytes[start] === 0x0a) start++;
      const end = Math.min(bytes.length, start + 16 + 96 * 6);
      for (let o = start; o + 4 <= end; o += 4) {
        for (const v of [0xffffffff, 0x7fffffff, 0x10000]) {
          const b = bytes.slice();
          new DataView(b.buffer).setUint32(o, v, true);
          run(b, f.endsWith('.pro') ? 'phi.pro' : 'phi.spe');
        }
      }
    });
  }
});
