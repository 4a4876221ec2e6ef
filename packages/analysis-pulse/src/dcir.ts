/**
 * DC internal resistance and HPPC (analysis.md §3): R(t_s) = |V_rest − V(t_s)| / |I_pulse| for every
 * pulse after a rest, at sampling times after onset (linear interpolation on the pulse's relative time,
 * never extrapolated), plus the first record after onset ("instant") and the last one ("end").
 */
import { AnalysisError, type EchemkitDocument } from '@echemkit/core';
import { segment, selectSeries, type SegmentOptions } from '@echemkit/analysis-cycling';
import { findPulses } from './pulses.js';
import { PACKAGE_VERSION } from './version.js';

export interface DcirOptions extends SegmentOptions {
  measurement?: number;
  /** Sampling times after onset, s. Default [0.1, 1, 10]. */
  samplingTimes?: number[];
  /** Pulses longer than this are not analysed, s. Default 60. */
  maxPulseSeconds?: number;
  /** Warn in `restTooShort` when the rest before a pulse is shorter, s. Default 0 (no check). */
  minRestSeconds?: number;
  /** Capacity for SOC, Ah (default: document.sample.nominalCapacityAh, else the span of the cumulative charge). */
  capacityAh?: number;
  /** SOC at the first record, 0..1. Default: from the span of the cumulative charge (its maximum is 100 %). */
  initialSoc?: number;
  /** Electrode area for area-specific resistance, cm² (default: document.sample.electrodeAreaSquareCentimetre). */
  areaCm2?: number;
  /** Voltage limits for HPPC pulse power, V. */
  minVoltage?: number;
  maxVoltage?: number;
}

/** One row per pulse. `resistance` holds one column per sampling time (Ω, NaN beyond the pulse). */
export interface DcirTable {
  length: number;
  pulse: Int32Array;
  direction: ('charge' | 'discharge')[];
  startTime: Float64Array;
  duration: Float64Array;
  /** Rest before the pulse, s. */
  restBefore: Float64Array;
  restTooShort: boolean[];
  soc: Float64Array;
  /** Last rest voltage before onset (V_rest = OCV at pulse start). */
  restVoltage: Float64Array;
  current: Float64Array;
  instantResistance: Float64Array;
  endResistance: Float64Array;
  /** Ω·cm² of the end resistance (NaN without an area). */
  endAreaSpecificResistance: Float64Array;
  /** HPPC pulse power: discharge V_min·(OCV − V_min)/R_end, charge V_max·(V_max − OCV)/R_end, W. */
  pulsePower: Float64Array;
  resistance: Record<string, Float64Array>;
}

export interface DcirResult {
  method: string;
  parameters: Record<string, unknown>;
  packageVersion: string;
  pulses: DcirTable;
}

/**
 * DCIR / HPPC analysis of a document.
 * @example
 * const r = analyzeDcir(doc, { samplingTimes: [0.1, 1, 10] });
 * r.pulses.resistance['10'][0]; // Ω at 10 s of the first pulse
 */
export function analyzeDcir(doc: EchemkitDocument, options: DcirOptions = {}): DcirResult {
  const s = selectSeries(doc, options.measurement);
  const seg = segment(s, options);
  const maxDur = options.maxPulseSeconds ?? 60;
  const pulses = findPulses(seg, false).filter((p) => p.duration <= maxDur);
  if (!pulses.length) throw new AnalysisError(`no pulse (a current step of at most ${maxDur} s after a rest) was found`, { format: 'analysis-pulse' });
  const times = options.samplingTimes ?? [0.1, 1, 10];
  const { time: T, voltage: V } = s;
  const q = seg.increments.charge;
  // cumulative net charge for SOC
  const cum = new Float64Array(s.length);
  let c = 0;
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < s.length; i++) {
    c += q[i]!;
    cum[i] = c;
    if (c < lo) lo = c;
    if (c > hi) hi = c;
  }
  const capacity = options.capacityAh ?? doc.sample?.nominalCapacityAh ?? hi - lo;
  // without a stated initial SOC, the highest cumulative charge of the test is 100 %
  const soc0 = options.initialSoc ?? 1 - hi / capacity;
  const area = options.areaCm2 ?? doc.sample?.electrodeAreaSquareCentimetre ?? NaN;
  const n = pulses.length;
  const f = () => new Float64Array(n).fill(NaN);
  const out: DcirTable = {
    length: n, pulse: new Int32Array(n), direction: [], startTime: f(), duration: f(), restBefore: f(), restTooShort: [], soc: f(), restVoltage: f(), current: f(),
    instantResistance: f(), endResistance: f(), endAreaSpecificResistance: f(), pulsePower: f(), resistance: Object.fromEntries(times.map((x) => [String(x), f()])),
  };
  pulses.forEach((p, k) => {
    const i0 = p.start - 1; // last rest record: onset
    const t0 = T[i0]!;
    const vRest = V[i0]!;
    const I = Math.abs(p.current);
    out.pulse[k] = k + 1;
    out.direction.push(p.direction === 1 ? 'charge' : 'discharge');
    out.startTime[k] = t0;
    out.duration[k] = p.duration;
    out.restBefore[k] = t0 - T[Math.max(0, p.restStart - 1)]!;
    out.restTooShort.push(out.restBefore[k]! < (options.minRestSeconds ?? 0));
    out.soc[k] = soc0 + cum[i0]! / capacity;
    out.restVoltage[k] = vRest;
    out.current[k] = p.current;
    out.instantResistance[k] = Math.abs(vRest - V[p.start]!) / I;
    out.endResistance[k] = Math.abs(vRest - V[p.end - 1]!) / I;
    out.endAreaSpecificResistance[k] = out.endResistance[k]! * area;
    if (p.direction === -1 && options.minVoltage !== undefined) out.pulsePower[k] = (options.minVoltage * (vRest - options.minVoltage)) / out.endResistance[k]!;
    if (p.direction === 1 && options.maxVoltage !== undefined) out.pulsePower[k] = (options.maxVoltage * (options.maxVoltage - vRest)) / out.endResistance[k]!;
    for (const ts of times) {
      // interpolate V on t_rel over [onset record, last pulse record]
      let v = NaN;
      for (let i = p.start; i < p.end; i++) {
        const ta = T[i - 1]! - t0;
        const tb = T[i]! - t0;
        if (ts >= ta && ts <= tb) {
          // the onset interval spans the current step: no voltage is known inside it but its end
          if (i === p.start) v = Math.abs(ts - tb) <= 1e-6 ? V[i]! : NaN;
          else v = tb > ta ? V[i - 1]! + ((ts - ta) / (tb - ta)) * (V[i]! - V[i - 1]!) : V[i]!;
          break;
        }
      }
      out.resistance[String(ts)]![k] = Math.abs(vRest - v) / I;
    }
  });
  return {
    method: 'DCIR (analysis.md §3.1): R(t) = |V_rest − V(t_onset + t)| / |I_pulse|, linear interpolation on pulse time; HPPC pulse power §3.2',
    parameters: {
      measurement: s.measurementIndex,
      voltageColumn: s.voltageColumn,
      ...seg.parameters,
      samplingTimes: times,
      maxPulseSeconds: maxDur,
      minRestSeconds: options.minRestSeconds ?? 0,
      capacityAh: capacity,
      initialSoc: soc0,
      areaCm2: Number.isFinite(area) ? area : null,
      minVoltage: options.minVoltage ?? null,
      maxVoltage: options.maxVoltage ?? null,
    },
    packageVersion: PACKAGE_VERSION,
    pulses: out,
  };
}
