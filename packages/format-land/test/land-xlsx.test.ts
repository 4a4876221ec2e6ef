import * as XLSX from 'xlsx';
import { describe, expect, it, vi } from 'vitest';
import { describeCorpus, manifest, readCorpus } from '../../../test/helpers/corpus.js';
import { landXlsxPlugin } from '../src/index.js';
import { catchEchemkit, fuzz, run, values } from './helpers.js';
import { readValidLand } from './read-valid.js';

// Synthetic LANDdt workbooks (sheet and column names as LANDdt writes them per public readers:
// Record-Tab / Step-Tab / Cycle-Tab; StepStatus, TestTime/Sec, Voltage/V, Current/mA …).
const HEADER = ['Index', 'StepNo', 'StepStatus', 'TestTime/Sec', 'StepTime/Sec', 'Voltage/V', 'Current/mA', 'Capacity/mAh', 'Energy/mWh', 'SysTime', 'AuxVolt/V'];
const DAY = 86400;
const serial = (y: number, mo: number, d: number, h: number, mi: number, s: number) => (Date.UTC(y, mo - 1, d, h, mi, s) - Date.UTC(1899, 11, 30)) / 86400000;

function recordSheet(rows: (string | number)[][], timesAsClock: boolean): XLSX.WorkSheet {
  const ws = XLSX.utils.aoa_to_sheet([HEADER, ...rows]);
  for (let r = 1; r <= rows.length; r++) {
    for (const c of [3, 4]) {
      const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject;
      if (timesAsClock) {
        cell.v = (cell.v as number) / DAY;
        cell.z = '[h]:mm:ss';
      }
    }
    const st = ws[XLSX.utils.encode_cell({ r, c: 9 })] as XLSX.CellObject;
    if (typeof st.v === 'number') st.z = 'yyyy-mm-dd hh:mm:ss';
  }
  return ws;
}

function landWorkbook(bookType: 'xlsx' | 'biff8', timesAsClock = true): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, recordSheet([
    [1, 1, 'Rest', 0, 0, 3.0512, 0, 0, 0, serial(2023, 5, 6, 7, 8, 9), 0.01],
    [2, 1, 'Rest', 30, 30, 3.0515, 0, 0, 0, serial(2023, 5, 6, 7, 8, 39), 0.01],
    [3, 2, 'CCC', 60, 0, 3.4117, 0.25, 0, 0, serial(2023, 5, 6, 7, 9, 9), 0.02],
  ], timesAsClock), 'Record-Tab');
  XLSX.utils.book_append_sheet(wb, recordSheet([
    [4, 2, 'CCC', 3660, 3600, 3.9851, 0.25, 0.25, 0.9221, '2023-05-06 08:09:09', 0.02],
    [5, 3, 'CCD', 3690, 30, 3.8011, -0.25, 0.0021, 0.0079, '2023-05-06 08:09:39', 0.02],
  ], timesAsClock), 'Record-Tab1');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Step', 'Mode', 'Period/Sec', 'Capacity/mAh', 'StartVolt/V', 'EndVolt/V'], [1, 'Rest', 60, 0, 3.0512, 3.0515], [2, 'CCC', 3600, 0.25, 3.4117, 3.9851]]), 'Step-Tab');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Cycle', 'CapC/mAh', 'CapD/mAh', 'Effi/%'], [1, 0.25, 0.24, 96]]), 'Cycle-Tab');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType, compression: true }) as ArrayBuffer);
}

