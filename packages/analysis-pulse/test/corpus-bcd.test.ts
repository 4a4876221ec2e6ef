/**
 * The corpus's Bio-Logic "GITT-type" file (BT-Lab BCD, bcd.issue_241.mpr) end to end. It holds
 * one CC discharge, a CV hold, a rest and a CC charge: no titration pulses. GITT and DCIR must
 * say so with a typed error; the cycling analysis of the same document must see the two half
 * cycles.
 */
import { expect, it } from 'vitest';
import { AnalysisError, readBytes, registryOf } from '@echemkit/core';
import { plugins as biologic } from '@echemkit/format-biologic';
import { analyzeCycling } from '@echemkit/analysis-cycling';
import { analyzeDcir, analyzeGitt } from '@echemkit/analysis-pulse';
import { describeCorpus, readCorpus } from '../../../test/helpers/corpus.js';

describeCorpus('bcd.issue_241.mpr (BT-Lab BCD) end to end', () => {
  it('has no GITT or DCIR pulses, and says so with an AnalysisError', async () => {
    const doc = await readBytes(readCorpus('biologic-mpr/bcd.issue_241.mpr'), { registry: registryOf(biologic), fileName: 'bcd.issue_241.mpr', sha256: false });
    expect(doc.measurements[0]!.technique.name).toBe('BCD');
    expect(() => analyzeGitt(doc)).toThrowError(AnalysisError);
    expect(() => analyzeGitt(doc)).toThrowError(/no complete GITT pulse/);
    expect(() => analyzeDcir(doc)).toThrowError(AnalysisError);
    // The cycling analysis sees the discharge and charge; its capacities equal the charge EC-Lab counted.
    const cycling = analyzeCycling(doc);
    const cols = doc.measurements[0]!.columns;
    const q = cols.find((c) => c.name === 'net_capacity_ah')!.values as Float64Array;
    let min = Infinity;
    for (const x of q) if (x < min) min = x;
    const last = q[q.length - 1]!;
    let discharge = 0;
    let charge = 0;
    for (let i = 0; i < cycling.cycles.length; i++) {
      // A cycle without a charge (or discharge) half reports NaN for it.
      discharge += cycling.cycles.dischargeCapacityAh[i]! || 0;
      charge += cycling.cycles.chargeCapacityAh[i]! || 0;
    }
    expect(discharge).toBeCloseTo(-min, 9);
    expect(charge).toBeCloseTo(last - min, 9);
  });
});
