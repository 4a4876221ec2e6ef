/** The JSON report the table-producing topics (cycling, cv, gitt, dcir) print. */
import { jsonReplacer } from '@echemkit/analysis-cycling';
import type { EchemkitDocument } from '@echemkit/core';
import type { CliIO } from './types.js';

/** What every analysis result carries for provenance. */
export interface ReportHead {
  method: unknown;
  parameters: unknown;
  packageVersion: unknown;
}

/** Prints method, parameters, package version and input file, then `body`, as indented JSON. */
export function printReport(io: CliIO, doc: EchemkitDocument, r: ReportHead, body: Record<string, unknown>): void {
  const out = { method: r.method, parameters: r.parameters, packageVersion: r.packageVersion, input: { fileName: doc.source.fileName, format: doc.source.format }, ...body };
  io.stdout(JSON.stringify(out, jsonReplacer, 2) + '\n');
}
