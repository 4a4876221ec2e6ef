/**
 * Cross-check against impedance.py (github:ECSHackWeek/impedance.py @ 0b302ca, preprocessing
 * readers run by scripts/impedance-py-golden.py): for every corpus file its readers accept, our
 * frequencies and complex impedances equal its numbers.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { describeCorpus, readCorpus } from '../../../test/helpers/corpus.js';
import { plugins } from '../src/index.js';
import { col, detect, run } from './util.js';

const golden = join(dirname(fileURLToPath(import.meta.url)), 'golden');
interface Summary {
  files: { file: string; reader: string; accepted: boolean; golden?: string; points?: number }[];
}
const summary = JSON.parse(readFileSync(join(golden, 'summary.json'), 'utf8')) as Summary;
const accepted = summary.files.filter((f) => f.accepted);

/** Which measurement impedance.py reads: the ZCURVE table, the impedance rows, or the only one. */
function impedanceMeasurement(ms: { kind: string; name?: string; columns: { name: string; quantity: string | null; values: unknown }[] }[]) {
  return ms.find((m) => m.name === 'ZCURVE') ?? ms.find((m) => m.kind === 'impedance')!;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));

describeCorpus('impedance.py agreement', () => {
  it('impedance.py accepted 13 of the 33 corpus files tried', () => {
    expect(summary.files.length).toBe(33);
    expect(accepted.length).toBe(13);
  });
  for (const entry of accepted) {
    it(`${entry.file} (${entry.reader} reader, ${entry.points} points)`, () => {
      const g = JSON.parse(readFileSync(join(golden, entry.golden!), 'utf8')) as { frequency: number[]; real: number[]; imag: number[] };
      const bytes = readCorpus(entry.file);
      const plugin = detect(plugins, bytes)!;
      const m = impedanceMeasurement(run(plugin, bytes).result.measurements);
      const f = col(m, 'frequency_hertz');
      const re = col(m, 'real_impedance_ohm');
      const im = col(m, 'imaginary_impedance_ohm');
      expect(f.length).toBe(g.frequency.length);
      let worst = 0;
      for (let i = 0; i < f.length; i++) {
        expect(close(f[i]!, g.frequency[i]!), `f[${i}] ${f[i]} vs ${g.frequency[i]}`).toBe(true);
        expect(close(re[i]!, g.real[i]!), `Re[${i}] ${re[i]} vs ${g.real[i]}`).toBe(true);
        expect(close(im[i]!, g.imag[i]!), `Im[${i}] ${im[i]} vs ${g.imag[i]}`).toBe(true);
        worst = Math.max(worst, Math.abs(f[i]! - g.frequency[i]!), Math.abs(re[i]! - g.real[i]!), Math.abs(im[i]! - g.imag[i]!));
      }
      expect(worst).toBe(0);
    });
  }
});
