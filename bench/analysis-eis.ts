/**
 * Benchmark of @echemkit/analysis-eis side by side with the reference tools: one circuit fit
 * (impedance.py `circuit_fit`) and one DRT (pyDRTtools `simple_run`, λ by GCV and fixed 1e-3)
 * per corpus spectrum, same data, same circuit and initial guess. Median wall time of
 * repeated runs in one warm process each side; writes bench/results/analysis-eis.json.
 *
 * Usage: ECHEMKIT_IMPEDANCE_PY=<checkout> ECHEMKIT_PYDRTTOOLS=<checkout> \
 *   node --conditions=source --import tsx bench/analysis-eis.ts
 * (without the two variables only the echemkit side runs).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBytes } from '@echemkit/core';
import { computeDrt, fitCircuit, ignoreBelowX, spectraFromMeasurement, VERSION, type Spectrum } from '@echemkit/analysis-eis';
import { defaultRegistry } from 'echemkit';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.env.ECHEMKIT_CORPUS ?? join(root, '..', 'shared', 'fixtures');
const REPEAT = Number(process.env.ECHEMKIT_BENCH_REPEAT ?? 20);

interface Case {
  id: string;
  spectrum: Spectrum;
  circuit: string;
  guess: number[];
  weighting: 'unit' | 'modulus';
}

/** Generic guess for R0-p(R1,CPE1)-p(R2,CPE2) from the shape of the spectrum. */
function guessTwoArcs(s: Spectrum): number[] {
  let iHi = 0;
  let iLo = 0;
  for (let i = 0; i < s.f.length; i++) {
    if (s.f[i]! > s.f[iHi]!) iHi = i;
    if (s.f[i]! < s.f[iLo]!) iLo = i;
  }
  const r0 = Math.max(s.re[iHi]!, 1e-6);
  const span = Math.max(s.re[iLo]! - r0, r0);
  const w = 2 * Math.PI * Math.sqrt(s.f[iHi]! * s.f[iLo]!);
  return [r0, span / 2, 1 / ((span / 2) * w * 10), 0.9, span / 2, 10 / ((span / 2) * w), 0.8];
}

async function casesFromCorpus(): Promise<Case[]> {
  const out: Case[] = [];
  const csv = new TextDecoder().decode(readFileSync(join(corpus, 'eis-csv/exampleData.csv'))).trim().split(/\r?\n/).map((l) => l.split(',').map(Number));
  const example = ignoreBelowX({ f: Float64Array.from(csv, (r) => r[0]!), re: Float64Array.from(csv, (r) => r[1]!), im: Float64Array.from(csv, (r) => r[2]!) });
  out.push({ id: 'exampleData.csv (docs circuit)', spectrum: example, circuit: 'R0-p(R1,C1)-p(R2-Wo1,C2)', guess: [0.01, 0.01, 100, 0.01, 0.05, 100, 1], weighting: 'unit' });
  const files = ['biologic-mpt/pyimpspec_case-multiple-spectra.mpt', 'biologic-mpr/peis.mpr', 'gamry-dta/exampleDataGamry.DTA', 'zplot-z/exampleDataZPlot.z', 'biologic-mpt/exampleDataBioLogic.mpt'];
  for (const rel of files) {
    const doc = await readBytes(new Uint8Array(readFileSync(join(corpus, rel))), { registry: defaultRegistry(), fileName: basename(rel), sha256: false });
    doc.measurements
      .filter((m) => m.kind === 'impedance')
      .forEach((m, k) => {
        for (const s of spectraFromMeasurement(m)) {
          const sp = ignoreBelowX(s.spectrum);
          if (sp.f.length < 10) continue;
          out.push({ id: `${rel}#${k}.${s.index}`, spectrum: sp, circuit: 'R0-p(R1,CPE1)-p(R2,CPE2)', guess: guessTwoArcs(sp), weighting: 'modulus' });
        }
      });
  }
  return out;
}

function median(fn: () => unknown, repeat: number): number {
  const t: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const a = performance.now();
    fn();
    t.push(performance.now() - a);
  }
  t.sort((x, y) => x - y);
  return t[Math.floor(t.length / 2)]! / 1000;
}

