import { describe, expect, it } from 'vitest';
import { describeCorpus } from '../../../test/helpers/corpus.js';
import { linKK, linKKTimeConstants, predictCircuit } from '../src/index.js';
import { readExampleCsv } from './helpers.js';

// impedance.py 1.7 `linKK` on the full corpus exampleData.csv (impedance.py's own tests show
// its linKK reproduces Schönleber's Lin_KK tool on Circuit3_EIS_1.z). Points at indexes IDX:
// fitted Z (re, im), relative residuals re, im.
const IDX = [0, 7, 20, 33, 46, 65];
type Ref = { M: number; mu: number; fit: [number, number][]; resRe: number[]; resIm: number[] };
const REF: Record<string, Ref> = {
  default: {
    M: 22,
    mu: 0.8306426290933022,
    fit: [[0.04948400174009585, -0.008230096080167082], [0.039521577216290724, -0.006554397459765325], [0.03323348603487681, -0.002608741139213646], [0.02622251925283917, -0.004582050248234033], [0.0193807644046354, -0.00264024580084129], [0.015769662059412846, 0.01005174000209154]],
    resRe: [0.000296824967136845, -5.556160799097334e-5, 0.0005685825471930539, 0.00014683460467727403, 0.0008387951439238224, 9.705022576183939e-5],
    resIm: [-0.22797009085757378, -0.06309638849416291, -0.003013440046224675, -0.0019819212636994557, -0.0018617705606389396, 0.005636360071843354],
  },
  imag: {
    M: 12,
    mu: 0.9753840310072703,
    fit: [[0.057013037994555246, -0.018617698866923896], [0.039378470142553135, -0.00875634080748647], [0.033180436125031354, -0.0026063073654058865], [0.02636102661859418, -0.004519295861035687], [0.019386292205280747, -0.0026778021026140726], [0.015229769104203835, 0.010167303311595821]],
    resRe: [-0.14029216415138612, 0.003473023022654057, 0.0021586816628560972, -0.005053791727247215, 0.0005564908744899176, 0.028876959215612744],
    resIm: [-0.03400335649765906, -0.008803171175171117, -0.0030863891160858004, -0.004338201138986172, 5.6226309152197955e-5, -0.000523937998376138],
  },
  complex: {
    M: 12,
    mu: 0.9289517989619613,
    fit: [[0.05510255395471368, -0.01794573440609848], [0.03888872523373723, -0.007764637962321077], [0.03315644596303449, -0.002486673476589822], [0.026294559040816602, -0.004468049828941306], [0.01941825934953319, -0.0026570321526477323], [0.0157245732133645, 0.010039126755819746]],
    resRe: [-0.10461787453306853, 0.01554864104104237, 0.002877754239736096, -0.0025580902652706235, -0.001076068235917043, 0.0025005875811001613],
    resIm: [-0.04655088596599762, -0.03325554327827294, -0.00667225271819052, -0.00626236930480117, -0.0010044931211626662, 0.006308730541334457],
  },
  cap: {
    M: 27,
    mu: 0.4530940149384737,
    fit: [[0.04949390064685622, -0.020698221543075497], [0.03951697899313845, -0.009018808301612991], [0.033245994371909636, -0.002754036919227752], [0.026210366850873443, -0.00460805496744321], [0.019382120190617552, -0.002641312335182332], [0.01577877297906145, 0.01007996281739393]],
    resRe: [0.00011198360792641894, 5.781657185462025e-5, 0.00019366210506120436, 0.0006031287614145652, 0.0007695552787846117, -0.0003886227873248776],
    resIm: [0.0048460486576253166, -0.0023315220691528405, 0.0013416039488179288, -0.001005505123400016, -0.0018073027501495226, 0.004131895070025188],
  },
};
const OPTIONS = {
  default: {},
  imag: { c: null, maxM: 12, fitType: 'imag' as const },
  complex: { c: null, maxM: 12, fitType: 'complex' as const },
  cap: { c: 0.5, addCapacitance: true },
};

describeCorpus('Lin-KK against impedance.py on exampleData.csv', () => {
  const s = readExampleCsv();
  for (const [name, ref] of Object.entries(REF)) {
    it(`${name}: same M, μ, fit and residuals`, () => {
      const r = linKK(s, OPTIONS[name as keyof typeof OPTIONS]);
      expect(r.M).toBe(ref.M);
      expect(r.mu).toBeCloseTo(ref.mu, 7);
      IDX.forEach((i, k) => {
        const mod = Math.hypot(s.re[i]!, s.im[i]!);
        // Within 1e-7 of |Z| (the 'complex' normal equations are the least well conditioned).
        expect(Math.abs(r.fitted.re[i]! - ref.fit[k]![0]) / mod).toBeLessThan(1e-7);
        expect(Math.abs(r.fitted.im[i]! - ref.fit[k]![1]) / mod).toBeLessThan(1e-7);
        expect(r.residuals.re[i]).toBeCloseTo(ref.resRe[k]!, 7);
        expect(r.residuals.im[i]).toBeCloseTo(ref.resIm[k]!, 7);
      });
    });
  }
});

describe('Lin-KK', () => {
  it('time constants are log-spaced from 1/(2π f_max) to 1/(2π f_min)', () => {
    const ts = linKKTimeConstants([1000, 100, 10, 1], 4);
    expect(ts[0]).toBeCloseTo(1 / (2 * Math.PI * 1000), 15);
    expect(ts[3]).toBeCloseTo(1 / (2 * Math.PI), 15);
    expect(ts[2]! / ts[1]!).toBeCloseTo(10, 10);
  });

  it('a KK-compliant spectrum fits to < 0.1 % with 20 RC elements; drift gives large residuals', () => {
    const f = Float64Array.from({ length: 50 }, (_, i) => 10 ** (5 - (7 * i) / 49));
    const z = predictCircuit('R0-p(R1,CPE1)-p(R2,C2)', [2, 10, 1e-4, 0.85, 25, 0.05], f);
    const good = linKK({ f, re: z.re, im: z.im }, { c: null, maxM: 20 });
    const worst = Math.max(...Array.from(good.residuals.re, Math.abs), ...Array.from(good.residuals.im, Math.abs));
    expect(worst).toBeLessThan(1e-3);
    // The μ rule stops as soon as negative resistances appear (M = 8 here), as in impedance.py.
    expect(linKK({ f, re: z.re, im: z.im }).M).toBe(8);
    // Drift: the resistance grows along the sweep (time runs with decreasing frequency).
    const re = Float64Array.from(z.re, (v, i) => v + 0.2 * i);
    const bad = linKK({ f, re, im: z.im }, { c: null, maxM: 20 });
    const worstBad = Math.max(...Array.from(bad.residuals.re, Math.abs), ...Array.from(bad.residuals.im, Math.abs));
    expect(worstBad).toBeGreaterThan(10 * worst);
    expect(bad.pseudoChi2).toBeGreaterThan(good.pseudoChi2);
  });

  it('c = null uses maxM elements', () => {
    const f = Float64Array.from([1e4, 1e3, 100, 10, 1, 0.1]);
    const z = predictCircuit('R0-p(R1,C1)', [1, 5, 1e-3], f);
    const r = linKK({ f, re: z.re, im: z.im }, { c: null, maxM: 4 });
    expect(r.M).toBe(4);
    expect(r.R.length).toBe(4);
    expect(() => linKK({ f, re: z.re, im: z.im }, { fitType: 'both' as never })).toThrow(/invalid Lin-KK fit type/);
  });
});
