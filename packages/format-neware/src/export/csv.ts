/**
 * BTSDA CSV/text exports: flat (one header row) or nested (three header rows: cycle, step,
 * record; rows indented by one or two empty fields, a cycle row carries its first step's
 * fields after the cycle fields). Cycle and step numbers of the nesting are carried onto
 * the records; the cycle and step rows become the `cycles` and `steps` tables.
 */
import { FormatError, LineReader, localStartTime, type FormatPlugin, type Measurement, type ParseContext, type ParseResult, type Table } from '@echemkit/core';
import { looksLikeRecordHeader } from './headers.js';
import { btsdaCsvFormat, decode, splitFields } from './sniff.js';
import { exportColumns, type Cell } from './table.js';

export { sniffBtsdaCsv } from './sniff.js';

/** Column-major cell store. */
class Cells {
  readonly cols: Cell[][];
  constructor(readonly width: number) {
    this.cols = Array.from({ length: width }, () => []);
  }
  add(fields: string[], from: number): void {
    for (let k = 0; k < this.width; k++) {
      const v = fields[from + k];
      this.cols[k]!.push(v === undefined || v === '' ? null : v);
    }
  }
  get rows(): number {
    return this.cols[0]?.length ?? 0;
  }
}

/**
 * Parses a BTSDA CSV export.
 * @example
 * const r = parseBtsdaCsv(bytes, ctx);
 * r.measurements[0].tables?.map((t) => t.name); // ['cycles', 'steps'] for nested exports
 */
export function parseBtsdaCsv(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  const text = decode(bytes);
  const reader = new LineReader(text);
  const first = reader.next();
  if (first === null) throw new FormatError('the file is empty', { format: ctx.format, line: 1 });
  const d = first.split('\t').length > first.split(',').length ? '\t' : ',';
  const h1 = splitFields(first, d);
  let tables: Table[] | undefined;
  let recordHeaders: string[];
  let records: Cells;
  const extraCols: { header: string; cells: Cell[] }[] = [];
  if (looksLikeRecordHeader(h1)) {
    recordHeaders = h1.map((s) => s.trim());
    records = new Cells(recordHeaders.length);
    let line: string | null;
    while ((line = reader.next()) !== null) {
      if (line.trim() === '') continue;
      records.add(splitFields(line, d), 0);
    }
  } else {
    const l2 = reader.next();
    const l3 = reader.next();
    if (l2 === null || l3 === null) throw new FormatError('no BTSDA record header found', { format: ctx.format, line: 1, expected: 'a header with DataPoint / 数据序号' });
    const h2 = splitFields(l2, d);
    const h3 = splitFields(l3, d);
    if (h2[0] !== '' || h3[0] !== '' || h3[1] !== '' || !looksLikeRecordHeader(h3.slice(2))) {
      throw new FormatError('not a BTSDA export: no record header in the first three lines', { format: ctx.format, line: 3, expected: 'cycle, step and record header rows (nested) or one record header row' });
    }
    const cycleHeaders = h1.map((s) => s.trim());
    const stepHeaders = h2.slice(1).map((s) => s.trim());
    recordHeaders = h3.slice(2).map((s) => s.trim());
    const cycles = new Cells(cycleHeaders.length);
    const steps = new Cells(stepHeaders.length);
    const stepCycle: Cell[] = [];
    records = new Cells(recordHeaders.length);
    const recCycle: Cell[] = [];
    const recStepIndex: Cell[] = [];
    const recStepNumber: Cell[] = [];
    const recStepType: Cell[] = [];
    let cyc: Cell = null;
    let step: string[] = [];
    let line: string | null;
    let lastFields = 0;
    while ((line = reader.next()) !== null) {
      if (line.trim() === '') continue;
      const f = splitFields(line, d);
      lastFields = f.length;
      if (f[0] !== '') {
        cycles.add(f, 0);
        cyc = f[0]!.trim();
        if (f.length > cycleHeaders.length && f[cycleHeaders.length] !== '') {
          step = f.slice(cycleHeaders.length);
          steps.add(step, 0);
          stepCycle.push(cyc);
        }
      } else if (f[1] !== '') {
        step = f.slice(1);
        steps.add(step, 0);
        stepCycle.push(cyc);
      } else {
        records.add(f, 2);
        recCycle.push(cyc);
        recStepIndex.push(step[0] ?? null);
        recStepNumber.push(step[1] ?? null);
        recStepType.push(step[2] ?? null);
      }
    }
    if (reader.atEndWithoutNewline && lastFields < recordHeaders.length + 2) {
      ctx.warn('the last line is shorter than the header (cut-off file?)', { ruleId: 'truncated-record', line: reader.line });
    }
    extraCols.push({ header: cycleHeaders[0] ?? 'Cycle Index', cells: recCycle });
    extraCols.push({ header: stepHeaders[0] ?? 'Step Index', cells: recStepIndex });
    extraCols.push({ header: stepHeaders[1] ?? 'Step Number', cells: recStepNumber });
    extraCols.push({ header: stepHeaders[2] ?? 'Step Type', cells: recStepType });
    tables = [
      { name: 'cycles', description: 'Cycle rows of the nested export', columns: exportColumns(cycleHeaders, cycles.cols, ctx, 'cycle rows', 'cycle') },
      { name: 'steps', description: 'Step rows of the nested export', columns: exportColumns([cycleHeaders[0] ?? 'Cycle Index', ...stepHeaders], [stepCycle, ...steps.cols], ctx, 'step rows') },
    ];
  }
  const headers = [...extraCols.map((e) => e.header), ...recordHeaders];
  const data = [...extraCols.map((e) => e.cells), ...records.cols];
  const columns = exportColumns(headers, data, ctx, 'record rows');
  const date = columns.find((c) => c.quantity === null && c.description?.startsWith('Local wall-clock'));
  let startTime: Measurement['startTime'] = null;
  const d0 = date ? (date.values as (string | null)[])[0] : null;
  const m = d0 ? /^(\d{4})[-/](\d\d?)[-/](\d\d?)[ T](\d\d?):(\d\d):(\d\d)(\.\d+)?$/.exec(d0) : null;
  if (m) startTime = localStartTime(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, m[7] ? Math.round(Number(m[7]) * 1000) : 0), d0);
  if (date) ctx.info('the export writes local wall-clock dates without a zone; the start time is local (assumed-local)', { ruleId: 'local-time' });
  const measurement: Measurement = {
    kind: 'timeseries',
    technique: { name: 'cycling', vendorName: null },
    startTime,
    settings: { layout: tables ? 'nested (cycle/step/record)' : 'flat', delimiter: d === '\t' ? 'tab' : ',' },
    columns,
  };
  if (tables) measurement.tables = tables;
  return { formatVersion: tables ? 'nested' : 'flat', software: { name: 'NEWARE BTSDA', version: null }, instrument: { vendor: 'NEWARE', model: null, serialNumber: null }, measurements: [measurement] };
}

/** Plugin of BTSDA CSV/text exports. */
export const btsdaCsvPlugin: FormatPlugin = {
  ...btsdaCsvFormat,
  parse: parseBtsdaCsv,
};
