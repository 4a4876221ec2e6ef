import { describe, expect, it } from 'vitest';
import { elementImpedance, elementNames, elements, predictCircuit } from '../src/index.js';

const F = [0.01, 1, 1e3, 1e5];

// Values computed by impedance.py 1.7 (impedance/models/circuits/elements.py) at F for these
// parameters (script: /tmp run of `getattr(elements, name)(p, F)`), printed with repr().
const reference: Record<string, { p: number[]; re: number[]; im: number[] }> = {
  R: { p: [12.5], re: [12.5, 12.5, 12.5, 12.5], im: [0.0, 0.0, 0.0, 0.0] },
  C: { p: [2.2e-5], re: [0.0, 0.0, 0.0, 0.0], im: [-723431.5595086152, -7234.315595086152, -7.234315595086153, -0.07234315595086153] },
  L: { p: [3.3e-7], re: [0.0, 0.0, 0.0, 0.0], im: [2.0734511513692637e-8, 2.0734511513692637e-6, 0.0020734511513692635, 0.20734511513692636] },
  W: { p: [45.0], re: [179.5240261806447, 17.952402618064472, 0.567704817454536, 0.056770481745453606], im: [-179.5240261806447, -17.952402618064472, -0.567704817454536, -0.056770481745453606] },
  Wo: { p: [20.0, 3.5], re: [6.664620637074588, 3.0204747476312073, 0.09536544540177923, 0.009536544540177922], im: [-91.04337521064198, -3.0259194421493567, -0.09536544540177923, -0.009536544540177922] },
  Ws: { p: [20.0, 3.5], re: [19.872052071157086, 3.0109682044853887, 0.09536544540177923, 0.009536544540177922], im: [-1.4546878125732479, -3.005550412508204, -0.09536544540177923, -0.009536544540177922] },
  CPE: { p: [0.00015, 0.82], re: [17988.36153306793, 412.0895556239743, 1.4288663462144016, 0.03273343692671055], im: [-61916.34651410788, -1418.4215540673042, -4.918190222712822, -0.11266922891371549] },
  La: { p: [2e-6, 0.7], re: [6.706465112023079e-6, 0.0001684587871828316, 0.021207704802449226, 0.5327134593673275], im: [1.3162178883660269e-5, 0.0003306189854696817, 0.04162246424293888, 1.045509031778308] },
  G: { p: [15.0, 0.02], re: [14.99999111736627, 14.912183211609568, 0.9499167883423014, 0.09462123406054801], im: [-0.009424768658897948, -0.9332900550996727, -0.9423876673382942, -0.0946137046415849] },
  Gs: { p: [15.0, 0.02, 1.7], re: [16.035750695237155, 15.895260641423551, 0.9499167883385213, 0.09462123406054801], im: [-0.012364631889081844, -1.2191348388112824, -0.9423876673411641, -0.0946137046415849] },
  K: { p: [8.0, 0.001], re: [7.999999968417265, 7.999684185127037, 0.19763618425486115, 2.0264185398686306e-5], im: [-0.0005026548225899652, -0.0502634981340671, -1.241784769077181, -0.01273236319589889] },
  Zarc: { p: [30.0, 0.002, 0.75], re: [29.98634416579296, 29.540688737820567, 2.104920740055589, 0.05486757009170426], im: [-0.03286616668232664, -1.0098338730380392, -3.651928485055154, -0.13084208635646985] },
  TLMQ: { p: [40.0, 0.0003, 0.9], re: [6306.2110928499005, 113.059686637035, 5.423793592912108, 0.6828635679503894], im: [-39731.66823227442, -629.7594685056212, -4.63548240387603, -0.5832205841930971] },
};

