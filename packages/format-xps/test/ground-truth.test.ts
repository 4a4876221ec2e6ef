import { decodeText, numericValues, type Measurement } from '@echemkit/core';
import { expect, it } from 'vitest';
import { describeCorpus, readCorpus } from '../../../test/helpers/corpus.js';
import { casaTextPlugin, phiMultipakTextPlugin, phiProPlugin, phiSpePlugin, specsXyPlugin, vamasPlugin } from '../src/index.js';
import { col, context } from './helpers.js';

/** Independent reading of the Multipak Exporter text: region name → [energy, intensity] pairs. */
function exporterRegions(rel: string): Map<string, { x: number[]; y: number[] }> {
  const lines = decodeText(readCorpus(rel)).text.split(/\r?\n/);
  const out = new Map<string, { x: number[]; y: number[] }>();
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('//Area Comment')) continue;
    const name = lines[i + 3]!.trim();
    const n = Number(lines[i + 7]);
    const x: number[] = [];
    const y: number[] = [];
    for (let k = 0; k < n; k++) {
      const [a, b] = lines[i + 8 + k]!.split('\t');
      x.push(Number(a));
      y.push(Number(b));
    }
    out.set(name, { x, y });
  }
  return out;
}

const parse = (p: typeof vamasPlugin, rel: string) => p.parse(readCorpus(rel), context(p.id)).measurements;

describeCorpus('PHI .spe against ULVAC-PHI Multipak Exporter text (ground truth)', () => {
  for (const [spe, txt, regions] of [
    ['xps-spe/XPS_PHI_QUANTERA_narrow.spe', 'xps-spe/XPS_PHI_QUANTERA_narrow.txt', 4],
    ['xps-spe/XPS_PHI_QUANTERA_survey.spe', 'xps-spe/XPS_PHI_QUANTERA_survey.txt', 1],
  ] as const) {
    it(`${spe}: every energy and intensity equals the exporter's`, () => {
      const ms = parse(phiSpePlugin, spe);
      const truth = exporterRegions(txt);
      expect(ms.length).toBe(regions);
      expect(truth.size).toBe(regions);
      let compared = 0;
      [...truth.values()].forEach((t, i) => {
        const m = ms[i]!;
        const be = numericValues(col(m, 'binding_energy_electronvolt'));
        const y = col(m, 'intensity_count_per_second');
        expect(y.values).toBeInstanceOf(Float32Array);
        expect(be.length).toBe(t.x.length);
        for (let k = 0; k < t.x.length; k++) {
          expect(be[k]).toBe(t.x[k]);
          // The exporter prints the float32 with 4 decimals: our value printed the same way is equal.
          expect(Number((y.values[k] as number).toFixed(4))).toBe(t.y[k]);
          compared++;
        }
      });
      expect(compared).toBe(spe.includes('narrow') ? 501 + 801 + 201 + 201 : 2801);
    });
    it(`${txt}: the exporter plugin reads the same values`, () => {
      const a = parse(phiSpePlugin, spe);
      const b = parse(phiMultipakTextPlugin, txt);
      expect(b.length).toBe(a.length);
      b.forEach((m, i) => {
        expect(Array.from(numericValues(col(m, 'binding_energy_electronvolt')))).toEqual(Array.from(numericValues(col(a[i]!, 'binding_energy_electronvolt'))));
        const yb = numericValues(col(m, 'intensity_count_per_second'));
        const ya = col(a[i]!, 'intensity_count_per_second').values as Float32Array;
        for (let k = 0; k < ya.length; k++) expect(yb[k]).toBe(Number(ya[k]!.toFixed(4)));
      });
    });
  }

  it('test0.spe (Quantum 2000) is float64 with the trailing dwell float32 ignored', () => {
    const ms = parse(phiSpePlugin, 'xps-spe/test0.spe');
    expect(ms.map((m) => m.name)).toEqual(['1su', 'F1s']);
    const y = col(ms[1]!, 'intensity_count_per_second');
    expect(y.values).toBeInstanceOf(Float64Array);
    expect(y.values.length).toBe(161);
    expect(y.values[0]).toBe(1793.75);
    const be = numericValues(col(ms[1]!, 'binding_energy_electronvolt'));
    expect(be[0]).toBe(695);
    expect(be[160]).toBe(675);
    expect(be[1]).toBe(694.875);
  });

  it('SnO2_10nm_1.pro: 4 regions × 21 cycles of spectra and a depth profile of region areas', () => {
    const ms = parse(phiProPlugin, 'xps-spe/SnO2_10nm_1.pro');
    const spectra = ms.filter((m) => m.kind === 'spectrum');
    expect(spectra.length).toBe(84);
    const dp = ms.find((m) => m.kind === 'depth-profile') as Measurement;
    const t = numericValues(col(dp, 'sputter_time_second'));
    expect(t.length).toBe(21);
    expect(Array.from(t).map((x) => Math.abs(x))).toEqual(Array.from({ length: 21 }, (_, k) => 30 * k));
    // Values decoded independently (Python struct, region-major float32 blocks).
    expect(col(dp, 'Su1s').values[0]).toBe(Math.fround(54554388.0));
    expect(col(dp, 'C1s').values[0]).toBe(Math.fround(13522.876));
    expect(col(dp, 'Si2p').values[4]).toBeCloseTo(514.75, 3);
    expect(col(dp, 'Sn3d5').values[20]).toBe(Math.fround(208540.625));
    expect(col(dp, 'C1s').unit).toBe('c/s * eV');
    const c1s5 = spectra.find((m) => m.name === 'C1s cycle 5')!;
    expect(c1s5.metadata?.sputterTimeSecond).toBe(120);
    expect(numericValues(col(c1s5, 'binding_energy_electronvolt'))[100]).toBe(278);
  });
});