describe('land.xlsx', () => {
  for (const bookType of ['xlsx', 'biff8'] as const) {
    it(`reads a split ${bookType} export: Record sheets concatenated, times from [h]:mm:ss cells, step/cycle tables kept`, async () => {
      const bytes = landWorkbook(bookType);
      expect(landXlsxPlugin.sniff(bytes.subarray(0, 65536))).toBe(0.9);
      const r = run(landXlsxPlugin, bytes);
      const m = r.measurements[0]!;
      expect(values(r, 'record_index')).toEqual([1, 2, 3, 4, 5]);
      expect(values(r, 'step_id')).toEqual(['1', '1', '2', '2', '3']);
      expect(values(r, 'step_type')).toEqual(['Rest', 'Rest', 'CCC', 'CCC', 'CCD']);
      expect(values(r, 'test_time_second')).toEqual([0, 30, 60, 3660, 3690]);
      expect(values(r, 'step_time_second')).toEqual([0, 30, 0, 3600, 30]);
      expect(values(r, 'current_ampere')).toEqual([0, 0, 0.00025, 0.00025, -0.00025]);
      expect(values(r, 'step_cumulative_capacity_ah')).toEqual([0, 0, 0, 0.00025, 0.0000021]);
      expect(values(r, 'step_cumulative_energy_wh')).toEqual([0, 0, 0, 0.0009221, 0.0000079]);
      expect(values(r, 'auxiliary_voltage_volt')).toEqual([0.01, 0.01, 0.02, 0.02, 0.02]);
      expect(values(r, 'SysTime')).toEqual(['2023-05-06 07:08:09', '2023-05-06 07:08:39', '2023-05-06 07:09:09', '2023-05-06 08:09:09', '2023-05-06 08:09:39']);
      expect(m.startTime).toEqual({ value: '2023-05-06T07:08:09.000', zone: 'assumed-local', raw: '2023-05-06 07:08:09' });
      expect(m.metadata?.['recordSheets']).toEqual({ 'Record-Tab': 3, 'Record-Tab1': 2 });
      expect(m.tables?.map((t) => t.name)).toEqual(['Step-Tab', 'Cycle-Tab']);
      const step = m.tables![0]!;
      expect(step.columns.map((c) => [c.name, c.unit, c.quantity])).toEqual([['Step', null, null], ['Mode', null, null], ['Period/Sec', 'Sec', null], ['Capacity/mAh', 'mAh', null], ['StartVolt/V', 'V', null], ['EndVolt/V', 'V', null]]);
      expect(Array.from(step.columns[3]!.values as Float64Array)).toEqual([0, 0.25]);
      expect(m.tables![1]!.columns.find((c) => c.name === 'Effi/%')!.values).toEqual(new Float64Array([96]));
      expect(r.infos.map((i) => i.ruleId)).toContain('sheets-concatenated');
      expect(r.warnings).toEqual([]);
      const doc = await readValidLand(bytes, bookType === 'xlsx' ? 'cell.xlsx' : 'cell.xls');
      expect(doc.source.format).toBe('land.xlsx');
    });
  }

  it('reads a Chinese workbook (记录 sheets, Chinese headers, d-hh:mm:ss text times)', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([
      ['序号', '循环', '工步', '状态', '测试时间', '电压/V', '电流/mA', '容量/mAh', '能量/mWh', '系统时间'],
      [1, 1, 1, '恒流充电', '0-00:00:00', 3.2, 0.5, 0, 0, '2024-02-03 04:05:06'],
      [2, 1, 1, '恒流充电', '1-00:00:10', 3.9, 0.5, 12.0014, 45.1, '2024-02-04 04:05:16'],
    ]), '记录表');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['循环', '充电容量/mAh'], [1, 12.0014]]), '循环表');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    expect(landXlsxPlugin.sniff(bytes.subarray(0, 65536))).toBe(0.9);
    const r = run(landXlsxPlugin, bytes);
    expect(values(r, 'cycle_count')).toEqual([1, 1]);
    expect(values(r, 'step_id')).toEqual(['1', '1']);
    expect(values(r, 'step_type')).toEqual(['恒流充电', '恒流充电']);
    expect(values(r, 'test_time_second')).toEqual([0, 86410]);
    expect(values(r, 'step_cumulative_capacity_ah')).toEqual([0, 0.0120014]);
    expect(values(r, 'step_cumulative_energy_wh')).toEqual([0, 0.0451]);
    expect(r.measurements[0]!.startTime?.value).toBe('2024-02-03T04:05:06.000');
    expect(r.measurements[0]!.tables!.map((t) => t.name)).toEqual(['循环表']);
  });

  it('reads time columns written as plain seconds', () => {
    const r = run(landXlsxPlugin, landWorkbook('xlsx', false));
    expect(values(r, 'test_time_second')).toEqual([0, 30, 60, 3660, 3690]);
  });

  it('bad input: a workbook without Record sheets, a Record sheet of another vendor, broken bytes', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['a', 'b'], [1, 2]]), 'Sheet1');
    const plain = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    expect(landXlsxPlugin.sniff(plain)).toBe(0);
    const e = catchEchemkit(() => run(landXlsxPlugin, plain));
    expect(e.message).toMatch(/^land\.xlsx: no `Record…` worksheet/);
    expect(e.message).toContain('Sheet1');

    const nw = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(nw, XLSX.utils.aoa_to_sheet([['x']]), 'Info');
    XLSX.utils.book_append_sheet(nw, XLSX.utils.aoa_to_sheet([['Record ID', 'Time', 'Voltage(V)', 'Current(mA)'], [1, 0, 3, 1]]), 'Record');
    const nwBytes = new Uint8Array(XLSX.write(nw, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    expect(landXlsxPlugin.sniff(nwBytes)).toBe(0);

    const foreign = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(foreign, XLSX.utils.aoa_to_sheet([['a', 'b'], [1, 2]]), 'Record');
    expect(catchEchemkit(() => run(landXlsxPlugin, new Uint8Array(XLSX.write(foreign, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer))).message).toContain('no LANDdt voltage and current columns');

    expect(catchEchemkit(() => run(landXlsxPlugin, new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]))).code).toBe('ECHEM_TRUNCATED') // a cut zip: verifyZip finds no central directory;
  });

  it('survives bit flips and cuts with EchemkitErrors only', () => {
    // SheetJS reports recoverable zip damage on console.error; keep the test output readable.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      fuzz(landXlsxPlugin, landWorkbook('xlsx'), 60, 3);
      fuzz(landXlsxPlugin, landWorkbook('biff8'), 60, 4);
    } finally {
      quiet.mockRestore();
    }
  });
});

describeCorpus('land.xlsx against the corpus', () => {
  it('claims no corpus workbook', () => {
    for (const e of manifest().filter((x) => /\.(xlsx|xls)$/i.test(x.file))) {
      expect(landXlsxPlugin.sniff(readCorpus(e.file).subarray(0, 65536)), e.file).toBe(0);
    }
  });
});
