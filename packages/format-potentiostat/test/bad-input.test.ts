/** Bad input: clear typed errors, or a warning with every complete row kept. */
import { FormatError } from '@echemkit/core';
import { expect, it } from 'vitest';
import { describeCorpus, readCorpus } from '../../../test/helpers/corpus.js';
import { autolabTextPlugin, eisTablePlugin, gamryDtaPlugin, palmsensSessionPlugin, parstatTextPlugin, plugins, zplotPlugin } from '../src/index.js';
import { col, run } from './util.js';

const enc = (s: string) => new TextEncoder().encode(s);

describeCorpus('bad input', () => {
  it('a .txt that is not CHI (Maccor) is refused by every sniffer and gives FormatError when forced', () => {
    const bytes = readCorpus('maccor/maccor_002.txt');
    for (const p of plugins) expect(p.sniff(bytes.subarray(0, 65536)), p.id).toBe(0);
    for (const p of [autolabTextPlugin, parstatTextPlugin, eisTablePlugin, zplotPlugin, gamryDtaPlugin]) {
      expect(() => run(p, bytes), p.id).toThrow(FormatError);
    }
    expect(() => run(autolabTextPlugin, bytes)).toThrow(/autolab\.txt: not a NOVA ASCII export at line 1/);
  });
  it('a CHI .txt is left to the CHI reader', () => {
    const bytes = readCorpus('chi-txt/exampleDataCHInstruments.txt');
    for (const p of plugins) expect(p.sniff(bytes.subarray(0, 65536)), p.id).toBe(0);
  });
  it('a truncated .DTA keeps every complete row and warns', () => {
    const full = readCorpus('gamry-dta/CHRONOA.DTA');
    const text = new TextDecoder().decode(full);
    const cut = text.indexOf('\t500\t') + 20; // inside row 500
    const r = run(gamryDtaPlugin, full.slice(0, cut));
    const m = r.result.measurements[0]!;
    expect(m.columns[0]!.values.length).toBe(500);
    expect(col(m, 'Pt')[499]).toBe(499);
    expect(r.warnings.map((w) => w.ruleId)).toEqual(expect.arrayContaining(['truncated-record', 'fewer-rows-than-declared']));
    // The complete rows are exactly those of the full file.
    const all = run(gamryDtaPlugin, full).result.measurements[0]!;
    expect(Array.from(col(m, 'current_ampere'))).toEqual(Array.from(col(all, 'current_ampere')).slice(0, 500));
  });
  it('a .DTA cut inside the header gives a warning and no measurement', () => {
    const r = run(gamryDtaPlugin, readCorpus('gamry-dta/cv_data_incompleteheader.dta'));
    expect(r.result.measurements).toEqual([]);
    expect(r.warnings.map((w) => w.ruleId)).toContain('no-data');
  });
  it('a .z with fewer rows than declared keeps them all and warns', () => {
    const r = run(zplotPlugin, readCorpus('zplot-z/exampleDataZPlot.z'));
    expect(col(r.result.measurements[0]!, 'frequency_hertz').length).toBe(21);
    const w = r.warnings.find((x) => x.ruleId === 'fewer-rows-than-declared');
    expect(w?.message).toMatch(/declares 56 points but the file holds 21/);
  });
  it('a .z cut in the middle of a row drops only that row', () => {
    const full = readCorpus('zplot-z/exampleDataZPlot_noComments.z');
    const r = run(zplotPlugin, full.slice(0, full.length - 30));
    const n = col(r.result.measurements[0]!, 'frequency_hertz').length;
    expect(n).toBe(30);
    expect(r.warnings.map((w) => w.ruleId)).toContain('truncated-record');
  });
  it('an aborted Gamry EIS keeps the points measured before the abort', () => {
    const text = new TextDecoder().decode(readCorpus('gamry-dta/EISPOT.DTA'));
    const rows = text.split('\r\n');
    const start = rows.findIndex((l) => l.startsWith('ZCURVE'));
    const cut = [...rows.slice(0, start + 3 + 30), 'EXPERIMENTABORTED\tTOGGLE\tT\tExperiment Aborted', ''].join('\r\n');
    const r = run(gamryDtaPlugin, enc(cut));
    expect(col(r.result.measurements[0]!, 'frequency_hertz').length).toBe(30);
    expect(r.warnings.map((w) => w.ruleId)).toContain('experiment-aborted');
  });
  it('generic EIS tables: semicolon + decimal comma without header; a -Z\'\' header is negated', () => {
    const a = run(eisTablePlugin, enc('1000;10,5;-2,25\n100;11,5;-3,5\n10;12;-4\n'));
    expect(Array.from(col(a.result.measurements[0]!, 'real_impedance_ohm'))).toEqual([10.5, 11.5, 12]);
    expect(Array.from(col(a.result.measurements[0]!, 'imaginary_impedance_ohm'))).toEqual([-2.25, -3.5, -4]);
    const b = run(eisTablePlugin, enc("freq/Hz,Z'/Ohm,-Z''/Ohm\n1000,10.5,2.25\n100,11.5,3.5\n"));
    const im = b.result.measurements[0]!.columns.find((c) => c.quantity === 'imaginary_impedance_ohm')!;
    expect(Array.from(im.values as Float64Array)).toEqual([-2.25, -3.5]);
    expect(im.sourceName).toBe("-Z''/Ohm");
  });
  it('not-a-Gamry text gives FormatError with line and expectation', () => {
    expect(() => run(gamryDtaPlugin, enc('hello\nworld\n'))).toThrow(/gamry\.dta: not a Gamry DTA file at line 1; expected 'EXPLAIN'/);
  });
  it('binary bytes given to a text reader give FormatError', () => {
    const b = new Uint8Array(200);
    b.set(enc('ZPLOT2 ASCII\r\n'));
    expect(() => run(zplotPlugin, b)).toThrow(FormatError);
  });
});

describeCorpus('cut PalmSens session', () => {
  it('keeps the complete measurements and warns', () => {
    const full = readCorpus('other/p-Cl-Ph-CO2Me_MeCN.pssession');
    const r = run(palmsensSessionPlugin, full.slice(0, Math.floor(full.length * 0.6) & ~1));
    expect(r.warnings.map((w) => w.ruleId)).toContain('truncated-record');
    const all = run(palmsensSessionPlugin, full).result.measurements;
    const cut = r.result.measurements;
    expect(cut.length).toBeGreaterThanOrEqual(1);
    // The first measurement is complete and identical.
    expect(Array.from(col(cut[0]!, 'current_ampere'))).toEqual(Array.from(col(all[0]!, 'current_ampere')));
  });
});
