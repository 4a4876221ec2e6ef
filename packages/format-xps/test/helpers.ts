import { readBytes, registryOf, type EchemkitDocument, type FormatPlugin, type ParseContext, type Column, type Measurement } from '@echemkit/core';

/** Runs one plugin through the host (detection forced), as the CLI would. */
export async function readWith(plugin: FormatPlugin, bytes: Uint8Array, fileName = ''): Promise<EchemkitDocument> {
  return readBytes(bytes, { registry: registryOf([plugin]), format: plugin.id, fileName, sha256: false });
}

/** A ParseContext collecting diagnostics, for calling `parse` directly. */
export function context(format: string): ParseContext & { warnings: string[]; infos: string[] } {
  const warnings: string[] = [];
  const infos: string[] = [];
  return { fileName: '', format, options: {}, siblings: new Map(), warn: (m) => warnings.push(m), info: (m) => infos.push(m), warnings, infos };
}

export function col(m: Measurement, name: string): Column {
  const c = m.columns.find((x) => x.name === name);
  if (!c) throw new Error(`no column ${name} in ${m.columns.map((x) => x.name).join(', ')}`);
  return c;
}
