import { type ParseContext, type ParseResult, readBytes, registryOf, validateDocument } from '@echemkit/core';
import { expect } from 'vitest';
import { chiTextPlugin, plugins } from '../src/index.js';

export interface Recorded {
  warnings: { message: string; ruleId: string; line?: number; record?: number }[];
  infos: { message: string; ruleId: string }[];
}

/** Runs the plugin directly with a recording context. */
export function parseChi(text: string | Uint8Array, options: Record<string, unknown> = {}): ParseResult & Recorded {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const rec: Recorded = { warnings: [], infos: [] };
  const ctx: ParseContext = {
    fileName: 'x.txt',
    format: 'chi.txt',
    options,
    siblings: new Map(),
    warn: (message, init) => rec.warnings.push({ message, ruleId: init.ruleId, ...(init.line !== undefined ? { line: init.line } : {}), ...(init.record !== undefined ? { record: init.record } : {}) }),
    info: (message, init) => rec.infos.push({ message, ruleId: init.ruleId }),
  };
  return { ...chiTextPlugin.parse(bytes, ctx), ...rec };
}

/** Reads through the host (detection, checks) and validates against the schema. */
export async function readValid(bytes: Uint8Array, fileName: string) {
  const doc = await readBytes(bytes, { registry: registryOf(plugins), fileName });
  const v = validateDocument(doc);
  expect(v.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return doc;
}

export function col(r: ParseResult, name: string, m = 0): ArrayLike<number> {
  const c = r.measurements[m]!.columns.find((x) => x.name === name);
  if (!c) throw new Error(`no column ${name}`);
  return c.values as ArrayLike<number>;
}

export { catchEchemkit } from '../../../test/helpers/errors.js';
