/** Value checks per format against the text of the corpus files (units, signs, decimal commas). */
import { expect, it } from 'vitest';
import { describeCorpus, readCorpus } from '../../../test/helpers/corpus.js';
import { autolabDfrPlugin, autolabTextPlugin, gamryDtaPlugin, iviumIdfPlugin, p00Plugin, parstatTextPlugin, versaStudioPlugin, zplotPlugin } from '../src/index.js';
import { col, run } from './util.js';

describeCorpus('format details', () => {
  it('Gamry decimal comma: chronoa_de equals chronoa except the values that differ in the file', () => {
    const de = run(gamryDtaPlugin, readCorpus('gamry-dta/chronoa_de_data.dta')).result.measurements[0]!;
    expect(col(de, 'working_electrode_potential_volt')[0]).toBe(-5e-4);
    expect(col(de, 'current_ampere')[0]).toBe(-2e-8);
    expect(col(de, 'test_time_second')[9]).toBe(270);
  });
  it('Gamry: OCVCURVE is its own OCV timeseries, ZCURVE the impedance', () => {
    const r = run(gamryDtaPlugin, readCorpus('gamry-dta/exampleDataGamry.DTA')).result;
    expect(r.measurements.map((m) => [m.name, m.kind, m.technique.name])).toEqual([
      ['OCVCURVE', 'timeseries', 'OCV'],
      ['ZCURVE', 'impedance', 'PEIS'],
    ]);
    expect(r.measurements[0]!.startTime).toEqual({ value: '2018-04-23T16:43:15.000', zone: 'assumed-local', raw: '4/23/2018 16:43:15' });
    expect(r.sample?.electrodeAreaSquareCentimetre).toBe(1);
  });
  it('Gamry: German date 27.4.2022 is day.month', () => {
    const m = run(gamryDtaPlugin, readCorpus('gamry-dta/01_CV.DTA')).result.measurements[0]!;
    expect(m.startTime?.value.slice(0, 10)).toBe('2022-04-27');
  });
  it('Gamry: drift-corrected columns are kept beside the raw ones', () => {
    const m = run(gamryDtaPlugin, readCorpus('gamry-dta/pyimpspec_drift-corrected-data.dta')).result.measurements[1]!;
    expect(col(m, 'ZrealDrCor')[0]).toBe(691.6887);
    expect(m.columns.find((c) => c.sourceName === 'ZimagDrCor')?.quantity).toBe(null);
    expect(col(m, 'imaginary_impedance_ohm')[0]).toBe(-148.9397);
  });
  it('NOVA ASCII with ; and decimal comma, µA range labels', () => {
    const m = run(autolabTextPlugin, readCorpus('autolab/File021_CV.txt')).result.measurements[0]!;
    expect(col(m, 'working_electrode_potential_volt')[0]).toBe(0.50250244140625);
    expect(col(m, 'current_ampere')[1]).toBe(9.3109130859375e-6);
    expect(col(m, 'test_time_second')[0]).toBe(6.43711798374784);
    expect((m.columns.find((c) => c.quantity === 'current_range')!.values as string[])[0]).toBe('1 µA');
  });
  it('NOVA ASCII impedance export (synthetic, NOVA 2 column names): -Z\'\' and -Phase negated', () => {
    const text = "Index;Frequency (Hz);Z' (Ω);-Z'' (Ω);Z (Ω);-Phase (°);Time (s)\n1;1000;10,5;2,25;10,738;12,095;0,5\n2;100;11,5;3,5;12,021;16,928;1,5\n";
    const m = run(autolabTextPlugin, new TextEncoder().encode(text)).result.measurements[0]!;
    expect(m.kind).toBe('impedance');
    expect(Array.from(col(m, 'imaginary_impedance_ohm'))).toEqual([-2.25, -3.5]);
    expect(Array.from(col(m, 'phase_degree'))).toEqual([-12.095, -16.928]);
    expect(Array.from(col(m, 'frequency_hertz'))).toEqual([1000, 100]);
  });
  it('NOVA ASCII with comma separator and decimal point', () => {
    const m = run(autolabTextPlugin, readCorpus('autolab/[Cu(TMG2cHexqu)2]PF6.txt')).result.measurements[0]!;
    expect(col(m, 'current_ampere')[0]).toBe(-4.32098388671875e-7);
    expect(col(m, 'cycle_count')[0]).toBe(3);
  });
  it('ZPlot: control voltage maps Ampl/Bias to V; date MM-DD-YYYY', () => {
    const m = run(zplotPlugin, readCorpus('zplot-z/exampleDataZPlot.z')).result.measurements[0]!;
    expect(col(m, 'potential_amplitude_volt')[0]).toBe(0.01);
    expect(m.startTime?.value).toBe('2018-10-12T11:04:34.000');
    expect(m.settings['Experiment/vs Freq-Initial']).toBe('300000');
  });
  it('the same spectrum in .P00, .dfr, .idf, .z and .dta gives the same impedance', () => {
    const ref = run(gamryDtaPlugin, readCorpus('gamry-dta/pyimpspec_data.dta')).result.measurements[1]!;
    const others = [
      run(p00Plugin, readCorpus('other/pyimpspec_data.P00')).result.measurements[0]!,
      run(autolabDfrPlugin, readCorpus('other/pyimpspec_data.dfr')).result.measurements[0]!,
      run(iviumIdfPlugin, readCorpus('ivium/pyimpspec_data.idf')).result.measurements[0]!,
      run(zplotPlugin, readCorpus('zplot-z/pyimpspec_data.z')).result.measurements[0]!,
    ];
    const f0 = col(ref, 'frequency_hertz');
    const im0 = col(ref, 'imaginary_impedance_ohm');
    const re0 = col(ref, 'real_impedance_ohm');
    for (const m of others) {
      const f = col(m, 'frequency_hertz');
      const re = col(m, 'real_impedance_ohm');
      const im = col(m, 'imaginary_impedance_ohm');
      expect(f.length).toBe(29);
      for (let i = 0; i < 29; i++) {
        // The P00 and idf files round to 4–6 significant digits.
        expect(Math.abs(f[i]! / f0[i]! - 1)).toBeLessThan(1e-3);
        expect(Math.abs(re[i]! / re0[i]! - 1)).toBeLessThan(1e-3);
        expect(Math.abs(im[i]! / im0[i]! - 1)).toBeLessThan(1e-3);
        expect(Math.sign(im[i]!)).toBe(-1); // capacitive: true sign negative in every format
      }
    }
  });
  it('PARSTAT: DC rows and impedance rows become two measurements', () => {
    const r = run(parstatTextPlugin, readCorpus('other/exampleDataParstat.txt')).result;
    expect(r.measurements.map((m) => [m.kind, m.columns[0]!.values.length])).toEqual([
      ['timeseries', 781],
      ['impedance', 31],
    ]);
  });
  it('VersaStudio: segment columns, start time, instrument', () => {
    const r = run(versaStudioPlugin, readCorpus('other/exampleDataVersaStudio.par')).result;
    const m = r.measurements[0]!;
    expect(m.columns.length).toBe(24);
    expect(col(m, 'imaginary_impedance_ohm')[60]).toBe(-122.8279);
    expect(m.startTime?.value).toBe('2018-07-19T09:40:30.000');
    expect(r.instrument).toEqual({ vendor: 'Princeton Applied Research', model: 'VersaSTAT4', serialNumber: '16334007' });
  });
  it('Ivium: oscillogram blocks are kept as tables', () => {
    const m = run(iviumIdfPlugin, readCorpus('ivium/pyimpspec_data.idf')).result.measurements[0]!;
    expect(m.tables?.length).toBe(29);
    expect(m.tables?.[0]?.columns.length).toBe(3);
    expect(col(m.tables![0]!, 'column 2')[0]).toBe(4.11584e-5);
  });
});
