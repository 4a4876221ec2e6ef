/**
 * Writes a writer's chunks to a file (Node). The chunks go out with positional writes on
 * libuv's threads while the next ones are formatted; up to `maxInFlight` bytes may be
 * queued, and formatting waits only for the oldest write, so neither the disk nor the
 * formatter waits for the other to drain completely (a stream's 'drain' does). Written
 * buffers go back to the writer's pool: no fresh buffer per chunk, no garbage collections.
 * Large CSV outputs are formatted on worker threads too when `workers` are given.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { BufferPool, type ChunkedOutput } from '@echemkit/core';
import { PARALLEL_MIN_VALUES, writeRowsParallel, type BlockSink, type CsvWorkers } from './csv-parallel.js';

export { CsvWorkers } from './csv-parallel.js';

export interface WriteFileOptions {
  /** Bytes queued for writing at most before formatting waits (default 64 MiB). */
  maxInFlight?: number;
  /** Worker threads for CSV formatting (`CsvWorkers.start()`); without them one thread formats. */
  workers?: CsvWorkers;
  /** Rows × columns from which the workers are used (default `PARALLEL_MIN_VALUES`). */
  parallelFrom?: number;
  /** Values per block of rows handed to a thread (default 250 000). */
  blockValues?: number;
  /** Told how the rows were split when the workers were used. */
  onParallel?: (split: { blocks: number; byWorkers: number }) => void;
}

/** Positional writes in flight, bounded by bytes. */
class FileSink implements BlockSink {
  position = 0;
  private inFlight = 0;
  private readonly queue: Promise<void>[] = [];
  private failure: unknown = null;
  constructor(
    private readonly fh: FileHandle,
    private readonly maxInFlight: number,
  ) {}

  private async writeAll(chunk: Uint8Array, position: number): Promise<void> {
    let done = 0;
    while (done < chunk.length) {
      const { bytesWritten } = await this.fh.write(chunk, done, chunk.length - done, position + done);
      done += bytesWritten;
    }
  }

  /** Queues a chunk; `release` runs once it is written. Waits while too much is queued. */
  async write(chunk: Uint8Array, release: () => void): Promise<void> {
    if (this.failure) throw this.failure;
    const n = chunk.length;
    this.queue.push(
      this.writeAll(chunk, this.position).then(
        () => {
          this.inFlight -= n;
          release();
        },
        (e: unknown) => {
          this.failure ??= e;
        },
      ),
    );
    this.position += n;
    this.inFlight += n;
    while (this.inFlight > this.maxInFlight && !this.failure && this.queue.length) await this.queue.shift();
    if (this.failure) throw this.failure;
  }

  /** Waits for every write; throws the first failure. */
  async flush(): Promise<void> {
    await Promise.all(this.queue.splice(0));
    if (this.failure) throw this.failure;
  }
}

/**
 * Writes `output` to `path`; returns the number of bytes written.
 * @example
 * await writeOutputFile('run.bdf.csv', bdfCsvOutput(doc));
 */
export async function writeOutputFile(path: string, output: ChunkedOutput, options: WriteFileOptions = {}): Promise<number> {
  const fh = await open(path, 'w');
  const pool = new BufferPool();
  const sink = new FileSink(fh, options.maxInFlight ?? 64 << 20);
  try {
    const csv = options.workers?.slots.length ? output.csvRows?.() : null;
    if (csv && csv.rows * csv.columns.length >= (options.parallelFrom ?? PARALLEL_MIN_VALUES)) {
      await sink.write(csv.head, () => {});
      const split = await writeRowsParallel(csv, options.workers!, sink, pool, options.blockValues);
      options.onParallel?.(split);
    } else {
      for (const chunk of output.chunks(pool)) await sink.write(chunk, () => pool.put(chunk));
    }
    await sink.flush();
  } finally {
    await fh.close();
  }
  return sink.position;
}
