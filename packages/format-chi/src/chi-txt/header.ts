/**
 * The part of a CHI text export before the data: date line, technique line, `Key: value`
 * preamble, `Name (unit) = value` parameters, bare flags and the optional results block.
 */
import { FormatError, type LineReader } from '@echemkit/core';
import { parseChiDateLine } from './date-line.js';
import { looksLikeChiHeaderField } from './column-map.js';

export interface ChiHeader {
  /** Wall-clock ms of the date line, undefined when the export has none. */
  startWallMs: number | undefined;
  dateLine: string | null;
  /** Technique as CHI writes it (line 2), null when absent. */
  technique: string | null;
  /** `File:`, `Data Source:`, `Instrument Model:`, `Header:`, `Note:` … verbatim. */
  preamble: Record<string, string>;
  /** Parameters, numbers where the text is a plain number; bare flags are `true`. */
  parameters: Record<string, string | number | boolean>;
  /** Lines of the results block (peak results, `Segment N:` lists), verbatim and trimmed. */
  results: string[];
  /** Segment numbers listed in the results block (`Segment 5:`). */
  resultSegments: number[];
  /** Column header fields as written. */
  columns: string[];
  /** 1-based line of the column header. */
  headerLine: number;
}

const PREAMBLE_KEYS = /^(File|Data Source|Instrument Model|Header|Note|Channel)\s*:\s?(.*)$/;
const MAX_HEADER_LINES = 5000;

function paramValue(text: string): string | number {
  const t = text.trim();
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
  return t;
}

/** True when the line is a CHI column header (two or more `name/unit` fields). */
export function isColumnHeaderLine(line: string): boolean {
  const fields = line.split(',');
  if (fields.length < 2) return false;
  for (const f of fields) if (!looksLikeChiHeaderField(f)) return false;
  return true;
}

/**
 * Reads lines up to and including the column header. Throws FormatError when no column
 * header appears (the file is not a CHI text export).
 */
export function readChiHeader(reader: LineReader, format: string): ChiHeader {
  const h: ChiHeader = { startWallMs: undefined, dateLine: null, technique: null, preamble: {}, parameters: {}, results: [], resultSegments: [], columns: [], headerLine: 0 };
  let inResults = false;
  let first = true;
  let sawChiLine = false;
  for (;;) {
    const line = reader.next();
    if (line === null) break;
    if (reader.line > MAX_HEADER_LINES) break;
    const t = line.trim();
    if (first) {
      first = false;
      const ms = parseChiDateLine(t);
      if (ms !== undefined) {
        h.startWallMs = ms;
        h.dateLine = t;
        sawChiLine = true;
        const tech = reader.next();
        if (tech !== null && !isColumnHeaderLine(tech)) {
          h.technique = tech.trim() || null;
          continue;
        }
        if (tech !== null) {
          h.columns = tech.split(',').map((f) => f.trim());
          h.headerLine = reader.line;
          return h;
        }
        break;
      }
    }
    if (!t) continue;
    if (isColumnHeaderLine(t)) {
      if (!sawChiLine) break;
      h.columns = t.split(',').map((f) => f.trim());
      h.headerLine = reader.line;
      return h;
    }
    if (t === 'Results:') {
      inResults = true;
      continue;
    }
    if (inResults) {
      h.results.push(t);
      const seg = /^Segment\s+(\d+)\s*:\s*$/.exec(t);
      if (seg) h.resultSegments.push(Number(seg[1]));
      continue;
    }
    const pre = PREAMBLE_KEYS.exec(t);
    if (pre) {
      h.preamble[pre[1]!] = pre[2]!.trim();
      sawChiLine = true;
      continue;
    }
    const eq = t.indexOf('=');
    if (eq > 0) {
      h.parameters[t.slice(0, eq).trim()] = paramValue(t.slice(eq + 1));
      sawChiLine = true;
      continue;
    }
    // A bare flag such as `Imp SF`; anything long or numeric is not a CHI header line.
    if (t.length <= 60 && !/^[-+]?\d/.test(t)) {
      h.parameters[t] = true;
      continue;
    }
    break;
  }
  throw new FormatError('no CHI column header (e.g. `Potential/V, Current/A`) found', {
    format,
    line: reader.line,
    expected: 'a CH Instruments text export: date line, technique, parameters, then a `quantity/unit, …` header',
    hint: 'Export the data from the CHI software with File > Convert to Text, or choose another format',
  });
}
