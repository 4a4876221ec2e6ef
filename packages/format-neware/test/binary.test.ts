/** .nda and .ndax: metadata, time zones, step table, cycle numbering, detection. */
import { numericValues, SNIFF_BYTES, validateDocument } from '@echemkit/core';
import { expect, it } from 'vitest';
import { describeCorpus, manifest, readCorpus } from '../../../test/helpers/corpus.js';
import { btsdaCycleNumbers, plugins, sniffNda, sniffNdax, sniffBtsdaCsv, sniffBtsdaXlsx } from '../src/index.js';
import { col, nums, read } from './helpers.js';

it('renumbers cycles like BTSDA (charge after discharge starts a cycle)', () => {
  // Rest, CC_Chg, CC_DChg, Rest, CC_Chg, CV_Chg, CC_DChg, CC_Chg
  expect(Array.from(btsdaCycleNumbers(Uint8Array.from([4, 1, 2, 4, 1, 3, 2, 1])))).toEqual([1, 1, 1, 1, 2, 2, 2, 3]);
  expect(Array.from(btsdaCycleNumbers(Uint8Array.from([2, 1, 2, 1]), 'dchg'))).toEqual([1, 1, 2, 2]);
  expect(Array.from(btsdaCycleNumbers(Uint8Array.from([4, 2, 1, 2]), 'auto'))).toEqual([1, 1, 1, 2]);
});

