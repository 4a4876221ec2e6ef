/**
 * Charge and energy passed per record, signed (positive = charge), from the file's own
 * counters when it has them, otherwise integrated from current and voltage (then `computed`).
 * Working on increments lets any scope (test, cycle, step, per-record) of any vendor counter
 * be summed over any segment.
 */
import type { Measurement } from '@echemkit/core';
import { optionalQuantity, type Series } from './series.js';

/** Per-record increments and where they came from. */
export interface Increments {
  /** Ah passed during the interval ending at each record (record 0: since the counter's start). */
  charge: Float64Array;
  /** Wh passed during the interval ending at each record. */
  energy: Float64Array;
  /** Vocabulary column(s) used for charge, or 'computed: trapezoidal integral of current_ampere'. */
  chargeSource: string;
  /** Vocabulary column(s) used for energy, or 'computed: …'. */
  energySource: string;
  /** True when charge was integrated by echemkit (no counter column in the file). */
  chargeComputed: boolean;
  energyComputed: boolean;
}

type Scope = 'test' | 'step' | 'cycle' | 'record';

interface Candidate {
  /** Quantities whose difference (first minus second) is the signed counter. */
  plus: string;
  minus?: string;
  scope: Scope;
  /** Multiplier to Ah (or Wh). */
  factor?: number;
  /** The counter integrates |I| (or |P|): increments take the sign of the record's current. */
  unsigned?: boolean;
}

const CHARGE: Candidate[] = [
  { plus: 'step_net_charge_ah', scope: 'record' },
  { plus: 'net_capacity_ah', scope: 'test' },
  { plus: 'charge_coulomb', scope: 'test', factor: 1 / 3600 },
  { plus: 'charging_capacity_ah', minus: 'discharging_capacity_ah', scope: 'test' },
  { plus: 'step_charging_capacity_ah', minus: 'step_discharging_capacity_ah', scope: 'step' },
  { plus: 'step_net_capacity_ah', scope: 'step' },
  { plus: 'cycle_charging_capacity_ah', minus: 'cycle_discharging_capacity_ah', scope: 'cycle' },
  { plus: 'cycle_net_capacity_ah', scope: 'cycle' },
  { plus: 'cumulative_capacity_ah', scope: 'test', unsigned: true },
  { plus: 'step_cumulative_capacity_ah', scope: 'step', unsigned: true },
  { plus: 'cycle_cumulative_capacity_ah', scope: 'cycle', unsigned: true },
];

const ENERGY: Candidate[] = [
  { plus: 'net_energy_wh', scope: 'test' },
  { plus: 'charging_energy_wh', minus: 'discharging_energy_wh', scope: 'test' },
  { plus: 'step_charging_energy_wh', minus: 'step_discharging_energy_wh', scope: 'step' },
  { plus: 'step_net_energy_wh', scope: 'step' },
  { plus: 'cycle_charging_energy_wh', minus: 'cycle_discharging_energy_wh', scope: 'cycle' },
  { plus: 'cycle_net_energy_wh', scope: 'cycle' },
  { plus: 'cumulative_energy_wh', scope: 'test', unsigned: true },
  { plus: 'step_cumulative_energy_wh', scope: 'step', unsigned: true },
  { plus: 'cycle_cumulative_energy_wh', scope: 'cycle', unsigned: true },
];

/** Rows where a new vendor step (step_count, else step_id) or cycle begins. */
function scopeStarts(m: Measurement, scope: 'step' | 'cycle', n: number): Uint8Array | undefined {
  const key = scope === 'step' ? optionalQuantity(m, 'step_count') ?? optionalQuantity(m, 'step_id') : optionalQuantity(m, 'cycle_count');
  if (!key && scope === 'step') {
    // step_id may be text (e.g. 'CC 1'): compare as strings
    const col = m.columns.find((c) => c.quantity === 'step_id');
    if (!col) return undefined;
    const out = new Uint8Array(n);
    const v = col.values as ArrayLike<unknown>;
    for (let i = 1; i < n; i++) out[i] = v[i] !== v[i - 1] ? 1 : 0;
    return out;
  }
  if (!key) return undefined;
  const out = new Uint8Array(n);
  for (let i = 1; i < n; i++) out[i] = key[i] !== key[i - 1] && !(Number.isNaN(key[i]!) && Number.isNaN(key[i - 1]!)) ? 1 : 0;
  return out;
}

