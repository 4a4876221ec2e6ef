/**
 * Synthetic cycling documents with exactly known answers. Steps are sampled with `n` intervals;
 * consecutive steps share the boundary time stamp (the last record of a step and the first of the
 * next have the same time, as Bio-Logic logs them), so integrals have no boundary ambiguity.
 */
import { quantityColumn, type Column, type EchemkitDocument, type Measurement } from '@echemkit/core';

export interface StepSpec {
  /** Duration, s. */
  duration: number;
  /** Current as a function of step time, A (positive = charge). */
  current: (t: number) => number;
  /** Voltage as a function of step time, V. */
  voltage: (t: number) => number;
  /** Intervals sampled. Default 100. */
  n?: number;
  /** Vendor step type text. */
  type?: string;
  cycle?: number;
}

export const cc = (current: number, duration: number, v0: number, v1: number, extra: Partial<StepSpec> = {}): StepSpec => ({
  duration,
  current: () => current,
  voltage: (t) => v0 + ((v1 - v0) * t) / duration,
  ...extra,
});
/** CV hold with a current falling linearly from i0 to i0/2 (trapezoids integrate it exactly). */
export const cvHold = (i0: number, duration: number, v: number, extra: Partial<StepSpec> = {}): StepSpec => ({
  duration,
  current: (t) => i0 * (1 - (0.5 * t) / duration),
  voltage: () => v,
  ...extra,
});
export const rest = (duration: number, v: number, extra: Partial<StepSpec> = {}): StepSpec => ({ duration, current: () => 0, voltage: () => v, ...extra });

export interface Sampled {
  time: Float64Array;
  current: Float64Array;
  voltage: Float64Array;
  stepIndex: Int32Array;
  types: string[];
  cycles: Int32Array;
}

/** Samples the steps: each step gives n+1 records (both ends), time continuous. */
export function sample(steps: StepSpec[]): Sampled {
  const t: number[] = [];
  const i: number[] = [];
  const v: number[] = [];
  const k: number[] = [];
  const ty: string[] = [];
  const cy: number[] = [];
  let t0 = 0;
  steps.forEach((s, idx) => {
    const n = s.n ?? 100;
    for (let j = 0; j <= n; j++) {
      const ts = (s.duration * j) / n;
      t.push(t0 + ts);
      i.push(s.current(ts));
      v.push(s.voltage(ts));
      k.push(idx + 1);
      ty.push(s.type ?? '');
      cy.push(s.cycle ?? 0);
    }
    t0 += s.duration;
  });
  return { time: Float64Array.from(t), current: Float64Array.from(i), voltage: Float64Array.from(v), stepIndex: Int32Array.from(k), types: ty, cycles: Int32Array.from(cy) };
}

export function documentOf(columns: Column[], sample: EchemkitDocument['sample'] = {}): EchemkitDocument {
  const m: Measurement = { kind: 'timeseries', technique: { name: 'synthetic', vendorName: 'synthetic' }, startTime: null, settings: {}, columns };
  return { echemkit: '1.0', source: { fileName: 'synthetic', format: 'synthetic', byteSize: 0 }, sample, measurements: [m], diagnostics: [] };
}

/** A document with only time, current and voltage. */
export function basicDocument(steps: StepSpec[], sampleMeta: EchemkitDocument['sample'] = {}): EchemkitDocument {
  const s = sample(steps);
  return documentOf(
    [quantityColumn('test_time_second', s.time), quantityColumn('current_ampere', s.current), quantityColumn('voltage_volt', s.voltage)],
    sampleMeta,
  );
}

/** The protocol of the main test: 5 cycles, CC-CV charge, rest, CC discharge, rest; known capacities. */
export const PROTOCOL = {
  qCv: 0.05, // Ah in the CV hold: 0.5 A falling to 0.25 A over 480 s
  qCh: [1.1, 1.0, 0.995, 0.99, 0.985],
  qDis: [1.0, 0.99, 0.98, 0.97, 0.96],
  /** Average discharge voltage: 3.7 − 3 mV/cycle plus residuals orthogonal to (1, n). */
  avgDis: [0, 1, 2, 3, 4].map((k, j) => 3.7 - 0.003 * k + [1, -2, 0, 2, -1][j]! * 1e-3),
};

export function protocolSteps(): StepSpec[] {
  const steps: StepSpec[] = [];
  for (let c = 0; c < 5; c++) {
    const qCc = PROTOCOL.qCh[c]! - PROTOCOL.qCv;
    const a = PROTOCOL.avgDis[c]!;
    steps.push(cc(0.5, (qCc * 3600) / 0.5, 3.6, 4.2, { type: 'CC_Chg', cycle: c + 1 }));
    steps.push(cvHold(0.5, 480, 4.2, { type: 'CV_Chg', cycle: c + 1 }));
    steps.push(rest(600, 4.1, { type: 'Rest', cycle: c + 1, n: 20 }));
    steps.push(cc(-1, PROTOCOL.qDis[c]! * 3600, a + 0.3, a - 0.3, { type: 'CC_DChg', cycle: c + 1 }));
    steps.push(rest(600, 3.3, { type: 'Rest', cycle: c + 1, n: 20 }));
  }
  return steps;
}
