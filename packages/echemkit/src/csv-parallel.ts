/**
 * Parallel CSV formatting (Node): number formatting is nearly all of the time of a large
 * conversion, and rows format independently, so blocks of rows go to worker threads while the
 * main thread formats blocks too. Blocks are written in order, so the file is byte for byte
 * what the single-thread writer produces. A worker that fails or cannot start hands its
 * blocks back to the main thread: the output never depends on the workers.
 */
import { availableParallelism } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { csvRowChunks, type BufferPool, type CsvColumnValues, type CsvRows } from '@echemkit/core';

type TypedArray = Int8Array | Uint8Array | Uint8ClampedArray | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array | BigInt64Array | BigUint64Array;
type TypedArrayCtor = new (buffer: ArrayBufferLike | number, byteOffset?: number, length?: number) => TypedArray;

/**
 * A plain-array column (strings, nulls) sent as codes into a table the worker keeps: `add`
 * extends that table. Step names and the like repeat a few values over millions of rows, and
 * cloning the arrays themselves cost the main thread its garbage collections.
 */
export interface CodedSlice {
  codes: Int32Array;
  add: unknown[];
}

/** A block of rows sent to a worker: the column slices (typed arrays and codes transferred, plain arrays copied). */
export interface BlockRequest {
  /** Which writeRowsParallel call: the worker's code tables belong to one. */
  run: number;
  id: number;
  count: number;
  columns: (TypedArray | CodedSlice | unknown[])[];
  dtypes: CsvColumnValues['dtype'][];
  scaleExponents: (number | undefined)[];
  delimiter: string;
  /** Output buffers the main thread has written out, for the worker's pool. */
  spare: ArrayBuffer[];
}

/** A worker's answer: the block's CSV bytes and, per column, the slice buffer back for reuse (null for plain arrays). */
export interface BlockResult {
  id: number;
  chunks: Uint8Array[];
  slices: (ArrayBuffer | null)[];
}

interface Slot {
  worker: Worker;
  dead: boolean;
  /** Blocks sent and not answered. */
  pending: Set<number>;
  /** Output buffers written out, to go back with the next block. */
  spare: ArrayBuffer[];
  /** Per column: slice buffers back from the worker. */
  free: ArrayBuffer[][];
  /** Per coded column: how many table entries the worker has. */
  known: number[];
  onResult: ((r: BlockResult) => void) | null;
  onDeath: (() => void) | null;
}

/** Rows × columns from which a conversion is worth workers (below, starting them and warming their JIT costs more than they save on 2 cores). */
export const PARALLEL_MIN_VALUES = 20_000_000;
/** Values per block: small enough to keep every thread busy to the end (and little memory in flight), large enough to cost little in messages (250 000 and 4 queued measured best on 2 cores). */
const BLOCK_VALUES = 250_000;
/** Blocks queued per worker. */
const QUEUE = 4;
/** Distinct values a plain-array column may have and still be sent as codes. */
const TABLE_MAX = 4096;
/** Stands for −0 in a code table (a Map would merge it with 0, which prints differently as float32). */
const NEGATIVE_ZERO = Symbol('-0');

/** Numbers the writeRowsParallel calls (workers serve one file after another). */
let runs = 0;

/** Codes of a plain-array column's values, in first-seen order; null once there are too many. */
interface CodeTable {
  codes: Map<unknown, number>;
  values: unknown[];
}

/** The worker: dist/csv-worker.js when bundled; from source (tests, tsx) a bootstrap registers tsx in the thread first. */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./csv-worker.js', import.meta.url));
  const entry = new URL('./csv-worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(`import(${JSON.stringify(tsx)}).then((m) => m.register()).then(() => import(${JSON.stringify(entry)}))`, { eval: true });
}

/**
 * Worker threads for CSV formatting. Start them before parsing (they load while the input is
 * read); `close` when done.
 * @example
 * const workers = CsvWorkers.start();
 * try { await writeOutputFile('run.bdf.csv', bdfCsvOutput(doc), { workers }); } finally { await workers.close(); }
 */
export class CsvWorkers {
  private constructor(readonly slots: Slot[]) {}

  /** How many workers by default: one per core beyond the main thread's, at most 4. */
  static defaultCount(): number {
    return Math.max(1, Math.min(4, availableParallelism() - 1));
  }

  /** Starts `count` workers (default `defaultCount()`). */
  static start(count = CsvWorkers.defaultCount()): CsvWorkers {
    const slots: Slot[] = [];
    for (let i = 0; i < count; i++) {
      let worker: Worker;
      try {
        worker = startWorker();
      } catch {
        continue; // no worker: the main thread formats everything
      }
      const slot: Slot = { worker, dead: false, pending: new Set(), spare: [], free: [], known: [], onResult: null, onDeath: null };
      const die = () => {
        if (slot.dead) return;
        slot.dead = true;
        slot.onDeath?.();
      };
      worker.on('message', (r: BlockResult) => slot.onResult?.(r));
      worker.on('error', die);
      worker.on('exit', die);
      worker.unref();
      slots.push(slot);
    }
    return new CsvWorkers(slots);
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await Promise.all(
      this.slots.map((s) => {
        s.onDeath = null;
        return s.dead ? undefined : s.worker.terminate();
      }),
    );
  }
}

/** Where the formatted blocks go: in block order, each chunk released once written. */
export interface BlockSink {
  write(chunk: Uint8Array, release: () => void): Promise<void>;
}