/**
 * Increments of a counter column. Records where the counter is missing (NaN; NEWARE .ndax files log
 * capacities only on some records) take the integrated increment, and the next record with a value
 * absorbs the difference, so running sums equal the counter exactly wherever the file states it.
 */
function counterIncrements(s: Series, cand: Candidate, computed: Float64Array, tolerance: number): { values: Float64Array; holes: number } | undefined {
  const m = s.measurement;
  const n = s.length;
  const plus = optionalQuantity(m, cand.plus);
  if (!plus) return undefined;
  const minus = cand.minus ? optionalQuantity(m, cand.minus) : undefined;
  if (cand.minus && !minus) return undefined;
  const f = cand.factor ?? 1;
  const out = new Float64Array(n);
  let holes = 0;
  if (cand.scope === 'record') {
    for (let i = 0; i < n; i++) {
      const v = plus[i]! * f;
      if (Number.isFinite(v)) out[i] = v;
      else (out[i] = computed[i]!), holes++;
    }
    return { values: out, holes };
  }
  // Directional counters (charging/discharging) never decrease inside their scope, so a drop marks a reset
  // even without a step column; signed counters need the step/cycle column to see resets.
  const starts = cand.scope === 'test' ? undefined : scopeStarts(m, cand.scope, n);
  if (!starts && cand.scope !== 'test' && !minus && !cand.unsigned) return undefined;
  const I = s.current;
  let sign = 1; // unsigned counters: sign of the last record with current in this scope
  let base = 0; // counter value at the last record that had one (0 at a scope start)
  let baseP = 0;
  let baseQ = 0;
  let acc = 0; // integrated increments given to records without a value since then
  for (let i = 0; i < n; i++) {
    const p = plus[i]!;
    const q = minus ? minus[i]! : 0;
    const known = Number.isFinite(p) && Number.isFinite(q);
    let reset = starts ? starts[i] === 1 : false;
    if (!starts && cand.scope !== 'test' && known) reset = p < baseP - 1e-15 || q < baseQ - 1e-15;
    if (reset) {
      base = 0;
      baseP = 0;
      baseQ = 0;
      acc = 0;
    }
    if (cand.unsigned) sign = I[i]! > tolerance ? 1 : I[i]! < -tolerance ? -1 : sign;
    if (!known) {
      out[i] = computed[i]!;
      acc += cand.unsigned ? Math.abs(computed[i]!) : computed[i]!;
      holes++;
      continue;
    }
    const v = (p - q) * f;
    out[i] = cand.unsigned ? sign * (v - base - acc) : v - base - acc;
    base = v;
    baseP = p;
    baseQ = q;
    acc = 0;
  }
  return { values: out, holes };
}

/** Sign class of a current value: 1 charge, -1 discharge, 0 rest. */
export function stateOf(current: number, tolerance: number): -1 | 0 | 1 {
  return current > tolerance ? 1 : current < -tolerance ? -1 : 0;
}

/**
 * Integral of current (Ah) and of voltage × current (Wh) per record: trapezoids between records of the
 * same state; across a state change the new record's value is held over the interval (cyclers log the
 * first record of a step after its current is applied).
 * @example
 * const { charge } = integrateIncrements(series, 1e-6);
 */
