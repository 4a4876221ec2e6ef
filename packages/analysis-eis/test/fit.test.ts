import { describe, expect, it } from 'vitest';
import { describeCorpus } from '../../../test/helpers/corpus.js';
import { fitCircuit, ignoreBelowX, predictCircuit, studentTQuantile, VERSION } from '../src/index.js';
import { readExampleCsv } from './helpers.js';
import pkg from '../package.json' with { type: 'json' };

function logspace(a: number, b: number, n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => 10 ** (a + ((b - a) * i) / (n - 1)));
}

const synthetic: { circuit: string; p: number[] }[] = [
  { circuit: 'R0-p(R1,CPE1)-Wo1', p: [0.02, 0.05, 1.2e-3, 0.85, 0.1, 50] },
  { circuit: 'R0-p(R1,C1)-p(R2-Wo1,C2)', p: [0.0165, 0.0087, 3.3, 0.0054, 0.063, 233, 0.22] },
  { circuit: 'L0-R0-p(R1,CPE1)-p(R2,CPE2)', p: [2e-7, 0.01, 0.02, 5e-3, 0.9, 0.05, 0.5, 0.75] },
  { circuit: 'R0-p(R1,CPE1)-Ws1', p: [1.5, 12, 2e-5, 0.92, 30, 4] },
  { circuit: 'La0-R0-Zarc1-G1', p: [3e-6, 0.8, 2, 15, 1e-3, 0.8, 10, 0.5] },
  { circuit: 'R0-RQ1-W1', p: [5, 40, 1e-5, 0.88, 12] },
  { circuit: 'R0-Gs1-K1', p: [3, 20, 0.05, 0.6, 8, 1e-5] },
  { circuit: 'R0-p(R1,C1)-TLMQ1', p: [1, 5, 1e-6, 40, 3e-3, 0.9] },
];

