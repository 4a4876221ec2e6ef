/** Test helpers: read bytes through the core host with this package's plugins. */
import { readBytes, registryOf, type EchemkitDocument, numericValues, type Column } from '@echemkit/core';
import { plugins } from '../src/index.js';

export const registry = registryOf(plugins);

/** Parses bytes with detection (or a forced plugin) through the unified host. */
export function read(bytes: Uint8Array, fileName: string, pluginOptions: Record<string, Record<string, unknown>> = {}, format?: string): Promise<EchemkitDocument> {
  return readBytes(bytes, { registry, fileName, pluginOptions, ...(format ? { format } : {}) });
}

/** A column of the first measurement by name (throws when missing). */
export function col(doc: EchemkitDocument, name: string): Column {
  const c = doc.measurements[0]!.columns.find((x) => x.name === name);
  if (!c) throw new Error(`no column ${name}; have ${doc.measurements[0]!.columns.map((x) => x.name).join(', ')}`);
  return c;
}

/** Numbers of a column. */
export function nums(doc: EchemkitDocument, name: string): Float64Array {
  return numericValues(col(doc, name));
}
