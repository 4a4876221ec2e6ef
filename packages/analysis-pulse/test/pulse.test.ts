import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyzeDcir, analyzeGitt, PACKAGE_VERSION } from '@echemkit/analysis-pulse';
import { basicDocument, cc, rest, type StepSpec } from '../../analysis-cycling/test/synthetic.js';

const close = (a: number, b: number, tol = 1e-9) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));

describe('GITT on a synthetic titration with exactly known transients', () => {
  // discharge pulses of 1 mA for 600 s: E(t) = E0 − IR − k·√t, then relaxation to E0 + ΔEs
  const IR = 0.01;
  const K = 0.002;
  const TAU = 600;
  const dEs = [0, 1, 2, 3, 4].map((k) => -0.02 - 0.005 * k);
  const steps: StepSpec[] = [];
  let e0 = 4.0;
  for (const d of dEs) {
    const start = e0;
    steps.push(rest(1800, start, { n: 30 }));
    steps.push({ duration: TAU, n: 600, current: () => -0.001, voltage: (t) => start - IR - K * Math.sqrt(t) });
    e0 = start + d;
  }
  steps.push(rest(1800, e0, { n: 30 }));
  steps.push(cc(-0.001, 100, e0 - IR, e0 - 0.05)); // incomplete last pulse: dropped
  const doc = basicDocument(steps);
  const r = analyzeGitt(doc, { particleRadiusCm: 3e-4 });
  const p = r.pulses;

  it('finds the 5 complete pulses with τ, I, ΔEs, ΔEt, IR drop and SOC', () => {
    expect(p.length).toBe(5);
    let e = 4.0;
    for (let k = 0; k < 5; k++) {
      close(p.tau[k]!, TAU);
      close(p.current[k]!, -0.001);
      close(p.voltageBefore[k]!, e);
      close(p.deltaEs[k]!, dEs[k]!);
      close(p.voltageAfter[k]!, e + dEs[k]!);
      close(p.deltaEt[k]!, -K * Math.sqrt(TAU));
      close(p.irDrop[k]!, -IR);
      close(p.irDropEnd[k]!, e + dEs[k]! - (e - IR - K * Math.sqrt(TAU)));
      close(p.resistance[k]!, 10);
      close(p.soc[k]!, 1 - k * 0.2);
      expect(p.flagged[k]).toBe(false);
      e += dEs[k]!;
    }
    expect(r.parameters.direction).toBe('discharge');
  });

  it('gives the Weppner–Huggins and √t diffusion coefficients', () => {
    for (let k = 0; k < 5; k++) {
      const wh = (4 / (Math.PI * TAU)) * (dEs[k]! / (K * Math.sqrt(TAU))) ** 2;
      close(p.dOverLengthSquared[k]!, wh, 1e-12);
      close(p.diffusionCoefficient[k]!, wh * 1e-8, 1e-12);
      close(p.sqrtTSlope[k]!, -K, 1e-9);
      close(p.sqrtTRSquared[k]!, 1, 1e-12);
      // with E linear in √t both forms agree exactly
      close(p.dOverLengthSquaredSqrtT[k]!, wh, 1e-8);
      close(p.diffusionCoefficientSqrtT[k]!, wh * 1e-8, 1e-8);
    }
  });

  it('estimates dEs/dt across the titration like ampworks (gradient of the pre-pulse voltage)', () => {
    // first pulse record = E_before − IR; equal pulse times, so numpy.gradient is a plain central difference
    const eStart = [4.0 - IR];
    for (const d of dEs) eStart.push(eStart[eStart.length - 1]! + d);
    for (let k = 0; k < 5; k++) {
      const a = Math.max(0, k - 1);
      const b = Math.min(4, k + 1);
      const g = (eStart[b]! - eStart[a]!) / ((b - a) * TAU);
      close(p.dEsdtTitration[k]!, g, 1e-12);
      close(p.dOverLengthSquaredTitration[k]!, (4 / Math.PI) * (g / -K) ** 2, 1e-8);
      close(p.diffusionCoefficientTitration[k]!, (4 / Math.PI) * (g / -K) ** 2 * 1e-8, 1e-8);
    }
  });

  it('uses V/S = m·V_M/(M·S) when given mass and molar data', () => {
    const r2 = analyzeGitt(doc, { activeMassGram: 0.01, molarMassGramPerMole: 100, molarVolumeCm3PerMole: 20, areaCm2: 4 });
    close(r2.parameters.volumeToSurfaceCm as number, (0.01 * 20) / (100 * 4));
    close(r2.pulses.diffusionCoefficient[0]!, r2.pulses.dOverLengthSquared[0]! * 0.0005 ** 2, 1e-12);
    expect(r2.packageVersion).toBe(PACKAGE_VERSION);
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(PACKAGE_VERSION).toBe(pkg.version);
  });
});

