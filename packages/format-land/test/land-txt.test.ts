import { readValidLand } from './read-valid.js';
import { describe, expect, it } from 'vitest';
import { landTextPlugin } from '../src/index.js';
import { catchEchemkit, encodeGbk, fuzz, run, values } from './helpers.js';

// Synthetic LANDdt text exports: headers as public LANDdt readers use them (Index, TestTime/Sec.,
// StepTime/Sec., Voltage/V, Current/mA, Capacity/mAh, SCapacity/mAh/g, Energy/mWh, SEnergy/Wh/kg, SysTime, State).
const EN_HEADER = ['Index', 'TestTime/Sec.', 'StepTime/Sec.', 'Voltage/V', 'Current/mA', 'Capacity/mAh', 'SCapacity/mAh/g', 'Energy/mWh', 'SEnergy/Wh/kg', 'SysTime', 'State'];
const EN_ROWS = [
  ['1', '0', '0', '3.0512', '0.0000', '0.0000', '0.000', '0.0000', '0.000', '2021-03-04 10:20:30', 'R'],
  ['2', '60', '60', '3.0520', '0.0000', '0.0000', '0.000', '0.0000', '0.000', '2021-03-04 10:21:30', 'R'],
  ['3', '120', '0', '3.4117', '0.2500', '0.0001', '0.070', '0.0003', '0.095', '2021-03-04 10:22:30', 'CCC'],
  ['4', '3720', '3600', '3.9851', '0.2500', '0.2500', '178.571', '0.9221', '658.643', '2021-03-04 11:22:30', 'CCC'],
  ['5', '3780', '0', '3.8011', '-0.2500', '0.0001', '0.070', '0.0004', '0.286', '2021-03-04 11:23:30', 'CCD'],
];

const tsv = (header: string[], rows: string[][], eol = '\r\n') => [header.join('\t'), ...rows.map((r) => r.join('\t'))].join(eol) + eol;

