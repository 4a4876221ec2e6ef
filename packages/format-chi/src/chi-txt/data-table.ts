/**
 * The data block of a CHI text export: comma-separated numbers, blank lines, optional
 * `Segment N:` markers (and repeated column headers) between blocks. Scanned in place (no
 * per-line strings) into typed arrays sized by the number of lines left.
 */
import { FormatError, type ParseContext } from '@echemkit/core';
import { parseNumberRange } from '@echemkit/core';

export interface ChiTable {
  values: Float64Array[];
  /** Segment number of each row from `Segment N:` markers; undefined when the file has none. */
  segments: Int32Array | undefined;
  rows: number;
}

const SEGMENT_MARKER = /^Segment\s+(\d+)\s*:?\s*$/;

/** Parses the fields of text[start, end) into row `row` of `cols`; false when a field is missing or not a number. */
function parseRow(text: string, start: number, end: number, cols: Float64Array[], row: number): boolean {
  const n = cols.length;
  let at = start;
  for (let k = 0; k < n; k++) {
    let comma = text.indexOf(',', at);
    if (comma < 0 || comma > end) {
      if (k !== n - 1) return false;
      comma = end;
    } else if (k === n - 1) {
      // Extra fields: tolerate only a trailing empty one (`1, 2,`).
      for (let i = comma + 1; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c !== 32 && c !== 9) return false;
      }
    }
    const v = parseNumberRange(text, at, comma);
    if (Number.isNaN(v)) return false;
    cols[k]![row] = v;
    at = comma + 1;
  }
  return true;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/**
 * Reads every data row from `offset` (the line after the column header, which is line
 * `line`). A malformed last line (a cut file) is dropped with a warning; a malformed line
 * elsewhere is a FormatError.
 */
export function readChiTable(text: string, offset: number, line: number, columns: readonly string[], ctx: ParseContext): ChiTable {
  const columnCount = columns.length;
  const headerText = columns.join(',').replace(/\s+/g, '');
  // Rows are at most the lines left: count them once and write straight into typed arrays.
  let maxRows = 1;
  for (let p = text.indexOf('\n', offset); p >= 0; p = text.indexOf('\n', p + 1)) maxRows++;
  // A row needs at least one character per field and a comma between fields: this bounds the allocation by the bytes present.
  maxRows = Math.min(maxRows, Math.ceil((text.length - offset) / (2 * columnCount - 1)) + 1);
  const cols = Array.from({ length: columnCount }, () => new Float64Array(maxRows));
  const segs = new Int32Array(maxRows);
  let rows = 0;
  let currentSegment = 0;
  let sawMarker = false;
  let bad: { line: number; text: string } | undefined;
  let pos = offset;
  let lineNo = line;
  let lastHadEol = true;
  let lastRowHadEol = true;
  while (pos < text.length) {
    let eol = text.indexOf('\n', pos);
    lastHadEol = eol >= 0;
    if (eol < 0) eol = text.length;
    let end = eol;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--;
    const start = pos;
    pos = eol + 1;
    lineNo++;
    if (end === start || isBlank(text, start, end)) continue;
    if (bad) {
      // Something follows a malformed line: not a cut file but a broken one.
      throw new FormatError('malformed data row', {
        format: ctx.format,
        line: bad.line,
        expected: `${columnCount} comma-separated numbers`,
        actual: JSON.stringify(bad.text.slice(0, 80)),
        hint: 'The file may have been edited; re-export it from the CHI software',
      });
    }
    const c0 = text.charCodeAt(start);
    // Numbers start with a digit, sign or dot; only other lines can be segment markers.
    if (c0 > 57 || c0 === 32 || c0 === 9) {
      const t = text.slice(start, end).trim();
      const m = SEGMENT_MARKER.exec(t);
      if (m) {
        currentSegment = Number(m[1]);
        sawMarker = true;
        continue;
      }
      // Segment blocks may repeat the column header.
      if (t.replace(/\s+/g, '') === headerText) continue;
    }
    if (parseRow(text, start, end, cols, rows)) {
      segs[rows++] = currentSegment;
      lastRowHadEol = lastHadEol;
    } else bad = { line: lineNo, text: text.slice(start, end) };
  }
  if (bad) {
    ctx.warn('the last data line is incomplete (file cut off?); every complete row is kept', {
      ruleId: 'truncated-record',
      line: bad.line,
      record: rows,
      expected: `${columnCount} comma-separated numbers`,
      actual: JSON.stringify(bad.text.slice(0, 80)),
    });
  } else if (rows > 0 && !lastRowHadEol) {
    // The last row has no line end: its last number may be cut (`-4.127e-4` → `-4.1`), so it is not trusted.
    rows--;
    ctx.warn('the file ends without a line break: the last data row may be cut and was dropped', {
      ruleId: 'truncated-record',
      line: lineNo,
      record: rows,
      note: 'every complete row is kept',
    });
  }
  const values = cols.map((c) => c.slice(0, rows));
  const segments = sawMarker ? segs.slice(0, rows) : undefined;
  return { values, segments, rows };
}
