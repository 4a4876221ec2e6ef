/**
 * The `.mpt` reader: magic line, `Nb header lines`, header, column names, data block.
 */
import { FormatError, TruncatedError, vendorColumn, decodeText, decodeWindows1252, detectDecimalSeparator, detectEncoding, type Column, type ParseContext, type ParseResult } from '@echemkit/core';
import { biologicColumn, biologicUnitExponent } from '../columns.js';
import { normaliseName, unitCut } from '../column-table.js';
import { buildBiologicMeasurements } from '../measurements.js';
import { settingsFromSibling } from '../mps/sibling.js';
import { parseBiologicDate } from '../text/dates.js';
import { parseHeaderLines, type ParsedHeader } from '../text/header.js';
import { channelOf, headerText, instrumentOf, sampleOf, softwareOf } from '../text/run-info.js';
import { isKnownTechnique, techniqueShortName } from '../techniques.js';
import { parseDataBlock } from './data.js';
import { MPT_MAGICS } from './sniff.js';

export { MPT_MAGICS };

/** Options of the `biologic.mpt` plugin (`pluginOptions: { 'biologic.mpt': {…} }`). */
export interface MptOptions {
  /**
   * Attach the settings of an `.mps` sibling (given by the caller in `siblings`) to the
   * measurement settings as `mps`. Default true.
   */
  attachSettings?: boolean;
}

/** Reads lines one by one with their start offsets (no split of the whole text). */
function nextLine(text: string, pos: number): { line: string; next: number; terminated: boolean } {
  let nl = text.indexOf('\n', pos);
  const terminated = nl !== -1;
  if (!terminated) nl = text.length;
  let end = nl;
  if (end > pos && text.charCodeAt(end - 1) === 13) end--;
  return { line: text.slice(pos, end), next: Math.min(text.length, nl + 1), terminated };
}

/** Byte offset after `count` line ends from `pos` (or the end of the bytes). */
function skipLines(bytes: Uint8Array, pos: number, count: number): number {
  for (let k = 0; k < count && pos < bytes.length; k++) {
    const nl = bytes.indexOf(10, pos);
    pos = nl === -1 ? bytes.length : nl + 1;
  }
  return pos;
}

/** UTF-16 input (never seen from EC-Lab, but cheap to accept) is re-encoded as UTF-8 so the data rows are bytes of ASCII. */
function singleByteView(input: Uint8Array): Uint8Array {
  const enc = detectEncoding(input.subarray(0, 4096)).encoding;
  return enc === 'utf-16le' || enc === 'utf-16be' ? new TextEncoder().encode(decodeText(input).text) : input;
}

/**
 * Decodes and parses `.mpt` bytes (the `biologic.mpt` plugin's parse).
 * @example
 * const r = parseMpt(bytes, ctx); // ctx: a ParseContext (the host makes one)
 * r.measurements[0].columns.map((c) => c.name); // ['control_mode', 'ox/red', …, 'test_time_second', …]
 */
