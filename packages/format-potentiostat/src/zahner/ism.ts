/**
 * Zahner Thales `.ism` impedance spectra (binary, big-endian). Layout (zahner_analysis
 * IsmImport): version (i6), point count − 1 (i6), then per point arrays: frequency, |Z|,
 * phase (rad), time stamp (s since 1980), significance (i16); then strings (date, system,
 * potential, current, temperature, time, four comments, area, serial quantities), an i16
 * acquisition flag, 32 float64 k-values, optional voltage/current pairs, and metadata bytes.
 */
import { FormatError, localStartTime, quantityColumn, vendorColumn, type Column, type FormatPlugin, type ParseContext, type ParseResult } from '@echemkit/core';
import { toColumn } from '../shared/columns.js';
import { THALES_EPOCH_MS, ThalesReader } from './thales.js';
import { zahnerIsmFormat } from './sniff.js';

export { sniffIsm } from './sniff.js';

/** Smallest bytes per point (4 float64 arrays and one int16 array). */
const PER_POINT = 34;

/**
 * Parses a Zahner `.ism` file.
 * @example
 * const result = parseIsm(bytes, ctx); // as zahnerIsmPlugin.parse; result.measurements holds the data
 */
export function parseIsm(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  const r = new ThalesReader(bytes, ctx.format);
  const version = r.i6('version');
  const n = r.i6('point count') + 1;
  if (n < 1 || n * PER_POINT > r.remaining) {
    throw new FormatError(`the point count ${n} does not fit the file`, { format: ctx.format, offset: 6, expected: `at most ${Math.floor(r.remaining / PER_POINT)} points`, actual: String(n), hint: 'The file is cut or is not a Thales .ism spectrum' });
  }
  const freq = r.f8Array(n, 'frequencies');
  const absZ = r.f8Array(n, 'impedances');
  const phaseRad = r.f8Array(n, 'phases');
  const stamps = r.f8Array(n, 'time stamps');
  const significance = r.i2Array(n, 'significances');
  const strings: Record<string, string> = {};
  for (const k of ['date', 'system', 'potential', 'current', 'temperature', 'time', 'comment 1', 'comment 2', 'comment 3', 'comment 4', 'area for current density', 'serial quantities']) strings[k] = r.string(k);
  const acqFlag = r.i2('acquisition flag');
  const k = r.f8Array(32, 'k-values');
  const extra: Column[] = [];
  const k27 = Math.trunc(k[27]!);
  if (acqFlag > 256 && Number.isFinite(k27) && (k27 & 32768) === 32768) {
    // Interleaved voltage/current pairs per point.
    const pairs = r.f8Array(2 * n, 'voltage/current pairs');
    const v = new Float64Array(n);
    const i = new Float64Array(n);
    for (let p = 0; p < n; p++) {
      v[p] = pairs[2 * p]!;
      i[p] = pairs[2 * p + 1]!;
    }
    extra.push(quantityColumn('dc_potential_volt', v, { sourceName: 'Voltage/V', sourceUnit: 'V' }), quantityColumn('dc_current_ampere', i, { sourceName: 'Current/A', sourceUnit: 'A' }));
  }
  const metaBytes = r.remaining;

  // Z = |Z|·(cos φ + j sin φ): the real and imaginary parts are computed.
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    re[p] = absZ[p]! * Math.cos(phaseRad[p]!);
    im[p] = absZ[p]! * Math.sin(phaseRad[p]!);
  }
  let t0 = Infinity;
  for (let p = 0; p < n; p++) t0 = Math.min(t0, Math.abs(stamps[p]!));
  const elapsed = new Float64Array(n);
  for (let p = 0; p < n; p++) elapsed[p] = Math.abs(stamps[p]!) - t0;
  // Zahner measures an overlapping start range; readers that want unique frequencies use min..max.
  let iMin = 0;
  let iMax = 0;
  for (let p = 1; p < n; p++) {
    if (freq[p]! < freq[iMin]!) iMin = p;
    if (freq[p]! > freq[iMax]!) iMax = p;
  }
  const columns: Column[] = [
    quantityColumn('frequency_hertz', freq, { sourceName: 'frequency', sourceUnit: 'Hz' }),
    quantityColumn('real_impedance_ohm', re, { derived: true, description: '|Z|·cos(phase)' }),
    quantityColumn('imaginary_impedance_ohm', im, { derived: true, description: '|Z|·sin(phase)' }),
    quantityColumn('absolute_impedance_ohm', absZ, { sourceName: 'impedance', sourceUnit: 'ohm' }),
    toColumn('phase', 'rad', phaseRad.slice(), { quantity: 'phase_degree', unit: 'rad' }),
    quantityColumn('test_time_second', elapsed, { derived: true, description: 'time stamp − earliest time stamp' }),
    vendorColumn('time stamp', 's', stamps, { description: 'seconds since 1980-01-01 (local wall clock)' }),
    vendorColumn('significance', null, significance),
    ...extra,
  ];
  const start = Number.isFinite(t0) && t0 > 0 && t0 < 4e9 ? localStartTime(THALES_EPOCH_MS + t0 * 1000, String(t0)) : null;
  return {
    formatVersion: String(version),
    software: { name: 'Zahner Thales', version: null },
    instrument: { vendor: 'Zahner', model: strings['system'] || null, serialNumber: null },
    sample: { comments: [strings['comment 1'], strings['comment 2'], strings['comment 3'], strings['comment 4']].filter((s) => s && s.trim()).join('\n') || null },
    measurements: [
      {
        name: 'impedance',
        kind: 'impedance',
        technique: { name: 'EIS', vendorName: null },
        startTime: start,
        settings: { ...strings, acquisitionFlag: acqFlag, kValues: [...k], metadataBytes: metaBytes },
        metadata: { nonOverlappingRows: [Math.min(iMin, iMax), Math.max(iMin, iMax)], note: 'rows outside this range repeat frequencies measured at the start (Zahner readers drop them by default; kept here)' },
        columns,
      },
    ],
  };
}

/**
 * Zahner Thales impedance spectra (`.ism`).
 * @example
 * import { zahnerIsmPlugin } from '@echemkit/format-potentiostat';
 * zahnerIsmPlugin.id; // 'zahner.ism'
 */
export const zahnerIsmPlugin: FormatPlugin = {
  ...zahnerIsmFormat,
  parse: parseIsm,
};
