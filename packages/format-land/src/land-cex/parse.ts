/** LAND `.cex` (data version 0.1.1.0) → one cycling measurement with program and control tables. */
import {
  ByteView,
  FormatError,
  Float64Builder,
  type ParseContext,
  type ParseResult,
  quantityColumn,
  type Table,
  UnsupportedVersionError,
  utcStartTime,
  vendorColumn,
} from '@echemkit/core';
import {
  COMMENT_LENGTH,
  CONDITION_SIGNS,
  CONDITION_TYPES,
  CONTROL_MARK,
  CONTROL_TYPES,
  FULL_SCALE,
  HEADER,
  MODES,
  MONITOR_VERSION_LENGTH,
  PROGRAM_MARKER,
  PROGRAM_NAME_LENGTH,
  ROW_SIZE,
  SECTION_MARKS,
  STEP_END,
  STEP_END_BLOCK,
  STEP_SIZE,
  SUPPORTED_VERSION,
} from './layout.js';
import { hasCexMagic } from './sniff.js';

export { hasCexMagic };

const latin1 = new TextDecoder('windows-1252');
/** Fixed-length text: up to the first NUL, GBK when it decodes cleanly (Chinese comments), else Windows-1252. */
function fixedText(bytes: Uint8Array): string {
  let end = bytes.indexOf(0);
  if (end < 0) end = bytes.length;
  const b = bytes.subarray(0, end);
  try {
    return new TextDecoder('gb18030', { fatal: true }).decode(b).trim();
  } catch {
    return latin1.decode(b).trim();
  }
}

function matches(bytes: Uint8Array, at: number, pattern: readonly number[]): boolean {
  if (at + pattern.length > bytes.length) return false;
  for (let i = 0; i < pattern.length; i++) if (bytes[at + i] !== pattern[i]) return false;
  return true;
}

/** Data version text (`0.1.1.0`) of a `.cex` head. */
export function cexVersion(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(HEADER.version, HEADER.version + 4)).join('.');
}

function isoSeconds(s: number): string | null {
  return s > 0 ? new Date(s * 1000).toISOString() : null;
}

/**
 * Parses a LAND `.cex` file of data version 0.1.1.0.
 * @example
 * const r = parseCex(bytes, ctx);
 * r.measurements[0].settings['program name']; // e.g. 'CC 0.1C'
 */
