/**
 * Mutation fuzzing of every corpus file of every registered format (test lane: 200 bit
 * flips per file plus truncations and length corruptions; `npm run fuzz` for many more).
 */
import { expect, it } from 'vitest';
import { describeCorpus } from './helpers/corpus.js';
import { claimedCases } from './helpers/corpus-detection.js';
import { fuzzCase } from './helpers/fuzz.js';

const flips = Number(process.env.ECHEMKIT_FUZZ_CASES ?? 200);

describeCorpus('fuzz: mutated corpus files end in a document or an EchemkitError', () => {
  for (const c of claimedCases()) {
    it(`${c.entry.file} [${c.detection!.plugin.id}]`, async () => {
      // Time bound per case: generous for slow CI machines, far below a hang.
      const bound = 5000 + c.bytes.length / 100;
      const { cases, failures } = await fuzzCase(c, flips, bound);
      expect(failures).toEqual([]);
      expect(cases).toBeGreaterThanOrEqual(flips);
    }, 600_000);
  }
});
