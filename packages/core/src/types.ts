/**
 * In-memory document types. They are the schema's generated JSON types
 * (generated/schema-types.ts) with one change: column values live in typed arrays
 * (or plain arrays for text and missing values), so decoding never creates per-value objects.
 */
import type * as Json from './generated/schema-types.js';

export type {
  EchemkitDocument as JsonDocument,
  Column as JsonColumn,
  Measurement as JsonMeasurement,
  Table as JsonTable,
  Source,
  Sample,
  Technique,
  StartTime,
  Diagnostic,
  Place,
  NameVersion,
  Instrument,
} from './generated/schema-types.js';

/** Typed arrays a column may hold. */
export type NumericArray =
  | Float64Array
  | Float32Array
  | Int8Array
  | Int16Array
  | Int32Array
  | Uint8Array
  | Uint16Array
  | Uint32Array;

/**
 * Values of one column: a typed array for numbers (NaN marks a missing float),
 * or a plain array for strings, booleans and numbers with missing values (null).
 */
export type ColumnValues = NumericArray | (number | null)[] | (string | null)[] | (boolean | null)[];

export type Dtype = NonNullable<Json.Column['dtype']>;
export type MeasurementKind = Json.Measurement['kind'];

/** A column in memory: the schema's Column with typed-array values. */
export interface Column extends Omit<Json.Column, 'values'> {
  values: ColumnValues;
  /**
   * In memory only: the values are float32 numbers from the file multiplied by 10^scaleExponent
   * during unit conversion (mA → A is -3). Writers print the float32's shortest decimal,
   * shifted, so 3.2f mA is written as 0.0032 A. Absent when values are stored unscaled.
   */
  scaleExponent?: number;
}

/** A vendor table kept beside the main columns. */
export interface Table extends Omit<Json.Table, 'columns'> {
  columns: Column[];
}

/** A measurement in memory. */
export interface Measurement extends Omit<Json.Measurement, 'columns' | 'tables'> {
  columns: Column[];
  tables?: Table[];
}

/** A converted document in memory. `JSON.stringify` is not the way out: use the JSON writer. */
export interface EchemkitDocument extends Omit<Json.EchemkitDocument, 'measurements'> {
  measurements: Measurement[];
}

/** Severity of a diagnostic. */
export type Severity = Json.Diagnostic['severity'];
