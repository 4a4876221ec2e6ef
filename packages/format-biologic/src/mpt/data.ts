/**
 * The tab-separated data block of an `.mpt`: one hand-written pass over the BYTES into one
 * Float64Array per column (no decoding to a string, no per-row objects, no line splitting).
 * Data rows are ASCII; the only non-ASCII text of a file is in the header.
 */
import { LimitError, decodeWindows1252, type ParseContext } from '@echemkit/core';
import { parseNumberAt } from '../text/numbers.js';

export interface DataBlock {
  /** One array per column, `rows` long. */
  values: Float64Array[];
  rows: number;
  /**
   * Per column: the raw texts when NO field of the column is a number but some are text (a
   * column EC-Lab wrote as text, e.g. an absolute date-time); undefined for numeric columns.
   */
  text: ((string | null)[] | undefined)[];
}

/** Column count × row count above which a file is treated as corrupted (8 bytes per value). */
const MAX_VALUES_PER_CHAR = 16;

/**
 * Parses rows starting at byte `start` of `bytes`.
 * @param firstLine 1-based line number of the first data line (for diagnostics)
 * @param shifts per column, the power of ten applied on the decimal text (unit conversion)
 */
export function parseDataBlock(bytes: Uint8Array, start: number, ncols: number, decimal: '.' | ',', firstLine: number, ctx: ParseContext, shifts?: ArrayLike<number>): DataBlock {
  const sep = decimal === ',' ? 44 : 46;
  const len = bytes.length;
  // Upper bound on rows: the number of line breaks left (+1 for a last line without one).
  let bound = 1;
  for (let p = bytes.indexOf(10, start); p !== -1; p = bytes.indexOf(10, p + 1)) bound++;
  if (ncols * bound > MAX_VALUES_PER_CHAR * (len - start) + 1_000_000) {
    throw new LimitError(`${ncols} columns × ${bound} lines exceed what the data block can hold`, { format: ctx.format, line: firstLine, hint: 'The header line count or the column-name line is corrupted' });
  }
  const values: Float64Array[] = [];
  for (let c = 0; c < ncols; c++) values.push(new Float64Array(bound));

  let rows = 0;
  let line = firstLine - 1;
  let pos = start;
  let trailingTab: boolean | undefined;
  let shortWarned = false;
  let longWarned = false;
  // Fields that are not numbers, per column (row → text); kept so a text column is not lost.
  const bad: (Map<number, string> | undefined)[] = new Array(ncols);
  const badLine = new Int32Array(ncols);
  const numeric = new Uint32Array(ncols);
  while (pos < len) {
    line++;
    let nl = bytes.indexOf(10, pos);
    const terminated = nl !== -1;
    if (!terminated) nl = len;
    let end = nl;
    if (end > pos && bytes[end - 1] === 13) end--;
    const lineStart = pos;
    pos = nl + 1;
    // Blank lines occur in the data block (yadg issue #151): skip them.
    let blank = true;
    for (let i = lineStart; i < end; i++) {
      const ch = bytes[i]!;
      if (ch !== 32 && ch !== 9) {
        blank = false;
        break;
      }
    }
    if (blank) continue;
    const endsWithTab = bytes[end - 1] === 9;
    if (trailingTab === undefined) trailingTab = endsWithTab;
    if (!terminated) {
      // The last line has no line end: a cut-off row if it is short or lacks the trailing tab.
      let fields = 1;
      for (let i = lineStart; i < end; i++) if (bytes[i] === 9) fields++;
      if (endsWithTab) fields--;
      if (fields < ncols || (trailingTab && !endsWithTab)) {
        ctx.warn(`last line is incomplete (${fields} of ${ncols} fields); dropped`, { ruleId: 'truncated-record', line, record: rows, expected: `${ncols} fields`, actual: `${fields}` });
        break;
      }
    }
    let a = lineStart;
    let c = 0;
    for (; c < ncols; c++) {
      if (a > end) break;
      // Scan to the tab by hand: indexOf could run past the line end (quadratic on tab-less files).
      let b = a;
      while (b < end && bytes[b] !== 9) b++;
      const x = parseNumberAt(bytes, a, b, sep, shifts ? shifts[c]! : 0);
      if (x === x) numeric[c]!++;
      else if (b > a) {
        const t = decodeWindows1252(bytes.subarray(a, b)).trim();
        if (t) {
          let m = bad[c];
          if (!m) {
            bad[c] = m = new Map();
            badLine[c] = line;
          }
          m.set(rows, t);
        }
      }
      values[c]![rows] = x;
      a = b + 1;
    }
    if (c < ncols) {
      for (let k = c; k < ncols; k++) values[k]![rows] = NaN;
      if (!shortWarned) {
        shortWarned = true;
        ctx.warn(`row has ${c} of ${ncols} fields; the missing values are NaN`, { ruleId: 'short-row', line, record: rows, expected: `${ncols} fields`, actual: `${c}` });
      }
    } else if (a < end && !longWarned) {
      longWarned = true;
      ctx.warn(`row has more fields than the ${ncols} the header names; extra fields ignored`, { ruleId: 'long-row', line, record: rows, expected: `${ncols} fields` });
    }
    rows++;
  }
  if (rows < bound) for (let c = 0; c < ncols; c++) values[c] = values[c]!.slice(0, rows);
  const text: ((string | null)[] | undefined)[] = new Array(ncols);
  for (let c = 0; c < ncols; c++) {
    const m = bad[c];
    if (!m) continue;
    const first = m.values().next().value as string;
    if (numeric[c] === 0) {
      const t: (string | null)[] = new Array(rows).fill(null);
      for (const [r, v] of m) if (r < rows) t[r] = v;
      text[c] = t;
      ctx.info(`column ${c + 1} holds text, not numbers (first: ${JSON.stringify(first.slice(0, 40))}); kept as text`, { ruleId: 'text-column', line: badLine[c] });
    } else {
      ctx.warn(`${m.size} field(s) of column ${c + 1} are not numbers (first: ${JSON.stringify(first.slice(0, 40))}); stored as NaN`, { ruleId: 'non-numeric-value', line: badLine[c], actual: first.slice(0, 40), note: `column ${c + 1}` });
    }
  }
  return { values, rows, text };
}
