/**
 * Mutation fuzzing of corpus files: truncations at many offsets, seeded random bit flips
 * and length-field corruptions. Every case must end in a document or an EchemkitError,
 * within a time bound and without allocating far beyond the input size.
 */
import { basename } from 'node:path';
import { isEchemkitError, readBytes, type EchemkitDocument } from '@echemkit/core';
import { registry, type CorpusCase } from './corpus-detection.js';
import { rng } from './rng.js';


function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

export interface Mutation {
  kind: 'truncate' | 'bitflip' | 'length';
  detail: string;
  bytes: Uint8Array;
}

/** Mutations of one file: `flips` bit-flip cases, truncations and length-field corruptions. */
export function* mutations(name: string, original: Uint8Array, flips: number): Generator<Mutation> {
  const rand = rng(hash(name));
  const n = original.length;
  // Truncations: dense in the first KiB (headers), then spread over the file.
  const cuts = new Set<number>([0, 1, 2, 7, 16, 31, 52, 64, 100, 128, 256, 405, 512, 1007, 1024]);
  for (let k = 1; k < 16; k++) cuts.add(Math.floor((n * k) / 16));
  for (let k = 0; k < 8; k++) cuts.add(Math.floor(rand() * n));
  for (const cut of [...cuts].filter((c) => c < n).sort((a, b) => a - b)) yield { kind: 'truncate', detail: `cut at ${cut}`, bytes: original.subarray(0, cut) };
  // Bit flips on a copy; large non-zip files are flipped within a 1 MiB prefix to bound the cost.
  const isZip = original[0] === 0x50 && original[1] === 0x4b;
  const base = !isZip && n > 1 << 20 ? original.subarray(0, 1 << 20) : original;
  const m = base.length;
  if (!m) return;
  for (let k = 0; k < flips; k++) {
    const b = base.slice();
    const count = 1 + Math.floor(rand() * 4);
    const at: number[] = [];
    for (let j = 0; j < count; j++) {
      const pos = rand() < 0.5 ? Math.floor(rand() * Math.min(m, 4096)) : Math.floor(rand() * m);
      b[pos] = b[pos]! ^ (1 << Math.floor(rand() * 8));
      at.push(pos);
    }
    yield { kind: 'bitflip', detail: `flip at ${at.join(',')}`, bytes: b };
  }
  // Length-field corruptions: plausible u32/u16 fields overwritten with extreme values.
  const extremes = [0xffffffff, 0x7fffffff, 0x80000000, 0, 1, m * 1000];
  for (let k = 0; k < 40; k++) {
    const b = base.slice();
    const pos = Math.floor(rand() * Math.max(1, Math.min(m, 8192) - 4));
    const value = extremes[k % extremes.length]! >>> 0;
    const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
    if (pos + 4 <= m) dv.setUint32(pos, value, true);
    yield { kind: 'length', detail: `u32 ${value} at ${pos}`, bytes: b };
  }
}

/** Bytes held by the typed arrays of a document. */
export function documentBytes(doc: EchemkitDocument): number {
  let n = 0;
  for (const m of doc.measurements) {
    for (const c of [...m.columns, ...(m.tables ?? []).flatMap((t) => t.columns)]) {
      n += ArrayBuffer.isView(c.values) ? c.values.byteLength : c.values.length * 8;
    }
  }
  return n;
}

export interface FuzzFailure {
  mutation: string;
  problem: string;
}

/** Runs every mutation of a corpus case; returns the failures (empty when all behaved). */
export async function fuzzCase(c: CorpusCase, flips: number, timeBoundMs: number): Promise<{ cases: number; failures: FuzzFailure[] }> {
  const id = c.detection!.plugin.id;
  const name = basename(c.entry.file);
  const failures: FuzzFailure[] = [];
  let cases = 0;
  for (const mut of mutations(c.entry.file, c.bytes, flips)) {
    cases++;
    const t0 = performance.now();
    try {
      const doc = await readBytes(mut.bytes, { registry, fileName: name, format: id, sha256: false });
      const held = documentBytes(doc);
      if (held > 64 * mut.bytes.length + 64 * 1024 * 1024) failures.push({ mutation: `${mut.kind} ${mut.detail}`, problem: `document holds ${held} bytes for a ${mut.bytes.length}-byte input` });
    } catch (e) {
      if (!isEchemkitError(e)) failures.push({ mutation: `${mut.kind} ${mut.detail}`, problem: `${(e as Error)?.constructor?.name ?? typeof e}: ${(e as Error)?.message ?? String(e)}` });
    }
    const dt = performance.now() - t0;
    if (dt > timeBoundMs) failures.push({ mutation: `${mut.kind} ${mut.detail}`, problem: `took ${dt.toFixed(0)} ms (bound ${timeBoundMs} ms)` });
    if (failures.length >= 10) break;
  }
  return { cases, failures };
}