const cases = await casesFromCorpus();
const ours = cases.map((c) => {
  // Warm-up so the JIT is not timed (the Python side imports and runs once too).
  fitCircuit(c.spectrum, c.circuit, c.guess, { weighting: c.weighting });
  const fit = fitCircuit(c.spectrum, c.circuit, c.guess, { weighting: c.weighting });
  const drtG = computeDrt(c.spectrum);
  const drtF = computeDrt(c.spectrum, { lambda: 1e-3 });
  return {
    id: c.id,
    points: c.spectrum.f.length,
    circuit: c.circuit,
    fit: { seconds: median(() => fitCircuit(c.spectrum, c.circuit, c.guess, { weighting: c.weighting }), REPEAT), values: fit.values, errors: fit.parameters.map((p) => p.stdError), chi2: fit.chi2, converged: fit.converged },
    drt_gcv: { seconds: median(() => computeDrt(c.spectrum), Math.max(1, REPEAT / 5)), lambda: drtG.lambda, R_inf: drtG.rInf, L: drtG.inductance, gamma_max: Math.max(...drtG.gamma), R_pol: drtG.polarizationResistance },
    drt_fixed: { seconds: median(() => computeDrt(c.spectrum, { lambda: 1e-3 }), Math.max(1, REPEAT / 5)), lambda: 1e-3, R_inf: drtF.rInf, L: drtF.inductance, gamma_max: Math.max(...drtF.gamma), R_pol: drtF.polarizationResistance },
  };
});

let reference: { results: Record<string, any>[] } | undefined;
const impDir = process.env.ECHEMKIT_IMPEDANCE_PY;
const drtDir = process.env.ECHEMKIT_PYDRTTOOLS;
if (impDir && drtDir) {
  const tmp = join(tmpdir(), `echemkit-eis-bench-${process.pid}.json`);
  writeFileSync(tmp, JSON.stringify(cases.map((c) => ({ id: c.id, f: Array.from(c.spectrum.f), re: Array.from(c.spectrum.re), im: Array.from(c.spectrum.im), circuit: c.circuit, guess: c.guess, weighting: c.weighting, repeat: REPEAT }))));
  const py = process.env.ECHEMKIT_PYTHON ?? '/usr/bin/python3';
  const text = execFileSync(py, [join(root, 'bench', 'analysis-eis.reference.py'), tmp, impDir, drtDir], { encoding: 'utf8', maxBuffer: 1 << 26 });
  reference = JSON.parse(text.trim().split('\n').pop()!);
}

const rows = ours.map((o, i) => {
  const r = reference?.results[i];
  const ratio = (a?: { seconds: number }, b?: { seconds: number }) => (a && b ? a.seconds / b.seconds : null);
  return {
    ...o,
    reference: r ?? null,
    speedup: r ? { fit: ratio(r.fit, o.fit), drt_gcv: ratio(r.drt_gcv, o.drt_gcv), drt_fixed: ratio(r.drt_fixed, o.drt_fixed) } : null,
    chi2RatioOursOverReference: r ? o.fit.chi2 / r.fit.chi2 : null,
  };
});
for (const r of rows) {
  const s = r.speedup;
  console.log(
    `${r.id} (${r.points} pts): fit ${(r.fit.seconds * 1e3).toFixed(2)} ms` +
      (s ? ` (impedance.py ${(r.reference!.fit.seconds * 1e3).toFixed(2)} ms, ×${s.fit!.toFixed(1)}; χ² ours/ref ${r.chi2RatioOursOverReference!.toFixed(6)})` : '') +
      `; DRT gcv ${(r.drt_gcv.seconds * 1e3).toFixed(2)} ms` +
      (s ? ` (pyDRTtools ${(r.reference!.drt_gcv.seconds * 1e3).toFixed(1)} ms, ×${s.drt_gcv!.toFixed(1)})` : '') +
      `; DRT λ=1e-3 ${(r.drt_fixed.seconds * 1e3).toFixed(2)} ms` +
      (s ? ` (pyDRTtools ${(r.reference!.drt_fixed.seconds * 1e3).toFixed(1)} ms, ×${s.drt_fixed!.toFixed(1)})` : ''),
  );
}
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(
  join(root, 'bench', 'results', 'analysis-eis.json'),
  JSON.stringify({ date: new Date().toISOString(), node: process.version, version: VERSION, repeat: REPEAT, referenceRan: !!reference, rows }, null, 2) + '\n',
);