/** Minimal complex numbers for writing the formulas of analysis.md §1.2 independently. */
type Cx = [number, number];
const add = (a: Cx, b: Cx): Cx => [a[0] + b[0], a[1] + b[1]];
const mul = (a: Cx, b: Cx): Cx => [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
const div = (a: Cx, b: Cx): Cx => {
  const d = b[0] * b[0] + b[1] * b[1];
  return [(a[0] * b[0] + a[1] * b[1]) / d, (a[1] * b[0] - a[0] * b[1]) / d];
};
const pow = (a: Cx, p: number): Cx => {
  const r = Math.hypot(a[0], a[1]) ** p;
  const t = Math.atan2(a[1], a[0]) * p;
  return [r * Math.cos(t), r * Math.sin(t)];
};
const tanh = (a: Cx): Cx => {
  if (a[0] > 20) return [1, 0]; // e^{2a} overflows; tanh is 1 to double precision
  const e2: Cx = [Math.exp(2 * a[0]) * Math.cos(2 * a[1]), Math.exp(2 * a[0]) * Math.sin(2 * a[1])];
  return div(add(e2, [-1, 0]), add(e2, [1, 0]));
};
const j: Cx = [0, 1];

const formulas: Record<string, (p: number[], w: number) => Cx> = {
  R: (p) => [p[0]!, 0],
  C: (p, w) => div([1, 0], mul(j, [w * p[0]!, 0])),
  L: (p, w) => mul(j, [w * p[0]!, 0]),
  W: (p, w) => [p[0]! / Math.sqrt(w), -p[0]! / Math.sqrt(w)],
  Wo: (p, w) => {
    const s = pow(mul(j, [w * p[1]!, 0]), 0.5);
    return div([p[0]!, 0], mul(s, tanh(s)));
  },
  Ws: (p, w) => {
    const s = pow(mul(j, [w * p[1]!, 0]), 0.5);
    return div(mul([p[0]!, 0], tanh(s)), s);
  },
  CPE: (p, w) => div([1, 0], mul([p[0]!, 0], pow([0, w], p[1]!))),
  La: (p, w) => pow([0, w * p[0]!], p[1]!),
  G: (p, w) => div([p[0]!, 0], pow([1, w * p[1]!], 0.5)),
  Gs: (p, w) => {
    const s = pow([1, w * p[1]!], 0.5);
    return div([p[0]!, 0], mul(s, tanh(mul([p[2]!, 0], s))));
  },
  K: (p, w) => div([p[0]!, 0], [1, w * p[1]!]),
  Zarc: (p, w) => div([p[0]!, 0], add([1, 0], pow([0, w * p[1]!], p[2]!))),
  RQ: (p, w) => div([p[0]!, 0], add([1, 0], mul([p[0]! * p[1]!, 0], pow([0, w], p[2]!)))),
  TLMQ: (p, w) => {
    const zs = div([1, 0], mul([p[1]!, 0], pow([0, w], p[2]!)));
    return div(pow(mul([p[0]!, 0], zs), 0.5), tanh(pow(div([p[0]!, 0], zs), 0.5)));
  },
};

describe('element impedances', () => {
  it('covers every element with a formula', () => {
    expect([...elementNames].sort()).toEqual(Object.keys(formulas).sort());
  });

  for (const [name, ref] of Object.entries(reference)) {
    it(`${name} equals impedance.py at spot frequencies`, () => {
      const z = elementImpedance(name, ref.p, F);
      for (let i = 0; i < F.length; i++) {
        expect(z.re[i]).toBeCloseTo(ref.re[i]!, 10);
        expect(Math.abs(z.re[i]! - ref.re[i]!)).toBeLessThanOrEqual(1e-12 * Math.hypot(ref.re[i]!, ref.im[i]!));
        expect(Math.abs(z.im[i]! - ref.im[i]!)).toBeLessThanOrEqual(1e-12 * Math.hypot(ref.re[i]!, ref.im[i]!));
      }
    });
  }

  for (const name of Object.keys(formulas)) {
    it(`${name} follows the formula of analysis.md at spot frequencies`, () => {
      const p = reference[name]?.p ?? [25, 2e-3, 0.85];
      const z = elementImpedance(name, p, F);
      for (let i = 0; i < F.length; i++) {
        const e = formulas[name]!(p, 2 * Math.PI * F[i]!);
        const scale = Math.hypot(e[0], e[1]);
        expect(Math.abs(z.re[i]! - e[0])).toBeLessThanOrEqual(1e-12 * scale);
        expect(Math.abs(z.im[i]! - e[1])).toBeLessThanOrEqual(1e-12 * scale);
      }
    });
  }

  it('has the limits of analysis.md', () => {
    // Wo at low frequency: Z0/(jωτ) + Z0/3; Ws: → Z0; both → Z0/√(jωτ) at high frequency.
    const lo = elementImpedance('Wo', [10, 2], [1e-6]);
    expect(lo.re[0]).toBeCloseTo(10 / 3, 6);
    expect(lo.im[0]).toBeCloseTo(-10 / (2 * Math.PI * 1e-6 * 2), 0);
    expect(elementImpedance('Ws', [10, 2], [1e-7]).re[0]).toBeCloseTo(10, 6);
    // Semi-infinite equivalence at high frequency: A_W = Z0/√(2τ).
    const wo = elementImpedance('Wo', [10, 2], [1e4]);
    const w = elementImpedance('W', [10 / Math.sqrt(4)], [1e4]);
    expect(wo.re[0]).toBeCloseTo(w.re[0]!, 12);
    expect(wo.im[0]).toBeCloseTo(w.im[0]!, 12);
    // Large arguments do not overflow (tanh saturates).
    const big = elementImpedance('Wo', [10, 1e6], [1e6]);
    expect(Number.isFinite(big.re[0]!) && Number.isFinite(big.im[0]!)).toBe(true);
  });

  it('RQ is R parallel to a CPE; Zarc with γ = 1 is an RC element; CPE with α = 1 is a capacitor', () => {
    const a = predictCircuit('RQ1', [30, 1e-4, 0.8], F);
    const b = predictCircuit('p(R1,CPE1)', [30, 1e-4, 0.8], F);
    const k = predictCircuit('K1', [30, 2e-3], F);
    const z = predictCircuit('Zarc1', [30, 2e-3, 1], F);
    const cpe = predictCircuit('CPE1', [1e-4, 1], F);
    const cap = predictCircuit('C1', [1e-4], F);
    for (let i = 0; i < F.length; i++) {
      expect(a.re[i]).toBeCloseTo(b.re[i]!, 10);
      expect(a.im[i]).toBeCloseTo(b.im[i]!, 10);
      expect(z.re[i]).toBeCloseTo(k.re[i]!, 10);
      expect(z.im[i]).toBeCloseTo(k.im[i]!, 10);
      expect(cpe.im[i]! / cap.im[i]!).toBeCloseTo(1, 12);
    }
  });

  it('declares units and default bounds (exponents of CPE, La and RQ in [0, 1])', () => {
    expect(elements.get('CPE')!.bounds[1]).toEqual([0, 1]);
    expect(elements.get('La')!.bounds[1]).toEqual([0, 1]);
    expect(elements.get('Wo')!.units).toEqual(['Ohm', 'sec']);
    expect(() => elementImpedance('Q', [1], [1])).toThrow(/unknown element type Q/);
    expect(() => elementImpedance('R', [1], [-1])).toThrow(/not a positive finite number/);
  });
});
