/**
 * The decoded records of any NEWARE layout, column by column (typed arrays, no per-row
 * objects), before they become schema columns. Every layout fills what it stores and
 * leaves the rest undefined.
 */
import type { Dtype } from '@echemkit/core';

/** A numeric column with its storage facts. */
export interface NumCol {
  /** Float32Array for float32 data kept in its unit; Float64Array otherwise. */
  values: Float64Array | Float32Array;
  /** Storage type in the file (absent for 64-bit integers, which the schema has no name for). */
  dtype?: Dtype;
  /** Set when `values` are float32 numbers × 10^scaleExponent (see core Column.scaleExponent). */
  scaleExponent?: number;
  /** Field name in the vendor's terms (NewareNDA / BTSDA naming). */
  sourceName: string;
  /** Unit the file stores the field in. */
  sourceUnit: string | null;
  /** True when echemkit computed the values. */
  derived?: boolean;
  description?: string;
}

/** An auxiliary channel joined on the record index. */
export interface AuxCol extends NumCol {
  /** temperature → temperature_tN_celsius, voltage → auxiliary_voltage_volt, other → vendor column. */
  kind: 'temperature' | 'voltage' | 'other';
  /** Vendor column name used when kind is 'other' or the quantity slots are used up. */
  vendorName: string;
}

/** Capacity and energy as the layout stores them. */
export type CapacityCols =
  | { kind: 'split'; chgCap: NumCol; dchgCap: NumCol; chgEnergy: NumCol; dchgEnergy: NumCol }
  | { kind: 'signed'; netCap: NumCol; netEnergy: NumCol };

/** Records of one file, sorted by index without duplicates. */
export interface NewareRecords {
  n: number;
  /** Record number as the file stores it (Index). */
  index: Float64Array;
  /** Vendor cycle number, 1-based (the file stores it 0-based; BTSDA shows +1). */
  cycle?: Int32Array;
  /** Program step number (Step_Index / Step_ID). */
  stepId?: Int32Array;
  /** Step type code (Status). */
  status?: Uint8Array;
  /** +1 at every new step. */
  stepCount?: { values: Int32Array; derived: boolean; description?: string };
  stepTime?: NumCol;
  testTime?: NumCol;
  /** Seconds since 1970 UTC. */
  unixTime?: NumCol;
  /** Local wall-clock text `YYYY-MM-DD hh:mm:ss` (layouts without a zone). */
  localTime?: (string | null)[];
  voltage?: NumCol;
  current?: NumCol;
  capacity?: CapacityCols;
  /** Current range code (integer layouts). */
  range?: Int32Array;
  aux: AuxCol[];
  /** Other vendor columns kept as they are. */
  extra: NumCol[];
}

/** Growable float64 buffer for decoders that do not know the row count (core's Float64Builder). */
export { Float64Builder as GrowableF64 } from '@echemkit/core';

/** Takes rows `order[i]` of a typed column (the column itself when `order` is null). */
export function pick<T extends Float64Array | Int32Array | Uint8Array>(values: T, order: Int32Array | null): T {
  if (!order) return values;
  const out = new (values.constructor as new (n: number) => T)(order.length);
  for (let i = 0; i < order.length; i++) out[i] = values[order[i]!]!;
  return out;
}

/**
 * Row order that sorts by index and drops duplicate indexes (first occurrence kept), or null
 * when the indexes are already strictly increasing (the common case: no copy needed).
 */
export function sortedUniqueOrder(index: Float64Array, n: number): Int32Array | null {
  let ok = true;
  for (let i = 1; i < n; i++) {
    if (!(index[i]! > index[i - 1]!)) {
      ok = false;
      break;
    }
  }
  if (ok) return null;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  // Stable sort keeps the first of equal indexes first.
  const sorted = Array.from(order).sort((a, b) => index[a]! - index[b]! || a - b);
  const out: number[] = [];
  let last = NaN;
  for (const i of sorted) {
    if (index[i] === last) continue;
    last = index[i]!;
    out.push(i);
  }
  return Int32Array.from(out);
}

/** Counts changes of (cycle, step id, status): 1 for the first record, +1 at every change. */
export function countStepChanges(n: number, stepId?: Int32Array, status?: Uint8Array, cycle?: Int32Array): Int32Array {
  const out = new Int32Array(n);
  let c = 0;
  for (let i = 0; i < n; i++) {
    if (i === 0 || (stepId && stepId[i] !== stepId[i - 1]) || (status && status[i] !== status[i - 1]) || (cycle && cycle[i] !== cycle[i - 1])) c++;
    out[i] = c;
  }
  return out;
}
