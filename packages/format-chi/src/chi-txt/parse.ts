/** CH Instruments text export → one measurement (timeseries or impedance). */
import {
  type Column,
  decodeText,
  FormatError,
  LineReader,
  localStartTime,
  type Measurement,
  type ParseContext,
  type ParseResult,
  quantityColumn,
  uniquifyNames,
  vendorColumn,
} from '@echemkit/core';
import { TECHNIQUES, mapChiColumn, splitChiHeader } from './column-map.js';
import { chooseConvention, sweepHysteresis } from './convention.js';
import { readChiHeader } from './header.js';
import { readChiTable } from './data-table.js';
import { segmentsFromReversals } from './segments.js';

function negateInPlace(v: Float64Array): void {
  for (let i = 0; i < v.length; i++) v[i] = -v[i]!;
}

/**
 * Parses a CHI text export (`File > Convert to Text`).
 * @example
 * const r = parseChiText(bytes, ctx);
 * r.measurements[0].technique; // { name: 'CV', vendorName: 'Cyclic Voltammetry' }
 */
export function parseChiText(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  // CHI writes ASCII; paths in `File:` may hold anything, so Windows-1252 is the safe fallback.
  const decoded = decodeText(bytes).text;
  // Old Mac exports end lines with CR only; make them LF so one line scanner serves all.
  const text = decoded.indexOf('\n') < 0 && decoded.indexOf('\r') >= 0 ? decoded.replace(/\r/g, '\n') : decoded;
  const reader = new LineReader(text);
  const header = readChiHeader(reader, ctx.format);
  if (!header.technique && !header.preamble['Instrument Model'] && !Object.keys(header.parameters).length) {
    throw new FormatError('not a CHI text export', { format: ctx.format, line: header.headerLine, hint: 'no date line, technique or parameters before the column header' });
  }
  const table = readChiTable(text, reader.offset, reader.line, header.columns, ctx);
  if (table.rows === 0) {
    ctx.warn('the export holds no data rows', { ruleId: 'no-data', line: header.headerLine });
  }

  const mappings = header.columns.map((c) => mapChiColumn(c));
  const hasCurrent = mappings.some((m) => m?.currentSign);
  const choice = chooseConvention(ctx, hasCurrent);
  const negateCurrent = choice.convention === 'cathodic-positive';

  const columns: Column[] = [];
  let potential: Float64Array | undefined;
  let current: Float64Array | undefined;
  header.columns.forEach((name, k) => {
    const values = table.values[k]!;
    const m = mappings[k];
    if (m) {
      if (m.negate || (m.currentSign && negateCurrent)) negateInPlace(values);
      const opts: Parameters<typeof quantityColumn>[2] = { sourceName: name, sourceUnit: splitChiHeader(name).unit, dtype: 'float64' };
      if (m.negate) opts.description = `negated from the vendor's ${name} to the true sign`;
      else if (m.currentSign && negateCurrent) opts.description = 'negated from the polarographic convention (cathodic positive) to anodic positive';
      if (m.quantity === 'working_electrode_potential_volt' && !potential) potential = values;
      if (m.quantity === 'current_ampere' && !current) current = values;
      columns.push(quantityColumn(m.quantity, values, opts));
    } else {
      const { name: display, unit } = splitChiHeader(name);
      columns.push(vendorColumn(name, unit, values, { displayName: display, dtype: 'float64' }));
    }
  });

  const vendorTechnique = header.technique;
  const technique = vendorTechnique ? (TECHNIQUES[vendorTechnique] ?? vendorTechnique) : 'unknown';
  const isImpedance = mappings.some((m) => m?.quantity === 'frequency_hertz');

  // Segments: read from `Segment N:` markers, else derived from sweep reversals for CV.
  if (table.segments) {
    columns.push(quantityColumn('segment_index', table.segments, { sourceName: 'Segment N:', dtype: 'int32' }));
  } else if (technique === 'CV' && potential && table.rows > 0) {
    const listed = header.resultSegments;
    const segs = segmentsFromReversals(potential, 1);
    const count = segs[segs.length - 1]!;
    // The results block lists the exported segments (e.g. 5 and 6 of 6); use them when they agree.
    const first = listed.length === count && listed.every((s, i) => s === listed[0]! + i) ? listed[0]! : 1;
    if (first !== 1) for (let i = 0; i < segs.length; i++) segs[i] = segs[i]! + first - 1;
    columns.push(quantityColumn('segment_index', segs, { derived: true, dtype: 'int32', description: 'segment numbers from sweep reversals' }));
    ctx.info(`segment_index derived from sweep reversals: ${count} segment(s) numbered from ${first}`, {
      ruleId: 'derived-segment-index',
      note: first === 1 ? 'numbered from 1 (the results block does not list the exported segments)' : 'numbering from the segments listed in the results block',
    });
  }
  if (technique === 'CV' && potential && current) {
    const h = sweepHysteresis(potential, current);
    if (h !== undefined && h < 0) {
      ctx.warn('positive-going sweeps carry less current than negative-going ones: the data look cathodic-positive (polarographic) in the chosen convention', {
        ruleId: 'current-convention-suspect',
        note: "check the sign; the plugin option currentConvention: 'cathodic-positive' negates the current",
      });
    }
  }
  if (!mappings.some((m) => m?.quantity === 'test_time_second') && !isImpedance) {
    ctx.info('the export has no time column; test_time_second is not computed (the exported points need not start at the start of the run)', { ruleId: 'no-time-column' });
  }
  uniquifyNames(columns);

  const settings: Record<string, unknown> = { ...header.parameters };
  if (hasCurrent) {
    settings['currentConvention'] = choice.convention;
    settings['currentConventionSource'] = choice.source === 'option' ? 'option' : 'assumed (not stated by the export)';
  }
  const metadata: Record<string, unknown> = { ...header.preamble };
  if (header.results.length) metadata['results'] = header.results;

  const measurement: Measurement = {
    kind: isImpedance ? 'impedance' : 'timeseries',
    technique: { name: technique, vendorName: vendorTechnique },
    startTime: header.startWallMs !== undefined ? localStartTime(header.startWallMs, header.dateLine) : null,
    settings,
    metadata,
    columns,
  };
  if (header.startWallMs !== undefined) {
    ctx.info('the date line has no time zone: start time is local wall-clock time', { ruleId: 'assumed-local-time', line: 1 });
  }
  const model = header.preamble['Instrument Model'] || null;
  // The results block names the channel of multi-channel instruments (`Channel 1:`).
  const channelLine = header.results.map((l) => /^Channel\s+(\d+)\s*:$/.exec(l)).find((m) => m);
  return {
    formatVersion: null,
    channel: channelLine ? channelLine[1]! : null,
    software: { name: 'CHI', version: null },
    instrument: { vendor: 'CH Instruments', model, serialNumber: null },
    measurements: [measurement],
  };
}
