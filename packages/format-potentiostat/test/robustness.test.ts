/**
 * Damaged input: cut files and flipped bytes give either a document or an EchemkitError —
 * never another exception (the lead's harness runs a bigger version of this on every plugin).
 */
import { isEchemkitError } from '@echemkit/core';
import { expect, it } from 'vitest';
import { describeCorpus, manifest, readCorpus } from '../../../test/helpers/corpus.js';
import { plugins } from '../src/index.js';
import { OWN_FILES, run } from './util.js';
import { rng } from '../../../test/helpers/rng.js';


function attempt(id: string, bytes: Uint8Array): string | null {
  const p = plugins.find((x) => x.id === id)!;
  try {
    p.sniff(bytes.subarray(0, 65536));
    run(p, bytes);
    return null;
  } catch (e) {
    return isEchemkitError(e) ? null : `${(e as Error)?.constructor?.name}: ${(e as Error)?.message}`;
  }
}

describeCorpus('robustness on damaged corpus files', () => {
  const files: Record<string, string> = { ...OWN_FILES };
  for (const e of manifest()) if (e.file.startsWith('gamry-dta/')) files[e.file] = 'gamry.dta';
  for (const [file, id] of Object.entries(files)) {
    it(`${file}: truncations, bit flips and digit changes`, () => {
      const orig = readCorpus(file);
      const rand = rng(orig.length);
      const bad: string[] = [];
      for (let k = 1; k <= 12; k++) {
        const cut = Math.floor((orig.length * k) / 13);
        const r = attempt(id, orig.slice(0, cut));
        if (r) bad.push(`cut ${cut}: ${r}`);
      }
      for (let k = 0; k < 40; k++) {
        const b = orig.slice();
        const flips = 1 + Math.floor(rand() * 4);
        for (let j = 0; j < flips; j++) {
          const at = Math.floor(rand() * b.length);
          // Half bit flips, half length-like corruptions (0xff / 0x7f bytes or a digit '9').
          b[at] = rand() < 0.5 ? b[at]! ^ (1 << Math.floor(rand() * 8)) : [0xff, 0x7f, 0x39, 0x00][Math.floor(rand() * 4)]!;
        }
        const r = attempt(id, b);
        if (r) bad.push(`mutation ${k}: ${r}`);
      }
      expect(bad).toEqual([]);
    });
  }
});