export function parseMpt(input: Uint8Array, ctx: ParseContext): ParseResult {
  const bytes = singleByteView(input);
  const fmt = ctx.format;
  // The first two lines decide the header size; only the header is decoded as text.
  const top = decodeText(bytes.subarray(0, skipLines(bytes, 0, 2))).text;
  let pos = 0;
  const first = nextLine(top, pos);
  const magic = first.line.trim();
  if (!MPT_MAGICS.some((m) => m.toLowerCase() === magic.toLowerCase())) {
    throw new FormatError('not a Bio-Logic text export', { format: fmt, line: 1, expected: MPT_MAGICS.map((m) => `"${m}"`).join(' or '), actual: JSON.stringify(magic.slice(0, 40)) });
  }
  pos = first.next;
  const second = nextLine(top, pos);
  if (!second.terminated && second.line === '') throw new TruncatedError('file ends after the first line', { format: fmt, line: 2, expected: 'Nb header lines : N' });
  const m = /^Nb header lines\s*:\s*(\d{1,7})\s*$/.exec(second.line);
  if (!m) {
    throw new FormatError('second line does not give the header line count', { format: fmt, line: 2, expected: '"Nb header lines : N"', actual: JSON.stringify(second.line.slice(0, 40)) });
  }
  const nHeader = Number(m[1]);
  if (nHeader < 3) throw new FormatError(`header line count ${nHeader} is below 3`, { format: fmt, line: 2, expected: '≥ 3 (magic, count and column-name lines)', actual: String(nHeader) });
  const dataStart = skipLines(bytes, 0, nHeader);
  const { text, encoding } = decodeText(bytes.subarray(0, dataStart));
  pos = nextLine(text, nextLine(text, 0).next).next;
  // Header lines 3 .. N-1, then the column-name line N.
  const headerLines: string[] = [];
  for (let ln = 3; ln < nHeader; ln++) {
    if (pos >= text.length) throw new TruncatedError(`file ends in the header (line ${ln} of ${nHeader})`, { format: fmt, line: ln, expected: `${nHeader} header lines` });
    const l = nextLine(text, pos);
    headerLines.push(l.line);
    pos = l.next;
  }
  if (pos >= text.length) throw new TruncatedError('file ends before the column-name line', { format: fmt, line: nHeader, expected: 'tab-separated column names' });
  const namesLine = nextLine(text, pos);
  const names = namesLine.line.split('\t');
  while (names.length && names[names.length - 1]!.trim() === '') names.pop();
  if (names.length === 0) throw new FormatError('column-name line is empty', { format: fmt, line: nHeader, expected: 'tab-separated column names' });
  if (!names.some((n) => n.trim() === 'time/s') && !names.some((n) => /\//.test(n))) {
    throw new FormatError('column-name line has no column names', { format: fmt, line: nHeader, expected: 'names such as time/s, Ewe/V', actual: JSON.stringify(namesLine.line.slice(0, 60)) });
  }

  // The first data lines as text, for the separator and header checks.
  const firstRows = decodeWindows1252(bytes.subarray(dataStart, skipLines(bytes, dataStart, 20)));
  dropNamesWithoutData(names, firstRows, nHeader, ctx);
  const header = parseHeaderLines(headerLines, isKnownTechnique);
  const decimal = detectSeparator(firstRows, header);
  // Unit conversion happens on the decimal text while parsing (exact for 16-digit values).
  const shifts = names.map((name) => biologicUnitExponent(name));
  const data = parseDataBlock(bytes, dataStart, names.length, decimal, nHeader + 1, ctx, shifts);

  const columns: Column[] = names.map((name, i) => {
    const text = data.text[i];
    // A column without a single number (text such as an absolute date-time) is kept as text.
    const col = text ? textColumn(name, text) : biologicColumn(name, data.values[i]!, { fromText: true, converted: true });
    if (name.trim() === '') col.name = `column ${i + 1}`;
    return col;
  });

  const vendorTechnique = header.techniques[0] ?? null;
  let technique = vendorTechnique ? techniqueShortName(vendorTechnique) : guessTechnique(ctx.fileName);
  if (!vendorTechnique) {
    ctx.info(nHeader === 3 ? 'exported without header: no technique, settings or start time in the file' : 'no technique name in the header', {
      ruleId: 'no-header',
      line: 2,
      note: technique !== 'unknown' ? `technique ${technique} taken from the file name` : undefined,
    });
  }
  if (!technique) technique = 'unknown';

  const startText = headerText(header.settings, 'Acquisition started on');
  const startTime = startText !== undefined ? parseBiologicDate(startText) : null;
  if (startText !== undefined && !startTime) {
    ctx.warn('start time not understood; no absolute time', { ruleId: 'bad-start-time', note: startText });
  } else if (startTime) {
    ctx.info('start time is the local wall-clock time of the acquisition PC (no zone in the file)', { ruleId: 'assumed-local-time' });
  }

  const loops = loopStarts(header, data.rows, ctx);
  const settings: Record<string, unknown> = { ...(vendorTechnique ? { technique: vendorTechnique } : {}), header: header.settings };
  if (header.parameters.length) settings.parameters = header.parameters;
  if (header.modifications.length) settings.modifications = header.modifications;
  if (header.loops.length) settings.loops = header.loops.map(([from, to]) => ({ from, to }));
  const opts = ctx.options as MptOptions;
  if (opts.attachSettings !== false) {
    const mps = settingsFromSibling(ctx);
    if (mps) settings.mps = mps;
  }

  const software = softwareOf(header.settings);
  const measurements = buildBiologicMeasurements(columns, {
    technique,
    vendorTechnique,
    startTime,
    settings,
    loops,
    metadata: { decimalSeparator: decimal, headerLines: nHeader, rows: data.rows, encoding },
  });
  const result: ParseResult = {
    formatVersion: software?.version ?? null,
    channel: channelOf(header.settings),
    measurements,
  };
  if (software) result.software = software;
  const instrument = instrumentOf(header.settings);
  if (instrument) result.instrument = instrument;
  const sample = sampleOf(header.settings, decimal);
  if (sample) result.sample = sample;
  return result;
}

/**
 * The decimal separator, once per file: from the first data rows, else from numbers in the
 * header (`Electrode surface area : 0,001 cm²`).
 */
function detectSeparator(text: string, header: ParsedHeader): '.' | ',' {
  const sample: string[] = [];
  let p = 0;
  for (let k = 0; k < 20 && p < text.length; k++) {
    const l = nextLine(text, p);
    p = l.next;
    for (const f of l.line.split('\t')) if (f) sample.push(f);
  }
  if (sample.some((f) => /^[-+]?\d*[.,]\d/.test(f.trim()))) return detectDecimalSeparator(sample);
  const values: string[] = [];
  for (const v of Object.values(header.settings)) if (typeof v === 'string') values.push(v.split(' ')[0] ?? '');
  return detectDecimalSeparator(values);
}

/** Loop starts from the loops section, checked against the rows present. */
function loopStarts(header: ParsedHeader, rows: number, ctx: ParseContext): number[] | undefined {
  if (!header.loops.length) return undefined;
  const starts: number[] = [];
  for (const [from] of header.loops) {
    if (starts.length && from <= starts[starts.length - 1]!) {
      ctx.warn('loop starts are not increasing; loops ignored', { ruleId: 'bad-loops' });
      return undefined;
    }
    starts.push(from);
  }
  if (header.loopCount !== undefined && header.loopCount !== header.loops.length) {
    ctx.warn(`header declares ${header.loopCount} loops but lists ${header.loops.length}`, { ruleId: 'loop-count-mismatch' });
  }
  const last = header.loops[header.loops.length - 1]![1];
  if (last + 1 !== rows) {
    ctx.warn(`loops cover points 0..${last} but the data has ${rows} rows`, { ruleId: 'loop-rows-mismatch', expected: String(last + 1), actual: String(rows) });
  }
  return starts;
}

/** EC-Lab file names end with `_<nn>_<TECH>_C<nn>`: the technique when the header is missing. */
function guessTechnique(fileName: string): string {
  const m = /_\d+_([A-Za-z]+)_C\d+/.exec(fileName);
  return m ? m[1]!.toUpperCase() : 'unknown';
}

/**
 * EC-Lab 11.61 sometimes appends an empty name and one more name (`…\tRwe-ce/Ohm\t\tEwe-Ece/V`)
 * to the column-name line while the rows stop before the empty name (peis.issue_225.*.mpt).
 * Those trailing names have no values: drop them and say so.
 */
function dropNamesWithoutData(names: string[], text: string, nHeader: number, ctx: ParseContext): void {
  let p = 0;
  while (p < text.length) {
    const l = nextLine(text, p);
    p = l.next;
    if (l.line.trim() === '') continue;
    let fields = l.line.split('\t').length;
    if (l.line.endsWith('\t')) fields--;
    if (fields < names.length && names[fields] === '') {
      const dropped = names.splice(fields);
      ctx.warn(`column-name line names ${dropped.filter(Boolean).length} column(s) after an empty name that have no values in the rows: ${dropped.filter(Boolean).join(', ')}`, {
        ruleId: 'names-without-data',
        line: nHeader,
        expected: `${names.length} columns`,
        actual: `${names.length + dropped.length} names`,
      });
    }
    return;
  }
}

/** A vendor column of text values (name and unit as written). */
function textColumn(name: string, values: (string | null)[]): Column {
  const cut = unitCut(normaliseName(name));
  return vendorColumn(name, cut.unit, values, { displayName: cut.display, dtype: 'string' });
}
