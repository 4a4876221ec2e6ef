/**
 * GITT (analysis.md §2): per pulse ΔE_s, ΔE_t, IR drop, τ, and the chemical diffusion coefficient by
 * Weppner–Huggins, D = 4/(πτ)·(V/S)²·(ΔE_s/ΔE_t)², and by the √t variant,
 * D = (4/π)·(V/S)²·((ΔE_s/τ)/(dE/d√t))², with V/S = m_B·V_M/(M_B·S) or r/3 for spheres.
 */
import { AnalysisError, type EchemkitDocument } from '@echemkit/core';
import { linearFit, segment, selectSeries, type SegmentOptions } from '@echemkit/analysis-cycling';
import { findPulses } from './pulses.js';
import { PACKAGE_VERSION } from './version.js';

export interface GittOptions extends SegmentOptions {
  measurement?: number;
  /** Pulses of this direction are analysed; default: the direction of most pulses. */
  direction?: 'charge' | 'discharge';
  /** Active mass m_B, g (default: document.sample.activeMassGram). */
  activeMassGram?: number;
  /** Molar mass M_B, g/mol. */
  molarMassGramPerMole?: number;
  /** Molar volume V_M, cm³/mol. */
  molarVolumeCm3PerMole?: number;
  /** Electrode–electrolyte contact area S, cm² (default: document.sample.electrodeAreaSquareCentimetre). */
  areaCm2?: number;
  /** Spherical particles of this radius, cm: V/S = r/3 (overrides mass/molar data). */
  particleRadiusCm?: number;
  /** √t regression window on the pulse's relative time, s. Defaults 1 and 60 (ampworks). */
  sqrtTMinSeconds?: number;
  sqrtTMaxSeconds?: number;
  /** |ΔE_s| below this, V, flags the pulse (two-phase plateau or noise). Default 1e-4. */
  noiseFloorVolt?: number;
}

/** One row per pulse. Potentials V, currents A, times s, D cm²/s (NaN without geometry). */
export interface GittTable {
  length: number;
  pulse: Int32Array;
  startTime: Float64Array;
  /** SOC at pulse start from the titration's throughput (charge: Q/Q_total, discharge: 1 − Q/Q_total). */
  soc: Float64Array;
  tau: Float64Array;
  current: Float64Array;
  chargeAh: Float64Array;
  voltageBefore: Float64Array;
  /** Relaxed voltage after the pulse (last record of the following rest) = E_eq. */
  voltageAfter: Float64Array;
  deltaEs: Float64Array;
  deltaEt: Float64Array;
  /** Voltage step at pulse onset, E(first pulse record) − E_before, and at pulse end. */
  irDrop: Float64Array;
  irDropEnd: Float64Array;
  /** |IR drop| / |I|, Ω. */
  resistance: Float64Array;
  /** Weppner–Huggins D / (V/S)² = 4/(πτ)·(ΔE_s/ΔE_t)², s⁻¹ (geometry-free). */
  dOverLengthSquared: Float64Array;
  diffusionCoefficient: Float64Array;
  sqrtTSlope: Float64Array;
  sqrtTSlopeStdErr: Float64Array;
  sqrtTIntercept: Float64Array;
  sqrtTRSquared: Float64Array;
  /** √t variant D / (V/S)², s⁻¹. */
  dOverLengthSquaredSqrtT: Float64Array;
  diffusionCoefficientSqrtT: Float64Array;
  /**
   * dE_s/dt across the titration as ampworks estimates it: gradient (numpy.gradient) of the voltage at each
   * pulse's first record against the cumulative pulse time, V/s.
   */
  dEsdtTitration: Float64Array;
  /** √t variant with that titration gradient, D / (V/S)² and D. */
  dOverLengthSquaredTitration: Float64Array;
  diffusionCoefficientTitration: Float64Array;
  /** True when |ΔE_s| is below the noise floor: D is meaningless there. */
  flagged: boolean[];
}