describeCorpus('VAMAS against CasaXPS and Prodigy exports of the same data', () => {
  it('FeO_analyzed.vms equals the CasaXPS column export (K.E., counts, B.E.)', () => {
    const [v] = parse(vamasPlugin, 'xps-vamas/FeO_analyzed.vms');
    const [c] = parse(casaTextPlugin, 'xps-other/FeO_analyzed_lineshapes_cols.txt');
    const keV = numericValues(col(v!, 'kinetic_energy_electronvolt'));
    const keC = numericValues(col(c!, 'kinetic_energy_electronvolt'));
    const beV = numericValues(col(v!, 'binding_energy_electronvolt'));
    const beC = numericValues(col(c!, 'binding_energy_electronvolt'));
    const yV = numericValues(col(v!, 'intensity_arbitrary'));
    const yC = numericValues(col(c!, 'intensity_count'));
    expect(keV.length).toBe(1121);
    expect(keC.length).toBe(1121);
    for (let i = 0; i < keV.length; i++) {
      expect(keV[i]).toBe(keC[i]);
      expect(beV[i]).toBeCloseTo(beC[i]!, 9);
      expect(yV[i]).toBe(yC[i]);
    }
    expect(col(v!, 'binding_energy_electronvolt').derived).toBe(true);
  });

  it('irregular.vms survey equals the Prodigy .xy export to the 6 digits VAMAS keeps', () => {
    const [v] = parse(vamasPlugin, 'xps-vamas/irregular.vms');
    const [x] = parse(specsXyPlugin, 'xps-other/MgFe2O4_small.xy');
    const beV = numericValues(col(v!, 'binding_energy_electronvolt'));
    const beX = numericValues(col(x!, 'binding_energy_electronvolt'));
    const yV = numericValues(col(v!, 'intensity_arbitrary'));
    const yX = numericValues(col(x!, 'intensity_count_per_second'));
    expect(beV.length).toBe(1351);
    expect(beX.length).toBe(1351);
    for (let i = 0; i < beV.length; i++) {
      expect(beV[i]).toBe(beX[i]);
      expect(Math.abs(yV[i]! - yX[i]!)).toBeLessThanOrEqual(Math.abs(yX[i]!) * 5e-6 + 5e-4);
    }
  });

  it('regular.vms counts × 10 (dwell 0.1 s) equal the count rate of irregular.vms', () => {
    const [r] = parse(vamasPlugin, 'xps-vamas/regular.vms');
    const [i] = parse(vamasPlugin, 'xps-vamas/irregular.vms');
    expect(r!.metadata?.dwellTimeSecond).toBe(0.1);
    const c = numericValues(col(r!, 'intensity_count'));
    const cps = numericValues(col(i!, 'intensity_arbitrary'));
    for (let k = 0; k < c.length; k++) expect(Math.abs(c[k]! * 10 - cps[k]!)).toBeLessThan(Math.abs(cps[k]!) * 1e-5 + 0.01);
    expect(r!.startTime).toEqual({ value: '2023-08-24T14:19:47.000+00:00', zone: 'stated', raw: '2023 8 24 14 19 47 0' });
  });

  it('CasaXPS text export: CPS = counts / acquisition time in every block', () => {
    const ms = parse(casaTextPlugin, 'xps-other/vms_txt_export.txt');
    expect(ms.map((m) => m.metadata?.region)).toEqual(['Survey', 'Ni2p', 'Survey', 'Ni2p']);
    for (const m of ms) {
      const t = m.settings['Acquisition Time s'] as number;
      const c = numericValues(col(m, 'intensity_count'));
      const cps = numericValues(col(m, 'intensity_count_per_second'));
      for (let k = 0; k < c.length; k++) expect(cps[k]).toBeCloseTo(c[k]! / t, 1);
    }
  });

  it('Multipak VAMAS (.npl): binding-energy abscissa, c/s, inherited block layout', () => {
    const ms = parse(vamasPlugin, 'xps-vamas/Mutlipak_vms.npl');
    expect(ms.map((m) => m.metadata?.region)).toEqual(['C 1s', 'O 1s', 'S 2p', expect.any(String), expect.any(String)]);
    const be = numericValues(col(ms[0]!, 'binding_energy_electronvolt'));
    expect(be.length).toBe(601);
    expect(be[0]).toBe(305);
    expect(be[600]).toBe(275);
    expect(be[1]).toBe(304.95);
    expect(col(ms[0]!, 'intensity_count_per_second').values[0]).toBe(2047.5);
    expect(ms[0]!.startTime).toBeNull(); // hours are -1 (not recorded)
    expect(ms[0]!.metadata?.passEnergyElectronvolt).toBe(46.95);
  });

  it('CasaXPS processing in FeO_analyzed.vms is parsed (region, 4 components)', () => {
    const [v] = parse(vamasPlugin, 'xps-vamas/FeO_analyzed.vms');
    const casa = v!.metadata?.casa as { regions: { background: string; start: number; end: number }[]; components: { lineshape: string; position: { value: number } }[] };
    expect(casa.regions[0]).toMatchObject({ background: 'U 3 Tougaard', start: 737.52081, end: 786.7632 });
    expect(casa.components.map((c) => c.lineshape)).toEqual(['LF(0.54,10,80,100,6)', 'SGL(30)', 'LF(0.54,10,80,100,6)', 'SGL(30)']);
    expect(casa.components[0]!.position.value).toBe(777.56313);
  });
});
