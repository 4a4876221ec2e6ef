/**
 * Cross-check of `linKK` against the results of Schönleber's Lin-KK tool (KIT), as recorded
 * in impedance.py's test suite (impedance/tests/test_validation.py: "True values … are from
 * Schonleber's Lin_KK software using equivalent analysis options"), on the spectrum they were
 * computed for, impedance.py's data/Circuit3_EIS_1.z. Not a test: that spectrum is not in the
 * shared corpus and fetched data files are never committed, so this runs beside a checkout.
 *
 * The reference values are read from the checkout's test file at run time (nothing is copied
 * into this repository); the spectrum is read with our own ZPlot reader.
 *
 * Usage: ECHEMKIT_IMPEDANCE_PY=<impedance.py checkout> \
 *   node --conditions=source --import tsx bench/analysis-eis.linkk-schoenleber.ts
 * Writes bench/results/analysis-eis.linkk-schoenleber.json; exits 1 when a case disagrees.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBytes } from '@echemkit/core';
import { linKK, spectrumFromMeasurement, type LinKKOptions, type Spectrum } from '@echemkit/analysis-eis';
import { defaultRegistry } from 'echemkit';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const checkout = process.env.ECHEMKIT_IMPEDANCE_PY ?? '/tmp/impedance.py';

/** The complex array `name = np.array([re…]) + np.array([im…]) * 1j` in the test source. */
function referenceArray(source: string, name: string): { re: number[]; im: number[] } {
  const at = source.indexOf(`${name} = \\`);
  if (at < 0) throw new Error(`${name} not found in test_validation.py`);
  const arrays = [...source.slice(at).matchAll(/np\.array\(\[([^\]]*)\]\)/g)].slice(0, 2).map((m) => m[1]!.split(',').map((x) => Number(x.trim())));
  if (arrays.length !== 2 || arrays.some((a) => a.some((x) => !Number.isFinite(x)))) throw new Error(`cannot read ${name}`);
  return { re: arrays[0]!, im: arrays[1]! };
}

/** The first `np.isclose(mu, <value>)` after `marker` in the test source. */
function referenceMu(source: string, marker: string): number {
  const at = source.indexOf(marker);
  const m = /np\.isclose\(mu, ([0-9.e-]+)\)/.exec(source.slice(at));
  if (at < 0 || !m) throw new Error(`μ after ${marker} not found`);
  return Number(m[1]);
}

/** numpy.isclose(a, b) with its defaults (rtol 1e-5, atol 1e-8), for complex values. */
function isClose(aRe: number, aIm: number, bRe: number, bIm: number): boolean {
  return Math.hypot(aRe - bRe, aIm - bIm) <= 1e-8 + 1e-5 * Math.hypot(bRe, bIm);
}

interface Case {
  name: string;
  options: LinKKOptions;
  reference: { re: number[]; im: number[] };
  M?: number;
  mu?: number;
}

async function main(): Promise<void> {
  const testSource = readFileSync(join(checkout, 'impedance/tests/test_validation.py'), 'utf8');
  const bytes = new Uint8Array(readFileSync(join(checkout, 'data/Circuit3_EIS_1.z')));
  const doc = await readBytes(bytes, { registry: defaultRegistry(), fileName: 'Circuit3_EIS_1.z' });
  const s: Spectrum = spectrumFromMeasurement(doc.measurements[0]!);
  const fit = referenceArray(testSource, 'fit_true');
  const fitCap = referenceArray(testSource, 'fit_true_cap');
  const cases: Case[] = [
    // linKK(f, Z, c=.69) → M = 10
    { name: 'linKK c=0.69', options: { c: 0.69 }, reference: fit, M: 10, mu: referenceMu(testSource, 'M, mu, Z_fit, resids_re, resids_im = linKK(f, Z, c=.69)') },
    // linKK(f, Z, c=.69, add_cap=True)
    { name: 'linKK c=0.69, capacitance', options: { c: 0.69, addCapacitance: true }, reference: fitCap, M: 10, mu: referenceMu(testSource, 'linKK(f, Z, c=.69, add_cap=True)') },
    // linKK(f, Z, c=None, max_M=10, add_cap=True)
    { name: 'linKK M=10, capacitance', options: { c: null, maxM: 10, addCapacitance: true }, reference: fitCap, M: 10, mu: referenceMu(testSource, 'linKK(f, Z, c=None, max_M=10, add_cap=True)') },
    // fit_linKK(f, taus(5), 5, Z, fit_type='imag' | 'complex'), evaluated
    { name: 'fit M=5 imag', options: { c: null, maxM: 5, fitType: 'imag' }, reference: referenceArray(testSource, 'fit_true_im') },
    { name: 'fit M=5 complex', options: { c: null, maxM: 5, fitType: 'complex' }, reference: referenceArray(testSource, 'fit_true_comp') },
  ];
  const results = cases.map((c) => {
    const r = linKK(s, c.options);
    let maxRel = 0;
    let close = 0;
    for (let i = 0; i < s.f.length; i++) {
      const mod = Math.hypot(s.re[i]!, s.im[i]!);
      maxRel = Math.max(maxRel, Math.hypot(r.fitted.re[i]! - c.reference.re[i]!, r.fitted.im[i]! - c.reference.im[i]!) / mod);
      if (isClose(r.fitted.re[i]!, r.fitted.im[i]!, c.reference.re[i]!, c.reference.im[i]!)) close++;
    }
    const muOk = c.mu === undefined || Math.abs(r.mu - c.mu) <= 1e-8 + 1e-5 * Math.abs(c.mu);
    const ok = close === s.f.length && (c.M === undefined || r.M === c.M) && muOk;
    return { case: c.name, points: s.f.length, isClosePoints: close, maxRelDiffOfModulus: maxRel, M: r.M, referenceM: c.M ?? null, mu: r.mu, referenceMu: c.mu ?? null, ok };
  });
  const out = {
    date: new Date().toISOString(),
    spectrum: 'impedance.py data/Circuit3_EIS_1.z (not in the shared corpus)',
    reference: "Schönleber's Lin_KK tool values recorded in impedance.py impedance/tests/test_validation.py",
    comparison: 'numpy.isclose defaults (rtol 1e-5, atol 1e-8) per point, as impedance.py asserts; maxRelDiffOfModulus = max |Ẑ − Ẑref| / |Z|',
    results,
  };
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results', 'analysis-eis.linkk-schoenleber.json'), JSON.stringify(out, null, 2) + '\n');
  for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.case}: ${r.isClosePoints}/${r.points} points close, max |ΔẐ|/|Z| ${r.maxRelDiffOfModulus.toExponential(2)}, M ${r.M} (ref ${r.referenceM ?? '-'}), μ ${r.mu} (ref ${r.referenceMu ?? '-'})`);
  if (results.some((r) => !r.ok)) process.exitCode = 1;
}

await main();
