/**
 * Circuit elements: impedance formulas (impedance.py conventions, see
 * ../shared/docs/analysis.md §1.2), parameter units and default fit bounds.
 * Each element writes Z(ω) for every angular frequency into re/im arrays.
 */
import { AnalysisError } from '@echemkit/core';
import { c, cdiv, cpow, csqrt, ctanh } from './complex.js';

/** One element type of the circuit language. */
export interface ElementType {
  /** Type name as written in circuit strings (`R`, `CPE`, `Wo` …). */
  name: string;
  /** What it models. */
  description: string;
  /** Parameter units, in parameter order. */
  units: string[];
  /** Default bounds per parameter (impedance.py `set_default_bounds`: [0, ∞), exponents [0, 1]). */
  bounds: [number, number][];
  /** Writes Z(ω_i) for parameters p[off..] into re[i], im[i]. */
  eval(p: ArrayLike<number>, off: number, w: Float64Array, re: Float64Array, im: Float64Array): void;
}

const POS: [number, number] = [0, Infinity];
const UNIT: [number, number] = [0, 1];

function fill(re: Float64Array, im: Float64Array, n: number, a: number, b: number): void {
  for (let i = 0; i < n; i++) {
    re[i] = a;
    im[i] = b;
  }
}

/** Finite-length diffusion: Z0·tanh(√(jωτ))/√(jωτ) (short) or Z0·coth(√(jωτ))/√(jωτ) (open). */
function warburgFinite(open: boolean) {
  return (p: ArrayLike<number>, off: number, w: Float64Array, re: Float64Array, im: Float64Array) => {
    const z0 = p[off]!;
    const tau = p[off + 1]!;
    for (let i = 0; i < w.length; i++) {
      csqrt(0, w[i]! * tau);
      const sr = c.re;
      const si = c.im;
      ctanh(sr, si);
      const tr = c.re;
      const ti = c.im;
      if (open) {
        // Z0 / (s · tanh s)
        cdiv(z0, 0, sr * tr - si * ti, sr * ti + si * tr);
      } else {
        cdiv(z0 * tr, z0 * ti, sr, si);
      }
      re[i] = c.re;
      im[i] = c.im;
    }
  };
}

