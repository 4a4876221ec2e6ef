/**
 * The shared Bio-Logic column layer: one function turns a column of raw vendor values
 * (from `.mpt` text or `.mpr` binary) into a schema column, so both readers produce the
 * same columns for the same run.
 */
import {
  applyConversionBinary,
  applyConversionDecimal,
  convertFloat32,
  convertUnit,
  getQuantity,
  quantityColumn,
  vendorColumn,
  type Column,
  type ColumnValues,
} from '@echemkit/core';
import { lookupColumn, normaliseName, unitCut, type ColumnEntry } from './column-table.js';
import { iRangeCodes } from './i-range.js';

/** Raw values as the readers decode them, in the vendor unit. */
export type BiologicRawValues = Float64Array | Float32Array | Int32Array | Uint8Array | Uint16Array | Uint32Array;

export interface BiologicColumnOptions {
  /**
   * The values were parsed from `.mpt` text: the Float64Array may be converted in place
   * (no copy). Binary callers leave it unset; their arrays are never modified.
   */
  fromText?: boolean;
  /**
   * The float64 values were decoded from binary (.mpr): unit conversion is one correctly rounded
   * division per value (decimal shifting is for text, whose digits are the data).
   */
  binary?: boolean;
  /**
   * The values are already in the quantity's unit: the text reader scaled them on the decimal
   * text with `biologicUnitExponent` while parsing (exact for 16-digit values, which converting
   * the parsed double is not). No conversion is applied; `-Im` is still negated.
   */
  converted?: boolean;
}

/**
 * The power of ten that converts a Bio-Logic column to its quantity's unit (`I/mA` → -3,
 * `Cs/µF` → -6), 0 when the column is not converted (vendor columns, integer columns, units
 * already canonical or not a power of ten).
 * @example
 * biologicUnitExponent('I/mA'); // -3
 */
export function biologicUnitExponent(sourceName: string): number {
  const entry = lookupColumn(sourceName);
  if (!entry?.quantity || entry.kind !== 'float' || !entry.unit) return 0;
  const target = getQuantity(entry.quantity).unit;
  if (!target || entry.unit === target) return 0;
  return convertUnit(entry.unit, target)?.exponent ?? 0;
}

/**
 * Builds the schema column for a Bio-Logic column name exactly as EC-Lab writes it
 * (`time/s`, `Ewe/V`, `I/mA`, `-Im(Z)/Ohm`, `cycle number`, `I Range` …) from raw values in
 * the vendor unit. Mapped names become vocabulary quantities (unit converted decimal-exactly,
 * `-Im(Z)` negated to the true sign, counters as integers, `Ns` as strings); every other name
 * becomes a vendor column with its original name and unit.
 *
 * Averaged and instantaneous variants (`<I>/mA`, `I/mA`) both get the quantity; when both are
 * present `buildBiologicMeasurements` renames the averaged one.
 *
 * @example
 * const c = biologicColumn('I/mA', new Float64Array([3.4228721]), { fromText: true });
 * c.name; // 'current_ampere'
 * c.values[0]; // 0.0034228721
 * c.sourceUnit; // 'mA'
 */
export function biologicColumn(sourceName: string, raw: BiologicRawValues, opts: BiologicColumnOptions = {}): Column {
  const found = lookupColumn(sourceName);
  // The table spells units with the micro sign; keep the vendor's own spelling (Greek mu) as sourceUnit.
  const entry = found && found.unit && sourceName !== normaliseName(sourceName) ? { ...found, unit: found.unit.replace(/\u00b5/g, '\u03bc') } : found;
  if (!entry) {
    const cut = unitCut(normaliseName(sourceName));
    return vendorColumn(sourceName, cut.unit, vendorValues(raw, 'float'), { displayName: cut.display });
  }
  if (!entry.quantity) {
    return vendorColumn(sourceName, entry.unit, vendorValues(raw, entry.kind), { displayName: entry.display });
  }
  const meta = { sourceName, sourceUnit: entry.unit };
  switch (entry.kind) {
    case 'flag':
    case 'int':
      return quantityColumn(entry.quantity, integerValues(raw, entry.kind === 'flag'), meta);
    case 'irange': {
      const values = integerValues(raw, false);
      const codes = ArrayBuffer.isView(values) ? iRangeCodes(values as ArrayLike<number>) : iRangeCodes((values as (number | null)[]).filter((x): x is number => x !== null));
      return quantityColumn(entry.quantity, values, { ...meta, codes, description: 'Bio-Logic I Range code; `codes` maps the codes to ranges' });
    }
    case 'step':
      return quantityColumn(entry.quantity, stepStrings(raw), { ...meta, dtype: 'string' });
    default:
      return floatQuantity(entry, raw, opts, meta);
  }
}