describeCorpus('NEWARE binary files', () => {
  it('every corpus .nda and .ndax is recognised by content and parses', async () => {
    const files = manifest().filter((e) => e.format === 'neware-nda' || e.format === 'neware-ndax');
    expect(files.length).toBe(10);
    for (const e of files) {
      const b = readCorpus(e.file);
      const head = b.subarray(0, SNIFF_BYTES);
      expect(e.format === 'neware-nda' ? sniffNda(head) : sniffNdax(head), e.file).toBe(1);
      expect(sniffBtsdaCsv(head)).toBe(0);
      expect(sniffBtsdaXlsx(head)).toBe(0);
      const doc = await read(b, e.file.split('/').pop()!);
      expect(doc.source.format).toBe(e.format === 'neware-nda' ? 'neware.nda' : 'neware.ndax');
      expect(doc.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const v0 = validateDocument(doc);
      expect(v0.problems.filter((p) => p.severity === 'error'), e.file).toEqual([]);
      const v = nums(doc, 'voltage_volt');
      expect(v.length).toBeGreaterThan(80);
      expect(v.every((x) => Number.isFinite(x))).toBe(true);
      const t = nums(doc, 'test_time_second');
      for (let i = 1; i < t.length; i++) if (!(t[i]! >= t[i - 1]!)) throw new Error(`${e.file}: test time decreases at ${i}`);
    }
  });

  it('nda v29: local wall-clock start, active mass from the header, range column', async () => {
    const doc = await read(readCorpus('neware-nda/new_nda_file.nda'), 'new_nda_file.nda');
    const m = doc.measurements[0]!;
    expect(doc.source.formatVersion).toBe('29');
    expect(m.startTime).toEqual({ value: '2020-03-25T11:16:50.000', zone: 'assumed-local', raw: '2020-03-25 11:16:50' });
    expect(doc.sample?.activeMassGram).toBe(0.001);
    expect(m.settings.server).toBe('BTSServer(R3)-7.6.0.301 (2018.07.30)');
    expect((col(doc, 'Date').values as string[])[0]).toBe('2020-03-25 11:16:50');
    expect(Array.from(numericValues(col(doc, 'Range')).subarray(0, 3))).toEqual([5, 5, 5]);
    // Row 3: raw current −294 × 1e-4 mA = −0.0294 mA.
    expect(nums(doc, 'current_ampere')[2]).toBe(-0.0000294);
    expect(col(doc, 'test_time_second').derived).toBe(true);
    expect(col(doc, 'step_time_second').derived).toBe(false);
  });

  it('nda v130 BTS 9.1: UTC start, signed per-step capacity, temperature', async () => {
    const doc = await read(readCorpus('neware-nda/TestFile.nda'), 'TestFile.nda');
    const m = doc.measurements[0]!;
    expect(doc.source.formatVersion).toBe('130 (BTS 9.1)');
    expect(m.startTime).toEqual({ value: '2024-05-27T08:02:53.970Z', zone: 'stated', raw: '1716796973.97' });
    expect(m.settings.btsVersion).toBe('9.1.5.7.20240403.R5');
    const q = nums(doc, 'step_net_capacity_ah');
    expect(Math.min(...q)).toBeLessThan(-3.7); // 3.79 Ah discharged in step 2
    expect(nums(doc, 'temperature_t1_celsius')[0]).toBeCloseTo(23.0314, 4);
  });

  it('nda v130 BTS 9.0: discharge capacities as magnitudes, no cycle number', async () => {
    const doc = await read(readCorpus('neware-nda/2-1-6_61[07005012].nda'), '2-1-6_61[07005012].nda');
    expect(doc.source.formatVersion).toBe('130 (BTS 9.0)');
    expect(doc.measurements[0]!.columns.some((c) => c.name === 'cycle_count')).toBe(false);
    expect(nums(doc, 'step_discharging_capacity_ah')[0]).toBeCloseTo(0.0384 / 1000, 7);
    expect(doc.diagnostics.some((d) => d.ruleId === 'no-cycle-number')).toBe(true);
  });

  it('ndax: TestInfo metadata (GB2312), UTC start with the local offset, barcode, aux channels by ChlType', async () => {
    const doc = await read(readCorpus('neware-ndax/20260302_IFE_BTS85_2_9_8_1.ndax'), 'ifE.ndax');
    const m = doc.measurements[0]!;
    expect(doc.source.formatVersion).toBe('ndc 17');
    expect(m.startTime?.value).toBe('2026-02-27T10:17:33.977Z');
    expect(m.startTime?.zone).toBe('stated');
    expect(m.settings.testInfoStartTime).toBe('2026-02-27 11:17:33');
    expect(m.settings.utcOffsetMinutes).toBe(60);
    expect(doc.source.software?.version).toBe('BTSServer(R3)-8.0.4.546 (2025.11.24)');
    expect(doc.source.channel).toBe('2-0-72');
    const xml = m.metadata!.xml as Record<string, Record<string, unknown>>;
    expect((xml.TestInfo!.TestInfo as Record<string, unknown>).StepName).toBe('LNMO-C_Formation_1Ah feb 2026.xml');
    expect((xml.Step!.Step_Info as Record<string, unknown>).Num).toBe('16');
    // ChlType 103 (temperature) is the member data_AUX_144_3_1, ChlType 102 (voltage) data_AUX_144_2_1.
    expect(col(doc, 'temperature_t1_celsius').description).toMatch(/data_AUX_144_3_1.*ChlType 103/);
    expect(nums(doc, 'temperature_t1_celsius')[0]).toBeCloseTo(25.634, 3);
    expect(col(doc, 'auxiliary_voltage_volt').description).toMatch(/ChlType 102/);
  });

  it('ndax: the step table agrees with the records (first Index, cycle, step, end capacity stored)', async () => {
    for (const f of ['test_2.ndax', 'TESTCELL0001-B2-2025-M50T_NewareNDA_Investigation.ndax', '20260302_IFE_BTS85_2_9_8_1.ndax', '46_1_5_60_ZZZZZZZZTEST_20250924092922.ndax']) {
      const doc = await read(readCorpus(`neware-ndax/${f}`), f);
      const m = doc.measurements[0]!;
      const steps = m.tables!.find((t) => t.name === 'steps')!;
      const tcol = (n: string) => numericValues(steps.columns.find((c) => c.name === n)!);
      const first = tcol('First Index');
      const tCycle = tcol('cycle_count');
      const tStart = tcol('Start Time');
      const idx = nums(doc, 'record_index');
      const sc = nums(doc, 'step_count');
      const cyc = nums(doc, 'cycle_count');
      const stepTime = nums(doc, 'step_time_second');
      const stored = m.columns.find((c) => c.name === 'runInfo');
      const chg = nums(doc, 'step_charging_capacity_ah');
      const dchg = nums(doc, 'step_discharging_capacity_ah');
      expect(first.length, f).toBeGreaterThan(0);
      let k = 0;
      for (let i = 0; i < idx.length; i++) {
        if (i === 0 || sc[i] !== sc[i - 1]) {
          expect(idx[i], `${f} step ${sc[i]}`).toBe(first[k]);
          expect(cyc[i]).toBe(tCycle[k]);
          if (i > 0) {
            // The previous step's last record is stored (not filled) and the new step starts at its end time or within one record interval.
            if (stored) expect((stored.values as Uint8Array | Float64Array)[i - 1], `${f} row ${i - 1}`).toBe(1);
            expect(Number.isFinite(chg[i - 1]!) && Number.isFinite(dchg[i - 1]!)).toBe(true);
            const gap = tStart[k]! - (tStart[k - 1]! + stepTime[i - 1]!);
            expect(gap).toBeGreaterThanOrEqual(-1e-6);
            expect(gap).toBeLessThanOrEqual(1.0001);
          }
          k++;
        }
      }
      expect(k).toBe(first.length);
    }
  });

  it('registers four plugins with distinct ids', () => {
    expect(plugins.map((p) => p.id)).toEqual(['neware.nda', 'neware.ndax', 'neware.csv', 'neware.xlsx']);
  });
});

describeCorpus('NEWARE sniffers on the whole corpus', () => {
  it('claim exactly the NEWARE files (no other vendor file is recognised)', () => {
    const claimed: string[] = [];
    for (const e of manifest()) {
      const head = readCorpus(e.file).subarray(0, SNIFF_BYTES);
      const scores = plugins.map((p) => p.sniff(head));
      if (scores.some((s) => s > 0)) claimed.push(e.file);
    }
    const neware = manifest().filter((e) => e.format.startsWith('neware-')).map((e) => e.file);
    expect(claimed.sort()).toEqual(neware.sort());
  });
});