describe('land.txt', () => {
  it('reads an English tab-separated export: units converted decimal-exactly, local start time, vendor columns kept', async () => {
    const bytes = new TextEncoder().encode(tsv(EN_HEADER, EN_ROWS));
    expect(landTextPlugin.sniff(bytes)).toBe(0.8);
    const r = run(landTextPlugin, bytes);
    const m = r.measurements[0]!;
    expect(m.columns.map((c) => c.name)).toEqual(['record_index', 'test_time_second', 'step_time_second', 'voltage_volt', 'current_ampere', 'step_cumulative_capacity_ah', 'SCapacity/mAh/g', 'step_cumulative_energy_wh', 'SEnergy/Wh/kg', 'SysTime', 'step_type']);
    expect(values(r, 'record_index')).toEqual([1, 2, 3, 4, 5]);
    expect(values(r, 'test_time_second')).toEqual([0, 60, 120, 3720, 3780]);
    expect(values(r, 'current_ampere')).toEqual([0, 0, 0.00025, 0.00025, -0.00025]);
    expect(values(r, 'step_cumulative_capacity_ah')).toEqual([0, 0, 1e-7, 0.00025, 1e-7]);
    expect(values(r, 'step_cumulative_energy_wh')).toEqual([0, 0, 3e-7, 0.0009221, 4e-7]);
    expect(values(r, 'voltage_volt')).toEqual([3.0512, 3.052, 3.4117, 3.9851, 3.8011]);
    expect(values(r, 'SCapacity/mAh/g')).toEqual([0, 0, 0.07, 178.571, 0.07]);
    expect(values(r, 'step_type')).toEqual(['R', 'R', 'CCC', 'CCC', 'CCD']);
    const cur = m.columns.find((c) => c.name === 'current_ampere')!;
    expect([cur.sourceName, cur.sourceUnit, cur.unit, cur.derived]).toEqual(['Current/mA', 'mA', 'A', false]);
    const sc = m.columns.find((c) => c.name === 'SCapacity/mAh/g')!;
    expect([sc.quantity, sc.unit, sc.sourceName]).toEqual([null, 'mAh/g', 'SCapacity/mAh/g']);
    expect(m.startTime).toEqual({ value: '2021-03-04T10:20:30.000', zone: 'assumed-local', raw: '2021-03-04 10:20:30' });
    expect(r.warnings).toEqual([]);
    const doc = await readValidLand(bytes, 'cell.txt');
    expect(doc.source.format).toBe('land.txt');
  });

  it('reads a Chinese GBK export with h:mm:ss and d-hh:mm:ss times and µAh/µWh units', () => {
    const header = ['序号', '测试时间', '步骤时间', '电压/V', '电流/mA', '容量/uAh', '能量/uWh', '系统时间', '状态'];
    const rows = [
      ['1', '0:00:00', '0:00:00', '3.1000', '0.100', '0.000', '0.000', '2022-01-02 03:04:05', '恒流充电'],
      ['2', '1:00:00.5', '1:00:00.5', '3.5000', '0.100', '100.014', '350.049', '2022-01-02 04:04:05', '恒流充电'],
      ['3', '1-02:03:04', '0:00:10', '3.4000', '-0.100', '0.278', '0.945', '2022-01-03 05:07:09', '恒流放电'],
    ];
    const bytes = encodeGbk(tsv(header, rows));
    expect(landTextPlugin.sniff(bytes.subarray(0, 65536))).toBe(0.8);
    const r = run(landTextPlugin, bytes);
    expect(values(r, 'test_time_second')).toEqual([0, 3600.5, 93784]);
    expect(values(r, 'step_time_second')).toEqual([0, 3600.5, 10]);
    expect(values(r, 'step_cumulative_capacity_ah')).toEqual([0, 0.000100014, 2.78e-7]);
    expect(values(r, 'step_cumulative_energy_wh')).toEqual([0, 0.000350049, 9.45e-7]);
    expect(values(r, 'step_type')).toEqual(['恒流充电', '恒流充电', '恒流放电']);
    expect(values(r, '系统时间')).toEqual(['2022-01-02 03:04:05', '2022-01-02 04:04:05', '2022-01-03 05:07:09']);
    const tt = r.measurements[0]!.columns.find((c) => c.name === 'test_time_second')!;
    expect([tt.sourceName, tt.sourceUnit]).toEqual(['测试时间', 'h:mm:ss']);
    expect(r.measurements[0]!.metadata?.['encoding']).toBe('gb18030');
  });

  it('reads a comma-separated .csv with a title line, parenthesised units on other columns and a repeated header', () => {
    const text = ['LAND test export', 'Record,TestTime/Sec,Voltage/V,Current/uA,Cycle-Index,Step-Index,Temperature(℃)', '1,0,3.2,50,1,1,25.1', '2,10,3.25,50,1,1,25.2', 'Record,TestTime/Sec,Voltage/V,Current/uA,Cycle-Index,Step-Index,Temperature(℃)', '3,20,3.3,-50,1,2,25.3', ''].join('\n');
    const r = run(landTextPlugin, new TextEncoder().encode(text));
    expect(values(r, 'current_ampere')).toEqual([5e-5, 5e-5, -5e-5]);
    expect(values(r, 'cycle_count')).toEqual([1, 1, 1]);
    expect(values(r, 'step_id')).toEqual(['1', '1', '2']);
    expect(values(r, 'Temperature(℃)')).toEqual([25.1, 25.2, 25.3]);
    expect(r.measurements[0]!.metadata?.['preamble']).toEqual(['LAND test export']);
  });

  it('vendor columns: numbers stay numbers, a column that turns to text is kept as text', () => {
    const text = 'Index\tTestTime/Sec.\tVoltage/V\tCurrent/mA\tRemark\tAux/V\n1\t0\t3\t1\t12\t\n2\t1\t3\t1\tpause\t0.5\n3\t2\t3\t1\t\t0.25\n';
    const r = run(landTextPlugin, new TextEncoder().encode(text));
    expect(values(r, 'Remark')).toEqual(['12', 'pause', null]);
    const aux = values(r, 'Aux/V');
    expect(aux.slice(1)).toEqual([0.5, 0.25]);
    expect(Number.isNaN(aux[0])).toBe(true);
  });

  it('keeps a current without a unit as a vendor column and says so', () => {
    const text = 'Index\tTestTime/Sec.\tVoltage/V\tCurrent/mA\tCapacity\n1\t0\t3\t1\t0.5\n';
    const r = run(landTextPlugin, new TextEncoder().encode(text));
    const c = r.measurements[0]!.columns.find((x) => x.name === 'Capacity')!;
    expect([c.quantity, c.unit]).toEqual([null, null]);
    expect(r.warnings.map((w) => w.ruleId)).toEqual(['unknown-unit']);
  });

  it('bad input: other text → sniff 0 and FormatError; cut last row → complete rows + warning; broken middle row → FormatError', () => {
    const other = new TextEncoder().encode('time/s\tEwe/V\tI/mA\n0\t1\t2\n');
    expect(landTextPlugin.sniff(other)).toBe(0);
    expect(catchEchemkit(() => run(landTextPlugin, other)).message).toMatch(/^land\.txt: no LANDdt record header/);
    const full = tsv(EN_HEADER, EN_ROWS);
    const cut = full.slice(0, full.length - 30);
    const r = run(landTextPlugin, new TextEncoder().encode(cut));
    expect(values(r, 'record_index')).toEqual([1, 2, 3, 4]);
    expect(r.warnings[0]).toMatchObject({ ruleId: 'truncated-record', record: 4 });
    const noEol = full.replace(/\r\n$/, '');
    const r2 = run(landTextPlugin, new TextEncoder().encode(noEol));
    expect(values(r2, 'record_index')).toEqual([1, 2, 3, 4]);
    const broken = tsv(EN_HEADER, [EN_ROWS[0]!, EN_ROWS[1]!.slice(0, 5), EN_ROWS[2]!]);
    const e = catchEchemkit(() => run(landTextPlugin, new TextEncoder().encode(broken)));
    expect([e.code, e.line]).toEqual(['ECHEM_FORMAT', 3]);
  });

  it('survives bit flips and cuts with EchemkitErrors only', () => {
    expect(fuzz(landTextPlugin, new TextEncoder().encode(tsv(EN_HEADER, EN_ROWS)), 300)).toBeGreaterThan(0);
    expect(fuzz(landTextPlugin, encodeGbk(tsv(['序号', '测试时间', '电压/V', '电流/mA'], [['1', '0:00:01', '3', '1']])), 200, 5)).toBeGreaterThan(0);
  });
});