function floatQuantity(entry: ColumnEntry, raw: BiologicRawValues, opts: BiologicColumnOptions, meta: { sourceName: string; sourceUnit: string | null }): Column {
  const quantity = entry.quantity!;
  const target = getQuantity(quantity).unit;
  const conv = entry.unit && target && !opts.converted ? convertUnit(entry.unit, target) : undefined;
  if (entry.unit && target && entry.unit !== target && !convertUnit(entry.unit, target)) {
    // A unit the core table does not know: keep the column as the vendor wrote it.
    return vendorColumn(meta.sourceName, entry.unit, vendorValues(raw, 'float'), { displayName: entry.display });
  }
  if (raw instanceof Float32Array) {
    const { values, scaleExponent } = conv ? convertFloat32(raw, conv) : { values: raw, scaleExponent: 0 };
    const out = entry.negate ? negate(values, values === raw) : values;
    return quantityColumn(quantity, out, { ...meta, dtype: 'float32', scaleExponent });
  }
  let values: Float64Array = raw instanceof Float64Array ? (opts.fromText ? raw : raw.slice()) : Float64Array.from(raw);
  // Text was converted on its digits; binary float64 gets one correctly rounded division (fast, exact to the double).
  if (conv) values = opts.binary && raw instanceof Float64Array ? applyConversionBinary(values, conv) : applyConversionDecimal(values, conv);
  if (entry.negate) negate(values, false);
  return quantityColumn(quantity, values, { ...meta, dtype: raw instanceof Float64Array ? 'float64' : undefined });
}

/** Negates in place (copying first when `copy`); -0 stays a signed zero as the vendor's 0 negated. */
function negate<T extends Float64Array | Float32Array>(values: T, copy: boolean): T {
  const out = (copy ? values.slice() : values) as T;
  for (let i = 0; i < out.length; i++) out[i] = out[i]! === 0 ? 0 : -out[i]!;
  return out;
}

/** Vendor columns keep their values; flags and counters given as floats (text) become integers. */
function vendorValues(raw: BiologicRawValues, kind: ColumnEntry['kind']): ColumnValues {
  if (kind === 'flag' || kind === 'int' || kind === 'irange') return integerValues(raw, kind === 'flag');
  return raw;
}

/**
 * Integer-valued columns: Uint8Array for flags, Int32Array for counters. Values parsed from
 * text arrive as float64; a non-integral value keeps the column float64 (nothing is rounded)
 * and NaN (missing) gives a plain array with null.
 */
function integerValues(raw: BiologicRawValues, flag: boolean): ColumnValues {
  if (!(raw instanceof Float64Array || raw instanceof Float32Array)) {
    if (flag && raw instanceof Uint8Array) return raw;
    if (raw instanceof Int32Array) return raw;
    // new Int32Array(typedArray) converts natively; Int32Array.from walks the iterator.
    if (raw instanceof Uint8Array || raw instanceof Uint16Array) return new Int32Array(raw);
    let fits = true;
    for (let i = 0; i < raw.length; i++) if (raw[i]! > 0x7fffffff) fits = false;
    if (!fits) return raw;
    // Below 2^31 a Uint32Array's bits are the Int32Array's: a view of the same memory, no copy.
    return raw instanceof Uint32Array ? new Int32Array(raw.buffer, raw.byteOffset, raw.length) : new Int32Array(raw);
  }
  let missing = false;
  let max = 0;
  let min = 0;
  for (let i = 0; i < raw.length; i++) {
    const x = raw[i]!;
    if (Number.isNaN(x)) {
      missing = true;
      continue;
    }
    if (!Number.isInteger(x)) return raw;
    if (x > max) max = x;
    if (x < min) min = x;
  }
  if (max > 0x7fffffff || min < -0x80000000) return raw;
  if (missing) {
    const out: (number | null)[] = new Array(raw.length);
    for (let i = 0; i < raw.length; i++) out[i] = Number.isNaN(raw[i]!) ? null : raw[i]!;
    return out;
  }
  if (flag && min >= 0 && max <= 255) return Uint8Array.from(raw);
  return Int32Array.from(raw);
}

/** Ns as strings of the integer (`step_id` is a string quantity); missing → null. */
function stepStrings(raw: BiologicRawValues): (string | null)[] {
  const out: (string | null)[] = new Array(raw.length);
  // Few distinct values: reuse the strings (an array for the u16 Ns of .mpr files, a map otherwise).
  if (raw instanceof Uint16Array || raw instanceof Uint8Array) {
    const table: string[] = [];
    // Ns holds for whole steps: each run is one native fill.
    for (let i = 0; i < raw.length; ) {
      const x = raw[i]!;
      let j = i + 1;
      while (j < raw.length && raw[j] === x) j++;
      out.fill((table[x] ??= String(x)), i, j);
      i = j;
    }
    return out;
  }
  const cache = new Map<number, string>();
  for (let i = 0; i < raw.length; i++) {
    const x = raw[i]!;
    if (Number.isNaN(x)) {
      out[i] = null;
      continue;
    }
    let s = cache.get(x);
    if (s === undefined) {
      s = String(x);
      cache.set(x, s);
    }
    out[i] = s;
  }
  return out;
}