export function integrateIncrements(s: Series, tolerance: number): { charge: Float64Array; energy: Float64Array } {
  const n = s.length;
  const charge = new Float64Array(n);
  const energy = new Float64Array(n);
  const { time: t, current: I, voltage: V } = s;
  let prevI = n ? I[0]! : 0;
  let prevState = prevI > tolerance ? 1 : prevI < -tolerance ? -1 : 0;
  for (let i = 1; i < n; i++) {
    const ii = I[i]!;
    const st = ii > tolerance ? 1 : ii < -tolerance ? -1 : 0;
    const dt = t[i]! - t[i - 1]!;
    if (dt > 0) {
      const vi = V[i]!;
      const same = st === prevState;
      const q = same ? 0.5 * (ii + prevI) * dt : ii * dt;
      const e = same ? 0.5 * (ii * vi + prevI * V[i - 1]!) * dt : ii * vi * dt;
      // a NaN current or voltage contributes nothing (the record has no value to integrate)
      charge[i] = q === q && Math.abs(q) !== Infinity ? q / 3600 : 0;
      energy[i] = e === e && Math.abs(e) !== Infinity ? e / 3600 : 0;
    }
    prevI = ii;
    prevState = st;
  }
  return { charge, energy };
}

/**
 * Energy per record as ∫V dQ over the chosen charge increments: dq_i·(V_i + V_{i−1})/2 between records
 * of the same state, dq_i·V_i across a state change. Used when the file counts charge but not energy, so
 * that energy and charge stay consistent (Bio-Logic dq over a 0.6 ms step-change interval would
 * otherwise enter a V·I trapezoid as a low mean current).
 */
function energyFromCharge(s: Series, dq: Float64Array, tolerance: number): Float64Array {
  const n = s.length;
  const out = new Float64Array(n);
  const { current: I, voltage: V } = s;
  for (let i = 0; i < n; i++) {
    const st = I[i]! > tolerance ? 1 : I[i]! < -tolerance ? -1 : 0;
    const prev = i > 0 ? (I[i - 1]! > tolerance ? 1 : I[i - 1]! < -tolerance ? -1 : 0) : 2;
    const vPrev = i > 0 ? V[i - 1]! : NaN;
    const v = st === prev && Number.isFinite(vPrev) ? 0.5 * (V[i]! + vPrev) : V[i]!;
    const e = dq[i]! * v;
    out[i] = Number.isFinite(e) ? e : 0;
  }
  return out;
}

function pick(s: Series, list: Candidate[], computed: Float64Array, tolerance: number): { values: Float64Array; source: string } | undefined {
  const n = s.length;
  for (const c of list) {
    const r = counterIncrements(s, c, computed, tolerance);
    if (!r || r.holes === n) continue;
    let any = false;
    for (let i = 0; i < n && !any; i++) if (r.values[i] !== 0) any = true;
    if (!any) continue; // an all-zero counter says nothing
    const name = (c.minus ? `${c.plus} − ${c.minus}` : c.plus) + (c.unsigned ? ' (unsigned; sign of the current)' : '');
    return { values: r.values, source: r.holes ? `${name} (${r.holes} records without a value: integrated, re-anchored at the next value)` : name };
  }
  return undefined;
}

/**
 * Charge and energy increments of a series.
 * @param mode `'auto'` uses the file's counters when present; `'computed'` always integrates.
 * @example
 * const inc = chargeIncrements(series, 1e-6); // inc.charge[i] in Ah
 */
export function chargeIncrements(s: Series, tolerance: number, mode: 'auto' | 'computed' = 'auto'): Increments {
  const computed = integrateIncrements(s, tolerance);
  const q = mode === 'auto' ? pick(s, CHARGE, computed.charge, tolerance) : undefined;
  if (q) computed.energy = energyFromCharge(s, q.values, tolerance);
  // energy counters refer to the file's own potential: with a derived Ewe − Ece voltage, integrate V·I instead
  const e = mode === 'auto' && !s.voltageDerived ? pick(s, ENERGY, computed.energy, tolerance) : undefined;
  return {
    charge: q ? q.values : computed.charge,
    energy: e ? e.values : computed.energy,
    chargeSource: q ? q.source : 'computed: trapezoidal integral of current_ampere',
    energySource: e
      ? e.source
      : (q ? 'computed: ∫V dQ over the charge increments (trapezoids in V)' : 'computed: trapezoidal integral of voltage × current') + (s.voltageDerived && mode === 'auto' ? ' (cell voltage derived as Ewe − Ece; file energy counters not used)' : ''),
    chargeComputed: !q,
    energyComputed: !e,
  };
}
