import { quantityColumn, vendorColumn, type Measurement } from '@echemkit/core';
import { describe, expect, it } from 'vitest';
import { analyzeDepthProfile, crossing, depthFromTime, interfacePosition, movingMedian, normalise, profileOf } from '../src/index.js';

/** erfc via erf (Abramowitz–Stegun 7.1.26, |error| < 1.5e-7). */
function erf(x: number): number {
  const s = Math.sign(x);
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-a * a);
  return s * y;
}

/** A synthetic SEI on graphite: LiF- decays at 20 nm, C- (substrate) rises at 25 nm, σ = 3 nm. */
function profile(): Measurement {
  const n = 401;
  const time = Float64Array.from({ length: n }, (_, i) => i * 0.5); // s
  const rate = 0.2; // nm/s → 80 nm at the end
  const d = time.map((t) => t * rate);
  const lif = d.map((x) => 5000 * 0.5 * (1 - erf((x - 20) / (Math.SQRT2 * 3))) + 10);
  const c = d.map((x) => 20000 * 0.5 * (1 + erf((x - 25) / (Math.SQRT2 * 3))) + 50);
  // A surface transient: the first 3 points of LiF- are high.
  lif[0] = 9000;
  lif[1] = 8000;
  const total = Float64Array.from(lif, (v, i) => 2 * (v + c[i]!));
  return {
    name: 'depth profile',
    kind: 'depth-profile',
    technique: { name: 'ToF-SIMS', vendorName: null },
    startTime: null,
    settings: {},
    columns: [quantityColumn('sputter_time_second', time), vendorColumn('LiF-', null, lif), vendorColumn('C-', null, c), vendorColumn('Total counts', null, total)],
  };
}

describe('ToF-SIMS depth profiles (synthetic error-function interfaces)', () => {
  it('depth from time, 50 % crossings and 84–16 % widths', () => {
    const r = analyzeDepthProfile(profile(), {
      sputterRate: 0.2,
      markers: [
        { species: 'LiF-', kind: 'decay' },
        { species: 'C-', kind: 'rise' },
      ],
      skip: 3,
    });
    expect(r.axis).toBe('depth_nanometre');
    expect(r.x[400]).toBeCloseTo(40, 12);
    const [lif, c] = r.interfaces as [NonNullable<(typeof r.interfaces)[0]>, NonNullable<(typeof r.interfaces)[0]>];
    // Plateau of LiF- is 5010 (not the transient); its 50 % level (2505) sits at 20 nm + a little from the offset.
    expect(lif.plateau).toBeCloseTo(5010, 0);
    expect(lif.position!).toBeCloseTo(20, 1);
    expect(lif.width!).toBeCloseTo(6, 1); // 2σ
    expect(c.position!).toBeCloseTo(25, 1);
    expect(c.width!).toBeCloseTo(6, 1);
    expect(r.package.name).toBe('@echemkit/analysis-surface');
    expect(r.parameters).toMatchObject({ sputterRate: 0.2, skip: 3 });
    const s = r.summaries.find((x) => x.species === 'C-')!;
    expect(s.last).toBeCloseTo(20050, 0);
    // ∫ C- dx over 0–40 nm: the plateau region from 25 nm plus half-transitions ≈ 20000·15 + 50·40.
    expect(s.integral / (20000 * 15 + 50 * 40)).toBeCloseTo(1, 2);
  });

  it('normalisation by total, by a reference species and by maximum', () => {
    const p = profileOf(profile());
    expect([...p.species.keys()]).toEqual(['LiF-', 'C-']);
    const byTotal = normalise(p, { mode: 'total' });
    expect(byTotal.get('LiF-')![10]! + byTotal.get('C-')![10]!).toBeCloseTo(0.5, 12);
    const byRef = normalise(p, { mode: 'reference', species: 'C-' });
    expect(byRef.get('C-')![5]).toBe(1);
    const byMax = normalise(p, { mode: 'max' });
    expect(Math.max(...byMax.get('LiF-')!)).toBe(1);
    expect(() => normalise(p, { mode: 'reference', species: 'X' })).toThrow(/not in the profile/);
  });

  it('piecewise depth scale, crossings and median smoothing', () => {
    expect(Array.from(depthFromTime([0, 10, 20, 30], [1, 0.5], [10]))).toEqual([0, 10, 15, 20]);
    expect(crossing([0, 1, 2, 3], [10, 8, 4, 2], 5, 'down')).toBeCloseTo(1.75, 12);
    expect(crossing([0, 1, 2], [1, 2, 3], 10, 'up')).toBeNull();
    expect(Array.from(movingMedian([1, 100, 3, 4, 5], 3))).toEqual([1, 3, 4, 4, 4]) // edges: the lower middle of the available points;
    const r = interfacePosition([0, 1, 2, 3, 4, 5], [0, 0, 50, 100, 100, 100], 'x', { kind: 'rise', plateauPoints: 3 }, 'sputter_time_second');
    expect(r.position).toBe(2);
  });
});
