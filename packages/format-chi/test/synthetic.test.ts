/**
 * CHI techniques without a public sample (i-t, CA, CP, OCPT, DPV, SWV, CV with charge and
 * segment markers). The files follow the documented layout (date line, technique, preamble,
 * parameters, header, blank line, data); parameter names follow public CHI readers.
 */
import { describe, expect, it } from 'vitest';
import { chiTextPlugin } from '../src/index.js';
import { catchEchemkit, col, parseChi, readValid } from './helpers.js';

function chiFile(technique: string, params: string[], header: string, rows: string[], eol = '\r\n'): string {
  return [
    'Mar. 5, 2023   09:07:41',
    technique,
    'File: C:\\data\\run.bin',
    'Data Source:  Experiment',
    'Instrument Model:  CHI660E',
    'Header: ',
    'Note: ',
    '',
    ...params,
    '',
    header,
    '',
    ...rows,
    '',
  ].join(eol);
}

describe('chi.txt synthetic techniques', () => {
  it('Amperometric i-t Curve: time and current, CA technique', async () => {
    const text = chiFile('Amperometric i-t Curve', ['Init E (V) = 0.5', 'Sample Interval (s) = 0.1', 'Run Time (sec) = 0.3', 'Quiet Time (sec) = 2', 'Scales during Run = 1', 'Sensitivity (A/V) = 1e-6'], 'Time/sec, Current/A', ['0.1, 6.012e-5', '0.2, 5.871e-5', '0.3, 5.790e-5']);
    expect(chiTextPlugin.sniff(new TextEncoder().encode(text))).toBeGreaterThan(0.9);
    const r = parseChi(text);
    const m = r.measurements[0]!;
    expect(m.technique).toEqual({ name: 'CA', vendorName: 'Amperometric i-t Curve' });
    expect(Array.from(col(r, 'test_time_second'))).toEqual([0.1, 0.2, 0.3]);
    expect(Array.from(col(r, 'current_ampere'))).toEqual([6.012e-5, 5.871e-5, 5.79e-5]);
    expect(m.settings).toMatchObject({ 'Init E (V)': 0.5, 'Sample Interval (s)': 0.1, 'Sensitivity (A/V)': 1e-6, currentConvention: 'anodic-positive' });
    expect(m.startTime?.value).toBe('2023-03-05T09:07:41.000');
    const doc = await readValid(new TextEncoder().encode(text), 'it.txt');
    expect(doc.source.format).toBe('chi.txt');
    expect(doc.diagnostics.some((d) => d.ruleId === 'current-convention-assumed')).toBe(true);
  });

  it('Chronopotentiometry and OCPT: time and potential, no current convention', () => {
    const cp = parseChi(chiFile('Chronopotentiometry', ['Cathodic Current (A) = 1e-3', 'Anodic Current (A) = 1e-3', 'High E Limit (V) = 1', 'Low E Limit (V) = -1', 'Cathodic Time (s) = 10', 'Anodic Time (s) = 10', 'Initial Polarity = Cathodic', 'Data Storage Intvl (s) = 0.1', 'Number of Segments = 2'], 'Time/sec, Potential/V', ['0.1, -0.312', '0.2, -0.318']));
    expect(cp.measurements[0]!.technique.name).toBe('CP');
    expect(Array.from(col(cp, 'working_electrode_potential_volt'))).toEqual([-0.312, -0.318]);
    expect(cp.measurements[0]!.settings['Initial Polarity']).toBe('Cathodic');
    expect(cp.measurements[0]!.settings['currentConvention']).toBeUndefined();
    const ocp = parseChi(chiFile('Open Circuit Potential - Time', ['Run Time (sec) = 2', 'Sample Interval (s) = 1', 'High E Limit (V) = 1', 'Low E Limit (V) = -1'], 'Time/sec, Potential/V', ['1, 0.2011', '2, 0.2013']));
    expect(ocp.measurements[0]!.technique.name).toBe('OCV');
    expect(Array.from(col(ocp, 'test_time_second'))).toEqual([1, 2]);
  });

  it('Chronoamperometry with charge: current and charge negated together for polarographic exports', () => {
    const text = chiFile('Chronoamperometry', ['Init E (V) = 0', 'High E (V) = 0.5', 'Low E (V) = 0', 'Init P/N = P', 'Step = 1', 'Pulse Width (sec) = 1', 'Sample Interval (s) = 0.5'], 'Time/sec, Current/A, Charge/C', ['0.5, 2.0e-4, 1.0e-4', '1.0, 1.0e-4, 1.5e-4']);
    const r = parseChi(text, { currentConvention: 'cathodic-positive' });
    expect(Array.from(col(r, 'current_ampere'))).toEqual([-2e-4, -1e-4]);
    expect(Array.from(col(r, 'charge_coulomb'))).toEqual([-1e-4, -1.5e-4]);
    const c = r.measurements[0]!.columns.find((x) => x.name === 'charge_coulomb')!;
    expect([c.unit, c.sourceName, c.sourceUnit, c.derived]).toEqual(['C', 'Charge/C', 'C', false]);
    expect(catchEchemkit(() => parseChi(text, { currentConvention: 'upside-down' })).code).toBe('ECHEM_FORMAT');
  });

  it('DPV and SWV: potential and current, unknown columns kept as vendor columns', () => {
    const dpv = parseChi(chiFile('Differential Pulse Voltammetry', ['Init E (V) = -0.2', 'Final E (V) = 0.6', 'Incr E (V) = 0.004', 'Amplitude (V) = 0.05', 'Pulse Width (sec) = 0.05', 'Sample Width (sec) = 0.0167', 'Pulse Period (sec) = 0.5', 'Quiet Time (sec) = 2', 'Sensitivity (A/V) = 1e-5'], 'Potential/V, Current/A', ['-0.196, 1.234e-7', '-0.192, 1.301e-7']));
    expect(dpv.measurements[0]!.technique).toEqual({ name: 'DPV', vendorName: 'Differential Pulse Voltammetry' });
    expect(dpv.measurements[0]!.settings['Incr E (V)']).toBe(0.004);
    expect(Array.from(col(dpv, 'current_ampere'))).toEqual([1.234e-7, 1.301e-7]);
    const swv = parseChi(chiFile('Square Wave Voltammetry', ['Init E (V) = -0.2', 'Final E (V) = 0.6', 'Incr E (V) = 0.004', 'Amplitude (V) = 0.025', 'Frequency (Hz) = 15', 'Quiet Time (sec) = 2'], 'Potential/V, Current/A, For(i/A), Rev(i/A)', ['-0.196, 2.0e-7, 5.0e-7, 3.0e-7']));
    const m = swv.measurements[0]!;
    expect(m.technique.name).toBe('SWV');
    expect(m.columns.map((c) => [c.name, c.quantity, c.unit])).toEqual([
      ['working_electrode_potential_volt', 'working_electrode_potential_volt', 'V'],
      ['current_ampere', 'current_ampere', 'A'],
      ['For(i/A)', null, null],
      ['Rev(i/A)', null, null],
    ]);
    expect(Array.from(col(swv, 'Rev(i/A)'))).toEqual([3e-7]);
  });

  it('multi-channel exports: one current column per channel (i1/A, i2/A)', () => {
    const r = parseChi(chiFile('Cyclic Voltammetry', ['Init E (V) = 0', 'High E (V) = 0.002', 'Low E (V) = 0', 'Segment = 1'], 'Potential/V, i1/A, i2/A', ['0.000, 1e-6, 2e-6', '0.001, 3e-6, 4e-6'], '\n'), { currentConvention: 'cathodic-positive' });
    const m = r.measurements[0]!;
    expect(m.columns.map((c) => [c.name, c.sourceName])).toEqual([
      ['working_electrode_potential_volt', 'Potential/V'],
      ['current_ampere', 'i1/A'],
      ['current_ampere_2', 'i2/A'],
      ['segment_index', null],
    ]);
    expect(Array.from(col(r, 'current_ampere_2'))).toEqual([-2e-6, -4e-6]);
  });

  it('CR-only line ends and trailing blanks after the last line', () => {
    const mac = chiFile('Linear Sweep Voltammetry', ['Init E (V) = 0'], 'Potential/V, Current/A', ['0.000, 1e-6', '0.001, 2e-6'], '\r');
    expect(Array.from(col(parseChi(mac), 'current_ampere'))).toEqual([1e-6, 2e-6]);
    const blanks = chiFile('Linear Sweep Voltammetry', ['Init E (V) = 0'], 'Potential/V, Current/A', ['0.000, 1e-6', '0.001, 2e-6']) + '   ';
    const r = parseChi(blanks);
    expect(Array.from(col(r, 'current_ampere'))).toEqual([1e-6, 2e-6]);
    expect(r.warnings).toEqual([]);
  });

  it('segment markers between blocks give a read (not derived) segment_index', () => {
    const text = chiFile('Cyclic Voltammetry', ['Init E (V) = 0', 'High E (V) = 0.002', 'Low E (V) = 0', 'Segment = 2', 'Sample Interval (V) = 0.001', 'Scan Rate (V/s) = 0.1'], 'Potential/V, Current/A', ['Segment 1:', '0.000, 1e-6', '0.001, 2e-6', '0.002, 3e-6', '', 'Segment 2:', 'Potential/V, Current/A', '', '0.001, -1e-6', '0.000, -2e-6'], '\n');
    const r = parseChi(text);
    const seg = r.measurements[0]!.columns.find((c) => c.name === 'segment_index')!;
    expect(seg.derived).toBe(false);
    expect(Array.from(seg.values as Int32Array)).toEqual([1, 1, 1, 2, 2]);
    expect(r.warnings).toEqual([]);
  });

  it('an older export without date line (parameters then header) is read, start time null', () => {
    const text = ['Init E (V) = 0', 'High Frequency (Hz) = 1e+5', 'Low Frequency (Hz) = 1', 'Amplitude (V) = 0.005', '', 'Freq/Hz, Z\'/ohm, Z"/ohm, Z/ohm, Phase/deg', '', '1.000e+5, 1.0e+1, -1.0e+0, 1.005e+1, -5.7', ''].join('\n');
    expect(chiTextPlugin.sniff(new TextEncoder().encode(text))).toBeGreaterThan(0.5);
    const r = parseChi(text);
    expect(r.measurements[0]!.startTime).toBeNull();
    expect(r.measurements[0]!.kind).toBe('impedance');
    expect(Array.from(col(r, 'imaginary_impedance_ohm'))).toEqual([-1]);
  });

  it('a -Z" header is negated to the true sign', () => {
    const text = chiFile('A.C. Impedance', ['Init E (V) = 0'], 'Freq/Hz, Z\'/ohm, -Z"/ohm', ['100, 5, 2']);
    const r = parseChi(text);
    expect(Array.from(col(r, 'imaginary_impedance_ohm'))).toEqual([-2]);
    expect(r.measurements[0]!.columns[2]!.sourceName).toBe('-Z"/ohm');
  });

  it('bad input: non-CHI text, a broken row in the middle, a cut last row, a file without a final line break', () => {
    const plain = 'Some notes\nTime (s)\tVoltage (V)\n0\t1\n';
    expect(chiTextPlugin.sniff(new TextEncoder().encode(plain))).toBe(0);
    const e1 = catchEchemkit(() => parseChi(plain));
    expect(e1.code).toBe('ECHEM_FORMAT');
    expect(e1.message).toMatch(/^chi\.txt: no CHI column header/);

    const broken = chiFile('Linear Sweep Voltammetry', ['Init E (V) = 0'], 'Potential/V, Current/A', ['0.000, 1e-6', '0.001, 1x-6', '0.002, 3e-6']);
    const e2 = catchEchemkit(() => parseChi(broken));
    expect(e2.line).toBe(14);
    expect(e2.message).toContain('malformed data row');

    const cut = chiFile('Linear Sweep Voltammetry', ['Init E (V) = 0'], 'Potential/V, Current/A', ['0.000, 1e-6', '0.001, 2e-6', '0.002,']).replace(/\r\n$/, '');
    const r = parseChi(cut);
    expect(Array.from(col(r, 'current_ampere'))).toEqual([1e-6, 2e-6]);
    expect(r.warnings[0]).toMatchObject({ ruleId: 'truncated-record', line: 15, record: 2 });

    const noEol = chiFile('Linear Sweep Voltammetry', ['Init E (V) = 0'], 'Potential/V, Current/A', ['0.000, 1e-6', '0.001, 2e-6', '0.002, -4.1']).replace(/\r\n$/, '');
    const r2 = parseChi(noEol);
    expect(Array.from(col(r2, 'current_ampere'))).toEqual([1e-6, 2e-6]);
    expect(r2.warnings.map((w) => w.ruleId)).toEqual(['truncated-record']);

    const empty = parseChi(chiFile('Linear Sweep Voltammetry', ['Init E (V) = 0'], 'Potential/V, Current/A', []));
    expect(col(empty, 'current_ampere').length).toBe(0);
    expect(empty.warnings.map((w) => w.ruleId)).toEqual(['no-data']);
  });
});
