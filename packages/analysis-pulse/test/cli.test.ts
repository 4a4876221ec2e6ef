import { describe, expect, it } from 'vitest';
import { command as gitt } from '../../echemkit/src/analyze/gitt.js';
import { command as dcir } from '../../echemkit/src/analyze/dcir.js';
import { fakeIO } from '../../../test/helpers/cli-io.js';
import { basicDocument, rest, type StepSpec } from '../../analysis-cycling/test/synthetic.js';


// two 10 s discharge pulses, 0.05 Ω instantaneous, 0.01 V/√s afterwards, relaxing 20 mV lower
const steps: StepSpec[] = [];
for (const v of [3.9, 3.88]) {
  steps.push(rest(600, v, { n: 10 }));
  steps.push({ duration: 10, n: 100, current: () => -1, voltage: (t) => v - 0.05 - 0.01 * Math.sqrt(t) });
}
steps.push(rest(600, 3.86, { n: 10 }));
const doc = basicDocument(steps);

describe('echemkit analyze gitt / dcir', () => {
  it('gitt writes the pulse table as JSON and CSV', async () => {
    const f = fakeIO(doc);
    expect(await gitt.run(['x.mpr', '--radius', '3e-4', '--sqrt-t-window', '0.5,10'], f.io)).toBe(0);
    const j = JSON.parse(f.out.join(''));
    expect(j.pulses.pulse).toEqual([1, 2]);
    j.pulses.deltaEs.forEach((d: number) => expect(d).toBeCloseTo(-0.02, 12));
    j.pulses.sqrtTSlope.forEach((d: number) => expect(d).toBeCloseTo(-0.01, 9));
    const g = fakeIO(doc);
    expect(await gitt.run(['x.mpr', '--csv'], g.io)).toBe(0);
    expect(g.out.join('').trim().split('\n')).toHaveLength(3);
    expect(await gitt.run(['x.mpr', '--direction', 'up'], fakeIO(doc).io)).toBe(2);
  });
  it('dcir flattens the sampling times into columns', async () => {
    const f = fakeIO(doc);
    expect(await dcir.run(['x.mpr', '--times', '1,10'], f.io)).toBe(0);
    const j = JSON.parse(f.out.join(''));
    j.pulses['resistance@1s'].forEach((r: number) => expect(r).toBeCloseTo(0.06, 12));
    j.pulses['resistance@10s'].forEach((r: number) => expect(r).toBeCloseTo(0.05 + 0.01 * Math.sqrt(10), 12));
    expect(await dcir.run([], fakeIO(doc).io)).toBe(2);
  });
});
