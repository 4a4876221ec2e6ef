/**
 * Cross-check with NewareNDA (independent reader): every corpus .nda/.ndax against the golden
 * samples and column sums dumped by bench/neware.newarenda-dump.py (numbers only). The full
 * all-rows comparison is bench/neware.compare.ts; its figures are in the README.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeCorpus, readCorpus } from '../../../test/helpers/corpus.js';
import { compareRows } from './reference.js';
import { nums, read } from './helpers.js';

const goldenDir = join(import.meta.dirname, 'golden');
const goldens = readdirSync(goldenDir).filter((f) => f.endsWith('.json'));

interface Golden {
  file: string;
  rows: number;
  columns: string[];
  rowNumbers: number[];
  sample: (number | string | null)[][];
  sums: Record<string, number>;
}

describeCorpus('NEWARE readers agree with NewareNDA', () => {
  it('has a golden file for every corpus .nda and .ndax', () => {
    expect(goldens.length).toBe(10);
  });
  for (const g of goldens) {
    const golden = JSON.parse(readFileSync(join(goldenDir, g), 'utf8')) as Golden;
    const dir = golden.file.endsWith('.ndax') ? 'neware-ndax' : 'neware-nda';
    it(`${golden.file}: sampled rows agree column by column`, async () => {
      const doc = await read(readCorpus(`${dir}/${golden.file}`), golden.file);
      expect(doc.measurements[0]!.columns[0]!.values.length).toBe(golden.rows);
      const rep = compareRows(doc, golden.file, golden.columns, golden.sample, golden.rowNumbers);
      for (const name of ['Index', 'Step', 'Step_Index', 'Status', 'Time', 'Voltage', 'Current(mA)']) {
        expect(rep[name], name).toBeDefined();
        expect(rep[name]!.compared, name).toBeGreaterThan(0);
        expect(rep[name]!.mismatches, `${name}: ${JSON.stringify(rep[name]!.first)}`).toBe(0);
      }
      for (const [name, r] of Object.entries(rep)) expect(r.mismatches, `${name}: ${JSON.stringify(r.first)}`).toBe(0);
      // Capacities are compared on the rows the file stores (others are missing, not invented).
      expect(rep['Charge_Capacity(mAh)']!.compared).toBeGreaterThan(0);
    });
    it(`${golden.file}: column sums over all rows agree (capacities filled like NewareNDA)`, async () => {
      const doc = await read(readCorpus(`${dir}/${golden.file}`), golden.file, { 'neware.ndax': { fillCapacity: true } });
      const sum = (a: Float64Array, f = 1) => a.reduce((s, x) => s + x * f, 0);
      const rel = (a: number, b: number, tol: number) => expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));
      rel(sum(nums(doc, 'record_index')), golden.sums.Index!, 1e-12);
      rel(sum(nums(doc, 'voltage_volt')), golden.sums.Voltage!, 1e-6);
      rel(sum(nums(doc, 'current_ampere'), 1000), golden.sums['Current(mA)']!, 1e-6);
      rel(sum(nums(doc, 'step_count')), golden.sums.Step!, 1e-12);
      rel(sum(nums(doc, 'Cycle (BTSDA)')), golden.sums.Cycle_BTSDA!, 1e-12);
      const hasCap = doc.measurements[0]!.columns.some((c) => c.name === 'step_charging_capacity_ah');
      if (hasCap) {
        const sign = doc.source.formatVersion?.includes('9.0') ? -1 : 1;
        rel(sum(nums(doc, 'step_charging_capacity_ah'), 1000), golden.sums['Charge_Capacity(mAh)']!, 1e-5);
        rel(sum(nums(doc, 'step_discharging_capacity_ah'), 1000 * sign), golden.sums['Discharge_Capacity(mAh)']!, 1e-5);
        rel(sum(nums(doc, 'step_charging_energy_wh'), 1000), golden.sums['Charge_Energy(mWh)']!, 1e-5);
        rel(sum(nums(doc, 'step_discharging_energy_wh'), 1000 * sign), golden.sums['Discharge_Energy(mWh)']!, 1e-5);
      }
    });
  }
});
