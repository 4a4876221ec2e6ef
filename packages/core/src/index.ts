/**
 * @echemkit/core — schema types, validation, the unified plugin host, errors, units and
 * format detection. Browser-safe: no Node built-ins.
 * @packageDocumentation
 */
export * from './types.js';
export * from './errors.js';
export * from './plugin.js';
export * from './byte-source.js';
export * from './random.js';
export * from './registry.js';
export * from './lazy-plugin.js';
export * from './host.js';
export * from './transforms.js';
export * from './columns.js';
export * from './quantities.js';
export * from './units.js';
export * from './number-format.js';
export * from './validate.js';
export { checkDocument, type Problem } from './checks.js';
export * from './diagnostics.js';
export * from './text.js';
export { parseNumberRange } from './fast-number.js';
export * from './zip/zip.js';
export { crc32 } from './zip/crc32.js';
export * from './binary.js';
export * from './time.js';
export { sha256Hex } from './sha256.js';
export * from './writers/chunks.js';
export { valueFormatter } from './writers/values.js';
export * from './writers/json.js';
export * from './writers/bdf-csv.js';
export * from './writers/compilers.js';

/** Version of the echemkit document schema this package writes. */
export const SCHEMA_VERSION = '1.0' as const;