describe('CNLS fitting', () => {
  it('records its version (equal to package.json)', () => {
    expect(VERSION).toBe(pkg.version);
  });

  for (const { circuit, p } of synthetic) {
    it(`refits noise-free ${circuit} to relative error ≤ 1e-6`, () => {
      const f = logspace(-2, 5, 60);
      const z = predictCircuit(circuit, p, f);
      // Start 30 % off in alternating directions (exponents 5 % off, within their bounds).
      const guess = p.map((v, i) => (v < 1 && v > 0.5 ? v * 0.95 : v * (i % 2 ? 1.3 : 0.7)));
      const res = fitCircuit({ f, re: z.re, im: z.im }, circuit, guess);
      expect(res.converged).toBe(true);
      res.values.forEach((v, i) => expect(Math.abs(v - p[i]!) / p[i]!).toBeLessThanOrEqual(1e-6));
      expect(res.rmse).toBeLessThan(1e-9 * Math.max(...Array.from(z.re, Math.abs)));
    });
  }

  it('holds constants fixed and leaves them out of the guess and bounds', () => {
    const f = logspace(-1, 4, 30);
    const z = predictCircuit('R0-p(R1,C1)', [10, 50, 2e-5], f);
    const res = fitCircuit({ f, re: z.re, im: z.im }, 'R0-p(R1,C1)', [40, 1e-5], { constants: { R0: 10 } });
    expect(res.parameters[0]).toMatchObject({ name: 'R0', value: 10, fixed: true });
    expect(res.values[1]! / 50).toBeCloseTo(1, 8);
    expect(res.values[2]! / 2e-5).toBeCloseTo(1, 8);
    expect(() => fitCircuit({ f, re: z.re, im: z.im }, 'R0-p(R1,C1)', [10, 40, 1e-5], { constants: { R0: 10 } })).toThrow(/needs 2 initial guesses, got 3/);
    expect(() => fitCircuit({ f, re: z.re, im: z.im }, 'R0-p(R1,C1)', [40, 1e-5], { constants: { R9: 1 } })).toThrow(/constant R9 is not a parameter/);
  });

  it('respects user bounds (parameter pinned at the bound when the optimum lies beyond)', () => {
    const f = logspace(-1, 4, 30);
    const z = predictCircuit('R0-p(R1,C1)', [10, 50, 2e-5], f);
    const res = fitCircuit({ f, re: z.re, im: z.im }, 'R0-p(R1,C1)', [5, 40, 1e-5], { bounds: { R0: [0, 8] } });
    expect(res.values[0]).toBeLessThanOrEqual(8);
    expect(res.values[0]).toBeGreaterThan(7.99);
  });

  it('gives 1σ = √diag(s²(JᵀJ)⁻¹) with s² = χ²/(2N − P): a linear model checks it exactly', () => {
    // Z = R0 + jωL is linear in (R0, L); with unit weights cov = s²·(AᵀA)⁻¹ in closed form.
    const f = Float64Array.from([1, 2, 5, 10, 20]);
    const re = Float64Array.from([1.1, 0.9, 1.05, 0.98, 1.02]);
    const im = Float64Array.from(f, (v, i) => 2 * Math.PI * v * 1e-3 * (1 + 0.01 * ((i % 3) - 1)));
    const res = fitCircuit({ f, re, im }, 'R0-L0', [1, 1e-3]);
    const mean = re.reduce((a, b) => a + b) / 5;
    let sww = 0;
    let swz = 0;
    for (let i = 0; i < 5; i++) {
      const w = 2 * Math.PI * f[i]!;
      sww += w * w;
      swz += w * im[i]!;
    }
    const L = swz / sww;
    expect(res.values[0]).toBeCloseTo(mean, 10);
    expect(res.values[1]! / L).toBeCloseTo(1, 8);
    let chi2 = 0;
    for (let i = 0; i < 5; i++) chi2 += (re[i]! - mean) ** 2 + (im[i]! - 2 * Math.PI * f[i]! * L) ** 2;
    const s2 = chi2 / (10 - 2);
    expect(res.chi2 / chi2).toBeCloseTo(1, 8);
    expect(res.parameters[0]!.stdError / Math.sqrt(s2 / 5)).toBeCloseTo(1, 5);
    expect(res.parameters[1]!.stdError / Math.sqrt(s2 / sww)).toBeCloseTo(1, 5);
    expect(res.correlation![0]![1]).toBeCloseTo(0, 5);
    // 95 % interval with t(0.975, 8) = 2.3060041352041662 (root of scipy.special.betainc form of the CDF).
    const p0 = res.parameters[0]!;
    expect((p0.ci95[1] - p0.value) / p0.stdError).toBeCloseTo(2.3060041352041662, 9);
  });

  it('Student-t quantiles match roots of the CDF via scipy.special.betainc (ν = 1 exactly: tan(0.475π))', () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(Math.tan(0.475 * Math.PI), 9);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228138851986274, 10);
    expect(studentTQuantile(0.975, 1e7)).toBeCloseTo(1.9599642216626882, 7);
    // (scipy.stats.t.ppf itself returns 2.5705818366147395, off by 1e-9)
    expect(studentTQuantile(0.025, 5)).toBeCloseTo(-2.5705818356363133, 10);
  });

  it('proportional weighting refuses zero components', () => {
    const f = logspace(0, 3, 10);
    const z = predictCircuit('R0', [5], f);
    expect(() => fitCircuit({ f, re: z.re, im: z.im }, 'R0', [4], { weighting: 'proportional' })).toThrow(/zero or invalid standard deviation/);
  });
});

