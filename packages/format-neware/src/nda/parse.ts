/** The `.nda` plugin: header, version dispatch, metadata and the measurement. */
import { hasMagic, localStartTime, utcStartTime, UnsupportedVersionError, FormatError, type FormatPlugin, type Measurement, type ParseContext, type ParseResult } from '@echemkit/core';
import { recordColumns } from '../common/measurement.js';
import { integerRecordsToColumns } from '../common/integer-records.js';
import type { NewareRecords } from '../common/records.js';
import { readNdaMetadata } from './metadata.js';
import { decodeNda29 } from './v29.js';
import { decodeNda130 } from './v130.js';
import { cycleModeOption } from '../common/options.js';
import { ndaFormat } from '../native-sniff.js';

/** Start time of records with UTC timestamps, or of local wall-clock dates. */
export function startTimeOf(r: NewareRecords): Measurement['startTime'] {
  if (r.unixTime && r.n > 0 && Number.isFinite(r.unixTime.values[0]!)) {
    const s = r.unixTime.values[0]!;
    return utcStartTime(Math.round(s * 1000), String(s));
  }
  const d = r.localTime?.[0];
  if (d) {
    const m = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)$/.exec(d);
    if (m) {
      const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
      if (Number.isFinite(ms)) return localStartTime(ms, d);
    }
  }
  return null;
}

/**
 * Parses a NEWARE `.nda` file (versions 29 and 130).
 * @example
 * const result = parseNda(bytes, ctx);
 * result.measurements[0].columns.find((c) => c.name === 'voltage_volt');
 */
export function parseNda(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  if (!hasMagic(bytes, 'NEWARE') || bytes.length < 15) {
    throw new FormatError('not a NEWARE .nda file', { format: ctx.format, offset: 0, expected: "'NEWARE' and a version byte at 14" });
  }
  const version = bytes[14]!;
  if (version !== 29 && version !== 130) {
    throw new UnsupportedVersionError(`nda version ${version} is not supported (29 and 130 are)`, {
      format: ctx.format,
      offset: 14,
      expected: '29 or 130',
      actual: String(version),
      hint: 'Export the test from BTSDA as CSV or Excel; echemkit reads those exports (neware.csv, neware.xlsx)',
    });
  }
  const md = readNdaMetadata(bytes, version);
  let records: NewareRecords;
  let layout = '';
  if (version === 29) {
    records = integerRecordsToColumns(decodeNda29(bytes, ctx), ctx);
    ctx.info('version 29 stores local wall-clock dates without a time zone; the start time is local (assumed-local) and there is no unix_time_second', { ruleId: 'local-time' });
  } else {
    const r = decodeNda130(bytes, ctx);
    records = r.records;
    layout = r.layout;
    ctx.info(`BTS ${layout} layout stores UTC timestamps; unix_time_second and the start time are UTC`, { ruleId: 'utc-time' });
  }
  const date = String.fromCharCode(...bytes.subarray(6, 14));
  const settings: Record<string, unknown> = { ndaVersion: version, headerDate: date };
  if (layout) settings.layout = `BTS ${layout}`;
  if (md.server) settings.server = md.server;
  if (md.client) settings.client = md.client;
  if (md.btsVersion) settings.btsVersion = md.btsVersion;
  if (md.remarks) settings.remarks = md.remarks;
  if (md.activeMassMg !== undefined) settings.activeMassMg = md.activeMassMg;
  const measurement: Measurement = {
    kind: 'timeseries',
    technique: { name: 'cycling', vendorName: null },
    startTime: startTimeOf(records),
    settings,
    columns: recordColumns(records, ctx, { cycleMode: cycleModeOption(ctx) }),
  };
  const result: ParseResult = {
    formatVersion: layout ? `${version} (BTS ${layout})` : String(version),
    software: { name: 'NEWARE BTS', version: md.btsVersion ?? md.server ?? null },
    instrument: { vendor: 'NEWARE', model: null, serialNumber: null },
    measurements: [measurement],
  };
  if (md.activeMassMg !== undefined && md.activeMassMg > 0 || md.remarks) {
    result.sample = {};
    if (md.activeMassMg !== undefined && md.activeMassMg > 0) result.sample.activeMassGram = md.activeMassMg / 1000;
    if (md.remarks) result.sample.comments = md.remarks;
  }
  return result;
}

/** Plugin of NEWARE `.nda` files. */
export const ndaPlugin: FormatPlugin = { ...ndaFormat, parse: parseNda };
