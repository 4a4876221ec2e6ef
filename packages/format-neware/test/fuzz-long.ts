/**
 * Long fuzz run (manual, not part of `vitest run`): every corpus file of the four plugins,
 * 40 truncations, 200 bit-flip sets and 60 length corruptions each; any exception that is not
 * an EchemkitError, or a parse over 10 s, is printed.
 *   npx tsx --conditions source packages/format-neware/test/fuzz-long.ts [cases]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isEchemkitError, type ParseContext } from '@echemkit/core';
import { plugins } from '../src/index.js';

const corpus = process.env.ECHEMKIT_CORPUS ?? join(import.meta.dirname, '../../../../shared/fixtures');
const flips = Number(process.argv[2] ?? 200);
let s = 12345;
const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
const ctx = (format: string): ParseContext => ({ fileName: 'x', format, options: {}, siblings: new Map(), warn() {}, info() {} });
const dirs: Record<string, string> = { 'neware-nda': 'neware.nda', 'neware-ndax': 'neware.ndax', 'neware-export': 'neware.csv' };
let bad = 0;
let total = 0;
for (const [dir, id] of Object.entries(dirs)) {
  const plugin = plugins.find((p) => p.id === id)!;
  for (const f of readdirSync(join(corpus, dir))) {
    const orig = new Uint8Array(readFileSync(join(corpus, dir, f)));
    const cases: Uint8Array[] = [];
    for (let k = 1; k <= 40; k++) cases.push(orig.subarray(0, Math.floor((orig.length * k) / 41)));
    for (let k = 0; k < flips; k++) {
      const b = orig.slice();
      for (let j = 0; j < 1 + Math.floor(rand() * 16); j++) b[Math.floor(rand() * b.length)]! ^= 1 << Math.floor(rand() * 8);
      cases.push(b);
    }
    for (let k = 0; k < 60; k++) {
      const b = orig.slice();
      const at = Math.floor(rand() * (b.length - 4));
      new DataView(b.buffer).setUint32(at, [0xffffffff, 0x7fffffff, 0x10000000, 0][k % 4]! + Math.floor(rand() * 7), true);
      cases.push(b);
    }
    let maxMs = 0;
    for (const b of cases) {
      total++;
      const t = performance.now();
      try {
        plugin.parse(b, ctx(id));
      } catch (e) {
        if (!isEchemkitError(e)) {
          bad++;
          console.log(`${f}: ${e instanceof Error ? e.stack?.split('\n').slice(0, 4).join(' | ') : String(e)}`);
        }
      }
      const ms = performance.now() - t;
      maxMs = Math.max(maxMs, ms);
      if (ms > 10000) console.log(`${f}: slow case ${ms.toFixed(0)} ms`);
    }
    console.log(`${f}: ${cases.length} cases, slowest ${maxMs.toFixed(0)} ms, rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
  }
}
console.log(`${bad} non-EchemkitError exceptions in ${total} cases`);
