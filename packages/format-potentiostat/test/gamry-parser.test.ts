/**
 * Gamry tables against an independent reader, bcliang/gamry-parser @ b2efe0c (run by
 * scripts/gamry-parser-golden.py): row counts, exact column sums and sampled values.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { describeCorpus, readCorpus } from '../../../test/helpers/corpus.js';
import { gamryDtaPlugin } from '../src/index.js';
import { run } from './util.js';

interface GoldenTable {
  name: string;
  rows: number;
  columns: Record<string, { sum: number; samples: [number, number | null][] }>;
}
const golden = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'golden', 'gamry-parser.json'), 'utf8')) as {
  files: { file: string; accepted: boolean; tables?: GoldenTable[] }[];
};

// gamry-parser splits only on tabs; eispot_data.dta has four space-separated rows it misreads
// (impedance.py and echemkit agree on them, see impedance-py.test.ts).
const SKIP = new Set(['gamry-dta/eispot_data.dta']);

describeCorpus('Gamry DTA vs gamry-parser', () => {
  it('gamry-parser read all 21 Gamry corpus files', () => {
    expect(golden.files.length).toBe(21);
    expect(golden.files.every((f) => f.accepted)).toBe(true);
  });
  for (const f of golden.files) {
    if (SKIP.has(f.file)) continue;
    it(f.file, () => {
      const { result } = run(gamryDtaPlugin, readCorpus(f.file));
      const tables = f.tables ?? [];
      expect(result.measurements.length).toBe(tables.length);
      tables.forEach((t, i) => {
        const m = result.measurements[i]!;
        expect(m.columns[0]!.values.length, `${t.name} rows`).toBe(t.rows);
        for (const [name, g] of Object.entries(t.columns)) {
          const c = m.columns.find((x) => x.sourceName === name);
          expect(c, `${t.name}: column ${name}`).toBeDefined();
          const v = c!.values as Float64Array;
          let sum = 0;
          for (let r = 0; r < v.length; r++) if (!Number.isNaN(v[r]!)) sum += v[r]!;
          expect(Math.abs(sum - g.sum)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(g.sum)));
          for (const [r, x] of g.samples) expect(v[r], `${t.name} ${name}[${r}]`).toBe(x === null ? NaN : x);
        }
      });
    });
  }
});
