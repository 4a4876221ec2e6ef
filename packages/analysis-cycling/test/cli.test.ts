import { describe, expect, it } from 'vitest';
import type { EchemkitDocument } from '@echemkit/core';
import { command as cycling } from '../../echemkit/src/analyze/cycling.js';
import { command as cv } from '../../echemkit/src/analyze/cv.js';
import { fakeIO } from '../../../test/helpers/cli-io.js';
import { basicDocument, PROTOCOL, protocolSteps } from './synthetic.js';


describe('echemkit analyze cycling', () => {
  const doc = basicDocument(protocolSteps());
  it('writes JSON with method, parameters, version, summary and the cycle table', async () => {
    const f = fakeIO(doc);
    expect(await cycling.run(['cell.json', '--mass', '5', '--nominal-capacity', '2'], f.io)).toBe(0);
    const j = JSON.parse(f.out.join(''));
    expect(j.packageVersion).toBe('0.1.0');
    expect(j.parameters.activeMassGram).toBe(5);
    expect(j.cycles.cycle).toEqual([1, 2, 3, 4, 5]);
    j.cycles.dischargeCapacityAh.forEach((q: number, k: number) => expect(q).toBeCloseTo(PROTOCOL.qDis[k]!, 12));
    j.cycles.dischargeCRate.forEach((c: number) => expect(c).toBeCloseTo(0.5, 12));
    expect(j.cycles.dischargeSpecificCapacityMahPerG[0]).toBeCloseTo(200, 9);
    expect(j.summary.voltageDecay.slopeMvPerCycle).toBeCloseTo(-3, 8);
    expect(j.summary.initialCoulombicEfficiencyPercent).toBeCloseTo(100 / 1.1, 9);
  });
  it('writes the cycle table as CSV', async () => {
    const f = fakeIO(doc);
    expect(await cycling.run(['cell.json', '--csv'], f.io)).toBe(0);
    const lines = f.out.join('').trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(Number(lines[5]!.split(',')[2])).toBeCloseTo(0.96, 12);
  });
  it('rejects bad arguments with exit code 2', async () => {
    const f = fakeIO(doc);
    expect(await cycling.run(['cell.json', '--order', 'sideways'], f.io)).toBe(2);
    expect(f.err.join('')).toMatch(/--order/);
    expect(await cycling.run([], fakeIO(doc).io)).toBe(2);
  });
  it('fails with exit code 1 and a message on a document without a time series', async () => {
    const empty: EchemkitDocument = { ...doc, measurements: [] };
    const f = fakeIO(empty);
    expect(await cycling.run(['x.json'], f.io)).toBe(1);
    expect(f.err.join('')).toMatch(/no time series/);
  });
});

describe('echemkit analyze cv', () => {
  it('analyses a document and writes the sweeps as CSV', async () => {
    // two triangle sweeps with one peak each way
    const n = 400;
    const t = Float64Array.from({ length: 2 * n + 1 }, (_, k) => k * 0.01);
    const e = Float64Array.from(t, (_, k) => (k <= n ? k * 0.001 : (2 * n - k) * 0.001));
    const i = Float64Array.from(e, (x, k) => (k <= n ? 1 : -1) * 1e-3 * Math.exp(-0.5 * ((x - 0.2) / 0.02) ** 2));
    const { quantityColumn } = await import('@echemkit/core');
    const d = basicDocument([]);
    d.measurements[0]!.columns = [quantityColumn('test_time_second', t), quantityColumn('voltage_volt', e), quantityColumn('current_ampere', i)];
    const f = fakeIO(d);
    expect(await cv.run(['cv.mpr'], f.io)).toBe(0);
    const j = JSON.parse(f.out.join(''));
    expect(j.cycles.peakSeparationVolt[0]).toBeCloseTo(0, 9);
    expect(j.cycles.scanRateVoltPerSecond[0]).toBeCloseTo(0.1, 9);
    const g = fakeIO(d);
    expect(await cv.run(['cv.mpr', '--csv', 'sweeps'], g.io)).toBe(0);
    expect(g.out.join('').trim().split('\n')).toHaveLength(3);
  });
});
