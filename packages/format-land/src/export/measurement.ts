/** Assembles a LANDdt export (record columns + vendor tables) into one cycling measurement. */
import { type Column, localStartTime, type Measurement, type ParseContext, type Table, uniquifyNames } from '@echemkit/core';
import type { ColumnSink } from './column-sink.js';

export interface ExportParts {
  sinks: ColumnSink[];
  tables?: Table[];
  settings?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}

/** Finishes the record columns, reports unit/number problems, takes the start time from the date-time column. */
export function buildExportMeasurement(parts: ExportParts, ctx: ParseContext): Measurement {
  const columns: Column[] = [];
  for (const s of parts.sinks) {
    const { column, problems } = s.finish();
    for (const p of problems) ctx.warn(p.message, { ruleId: p.ruleId, note: `column '${s.header}'` });
    columns.push(column);
  }
  uniquifyNames(columns);
  const dt = parts.sinks.find((s) => s.firstDateTime);
  if (dt?.firstDateTime) {
    ctx.info('the export writes local date-times without a time zone: the start time is local wall-clock time of the first record', { ruleId: 'assumed-local-time' });
  }
  const m: Measurement = {
    kind: 'timeseries',
    technique: { name: 'cycling', vendorName: null },
    startTime: dt?.firstDateTime ? localStartTime(dt.firstDateTime.ms, dt.firstDateTime.raw) : null,
    settings: parts.settings ?? {},
    columns,
  };
  if (parts.metadata && Object.keys(parts.metadata).length) m.metadata = parts.metadata;
  if (parts.tables?.length) m.tables = parts.tables;
  return m;
}

/** A vendor table from header + rows of cells (no quantity mapping, names and units as written). */
export function vendorTable(name: string, columns: Column[]): Table {
  uniquifyNames(columns);
  return { name, columns };
}
