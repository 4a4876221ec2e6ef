/* Generated from schemas/echemkit.schema.json by `npm run generate`. Do not edit. */

/**
 * One instrument file converted by echemkit: where it came from, its measurements (column tables) and what was noticed while reading it.
 */
export interface EchemkitDocument {
  /**
   * Schema version of this document.
   */
  echemkit: '1.0';
  source: Source;
  sample?: Sample;
  measurements: Measurement[];
  diagnostics: Diagnostic[];
}
/**
 * The file the document was read from.
 *
 * This interface was referenced by `EchemkitDocument`'s JSON-Schema
 * via the `definition` "Source".
 */
export interface Source {
  /**
   * Base name of the input file (no directories).
   */
  fileName: string;
  /**
   * Plugin id that read the file, e.g. biologic.mpr.
   */
  format: string;
  /**
   * Version of the file layout as the file states it (e.g. EC-Lab module version, NEWARE nda version).
   */
  formatVersion?: string | null;
  byteSize: number;
  sha256?: string | null;
  software?: NameVersion;
  instrument?: Instrument;
  /**
   * Channel of the instrument, as the vendor names it.
   */
  channel?: string | null;
}
/**
 * This interface was referenced by `EchemkitDocument`'s JSON-Schema
 * via the `definition` "NameVersion".
 */
export interface NameVersion {
  name?: string | null;
  version?: string | null;
}
/**
 * This interface was referenced by `EchemkitDocument`'s JSON-Schema
 * via the `definition` "Instrument".
 */
export interface Instrument {
  vendor?: string | null;
  model?: string | null;
  serialNumber?: string | null;
}
/**
 * What the file says about the cell or specimen. Quantities in SI-derived units named in the key.
 *
 * This interface was referenced by `EchemkitDocument`'s JSON-Schema
 * via the `definition` "Sample".
 */
export interface Sample {
  name?: string | null;
  /**
   * Mass of active material, g.
   */
  activeMassGram?: number | null;
  /**
   * Nominal or theoretical capacity, Ah.
   */
  nominalCapacityAh?: number | null;
  /**
   * Electrode surface area, cm².
   */
  electrodeAreaSquareCentimetre?: number | null;
  comments?: string | null;
}
/**
 * This interface was referenced by `EchemkitDocument`'s JSON-Schema
 * via the `definition` "Measurement".
 */
export interface Measurement {
  /**
   * Short name, unique in the document when present (e.g. `sweep 3`, `C 1s`).
   */
  name?: string;
  kind: 'timeseries' | 'impedance' | 'spectrum' | 'depth-profile';
  technique: Technique;
  startTime: StartTime | null;
  /**
   * Vendor settings kept verbatim (keys and values as the file gives them).
   */
  settings: {
    [k: string]: unknown;
  };
  /**
   * Other facts about the measurement (region, species, sweep index, source rows …).
   */
  metadata?: {
    [k: string]: unknown;
  };
  columns: Column[];
  tables?: Table[];
}
/**
 * This interface was referenced by `EchemkitDocument`'s JSON-Schema
 * via the `definition` "Technique".
 */
export interface Technique {
  /**
   * Normalised technique: GCPL, CV, CA, CP, OCV, PEIS, GEIS, LSV, MB, cycling, XPS, ToF-SIMS …
   */
  name: string;
  /**
   * The technique exactly as the vendor names it.
   */
  vendorName: string | null;
}
/**
 * When the measurement started. `zone` says whether the file stated the time zone or it was assumed.
 *
 * This interface was referenced by `EchemkitDocument`'s JSON-Schema
 * via the `definition` "StartTime".
 */
export interface StartTime {
  /**
   * ISO 8601 date-time. With an offset when the zone is stated or assumed UTC; without one (local wall-clock) when assumed local.
   */
  value: string;
  /**
   * stated: the file gives the offset or stores UTC. assumed-utc: no zone in the file, interpreted as UTC. assumed-local: local wall-clock time of the acquisition computer, zone unknown.
   */
  zone: 'stated' | 'assumed-utc' | 'assumed-local';
  /**
   * The value as the file stores it (text, or the number it was decoded from).
   */
  raw?: string | null;
}
/**
 * This interface was referenced by `EchemkitDocument`'s JSON-Schema
 * via the `definition` "Column".
 */
export interface Column {
  /**
   * Unique in its measurement. A quantity name from schemas/quantities.json (quantity_unitword) or the vendor's column name when no quantity applies.
   */
  name: string;
  /**
   * Preferred label, `Quantity / unit` style.
   */
  label: string;
  /**
   * Unit of `values`. null for dimensionless counters, flags and strings.
   */
  unit: string | null;
  /**
   * Name of the quantity in schemas/quantities.json, or null for vendor columns we do not map.
   */
  quantity: string | null;
  /**
   * Column name exactly as the vendor wrote it (null for derived columns).
   */
  sourceName: string | null;
  /**
   * Unit exactly as the vendor wrote it (null when the vendor gave none).
   */
  sourceUnit: string | null;
  /**
   * True when echemkit computed the column rather than read it.
   */
  derived: boolean;
  /**
   * Storage type the vendor used (float32 values are written with the shortest decimal that round-trips to the same float32).
   */
  dtype?:
    'float64' | 'float32' | 'int8' | 'int16' | 'int32' | 'uint8' | 'uint16' | 'uint32' | 'string' | 'boolean';
  description?: string;
  /**
   * Meaning of integer codes in this column (e.g. I Range code → '10 mA').
   */
  codes?: {
    [k: string]: string;
  };
  /**
   * One value per row. null marks a value missing in the file.
   */
  values: (number | string | boolean | null)[];
}
/**
 * A vendor table kept beside the main columns (e.g. a per-step summary or cycle sheet).
 *
 * This interface was referenced by `EchemkitDocument`'s JSON-Schema
 * via the `definition` "Table".
 */
export interface Table {
  name: string;
  description?: string;
  columns: Column[];
}
/**
 * This interface was referenced by `EchemkitDocument`'s JSON-Schema
 * via the `definition` "Diagnostic".
 */
export interface Diagnostic {
  severity: 'error' | 'warning' | 'info';
  /**
   * Stable id of the check, e.g. truncated-record, unknown-column-id.
   */
  ruleId: string;
  /**
   * Plugin or transformer id that reported it.
   */
  source: string;
  message: string;
  place?: Place;
  expected?: string | null;
  actual?: string | null;
  note?: string | null;
}
/**
 * This interface was referenced by `EchemkitDocument`'s JSON-Schema
 * via the `definition` "Place".
 */
export interface Place {
  /**
   * Byte offset in the file.
   */
  offset?: number;
  line?: number;
  column?: number;
  /**
   * Record (row) index.
   */
  record?: number;
}
