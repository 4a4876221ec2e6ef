/**
 * Reproducing CasaXPS on the corpus's analysed file (FeO_analyzed.vms + CasaXPS's own exports).
 * CasaXPS's LF asymmetric line shape is not implemented, so the two LF components are taken from
 * CasaXPS's exported curves; everything that uses our code (SGL shape and area normalisation,
 * 3-parameter Tougaard background, the fit of the SGL(30) satellites) is compared value by value.
 */
import { numericValues, type Measurement } from '@echemkit/core';
import { casaTextPlugin, readCasaResultRows, vamasPlugin, type CasaComponent } from '@echemkit/format-xps';
import { expect, it } from 'vitest';
import { describeCorpus, readCorpus } from '../../../test/helpers/corpus.js';
import { fitXps, gls, parseCasaLineShape, tougaardBackground, unitArea } from '../src/index.js';

const ctx = { fileName: '', format: 'test', options: {}, siblings: new Map(), warn: () => {}, info: () => {} };
const values = (m: Measurement, name: string) => numericValues(m.columns.find((c) => c.name === name)!);

describeCorpus('CasaXPS FeO_analyzed reproduction', () => {
  const [vms] = vamasPlugin.parse(readCorpus('xps-vamas/FeO_analyzed.vms'), ctx).measurements;
  const [exp] = casaTextPlugin.parse(readCorpus('xps-other/FeO_analyzed_lineshapes_cols.txt'), ctx).measurements;
  const casa = vms!.metadata!.casa as { regions: { start: number; end: number; rest: string[] }[]; components: CasaComponent[] };
  const hv = 1486.61;
  const acq = exp!.settings['Acquisition Time s'] as number; // counts → CPS: Casa areas are CPS·eV
  const be = values(exp!, 'binding_energy_electronvolt');
  const counts = values(exp!, 'intensity_count');
  const bg = values(exp!, 'background_intensity_arbitrary');
  const curves = exp!.columns.filter((c) => c.name.startsWith('Fe 2p (counts)')).map((c) => numericValues(c));
  const region = casa.regions[0]!;
  const inRegion = (i: number) => hv - be[i]! >= region.start && hv - be[i]! <= region.end;
  const idx = Array.from(be.keys()).filter(inRegion);

  it('our SGL(30) at CasaXPS parameters equals CasaXPS exported component curves within 0.15 % of the peak height', () => {
    let checked = 0;
    casa.components.forEach((c, k) => {
      const shape = parseCasaLineShape(c.lineshape);
      if (!shape) return; // LF: not implemented
      const pos = hv - c.position!.value;
      const f = c.fwhm!.value;
      const h = (acq * c.area!.value) / (f * unitArea(shape.shape, shape.m));
      let worst = 0;
      for (let i = 0; i < be.length; i++) worst = Math.max(worst, Math.abs(h * gls(be[i]!, pos, f, shape.m) - (curves[k]![i]! - bg[i]!)));
      expect(worst / h).toBeLessThan(0.0015);
      checked++;
    });
    expect(checked).toBe(2);
  });

  it('U 3 Tougaard with CasaXPS B, C, D and end levels follows the exported background (max 3.5 %); fitted B within 1 %', () => {
    // Region line: … RSF, then `2 0 0`, then B C D of the 3-parameter cross-section.
    const [B, C, D] = region.rest.slice(3, 6).map(Number) as [number, number, number];
    expect([B, C, D]).toEqual([335.44588, 551, 436]);
    const E = Float64Array.from(idx, (i) => be[i]!);
    const Y = Float64Array.from(idx, (i) => counts[i]!);
    const ref = Float64Array.from(idx, (i) => bg[i]!);
    const lo = ref[ref.length - 1]!; // low-BE end (data run from high to low BE)
    const hi = ref[0]!;
    const fixed = tougaardBackground(E, Y, { B, C, D, fitB: false, ends: { lo, hi } });
    let worst = 0;
    let ss = 0;
    for (let i = 0; i < E.length; i++) {
      const d = Math.abs(fixed.background[i]! - ref[i]!) / ref[i]!;
      worst = Math.max(worst, d);
      ss += d * d;
    }
    expect(worst).toBeLessThan(0.035);
    expect(Math.sqrt(ss / E.length)).toBeLessThan(0.02);
    const fitted = tougaardBackground(E, Y, { C, D, ends: { lo, hi } });
    expect(Math.abs(fitted.B / B - 1)).toBeLessThan(0.01);
  });

  it('fitting the two SGL(30) satellites (LF components and background from CasaXPS) reproduces CasaXPS: ≤ 0.05 eV, ≤ 1 % area', () => {
    const net = Float64Array.from(idx, (i) => (counts[i]! - bg[i]! - (curves[0]![i]! - bg[i]!) - (curves[2]![i]! - bg[i]!)) / acq);
    const r = fitXps(Float64Array.from(idx, (i) => be[i]!), net, {
      background: 'none',
      peaks: [
        { name: 'sat 2p3/2', position: 716.5, fwhm: 7, shape: 'GLS', lorentzian: 0.3, fwhmRange: [1.07, 8] },
        { name: 'sat 2p1/2', position: 729.5, fwhm: 7, shape: 'GLS', lorentzian: 0.3, fwhmRange: [1.07, 8] },
      ],
    });
    const truth = [casa.components[1]!, casa.components[3]!];
    r.components.forEach((c, k) => {
      expect(Math.abs(c.position - (hv - truth[k]!.position!.value))).toBeLessThan(0.05);
      expect(Math.abs(c.fwhm - truth[k]!.fwhm!.value)).toBeLessThan(0.05);
      expect(Math.abs(c.area / truth[k]!.area!.value - 1)).toBeLessThan(0.01);
      expect(c.areaSigma! / c.area).toBeLessThan(0.01);
    });
    // The quantification table (FeO_analyzed_results.csv) is from a later state of the same fit:
    // its main-peak positions and FWHMs agree with the VAMAS state to 0.05 eV / 0.14 eV.
    const { peaks } = readCasaResultRows(new TextDecoder().decode(readCorpus('xps-other/FeO_analyzed_results.csv')));
    expect(peaks.map((p) => p.position)).toEqual([709.03, 715.73, 722.18, 730.22]);
    expect(Math.abs(peaks[0]!.position - (hv - casa.components[0]!.position!.value))).toBeLessThan(0.05);
    expect(Math.abs(peaks[2]!.fwhm - casa.components[2]!.fwhm!.value)).toBeLessThan(0.15);
  });
});