const elementList: ElementType[] = [
  {
    name: 'R',
    description: 'resistor, Z = R',
    units: ['Ohm'],
    bounds: [POS],
    eval: (p, off, w, re, im) => fill(re, im, w.length, p[off]!, 0),
  },
  {
    name: 'C',
    description: 'capacitor, Z = 1/(jωC)',
    units: ['F'],
    bounds: [POS],
    eval: (p, off, w, re, im) => {
      const cap = p[off]!;
      for (let i = 0; i < w.length; i++) {
        re[i] = 0;
        im[i] = -1 / (w[i]! * cap);
      }
    },
  },
  {
    name: 'L',
    description: 'inductor, Z = jωL',
    units: ['H'],
    bounds: [POS],
    eval: (p, off, w, re, im) => {
      const l = p[off]!;
      for (let i = 0; i < w.length; i++) {
        re[i] = 0;
        im[i] = w[i]! * l;
      }
    },
  },
  {
    name: 'W',
    description: 'semi-infinite Warburg, Z = A_W (1 − j)/√ω',
    units: ['Ohm sec^-1/2'],
    bounds: [POS],
    eval: (p, off, w, re, im) => {
      const a = p[off]!;
      for (let i = 0; i < w.length; i++) {
        const s = a / Math.sqrt(w[i]!);
        re[i] = s;
        im[i] = -s;
      }
    },
  },
  {
    name: 'Wo',
    description: 'finite-space (open, reflective) Warburg, Z = Z0 coth(√(jωτ))/√(jωτ)',
    units: ['Ohm', 'sec'],
    bounds: [POS, POS],
    eval: warburgFinite(true),
  },
  {
    name: 'Ws',
    description: 'finite-length (short, transmissive) Warburg, Z = Z0 tanh(√(jωτ))/√(jωτ)',
    units: ['Ohm', 'sec'],
    bounds: [POS, POS],
    eval: warburgFinite(false),
  },
  {
    name: 'CPE',
    description: 'constant phase element, Z = 1/(Q (jω)^α)',
    units: ['Ohm^-1 sec^a', ''],
    bounds: [POS, UNIT],
    eval: (p, off, w, re, im) => {
      const q = p[off]!;
      const a = p[off + 1]!;
      const cr = Math.cos((a * Math.PI) / 2);
      const ci = Math.sin((a * Math.PI) / 2);
      for (let i = 0; i < w.length; i++) {
        const m = 1 / (q * Math.pow(w[i]!, a));
        re[i] = m * cr;
        im[i] = -m * ci;
      }
    },
  },
  {
    name: 'La',
    description: 'modified inductance, Z = (jωL)^α',
    units: ['H sec', ''],
    bounds: [POS, UNIT],
    eval: (p, off, w, re, im) => {
      const l = p[off]!;
      const a = p[off + 1]!;
      for (let i = 0; i < w.length; i++) {
        cpow(0, w[i]! * l, a);
        re[i] = c.re;
        im[i] = c.im;
      }
    },
  },
  {
    name: 'G',
    description: 'Gerischer, Z = R_G/√(1 + jω t_G)',
    units: ['Ohm', 'sec'],
    bounds: [POS, POS],
    eval: (p, off, w, re, im) => {
      const r = p[off]!;
      const t = p[off + 1]!;
      for (let i = 0; i < w.length; i++) {
        csqrt(1, w[i]! * t);
        cdiv(r, 0, c.re, c.im);
        re[i] = c.re;
        im[i] = c.im;
      }
    },
  },
  {
    name: 'Gs',
    description: 'finite-length Gerischer, Z = R_G/(√(1 + jω t_G) tanh(φ √(1 + jω t_G)))',
    units: ['Ohm', 'sec', ''],
    bounds: [POS, POS, POS],
    eval: (p, off, w, re, im) => {
      const r = p[off]!;
      const t = p[off + 1]!;
      const phi = p[off + 2]!;
      for (let i = 0; i < w.length; i++) {
        csqrt(1, w[i]! * t);
        const sr = c.re;
        const si = c.im;
        ctanh(phi * sr, phi * si);
        cdiv(r, 0, sr * c.re - si * c.im, sr * c.im + si * c.re);
        re[i] = c.re;
        im[i] = c.im;
      }
    },
  },
  {
    name: 'K',
    description: 'RC (Voigt) element with time constant, Z = R/(1 + jωτ)',
    units: ['Ohm', 'sec'],
    bounds: [POS, POS],
    eval: (p, off, w, re, im) => {
      const r = p[off]!;
      const tau = p[off + 1]!;
      for (let i = 0; i < w.length; i++) {
        const x = w[i]! * tau;
        const d = 1 + x * x;
        re[i] = r / d;
        im[i] = (-r * x) / d;
      }
    },
  },
  {
    name: 'Zarc',
    description: 'ZARC (Cole–Cole), Z = R/(1 + (jωτ)^γ)',
    units: ['Ohm', 'sec', ''],
    bounds: [POS, POS, POS],
    eval: (p, off, w, re, im) => {
      const r = p[off]!;
      const tau = p[off + 1]!;
      const g = p[off + 2]!;
      const cr = Math.cos((g * Math.PI) / 2);
      const ci = Math.sin((g * Math.PI) / 2);
      for (let i = 0; i < w.length; i++) {
        const m = Math.pow(w[i]! * tau, g);
        cdiv(r, 0, 1 + m * cr, m * ci);
        re[i] = c.re;
        im[i] = c.im;
      }
    },
  },
  {
    name: 'RQ',
    description: 'R parallel to a CPE (ZARC in R, Q, α form), Z = R/(1 + R Q (jω)^α)',
    units: ['Ohm', 'Ohm^-1 sec^a', ''],
    bounds: [POS, POS, UNIT],
    eval: (p, off, w, re, im) => {
      const r = p[off]!;
      const q = p[off + 1]!;
      const a = p[off + 2]!;
      const cr = Math.cos((a * Math.PI) / 2);
      const ci = Math.sin((a * Math.PI) / 2);
      for (let i = 0; i < w.length; i++) {
        const m = r * q * Math.pow(w[i]!, a);
        cdiv(r, 0, 1 + m * cr, m * ci);
        re[i] = c.re;
        im[i] = c.im;
      }
    },
  },
  {
    name: 'TLMQ',
    description: 'simplified transmission line, Z = √(R_ion Z_s) coth(√(R_ion/Z_s)), Z_s = 1/(Q_s (jω)^γ)',
    units: ['Ohm', 'F sec^(gamma - 1)', ''],
    bounds: [POS, POS, POS],
    eval: (p, off, w, re, im) => {
      const rion = p[off]!;
      const qs = p[off + 1]!;
      const g = p[off + 2]!;
      const cr = Math.cos((g * Math.PI) / 2);
      const ci = Math.sin((g * Math.PI) / 2);
      for (let i = 0; i < w.length; i++) {
        // Z_s = 1/(Qs ω^γ e^{jγπ/2}) = m e^{-jγπ/2}
        const m = 1 / (qs * Math.pow(w[i]!, g));
        const zr = m * cr;
        const zi = -m * ci;
        csqrt(rion * zr, rion * zi);
        const ar = c.re;
        const ai = c.im;
        cdiv(rion, 0, zr, zi);
        csqrt(c.re, c.im);
        ctanh(c.re, c.im);
        cdiv(ar, ai, c.re, c.im);
        re[i] = c.re;
        im[i] = c.im;
      }
    },
  },
];

/** Element types by name. */
export const elements: ReadonlyMap<string, ElementType> = new Map(elementList.map((e) => [e.name, e]));

/** Names of all element types. */
export const elementNames: readonly string[] = elementList.map((e) => e.name);

/**
 * The impedance of one element at the given frequencies (Hz).
 * @example
 * const z = elementImpedance('CPE', [1e-3, 0.9], [1, 10]); // z.re, z.im
 */
export function elementImpedance(type: string, params: ArrayLike<number>, frequencies: ArrayLike<number>): { re: Float64Array; im: Float64Array } {
  const e = elements.get(type);
  if (!e) throw new AnalysisError(`unknown element type ${type}`, { format: 'eis', expected: elementNames.join(', ') });
  const n = frequencies.length;
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const f = frequencies[i]!;
    if (!(f > 0) || !Number.isFinite(f)) throw new AnalysisError(`frequency ${f} Hz at point ${i} is not a positive finite number`, { format: 'eis', expected: 'f > 0' });
    w[i] = 2 * Math.PI * f;
  }
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  e.eval(params, 0, w, re, im);
  return { re, im };
}
