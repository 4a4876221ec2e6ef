/**
 * Collects the cells of one LANDdt export column (text or spreadsheet) and turns them into an
 * echemkit column: unit conversion to the vocabulary unit, durations to seconds, text kept.
 */
import {
  applyConversionDecimal,
  type Column,
  convertUnit,
  Float64Builder,
  quantityColumn,
  vendorColumn,
} from '@echemkit/core';
import { type LandColumnRule, landColumnRule, splitLandHeader } from './header-names.js';
import { parseNumberRange } from '@echemkit/core';
import { isClockDuration, parseClockRange, parseLandDateTime, parseLandDuration } from './time-text.js';

/** A cell: text from a .txt/.csv, a number or text from a spreadsheet, null when empty. */
export type Cell = string | number | null;

const TIME_UNITS: Record<string, number> = { s: 1, sec: 1, 'sec.': 1, second: 1, seconds: 1, 秒: 1, min: 60, h: 3600, hr: 3600, hour: 3600 };

/** Something the reader should report once the column is finished. */
export interface SinkProblem {
  ruleId: string;
  message: string;
}

/** One column in the making. */
export class ColumnSink {
  readonly rule: LandColumnRule;
  readonly name: string;
  readonly unit: string | null;
  private nums = new Float64Builder(256);
  private texts: (string | null)[] = [];
  private clock = false;
  private bad = 0;
  /** Decimal exponent applied while parsing text cells (undefined: convert at the end). */
  private textExponent: number | undefined;
  /** True when numbers were converted while parsing text (a file is either text or a workbook, never both). */
  private converted = false;
  /** Cells of an `auto` column read from text are numbers so far. */
  private autoNumeric = true;
  /** First date-time of a datetime column (wall-clock ms as if UTC) and its text. */
  firstDateTime: { ms: number; raw: string } | undefined;

  /** `vendorOnly`: keep the column as written (vendor tables), without quantity mapping. */
  constructor(
    readonly header: string,
    vendorOnly = false,
  ) {
    this.rule = vendorOnly ? { quantity: null, kind: 'auto' } : landColumnRule(header);
    const s = splitLandHeader(header);
    this.name = s.name;
    this.unit = s.unit;
    if (this.rule.kind === 'number' && this.unit) {
      const c = convertUnit(this.unit, this.rule.target!);
      // Power-of-ten conversions are applied while parsing text (decimal-exact); others at the end.
      if (c?.exponent !== undefined) this.textExponent = c.exponent;
    }
  }


  /**
   * Adds the cell `text[start, end)` of a text export without slicing it for numeric columns
   * (the hot path of .txt/.csv reading).
   */
  pushRange(text: string, start: number, end: number): void {
    const kind = this.rule.kind;
    if (kind === 'number' || kind === 'integer') {
      // Quoted fields are rare: strip the quotes.
      if (end - start >= 2 && text.charCodeAt(start) === 34 && text.charCodeAt(end - 1) === 34) {
        start++;
        end--;
      }
      const e = kind === 'number' ? (this.textExponent ?? 0) : 0;
      const v = parseNumberRange(text, start, end, e);
      if (Number.isNaN(v) && !isBlankRange(text, start, end)) this.bad++;
      if (e !== 0) this.converted = true;
      this.nums.push(v);
      return;
    }
    if (kind === 'time') {
      const colon = text.indexOf(':', start);
      if (colon >= 0 && colon < end) {
        this.clock = true;
        const v = parseClockRange(text, start, end);
        if (Number.isNaN(v) && !isBlankRange(text, start, end)) this.bad++;
        this.nums.push(v);
        return;
      }
      const f = this.timeFactor();
      const v = parseNumberRange(text, start, end);
      if (Number.isNaN(v) && !isBlankRange(text, start, end)) this.bad++;
      this.nums.push(f === 1 ? v : v * f);
      return;
    }
    if (kind === 'auto' && this.autoNumeric) {
      // Vendor columns are numbers far more often than text: parse in place while they are.
      const v = parseNumberRange(text, start, end);
      if (!Number.isNaN(v) || isBlankRange(text, start, end)) {
        this.nums.push(v);
        return;
      }
      this.autoToText();
    }
    let cell = text.slice(start, end);
    if (cell.length >= 2 && cell.charCodeAt(0) === 34 && cell.charCodeAt(cell.length - 1) === 34) cell = cell.slice(1, -1);
    this.push(cell);
  }

  /** Numbers seen so far become text (their shortest form) once a non-number appears. */
  private autoToText(): void {
    this.autoNumeric = false;
    const v = this.nums.finish();
    this.nums = new Float64Builder(16);
    this.texts = Array.from(v, (x) => (Number.isNaN(x) ? null : String(x)));
  }

  get length(): number {
    return this.usesTexts() ? this.texts.length : this.nums.length;
  }

  private usesTexts(): boolean {
    const k = this.rule.kind;
    return k === 'text' || k === 'datetime' || (k === 'auto' && !this.autoNumeric);
  }

