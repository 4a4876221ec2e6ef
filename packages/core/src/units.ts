/**
 * Unit normalisation: vendor unit spellings → the fixed units of the vocabulary
 * (A, V, s, Ah, Wh, degC, ohm, Hz, W, F, S …). Factors are powers of ten where possible so
 * float32 values can be shifted decimally (see number-format.ts).
 */
import { shiftDecimal } from './number-format.js';

export interface UnitConversion {
  /** Canonical unit the value converts to. */
  unit: string;
  /** value_canonical = value * factor + offset */
  factor: number;
  offset: number;
  /** log10(factor) when the factor is an exact power of ten, else undefined. */
  exponent: number | undefined;
}

const table = new Map<string, UnitConversion>();
function def(aliases: string[], unit: string, factor: number, offset = 0, exponent?: number): void {
  for (const a of aliases) table.set(a, { unit, factor, offset, exponent: offset === 0 ? exponent : undefined });
}
const P = (e: number): [number, number, number] => [Number(`1e${e}`), 0, e];

// Micro sign (U+00B5) and Greek mu (U+03BC) both occur; 'u' is the ASCII stand-in.
const micro = (s: string): string[] => ['µ', 'μ', 'u'].map((m) => s.replace('µ', m));

def(['A'], 'A', ...P(0));
def(['mA'], 'A', ...P(-3));
def(micro('µA'), 'A', ...P(-6));
def(['nA'], 'A', ...P(-9));
def(['pA'], 'A', ...P(-12));
def(['kA'], 'A', ...P(3));
def(['V'], 'V', ...P(0));
def(['mV'], 'V', ...P(-3));
def(micro('µV'), 'V', ...P(-6));
def(['kV'], 'V', ...P(3));
def(['s', 'sec', 'S(s)'], 's', ...P(0));
def(['ms'], 's', ...P(-3));
def(micro('µs'), 's', ...P(-6));
def(['min'], 's', 60, 0);
def(['h', 'hr'], 's', 3600, 0);
def(['d', 'day'], 's', 86400, 0);
def(['Ah', 'A.h', 'A·h', 'A h'], 'Ah', ...P(0));
def(['mAh', 'mA.h', 'mA·h', 'mA h'], 'Ah', ...P(-3));
def([...micro('µAh'), ...micro('µA.h'), ...micro('µA·h')], 'Ah', ...P(-6));
def(['nAh', 'nA.h'], 'Ah', ...P(-9));
def(['C', 'As', 'A.s'], 'Ah', 1 / 3600, 0);
def(['mC', 'mAs', 'mA.s'], 'Ah', 1e-3 / 3600, 0);
def(['Wh', 'W.h', 'W·h'], 'Wh', ...P(0));
def(['mWh', 'mW.h', 'mW·h'], 'Wh', ...P(-3));
def([...micro('µWh'), ...micro('µW.h')], 'Wh', ...P(-6));
def(['kWh', 'kW.h'], 'Wh', ...P(3));
def(['J', 'Ws', 'W.s'], 'Wh', 1 / 3600, 0);
def(['W'], 'W', ...P(0));
def(['mW'], 'W', ...P(-3));
def(micro('µW'), 'W', ...P(-6));
def(['kW'], 'W', ...P(3));
def(['ohm', 'Ohm', 'Ω', 'Ω', 'ohms'], 'ohm', ...P(0));
def(['mohm', 'mOhm', 'mΩ', 'mΩ'], 'ohm', ...P(-3));
def(['kohm', 'kOhm', 'kΩ', 'kΩ'], 'ohm', ...P(3));
def(['Mohm', 'MOhm', 'MΩ', 'MΩ'], 'ohm', ...P(6));
def(['S', 'Ohm-1', 'ohm-1', '1/Ohm', '1/ohm', 'Ω-1'], 'S', ...P(0));
def(['mS', 'mOhm-1'], 'S', ...P(-3));
def(['Hz'], 'Hz', ...P(0));
def(['kHz'], 'Hz', ...P(3));
def(['MHz'], 'Hz', ...P(6));
def(['mHz'], 'Hz', ...P(-3));
def(['deg', '°', 'degree', 'degrees'], 'deg', ...P(0));
def(['rad'], 'deg', 180 / Math.PI, 0);
def(['degC', '°C', '℃', 'C°', 'oC', 'deg C', '?C', '?'], 'degC', ...P(0));
def(['K'], 'degC', 1, -273.15);
def(['F'], 'F', ...P(0));
def(['mF'], 'F', ...P(-3));
def(micro('µF'), 'F', ...P(-6));
def(['nF'], 'F', ...P(-9));
def(['Pa'], 'Pa', ...P(0));
def(['kPa'], 'Pa', ...P(3));
def(['MPa'], 'Pa', ...P(6));
def(['bar'], 'Pa', ...P(5));
def(['eV'], 'eV', ...P(0));
def(['nm'], 'nm', ...P(0));
def(['Å', 'Å', 'A°'], 'nm', ...P(-1));
def(micro('µm'), 'nm', ...P(3));
def(['V/s'], 'V/s', ...P(0));
def(['mV/s'], 'V/s', ...P(-3));
def(['%'], '%', ...P(0));

