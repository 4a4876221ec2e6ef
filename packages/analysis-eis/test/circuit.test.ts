import { describe, expect, it } from 'vitest';
import { AnalysisError } from '@echemkit/core';
import { elementImpedance, parseCircuit, predictCircuit } from '../src/index.js';

describe('circuit strings', () => {
  it('names parameters in order of appearance like impedance.py', () => {
    const c = parseCircuit('R0-p(R1,CPE1)-Wo1');
    expect(c.names).toEqual(['R0', 'R1', 'CPE1_0', 'CPE1_1', 'Wo1_0', 'Wo1_1']);
    expect(c.units).toEqual(['Ohm', 'Ohm', 'Ohm^-1 sec^a', '', 'Ohm', 'sec']);
    expect(c.bounds[3]).toEqual([0, 1]);
    expect(parseCircuit(' R_0 - p( R_1 , C_1 ) ').names).toEqual(['R_0', 'R_1', 'C_1']);
  });

  it('handles nesting: series inside parallel inside parallel', () => {
    const c = parseCircuit('R0-p(p(R1,C1)-R2,C2)');
    expect(c.names).toEqual(['R0', 'R1', 'C1', 'R2', 'C2']);
    const f = [0.1, 10, 1000];
    const p = [5, 20, 1e-4, 7, 3e-5];
    const z = predictCircuit(c, p, f);
    for (let i = 0; i < f.length; i++) {
      const w = 2 * Math.PI * f[i]!;
      // Z = R0 + 1/(1/(Z_RC + R2) + jωC2), Z_RC = R1/(1 + jωR1C1)
      const rc = elementImpedance('K', [20, 20 * 1e-4], [f[i]!]);
      const ar = rc.re[0]! + 7;
      const ai = rc.im[0]!;
      const d = ar * ar + ai * ai;
      const yr = ar / d;
      const yi = -ai / d + w * 3e-5;
      const e = yr * yr + yi * yi;
      expect(z.re[i]).toBeCloseTo(5 + yr / e, 10);
      expect(z.im[i]).toBeCloseTo(-yi / e, 10);
    }
  });

  it('parallel of three branches sums admittances', () => {
    const z = predictCircuit('p(R1,R2,R3)', [2, 3, 6], [1]);
    expect(z.re[0]).toBeCloseTo(1, 14);
    expect(z.im[0]).toBeCloseTo(0, 14);
  });

  it('rejects invalid circuits with clear errors', () => {
    expect(() => parseCircuit('R0-p(R1,C1')).toThrow(/unbalanced parentheses/);
    expect(() => parseCircuit('R0-Q1')).toThrow(/unknown element type "Q"/);
    expect(() => parseCircuit('R0--R1')).toThrow(/empty or invalid sub-circuit/);
    expect(() => parseCircuit('R1-R1')).toThrow(/appears twice/);
    expect(() => parseCircuit('')).toThrow(AnalysisError);
    expect(() => parseCircuit('R0)')).toThrow(/unexpected "\)"/);
    expect(() => predictCircuit('R0-C1', [1], [1])).toThrow(/has 2 parameters, got 1/);
    expect(() => predictCircuit('R0', [1], [0])).toThrow(/not a positive finite number/);
  });
});