  /**
   * Adds a cell. `excelDays` marks a spreadsheet number formatted as a time or date (a
   * fraction of a day, or an OLE date serial).
   */
  push(cell: Cell, excelDays = false): void {
    switch (this.rule.kind) {
      case 'time': {
        if (typeof cell === 'number') this.nums.push(excelDays ? Math.round(cell * 86400 * 1e6) / 1e6 : cell * this.timeFactor());
        else if (cell === null || cell.trim() === '') this.nums.push(NaN);
        else if (isClockDuration(cell)) {
          this.clock = true;
          this.nums.push(parseLandDuration(cell));
        } else this.pushNumber(cell, this.timeFactor());
        return;
      }
      case 'number':
      case 'integer':
        if (typeof cell === 'number') this.nums.push(cell);
        else this.pushNumber(cell, 1);
        return;
      case 'datetime': {
        const text = typeof cell === 'number' ? (excelDays ? excelSerialText(cell) : String(cell)) : cell === null || cell.trim() === '' ? null : cell.trim();
        if (text !== null && !this.firstDateTime) {
          const ms = parseLandDateTime(text);
          if (!Number.isNaN(ms)) this.firstDateTime = { ms, raw: text };
        }
        this.texts.push(text);
        return;
      }
      default:
        if (this.autoNumeric && this.nums.length === 0) this.autoNumeric = false;
        if (typeof cell === 'number') this.texts.push(excelDays ? (cell >= 1 ? excelSerialText(cell) : durationText(cell * 86400)) : String(cell));
        else this.texts.push(cell === null || cell.trim() === '' ? null : cell.trim());
    }
  }

  private pushNumber(cell: string | null, factor: number): void {
    if (cell === null || cell.trim() === '') {
      this.nums.push(NaN);
      return;
    }
    const v = Number(cell);
    if (Number.isNaN(v)) this.bad++;
    this.nums.push(factor === 1 ? v : v * factor);
  }

  private timeFactor(): number {
    return this.unit ? (TIME_UNITS[this.unit.toLowerCase()] ?? 1) : 1;
  }

  /** Drops the last `n` values (rows removed after the fact, e.g. a cut last line). */
  truncate(n: number): void {
    if (this.usesTexts()) this.texts.length = Math.min(this.texts.length, n);
    else this.nums.length = Math.min(this.nums.length, n);
  }

  /** The finished column, plus problems worth a diagnostic. */
  finish(): { column: Column; problems: SinkProblem[] } {
    const problems: SinkProblem[] = [];
    const { rule, header } = this;
    if (this.bad) problems.push({ ruleId: 'non-numeric-value', message: `${this.bad} value(s) of column '${header}' are not numbers and were kept as missing (NaN)` });
    switch (rule.kind) {
      case 'time': {
        const v = this.nums.finish();
        const sourceUnit = this.clock ? (this.unit ? `${this.unit} (h:mm:ss)` : 'h:mm:ss') : this.unit;
        return { column: quantityColumn(rule.quantity!, v, { sourceName: header, sourceUnit, dtype: 'float64' }), problems };
      }
      case 'number': {
        const v = this.nums.finish();
        const conv = this.unit ? convertUnit(this.unit, rule.target!) : undefined;
        if (!conv) {
          problems.push({ ruleId: 'unknown-unit', message: `column '${header}' has ${this.unit ? `the unknown unit '${this.unit}'` : 'no unit'}; kept as a vendor column` });
          return { column: vendorColumn(header, this.unit, v, { displayName: this.name, dtype: 'float64' }), problems };
        }
        if (!this.converted) applyConversionDecimal(v, conv);
        return { column: quantityColumn(rule.quantity!, v, { sourceName: header, sourceUnit: this.unit, dtype: 'float64' }), problems };
      }
      case 'integer': {
        const v = this.nums.finish();
        let ints = true;
        for (let i = 0; i < v.length; i++) if (!Number.isInteger(v[i]) || Math.abs(v[i]!) > 2147483647) ints = false;
        const values = ints ? Int32Array.from(v) : Array.from(v, (x) => (Number.isNaN(x) ? null : x));
        return { column: quantityColumn(rule.quantity!, values, { sourceName: header, sourceUnit: this.unit, dtype: ints ? 'int32' : 'float64' }), problems };
      }
      case 'text':
        return { column: quantityColumn(rule.quantity!, this.texts, { sourceName: header, sourceUnit: this.unit, dtype: 'string' }), problems };
      case 'datetime':
        return { column: vendorColumn(header, this.unit, this.texts, { displayName: this.name, dtype: 'string', description: 'local date-time as written (no time zone)' }), problems };
      default: {
        if (this.autoNumeric) {
          return { column: vendorColumn(header, this.unit, this.nums.finish(), { displayName: this.name, dtype: 'float64' }), problems };
        }
        const t = this.texts;
        let numeric = t.length > 0;
        for (let i = 0; i < t.length && numeric; i++) if (t[i] !== null && Number.isNaN(Number(t[i]))) numeric = false;
        if (numeric) {
          const v = new Float64Array(t.length);
          for (let i = 0; i < t.length; i++) v[i] = t[i] === null ? NaN : Number(t[i]);
          return { column: vendorColumn(header, this.unit, v, { displayName: this.name, dtype: 'float64' }), problems };
        }
        return { column: vendorColumn(header, this.unit, t, { displayName: this.name, dtype: 'string' }), problems };
      }
    }
  }
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Text `YYYY-MM-DD hh:mm:ss` of an Excel (1900 system) date serial, milliseconds when present. */
export function excelSerialText(serial: number): string {
  const ms = Math.round(Date.UTC(1899, 11, 30) + serial * 86400000);
  const d = new Date(ms);
  let s = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  if (d.getUTCMilliseconds()) s += `.${pad(d.getUTCMilliseconds(), 3)}`;
  return s;
}

/** `h:mm:ss` (with milliseconds when present) of a duration in seconds. */
export function durationText(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3600000);
  const m = Math.floor((ms % 3600000) / 60000);
  const s = Math.floor((ms % 60000) / 1000);
  const f = ms % 1000;
  return `${h}:${pad(m)}:${pad(s)}${f ? `.${pad(f, 3)}` : ''}`;
}

function isBlankRange(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}