/**
 * How to convert a vendor unit to `target`; undefined when the unit is unknown or of another dimension.
 * @example
 * convertUnit('mA', 'A'); // { unit: 'A', factor: 0.001, offset: 0, exponent: -3 }
 */
export function convertUnit(sourceUnit: string, target: string): UnitConversion | undefined {
  const c = table.get(sourceUnit.trim());
  if (!c || c.unit !== target) return undefined;
  return c;
}

/** The canonical unit a vendor unit converts to, or undefined when unknown. */
export function canonicalUnit(sourceUnit: string): string | undefined {
  return table.get(sourceUnit.trim())?.unit;
}

/** Multiplies (and offsets) values in place; returns the array. */
export function applyConversion<T extends Float64Array>(values: T, c: UnitConversion): T {
  if (c.factor === 1 && c.offset === 0) return values;
  const { factor, offset } = c;
  for (let i = 0; i < values.length; i++) values[i] = values[i]! * factor + offset;
  return values;
}

/**
 * Converts float64 values parsed from text in place: decimal-exact shifting for power-of-ten
 * factors (see shiftDecimal), multiplication otherwise.
 */
export function applyConversionDecimal<T extends Float64Array>(values: T, c: UnitConversion): T {
  if (c.factor === 1 && c.offset === 0) return values;
  if (c.exponent !== undefined) {
    const e = c.exponent;
    for (let i = 0; i < values.length; i++) values[i] = shiftDecimal(values[i]!, e);
    return values;
  }
  return applyConversion(values, c);
}

/**
 * Converts float32 values from a binary file: returns float64 values f·10^e (decimal-exact)
 * to be stored with dtype 'float32' and scaleExponent e, or multiplied values for other factors.
 */
export function convertFloat32(values: Float32Array, c: UnitConversion): { values: Float64Array | Float32Array; scaleExponent: number } {
  if (c.factor === 1 && c.offset === 0) return { values, scaleExponent: 0 };
  const out = new Float64Array(values.length);
  if (c.exponent !== undefined) {
    const f = c.factor;
    // Multiplication is exact enough for storage: writers recover the float32 by dividing and rounding (Math.fround).
    for (let i = 0; i < values.length; i++) out[i] = values[i]! * f;
    return { values: out, scaleExponent: c.exponent };
  }
  for (let i = 0; i < values.length; i++) out[i] = values[i]! * c.factor + c.offset;
  return { values: out, scaleExponent: 0 };
}

/**
 * Converts float64 values read from a binary file in place: one correctly rounded division
 * (or multiplication) by an exact power of ten, so the result is the double nearest to the
 * exact converted value (what decimal shifting would give, at a fraction of the cost).
 */
export function applyConversionBinary<T extends Float64Array>(values: T, c: UnitConversion): T {
  if (c.factor === 1 && c.offset === 0) return values;
  const e = c.exponent;
  if (e !== undefined && e >= -22 && e <= 22) {
    if (e < 0) {
      const d = Number(`1e${-e}`);
      for (let i = 0; i < values.length; i++) values[i] = values[i]! / d;
    } else {
      const m = Number(`1e${e}`);
      for (let i = 0; i < values.length; i++) values[i] = values[i]! * m;
    }
    return values;
  }
  return applyConversion(values, c);
}
