/** Test helpers: a tiny reader for impedance.py's headerless f, Z′, Z″ CSV (the corpus file), and comparisons. */
import { readCorpus } from '../../../test/helpers/corpus.js';
import type { Spectrum } from '../src/index.js';

/** impedance.py `readCSV`: headerless rows f, Z′, Z″. */
export function readExampleCsv(rel = 'eis-csv/exampleData.csv'): Spectrum {
  const rows = new TextDecoder()
    .decode(readCorpus(rel))
    .trim()
    .split(/\r?\n/)
    .map((l) => l.split(',').map(Number));
  return { f: Float64Array.from(rows, (r) => r[0]!), re: Float64Array.from(rows, (r) => r[1]!), im: Float64Array.from(rows, (r) => r[2]!) };
}

/** Largest relative difference |a − b|/|b| over arrays. */
export function maxRelDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < b.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!) / Math.max(Math.abs(b[i]!), 1e-300));
  return m;
}
