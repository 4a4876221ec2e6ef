import { describe, expect, it } from 'vitest';
import { quantityColumn, type EchemkitDocument } from '@echemkit/core';
import { command } from '../../echemkit/src/analyze/eis.js';
import { fakeIO } from '../../../test/helpers/cli-io.js';
import { describeCorpus } from '../../../test/helpers/corpus.js';
import { computeDrt, fitCircuit, ignoreBelowX, linKK } from '../src/index.js';
import { readExampleCsv } from './helpers.js';


function docOf(s: { f: Float64Array; re: Float64Array; im: Float64Array }): EchemkitDocument {
  return {
    measurements: [
      { kind: 'impedance', technique: { name: 'EIS' }, startTime: null, settings: {}, columns: [quantityColumn('frequency_hertz', s.f), quantityColumn('real_impedance_ohm', s.re), quantityColumn('imaginary_impedance_ohm', s.im)] },
    ],
  } as unknown as EchemkitDocument;
}

describeCorpus('echemkit analyze eis', () => {
  const s = readExampleCsv();

  it('--json gives the same numbers as the API', async () => {
    const { io, out } = fakeIO(docOf(s));
    const code = await command.run(['exampleData.csv', '--circuit', 'R0-p(R1,C1)-p(R2-Wo1,C2)', '--guess', '.01,.01,100,.01,.05,100,1', '--capacitive-only', '--linkk', '--drt', '--lambda', '1e-3', '--json'], io);
    expect(code).toBe(0);
    const res = JSON.parse(out.join(''));
    const spec = res.results[0].spectra[0];
    const cap = ignoreBelowX(s);
    const api = fitCircuit(cap, 'R0-p(R1,C1)-p(R2-Wo1,C2)', [0.01, 0.01, 100, 0.01, 0.05, 100, 1]);
    expect(spec.points).toBe(cap.f.length);
    expect(spec.fit.values).toEqual(api.values);
    expect(spec.linkk.M).toBe(linKK(cap).M);
    const drt = computeDrt(cap, { lambda: 1e-3 });
    expect(spec.drt.rInf).toBe(drt.rInf);
    expect(spec.drt.gamma.length).toBe(drt.gamma.length);
    expect(res.results[0].table.columns[3]).toBe('R0');
    expect(res.results[0].table.rows[0][3]).toBe(api.values[0]);
  });

  it('prints a readable summary', async () => {
    const { io, out } = fakeIO(docOf(s));
    expect(await command.run(['x.csv', '--circuit', 'R0-p(R1,C1)', '--guess', '0.01,0.02', '--constants', 'C1=3'], io)).toBe(0);
    const text = out.join('');
    expect(text).toMatch(/measurement 0 \(EIS\): 1 spectrum/);
    expect(text).toMatch(/C1\s+3\.0000 ± fixed F/);
  });
});

describe('echemkit analyze eis usage errors', () => {
  const doc = docOf({ f: Float64Array.from([1, 10, 100]), re: Float64Array.from([3, 2, 1]), im: Float64Array.from([-1, -1, -1]) });
  it('exit 2 for bad arguments, 1 for files without impedance data', async () => {
    let t = fakeIO(doc);
    expect(await command.run(['x', '--circuit', 'R0'], t.io)).toBe(2);
    expect(t.err.join('')).toMatch(/--circuit needs --guess/);
    t = fakeIO(doc);
    expect(await command.run(['x', '--weighting', 'odd'], t.io)).toBe(2);
    t = fakeIO(doc);
    expect(await command.run(['x', '--bogus'], t.io)).toBe(2);
    t = fakeIO({ measurements: [{ kind: 'timeseries', columns: [] }] } as unknown as EchemkitDocument);
    expect(await command.run(['x'], t.io)).toBe(1);
    t = fakeIO(doc);
    expect(await command.run(['x', '--circuit', 'R0-Q1', '--guess', '1,2'], t.io)).toBe(1);
    expect(t.err.join('')).toMatch(/unknown element type "Q"/);
    t = fakeIO(doc);
    expect(await command.run(['--help'], t.io)).toBe(0);
    expect(t.out.join('')).toMatch(/Usage: echemkit analyze eis/);
  });
});
