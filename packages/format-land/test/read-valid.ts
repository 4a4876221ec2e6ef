import { readBytes, registryOf, validateDocument } from '@echemkit/core';
import { expect } from 'vitest';
import { plugins } from '../src/index.js';

/** Reads through the host (detection, checks) and validates against the schema. */
export async function readValidLand(bytes: Uint8Array, fileName: string) {
  const doc = await readBytes(bytes, { registry: registryOf(plugins), fileName });
  const v = validateDocument(doc);
  expect(v.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return doc;
}