/** An array like `v` for rows [from, to) in a buffer the worker gave back (or a new one), filled from `v` when `copy`. */
function sliceFor(slot: Slot, j: number, v: TypedArray, from: number, to: number, copy = true): TypedArray {
  const Ctor = v.constructor as TypedArrayCtor;
  const count = to - from;
  const free = (slot.free[j] ??= []);
  let buffer = free.pop();
  while (buffer && buffer.byteLength < count * v.BYTES_PER_ELEMENT) buffer = free.pop();
  const out = buffer ? new Ctor(buffer, 0, count) : new Ctor(count);
  if (copy) out.set(v.subarray(from, to) as never);
  return out;
}

/**
 * Writes the rows of `csv` (not its header) to `sink`, formatted by the workers and this
 * thread together; returns the number of blocks and how many of them the workers formatted.
 */
export async function writeRowsParallel(csv: CsvRows, workers: CsvWorkers, sink: BlockSink, pool: BufferPool, blockValues = BLOCK_VALUES): Promise<{ blocks: number; byWorkers: number }> {
  const { columns, rows, delimiter } = csv;
  const blockRows = Math.max(1, Math.floor(blockValues / Math.max(1, columns.length)));
  const total = Math.ceil(rows / blockRows);
  const dtypes = columns.map((c) => c.dtype);
  const scaleExponents = columns.map((c) => c.scaleExponent);
  const done = new Map<number, { chunks: Uint8Array[]; slot: Slot | null }>();
  const retry: number[] = [];
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  let byWorkers = 0;
  const live = () => workers.slots.filter((s) => !s.dead);
  const run = ++runs;
  for (const slot of workers.slots) {
    // A new run: the worker starts new code tables (see BlockRequest.run).
    slot.known = [];
    // Idle workers do not keep the process alive; working ones must (the main thread may be waiting for nothing else).
    slot.worker.ref();
    slot.onResult = (r) => {
      if (!slot.pending.delete(r.id)) return;
      r.slices.forEach((b, j) => {
        if (b) (slot.free[j] ??= []).push(b);
      });
      done.set(r.id, { chunks: r.chunks, slot });
      byWorkers++;
      notify();
    };
    slot.onDeath = () => {
      retry.push(...slot.pending);
      slot.pending.clear();
      notify();
    };
  }
  const tables: (CodeTable | null | undefined)[] = columns.map(() => undefined);
  /** Codes for rows [from, to) of a plain-array column, or null when it has too many distinct values. */
  const codeSlice = (slot: Slot, j: number, v: ArrayLike<unknown>, from: number, to: number): CodedSlice | null => {
    let table = tables[j];
    if (table === null) return null;
    table ??= tables[j] = { codes: new Map(), values: [] };
    const codes = sliceFor(slot, j, new Int32Array(0), 0, to - from, false) as Int32Array;
    for (let i = from; i < to; i++) {
      const x = v[i];
      const key = x === 0 && 1 / (x as number) < 0 ? NEGATIVE_ZERO : x;
      let code = table.codes.get(key);
      if (code === undefined) {
        if (table.values.length >= TABLE_MAX) {
          tables[j] = null;
          return null;
        }
        code = table.values.length;
        table.codes.set(key, code);
        table.values.push(x);
      }
      codes[i - from] = code;
    }
    const known = slot.known[j] ?? 0;
    slot.known[j] = table.values.length;
    return { codes, add: table.values.slice(known) };
  };
  const dispatch = (slot: Slot, id: number) => {
    const from = id * blockRows;
    const to = Math.min(rows, from + blockRows);
    const transfer: ArrayBuffer[] = [];
    const slices = columns.map((c, j) => {
      const v = c.values as unknown;
      if (ArrayBuffer.isView(v)) {
        const s = sliceFor(slot, j, v as TypedArray, from, to);
        transfer.push(s.buffer as ArrayBuffer);
        return s;
      }
      const coded = codeSlice(slot, j, v as ArrayLike<unknown>, from, to);
      if (coded) transfer.push(coded.codes.buffer as ArrayBuffer);
      return coded ?? (Array.prototype.slice.call(v, from, to) as unknown[]);
    });
    const spare = slot.spare.splice(0);
    const request: BlockRequest = { run, id, count: to - from, columns: slices, dtypes, scaleExponents, delimiter, spare };
    slot.pending.add(id);
    try {
      slot.worker.postMessage(request, [...transfer, ...spare]);
    } catch {
      slot.pending.delete(id);
      slot.dead = true;
      retry.push(id);
    }
  };
  let next = 0;
  let written = 0;
  try {
    while (written < total) {
      for (const slot of live()) while (slot.pending.size < QUEUE && next < total) dispatch(slot, next++);
      const local = retry.length ? retry.shift()! : next < total ? next++ : -1;
      if (local >= 0) {
        const from = local * blockRows;
        done.set(local, { chunks: [...csvRowChunks(columns, from, Math.min(rows, from + blockRows), delimiter, pool)], slot: null });
      }
      while (done.has(written)) {
        const { chunks, slot } = done.get(written)!;
        done.delete(written);
        for (const c of chunks) await sink.write(c, slot ? () => slot.spare.push(c.buffer as ArrayBuffer) : () => pool.put(c));
        written++;
      }
      if (written >= total) break;
      if (local < 0 && !retry.length) {
        // Nothing to format here: wait for a worker (or its death, which re-queues its blocks).
        if (!live().some((s) => s.pending.size)) throw new Error('csv-parallel: blocks lost');
        await new Promise<void>((r) => (wake = r));
      } else await nextTurn(); // let the workers' answers in
    }
  } finally {
    for (const slot of workers.slots) {
      slot.onResult = null;
      slot.onDeath = null;
      slot.worker.unref();
    }
  }
  return { blocks: total, byWorkers };
}