export function parseCex(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  const format = ctx.format;
  const bv = new ByteView(bytes, format);
  if (!hasCexMagic(bytes)) {
    throw new FormatError('not a LAND .cex file', { format, offset: 0, expected: 'magic 10 11 09 88', actual: Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ') });
  }
  bv.need(0, HEADER.version + 4, 'the .cex data version');
  const version = cexVersion(bytes);
  if (version !== SUPPORTED_VERSION) {
    throw new UnsupportedVersionError(`.cex data version ${version} is not supported (only ${SUPPORTED_VERSION} has a public layout)`, {
      format,
      offset: HEADER.version,
      expected: SUPPORTED_VERSION,
      actual: version,
      hint: 'Open the file in LANDdt and export it as Excel (.xlsx) or text (.txt); echemkit reads those exports',
    });
  }
  bv.need(0, HEADER.firstStep, 'the .cex header');
  if (!matches(bytes, HEADER.programMarker, PROGRAM_MARKER)) {
    throw new FormatError('the "program begins" marker is missing', { format, offset: HEADER.programMarker, expected: 'FF 7F FF 7F FF FF FF 7F FF FF FF 7F', hint: 'The file is damaged or of another layout; export it from LANDdt' });
  }
  const voltageRange = bv.i16(HEADER.voltageRange, 'voltage range');
  const currentRange = bv.i16(HEADER.currentRange, 'current range');
  const startTime = bv.i32(HEADER.startTime, 'start time');
  const settings: Record<string, unknown> = {
    'data version': version,
    'box number': bv.u8(HEADER.box) + 1,
    'channel number': bv.u8(HEADER.channel) + 1,
    'start time (Unix s)': startTime,
    'voltage range': voltageRange,
    'current range': currentRange,
    'active material mass': bv.f32(HEADER.activeMass, 'active mass'),
    'Monitor version': fixedText(bv.slice(HEADER.monitorVersion, MONITOR_VERSION_LENGTH)),
    'start time 2 (Unix s)': bv.i32(HEADER.startTime2),
    'start or end time (Unix s)': bv.i32(HEADER.startOrEndTime),
    'program name': fixedText(bv.slice(HEADER.programName, PROGRAM_NAME_LENGTH)),
    comment: fixedText(bv.slice(HEADER.comment, COMMENT_LENGTH)),
  };

  // Program steps until the BB BB FF FF block; bounded by the bytes present.
  const program = readProgram(bytes, bv, voltageRange, ctx);
  const dataStart = program.end;

  // Data and control rows.
  const total = Math.floor((bytes.length - dataStart) / ROW_SIZE);
  const rest = bytes.length - dataStart - total * ROW_SIZE;
  const t = new Int32Array(total);
  const v = new Float64Array(total);
  const i = new Float64Array(total);
  const q = new Float64Array(total);
  const e = new Int32Array(total);
  const mode: (string | null)[] = [];
  const ctlOffset = new Float64Builder(64);
  const ctlType = new Float64Builder(64);
  const ctlWord = new Float64Builder(64);
  const ctlCap = new Float64Builder(64);
  const ctlTime = new Float64Builder(64);
  const dv = bv.view;
  let n = 0;
  let currentMode: string | null = null;
  for (let r = 0; r < total; r++) {
    const o = dataStart + r * ROW_SIZE;
    const first = dv.getInt32(o, true);
    if (first === CONTROL_MARK) {
      const type = dv.getUint16(o + 4, true);
      const word = dv.getUint16(o + 8, true);
      if (type === 0x22) currentMode = MODES[word & 0xff] ?? `0x${(word & 0xff).toString(16)}`;
      ctlOffset.push(o);
      ctlType.push(type);
      ctlWord.push(dv.getInt16(o + 6, true));
      ctlCap.push(dv.getInt32(o + 8, true));
      ctlTime.push(dv.getInt32(o + 12, true));
      continue;
    }
    if (first === SECTION_MARKS[0] || first === SECTION_MARKS[1]) continue;
    t[n] = first;
    // raw × range / 16128 in this order (Echem.Data's formula); current in mA → A.
    v[n] = (dv.getInt16(o + 4, true) * voltageRange) / FULL_SCALE;
    i[n] = (dv.getInt16(o + 6, true) * currentRange) / FULL_SCALE / 1000;
    q[n] = dv.getInt32(o + 8, true) / FULL_SCALE / 3600 / 1000;
    e[n] = dv.getInt32(o + 12, true);
    mode.push(currentMode);
    n++;
  }
  if (rest > 0) {
    ctx.warn(`the file ends inside a record (${rest} of ${ROW_SIZE} bytes); every complete record is kept`, { ruleId: 'truncated-record', offset: dataStart + total * ROW_SIZE, record: n });
  }
  ctx.info('values are scaled with the empirical constant 16128 of the only public reader (Echem.Data); validate against a LANDdt export of the same file', { ruleId: 'cex-empirical-scaling' });

  const columns = [
    quantityColumn('test_time_second', t.slice(0, n), { sourceName: 'test time', sourceUnit: 's', dtype: 'int32' }),
    quantityColumn('voltage_volt', v.slice(0, n), { sourceName: 'voltage', sourceUnit: 'raw i16 × voltage range / 16128', dtype: 'int16' }),
    quantityColumn('current_ampere', i.slice(0, n), { sourceName: 'current', sourceUnit: 'raw i16 × current range / 16128 (mA)', dtype: 'int16' }),
    quantityColumn('step_cumulative_capacity_ah', q.slice(0, n), { sourceName: 'capacity', sourceUnit: 'raw i32 / 16128 / 3600 (mAh)', dtype: 'int32' }),
    vendorColumn('energy', null, e.slice(0, n), { description: 'raw i32, scaling unknown (not decoded by any public reader)', dtype: 'int32' }),
    quantityColumn('step_type', mode, { derived: true, dtype: 'string', description: 'work mode of the last step-change control row (0x22), carried forward' }),
  ];
  const tables: Table[] = [
    program.table,
    {
      name: 'control rows',
      columns: [
        vendorColumn('offset', null, ctlOffset.finish()),
        vendorColumn('type', null, Int32Array.from(ctlType.finish()), { codes: Object.fromEntries(Object.entries(CONTROL_TYPES).map(([k, s]) => [k, s])) }),
        vendorColumn('word 6', null, Int32Array.from(ctlWord.finish()), { description: 'i16 at bytes 6–7' }),
        vendorColumn('word 8', null, Int32Array.from(ctlCap.finish()), { description: 'i32 at bytes 8–11 (new mode for step changes)' }),
        vendorColumn('word 12', null, Int32Array.from(ctlTime.finish()), { description: 'i32 at bytes 12–15 (timestamp for step changes and events)' }),
      ],
    },
  ];
  return {
    formatVersion: version,
    software: { name: 'LAND Monitor', version: (settings['Monitor version'] as string) || null },
    instrument: { vendor: 'LAND', model: null, serialNumber: null },
    channel: `${settings['box number'] as number}-${settings['channel number'] as number}`,
    measurements: [
      {
        kind: 'timeseries',
        technique: { name: 'cycling', vendorName: null },
        startTime: startTime > 0 ? utcStartTime(startTime * 1000, String(startTime)) : null,
        settings,
        metadata: { 'start time (UTC)': isoSeconds(startTime) },
        columns,
        tables,
      },
    ],
  };
}

function readProgram(bytes: Uint8Array, bv: ByteView, voltageRange: number, ctx: ParseContext): { end: number; table: Table } {
  const mode: (string | null)[] = [];
  const gotoStep = new Float64Builder(16);
  const stepNo = new Float64Builder(16);
  const cond: (string | null)[][] = [[], []];
  const logInterval = new Float64Builder(16);
  const dv = bv.view;
  let at = HEADER.firstStep;
  for (;;) {
    if (at + 4 > bytes.length) {
      throw new FormatError('the program step list has no end marker', { format: ctx.format, offset: at, expected: 'BB BB FF FF after the program steps', hint: 'The file is cut inside its header or damaged' });
    }
    if (matches(bytes, at, STEP_END)) break;
    bv.need(at, STEP_SIZE, 'a program step');
    const code = bytes[at]!;
    mode.push(MODES[code] ?? `0x${code.toString(16)}`);
    gotoStep.push(bytes[at + 6]!);
    stepNo.push(bytes[at + 7]!);
    for (let k = 0; k < 2; k++) {
      const type = bytes[at + 8 + 2 * k]!;
      const sign = bytes[at + 9 + 2 * k]!;
      const raw = dv.getInt16(at + 12 + 2 * k, true);
      const kind = CONDITION_TYPES[type];
      let text: string | null = null;
      if (kind === 'time') text = `time ${CONDITION_SIGNS[sign] ?? `sign ${sign}`} ${dv.getUint16(at + 12 + 2 * k, true)} s`;
      else if (kind === 'voltage') text = `voltage ${CONDITION_SIGNS[sign] ?? `sign ${sign}`} ${(raw * voltageRange) / FULL_SCALE} V`;
      else if (kind === 'cycles') text = `cycles ${CONDITION_SIGNS[sign] ?? `sign ${sign}`} ${raw}`;
      else if (type !== 0) text = `type ${type} sign ${sign} value ${raw}`;
      cond[k]!.push(text);
    }
    logInterval.push(dv.getUint16(at + 24, true));
    at += STEP_SIZE;
  }
  bv.need(at, STEP_END_BLOCK, 'the block after the program steps');
  const gotoText = Array.from(gotoStep.finish(), (g) => (g === 255 ? 'next' : g === 254 ? 'end' : String(g + 1)));
  return {
    end: at + STEP_END_BLOCK,
    table: {
      name: 'program',
      columns: [
        vendorColumn('step', null, Int32Array.from(stepNo.finish(), (s) => s + 1)),
        vendorColumn('mode', null, mode),
        vendorColumn('goto', null, gotoText),
        vendorColumn('condition 1', null, cond[0]!),
        vendorColumn('condition 2', null, cond[1]!),
        vendorColumn('log interval', 's', Int32Array.from(logInterval.finish())),
      ],
    },
  };
}