// impedance.py's example (docs/source/getting-started.rst, Step 5): exampleData.csv after
// ignoreBelowX, circuit R0-p(R1,C1)-p(R2-Wo1,C2), guess [.01, .01, 100, .01, .05, 100, 1].
const DOCS = [1.65e-2, 8.68e-3, 3.32e0, 5.39e-3, 6.31e-2, 2.33e2, 2.2e-1];
// impedance.py 1.7 run here (curve_fit, trf): parameters_ and conf_ (1σ).
const IMPEDANCE_PY = {
  unit: { p: [0.01651872611221101, 0.008676550488057272, 3.3214255949697105, 0.0053899627753308125, 0.06309274250156229, 232.5204264299427, 0.2195418294517062], err: [0.00015422764350549482, 0.00019127373611204238, 0.18953669117940353, 0.00020579900850856478, 0.0019397395634227755, 16.226952184182622, 0.01754325235438041] },
  modulus: { p: [0.016398582962939307, 0.009056220718313754, 3.060430759262138, 0.005286679945112322, 0.14486855099446033, 1320.1272200799701, 0.2015137012283048], err: [8.729443339280821e-5, 0.00015061606112325255, 0.12986708694207777, 0.00013334718401833233, 0.2562504055228018, 4655.898606408997, 0.00964901066522087] },
};
const CIRCUIT = 'R0-p(R1,C1)-p(R2-Wo1,C2)';
const GUESS = [0.01, 0.01, 100, 0.01, 0.05, 100, 1];

function chi2Of(s: { f: Float64Array; re: Float64Array; im: Float64Array }, p: number[], modulus: boolean): number {
  const z = predictCircuit(CIRCUIT, p, s.f);
  let c = 0;
  for (let i = 0; i < s.f.length; i++) {
    const w = modulus ? Math.hypot(s.re[i]!, s.im[i]!) : 1;
    c += ((z.re[i]! - s.re[i]!) / w) ** 2 + ((z.im[i]! - s.im[i]!) / w) ** 2;
  }
  return c;
}

describeCorpus('impedance.py example spectrum', () => {
  const s = ignoreBelowX(readExampleCsv());

  it('refits to the values its documentation reports', () => {
    const res = fitCircuit(s, CIRCUIT, GUESS);
    // The well-determined parameters agree to the 3 significant digits the docs print.
    for (const k of [0, 1, 2, 3, 6]) expect(Number(res.values[k]!.toPrecision(3))).toBeCloseTo(DOCS[k]!, 12);
    // The Warburg pair lies in a flat valley: our minimum has a lower χ² than impedance.py's
    // stopping point, and both are within one standard error of each other.
    expect(res.chi2).toBeLessThanOrEqual(chi2Of(s, IMPEDANCE_PY.unit.p, false));
    for (const k of [4, 5]) expect(Math.abs(res.values[k]! - DOCS[k]!)).toBeLessThan(res.parameters[k]!.stdError);
    // Standard errors of the well-determined parameters agree with curve_fit's within 1 %.
    for (const k of [0, 1, 2, 3, 6]) expect(Math.abs(res.parameters[k]!.stdError / IMPEDANCE_PY.unit.err[k]! - 1)).toBeLessThan(0.01);
    expect(res.rmse).toBeCloseTo(Math.sqrt(res.chi2 / (2 * s.f.length)), 15);
  });

  it('matches impedance.py with weight_by_modulus=True', () => {
    const res = fitCircuit(s, CIRCUIT, GUESS, { weighting: 'modulus' });
    const ref = IMPEDANCE_PY.modulus;
    expect(res.chi2).toBeLessThanOrEqual(chi2Of(s, ref.p, true) * (1 + 1e-9));
    for (let k = 0; k < 7; k++) expect(Math.abs(res.values[k]! - ref.p[k]!) / ref.p[k]!).toBeLessThan(1e-4);
    for (let k = 0; k < 7; k++) expect(Math.abs(res.parameters[k]!.stdError - ref.err[k]!) / ref.err[k]!).toBeLessThan(1e-2);
  });

  it('multi-start keeps the best of seeded starts and is reproducible', () => {
    const a = fitCircuit(s, CIRCUIT, GUESS, { starts: 5, seed: 3 });
    const b = fitCircuit(s, CIRCUIT, GUESS, { starts: 5, seed: 3 });
    const single = fitCircuit(s, CIRCUIT, GUESS);
    expect(a.values).toEqual(b.values);
    expect(a.chi2).toBeLessThanOrEqual(single.chi2 * (1 + 1e-12));
    expect(a.options).toMatchObject({ starts: 5, seed: 3, weighting: 'unit' });
  });
});
