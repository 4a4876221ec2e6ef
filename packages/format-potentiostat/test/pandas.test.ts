/**
 * NOVA ASCII and PARSTAT exports against pandas.read_csv (run by scripts/pandas-golden.py):
 * row counts, exact column sums and sampled values (currents and potentials are in A and V in
 * these files, so no unit conversion is involved).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { describeCorpus, readCorpus } from '../../../test/helpers/corpus.js';
import { plugins } from '../src/index.js';
import { detect, run } from './util.js';

const golden = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'golden', 'pandas.json'), 'utf8')) as {
  files: { file: string; rows: number; columns: Record<string, { sum: number; samples: [number, number | null][] }> }[];
};

describeCorpus('NOVA ASCII and PARSTAT vs pandas', () => {
  for (const f of golden.files) {
    it(f.file, () => {
      const { result } = run(detect(plugins, readCorpus(f.file))!, readCorpus(f.file));
      for (const [name, g] of Object.entries(f.columns)) {
        // PARSTAT rows are split into DC and impedance measurements; in this file they are contiguous (DC first).
        const parts = result.measurements.map((m) => m.columns.find((c) => c.sourceName === name)!.values as Float64Array);
        const v = Float64Array.from(parts.flatMap((p) => Array.from(p)));
        expect(v.length, name).toBe(f.rows);
        let sum = 0;
        for (const x of v) if (!Number.isNaN(x)) sum += x;
        expect(Math.abs(sum - g.sum), name).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(g.sum)));
        for (const [r, x] of g.samples) expect(v[r], `${name}[${r}]`).toBe(x === null ? NaN : x);
      }
    });
  }
});
