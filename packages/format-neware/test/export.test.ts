/** BTSDA CSV and Excel exports. */
import { numericValues, SNIFF_BYTES, validateDocument } from '@echemkit/core';
import { expect, it } from 'vitest';
import { utils, write } from 'xlsx';
import { describeCorpus, readCorpus } from '../../../test/helpers/corpus.js';
import { sniffBtsdaCsv, sniffBtsdaXlsx } from '../src/index.js';
import { parseDuration } from '../src/export/headers.js';
import { col, nums, read } from './helpers.js';

it('parses BTSDA durations', () => {
  expect(parseDuration('00:02:51')).toBe(171);
  expect(parseDuration('123:00:01.5')).toBe(442801.5);
  expect(parseDuration('1-02:00:00')).toBe(93600);
  expect(parseDuration('x')).toBeNaN();
});

/** A small BTSDA-like workbook: an info sheet and a record sheet with Chinese headers and mA units. */
function workbook(): Uint8Array {
  const wb = utils.book_new();
  utils.book_append_sheet(wb, utils.aoa_to_sheet([['通道', '1-2-3'], ['条码', 'CELL-7']]), 'test');
  utils.book_append_sheet(
    wb,
    utils.aoa_to_sheet([
      ['数据序号', '循环序号', '工步号', '工步类型', '时间', '总时间', '电流(mA)', '电压(V)', '容量(mAh)', '能量(mWh)', '绝对时间', 'T1(℃)'],
      [1, 1, 1, '搁置', '00:00:00', '00:00:00', 0, 3.1, 0, 0, '2024-01-02 03:04:05', 25.1],
      [2, 1, 2, '恒流充电', '00:00:00', '00:00:10', 100, 3.5, 0, 0, '2024-01-02 03:04:15', 25.2],
      [3, 1, 2, '恒流充电', '00:00:10', '00:00:20', 100, 3.6, 0.2778, 1.0, '2024-01-02 03:04:25', 25.3],
    ]),
    'record',
  );
  return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

it('reads a BTSDA-style .xlsx (Chinese headers, mA units) and sniffs it by content', async () => {
  const b = workbook();
  expect(sniffBtsdaXlsx(b.subarray(0, SNIFF_BYTES))).toBe(0.9);
  const doc = await read(b, 'export.xlsx');
  expect(doc.source.format).toBe('neware.xlsx');
  expect(validateDocument(doc).problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(Array.from(nums(doc, 'current_ampere'))).toEqual([0, 0.1, 0.1]);
  expect(Array.from(nums(doc, 'step_cumulative_capacity_ah'))).toEqual([0, 0, 0.0002778]);
  expect(Array.from(nums(doc, 'test_time_second'))).toEqual([0, 10, 20]);
  expect(col(doc, 'step_type').values).toEqual(['REST', 'CC_CHG', 'CC_CHG']);
  expect(col(doc, 'step_id').values).toEqual(['1', '2', '2']);
  expect(Array.from(nums(doc, 'temperature_t1_celsius'))).toEqual([25.1, 25.2, 25.3]);
  expect(doc.measurements[0]!.startTime).toEqual({ value: '2024-01-02T03:04:05.000', zone: 'assumed-local', raw: '2024-01-02 03:04:05' });
  expect(doc.measurements[0]!.metadata!.test).toEqual([['通道', '1-2-3'], ['条码', 'CELL-7']]);
});

it('reads a flat CSV export with Chinese headers (UTF-8) and a tab-separated English one', async () => {
  const zh = '数据序号,循环序号,工步号,工步类型,时间,总时间,电流(mA),电压(V),充电容量(mAh),放电容量(mAh),绝对时间\n1,1,1,搁置,0:00:00,0:00:00,0,3.2,0,0,2024-05-06 07:08:09\n2,1,2,恒流放电,0:00:05,0:00:05,-250,3.1,0,0.347,2024-05-06 07:08:14\n';
  const doc = await read(new TextEncoder().encode(zh), 'zh.csv');
  expect(doc.source.format).toBe('neware.csv');
  expect(Array.from(nums(doc, 'current_ampere'))).toEqual([0, -0.25]);
  expect(Array.from(nums(doc, 'step_discharging_capacity_ah'))).toEqual([0, 0.000347]);
  expect(col(doc, 'step_type').values).toEqual(['REST', 'CC_DCH']);
  const en = 'DataPoint\tCycle Index\tStep Type\tTime\tTotal Time\tCurrent(A)\tVoltage(V)\tT1(?)\n1\t1\tCCCV Chg\t00:00:01.5\t00:00:01.5\t0.5\t4.1\t25.5\n';
  const d2 = await read(new TextEncoder().encode(en), 'en.txt');
  expect(d2.source.format).toBe('neware.csv');
  expect(col(d2, 'step_type').values).toEqual(['CCCV_CHG']);
  expect(Array.from(nums(d2, 'step_time_second'))).toEqual([1.5]);
  expect(Array.from(nums(d2, 'temperature_t1_celsius'))).toEqual([25.5]);
});

describeCorpus('BTSDA exports in the corpus', () => {
  it('does not claim the Arbin or PalmSens .xlsx exports', () => {
    for (const f of ['arbin/bs542_004_gr_li_50ua_50mv_1v_191020_Channel_11.xlsx', 'other/p-Cl-Ph-CO2Me_MeCN.xlsx']) {
      const head = readCorpus(f).subarray(0, SNIFF_BYTES);
      expect(sniffBtsdaXlsx(head), f).toBe(0);
      expect(sniffBtsdaCsv(head), f).toBe(0);
    }
  });

  it('refuses a workbook without a BTSDA record sheet with a clear error', async () => {
    await expect(read(readCorpus('arbin/bs542_004_gr_li_50ua_50mv_1v_191020_Channel_11.xlsx'), 'a.xlsx', {}, 'neware.xlsx')).rejects.toThrow(/no BTSDA record sheet/);
  });

  it('reads the nested three-level CSV: records, steps and cycles', async () => {
    const b = readCorpus('neware-export/nw_regular_export_ife_example.csv');
    expect(sniffBtsdaCsv(b.subarray(0, SNIFF_BYTES))).toBe(0.9);
    const doc = await read(b, 'nw_regular_export_ife_example.csv');
    expect(doc.source.format).toBe('neware.csv');
    expect(validateDocument(doc).problems.filter((p) => p.severity === 'error')).toEqual([]);
    const m = doc.measurements[0]!;
    const n = nums(doc, 'record_index').length;
    expect(n).toBe(9295);
    // Row 13 of the file: ",,13,00:00:30,00:00:50,0.47417,4.4530,0.003952875,0.01751,2026-03-06 12:38:15,2.11148,…"
    const i = Array.from(nums(doc, 'record_index')).indexOf(13);
    expect(nums(doc, 'step_time_second')[i]).toBe(30);
    expect(nums(doc, 'test_time_second')[i]).toBe(50);
    expect(nums(doc, 'current_ampere')[i]).toBe(0.47417);
    expect(nums(doc, 'voltage_volt')[i]).toBe(4.453);
    expect(nums(doc, 'step_cumulative_capacity_ah')[i]).toBe(0.003952875);
    expect(nums(doc, 'power_watt')[i]).toBe(2.11148);
    expect(col(doc, 'step_type').values[i]).toBe('CC_CHG');
    expect(nums(doc, 'cycle_count')[i]).toBe(1);
    expect(col(doc, 'CPU(?)').unit).toBe('degC');
    // The step rows' capacity equals the last record's capacity of each step (internal consistency).
    const steps = m.tables!.find((t) => t.name === 'steps')!;
    const stepCap = numericValues(steps.columns.find((c) => c.name === 'step_cumulative_capacity_ah')!);
    const stepNo = numericValues(steps.columns.find((c) => c.name === 'step_count')!);
    const recStep = nums(doc, 'step_count');
    const recCap = nums(doc, 'step_cumulative_capacity_ah');
    const lastCap = new Map<number, number>();
    for (let r = 0; r < recStep.length; r++) lastCap.set(recStep[r]!, recCap[r]!);
    let checked = 0;
    for (let k = 0; k < stepNo.length; k++) {
      const last = lastCap.get(stepNo[k]!);
      if (last === undefined) continue;
      expect(Math.abs(last - stepCap[k]!), `step ${stepNo[k]}`).toBeLessThanOrEqual(6e-6);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
    const cycles = m.tables!.find((t) => t.name === 'cycles')!;
    expect(numericValues(cycles.columns.find((c) => c.name === 'cycle_discharging_capacity_ah')!)[0]).toBe(0.33067);
  });
});