export interface GittResult {
  method: string;
  parameters: Record<string, unknown>;
  packageVersion: string;
  pulses: GittTable;
}

/**
 * GITT analysis of a document.
 * @example
 * const r = analyzeGitt(doc, { particleRadiusCm: 5e-4 });
 * r.pulses.diffusionCoefficient[0]; // cm²/s
 */
export function analyzeGitt(doc: EchemkitDocument, options: GittOptions = {}): GittResult {
  const s = selectSeries(doc, options.measurement);
  const seg = segment(s, options);
  const all = findPulses(seg, true);
  let dir: 1 | -1;
  if (options.direction) dir = options.direction === 'charge' ? 1 : -1;
  else dir = all.filter((p) => p.direction === 1).length >= all.filter((p) => p.direction === -1).length ? 1 : -1;
  const pulses = all.filter((p) => p.direction === dir);
  if (!pulses.length) throw new AnalysisError('no complete GITT pulse (a current step between two rests) was found', { format: 'analysis-pulse', hint: 'Check the rest threshold (currentTolerance)' });
  const mass = options.activeMassGram ?? doc.sample?.activeMassGram ?? undefined;
  const area = options.areaCm2 ?? doc.sample?.electrodeAreaSquareCentimetre ?? undefined;
  let vOverS = NaN;
  let geometry = 'none (D reported as D/(V/S)² only)';
  if (options.particleRadiusCm !== undefined) {
    vOverS = options.particleRadiusCm / 3;
    geometry = `spheres, V/S = r/3, r = ${options.particleRadiusCm} cm`;
  } else if (mass && options.molarMassGramPerMole && options.molarVolumeCm3PerMole && area) {
    vOverS = (mass * options.molarVolumeCm3PerMole) / (options.molarMassGramPerMole * area);
    geometry = 'V/S = m_B·V_M/(M_B·S)';
  }
  const tMin = options.sqrtTMinSeconds ?? 1;
  const tMax = options.sqrtTMaxSeconds ?? 60;
  const noise = options.noiseFloorVolt ?? 1e-4;
  const n = pulses.length;
  const f = () => new Float64Array(n).fill(NaN);
  const t: GittTable = {
    length: n, pulse: new Int32Array(n), startTime: f(), soc: f(), tau: f(), current: f(), chargeAh: f(), voltageBefore: f(), voltageAfter: f(),
    deltaEs: f(), deltaEt: f(), irDrop: f(), irDropEnd: f(), resistance: f(), dOverLengthSquared: f(), diffusionCoefficient: f(),
    sqrtTSlope: f(), sqrtTSlopeStdErr: f(), sqrtTIntercept: f(), sqrtTRSquared: f(), dOverLengthSquaredSqrtT: f(), diffusionCoefficientSqrtT: f(),
    dEsdtTitration: f(), dOverLengthSquaredTitration: f(), diffusionCoefficientTitration: f(), flagged: [],
  };
  const total = pulses.reduce((a, p) => a + Math.abs(p.charge), 0);
  const { time: T, voltage: V } = s;
  let acc = 0;
  pulses.forEach((p, k) => {
    const t0 = T[p.start - 1]!; // the current is switched on after the rest's last record
    const eBefore = V[p.start - 1]!;
    const eAfter = V[p.restAfterEnd - 1]!;
    const tau = p.duration;
    t.pulse[k] = k + 1;
    t.startTime[k] = t0;
    t.soc[k] = dir === 1 ? acc / total : 1 - acc / total;
    acc += Math.abs(p.charge);
    t.tau[k] = tau;
    t.current[k] = p.current;
    t.chargeAh[k] = p.charge;
    t.voltageBefore[k] = eBefore;
    t.voltageAfter[k] = eAfter;
    t.deltaEs[k] = eAfter - eBefore;
    t.irDrop[k] = V[p.start]! - eBefore;
    t.irDropEnd[k] = p.end < p.restAfterEnd ? V[p.end]! - V[p.end - 1]! : NaN;
    t.deltaEt[k] = V[p.end - 1]! - V[p.start]!;
    t.resistance[k] = Math.abs(t.irDrop[k]!) / Math.abs(p.current);
    t.dOverLengthSquared[k] = (4 / (Math.PI * tau)) * (t.deltaEs[k]! / t.deltaEt[k]!) ** 2;
    t.diffusionCoefficient[k] = t.dOverLengthSquared[k]! * vOverS * vOverS;
    const xs: number[] = [];
    const ys: number[] = [];
    const tFirst = T[p.start]!; // relative pulse time from the first pulse record (analysis.md §0.4, ampworks)
    for (let i = p.start; i < p.end; i++) {
      const tr = T[i]! - tFirst;
      if (tr >= tMin && tr <= tMax) (xs.push(Math.sqrt(tr)), ys.push(V[i]!));
    }
    const fit = linearFit(xs, ys);
    t.sqrtTSlope[k] = fit.slope;
    t.sqrtTSlopeStdErr[k] = fit.slopeStdErr;
    t.sqrtTIntercept[k] = fit.intercept;
    t.sqrtTRSquared[k] = fit.rSquared;
    t.dOverLengthSquaredSqrtT[k] = (4 / Math.PI) * (t.deltaEs[k]! / tau / fit.slope) ** 2;
    t.diffusionCoefficientSqrtT[k] = t.dOverLengthSquaredSqrtT[k]! * vOverS * vOverS;
    t.flagged.push(Math.abs(t.deltaEs[k]!) < noise);
  });
  // ampworks' titration-wide gradient: voltage of each pulse's first record (the IR step cancels in the
  // differences) against the cumulative pulse time (first to last pulse record), with numpy.gradient's
  // second-order formula inside and one-sided differences at the ends
  const x = new Float64Array(n);
  const e = new Float64Array(n);
  let acc2 = 0;
  pulses.forEach((p, k) => {
    acc2 += T[p.end - 1]! - T[p.start]!;
    x[k] = acc2;
    e[k] = V[p.start]!;
  });
  for (let k = 0; k < n; k++) {
    let g = NaN;
    if (n >= 2 && k === 0) g = (e[1]! - e[0]!) / (x[1]! - x[0]!);
    else if (n >= 2 && k === n - 1) g = (e[k]! - e[k - 1]!) / (x[k]! - x[k - 1]!);
    else if (n >= 3) {
      const hl = x[k]! - x[k - 1]!;
      const hr = x[k + 1]! - x[k]!;
      g = (hl * hl * e[k + 1]! - hr * hr * e[k - 1]! + (hr * hr - hl * hl) * e[k]!) / (hl * hr * (hl + hr));
    }
    t.dEsdtTitration[k] = g;
    t.dOverLengthSquaredTitration[k] = (4 / Math.PI) * (g / t.sqrtTSlope[k]!) ** 2;
    t.diffusionCoefficientTitration[k] = t.dOverLengthSquaredTitration[k]! * vOverS * vOverS;
  }
  return {
    method: 'GITT (analysis.md §2): Weppner–Huggins D = 4/(πτ)(V/S)²(ΔEs/ΔEt)² and √t variant D = (4/π)(V/S)²((ΔEs/τ)/(dE/d√t))²; pulses = current steps between rests',
    parameters: {
      measurement: s.measurementIndex,
      voltageColumn: s.voltageColumn,
      ...seg.parameters,
      direction: dir === 1 ? 'charge' : 'discharge',
      pulsesOfOtherDirection: all.length - n,
      geometry,
      volumeToSurfaceCm: vOverS,
      activeMassGram: mass ?? null,
      molarMassGramPerMole: options.molarMassGramPerMole ?? null,
      molarVolumeCm3PerMole: options.molarVolumeCm3PerMole ?? null,
      areaCm2: area ?? null,
      sqrtTWindowSeconds: [tMin, tMax],
      noiseFloorVolt: noise,
    },
    packageVersion: PACKAGE_VERSION,
    pulses: t,
  };
}