describe('DCIR / HPPC on a synthetic profile', () => {
  const R0 = 0.02;
  const R1 = 0.01;
  const T1 = 2;
  const rc = (t: number) => R0 + R1 * (1 - Math.exp(-t / T1));
  const steps: StepSpec[] = [];
  const ocv = [4.0, 3.9, 3.8];
  for (const v of ocv) {
    steps.push(rest(3600, v, { n: 36 }));
    steps.push({ duration: 10, n: 100, current: () => -2, voltage: (t) => v - 2 * rc(t) });
    steps.push(rest(40, v - 0.001, { n: 40 }));
    steps.push({ duration: 10, n: 100, current: () => 1.5, voltage: (t) => v - 0.001 + 1.5 * rc(t) });
    steps.push(rest(3600, v, { n: 36 }));
    steps.push(cc(-1, 360, v, v - 0.1, { n: 36 })); // 10 % DOD step: longer than 60 s, not a pulse
  }
  const r = analyzeDcir(basicDocument(steps, { nominalCapacityAh: 1, electrodeAreaSquareCentimetre: 2 }), { minVoltage: 2.5, maxVoltage: 4.2, minRestSeconds: 600 });
  const p = r.pulses;
  it('reports instant, 0.1 s, 1 s, 10 s and end resistances of discharge and regen pulses', () => {
    expect(p.length).toBe(6);
    expect(p.direction).toEqual(['discharge', 'charge', 'discharge', 'charge', 'discharge', 'charge']);
    for (let k = 0; k < 6; k++) {
      close(p.instantResistance[k]!, R0, 1e-12);
      close(p.resistance['0.1']![k]!, rc(0.1), 1e-9);
      close(p.resistance['1']![k]!, rc(1), 1e-9);
      close(p.resistance['10']![k]!, rc(10), 1e-9);
      close(p.endResistance[k]!, rc(10), 1e-12);
      close(p.endAreaSpecificResistance[k]!, 2 * rc(10), 1e-12);
      close(p.duration[k]!, 10);
    }
    expect(p.restTooShort).toEqual([false, true, false, true, false, true]);
    close(p.restBefore[1]!, 40);
  });
  it('assigns SOC by coulomb counting and computes HPPC pulse power', () => {
    const perBlock = (2 * 10 - 1.5 * 10 + 360) / 3600;
    for (let b = 0; b < 3; b++) {
      close(p.soc[2 * b]!, 1 - b * perBlock, 1e-12);
      close(p.soc[2 * b + 1]!, 1 - b * perBlock - 20 / 3600, 1e-12);
      close(p.restVoltage[2 * b]!, ocv[b]!);
      close(p.pulsePower[2 * b]!, (2.5 * (ocv[b]! - 2.5)) / rc(10), 1e-12);
      close(p.pulsePower[2 * b + 1]!, (4.2 * (4.2 - (ocv[b]! - 0.001))) / rc(10), 1e-12);
    }
    expect(r.parameters.capacityAh).toBe(1);
  });
  it('with the first pulse record 0.1 s after onset: R(0.1 s) is that record, earlier times are NaN', () => {
    const st2: StepSpec[] = [rest(600, 3.7, { n: 6 }), { duration: 10, n: 100, current: () => -2, voltage: (t) => 3.7 - 2 * rc(t) }, rest(600, 3.69, { n: 6 })];
    const doc2 = basicDocument(st2);
    // drop the pulse's record at its onset time (NEWARE-like logging)
    const m = doc2.measurements[0]!;
    const t = m.columns[0]!.values as Float64Array;
    const keep = Array.from(t.keys()).filter((i) => !(i > 0 && t[i] === t[i - 1] && (m.columns[1]!.values as Float64Array)[i] !== 0));
    m.columns = m.columns.map((c) => ({ ...c, values: Float64Array.from(keep, (i) => (c.values as Float64Array)[i]!) }));
    const r2 = analyzeDcir(doc2, { samplingTimes: [0.05, 0.1, 1] });
    expect(r2.pulses.length).toBe(1);
    close(r2.pulses.instantResistance[0]!, rc(0.1), 1e-9);
    close(r2.pulses.resistance['0.1']![0]!, rc(0.1), 1e-9);
    close(r2.pulses.resistance['1']![0]!, rc(1), 1e-9);
    expect(Number.isNaN(r2.pulses.resistance['0.05']![0]!)).toBe(true);
  });

  it('returns NaN for sampling times beyond the pulse', () => {
    const r2 = analyzeDcir(basicDocument(steps), { samplingTimes: [30] });
    expect(Number.isNaN(r2.pulses.resistance['30']![0]!)).toBe(true);
  });
});
