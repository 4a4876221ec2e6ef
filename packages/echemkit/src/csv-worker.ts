/**
 * Worker thread of the parallel CSV writer (`csv-parallel.ts`): formats the row blocks it is
 * sent with the same row writer as the single-thread path, and sends the bytes back. The
 * block's column slices and the output buffers travel as transfers (no copies), and both
 * come back for reuse.
 */
import { parentPort } from 'node:worker_threads';
import { BufferPool, csvRowChunks, warmUpCsvWriter, type CsvColumnValues } from '@echemkit/core';
import type { BlockRequest, BlockResult } from './csv-parallel.js';

const pool = new BufferPool();
/** Per coded column: the value table of the current run, extended by each block's `add`. */
let tables: unknown[][] = [];
let run = 0;

// The main thread is parsing now: get the row writer optimised before the first block comes.
warmUpCsvWriter();

parentPort!.on('message', (m: BlockRequest) => {
  for (const b of m.spare) pool.adopt(b);
  if (m.run !== run) {
    run = m.run;
    tables = [];
  }
  const slices: (ArrayBuffer | null)[] = [];
  const columns = m.columns.map((c, j) => {
    let values: unknown = c;
    if (ArrayBuffer.isView(c)) slices.push(c.buffer as ArrayBuffer);
    else if (Array.isArray(c)) slices.push(null);
    else {
      const table = (tables[j] ??= []);
      for (const x of c.add) table.push(x);
      const decoded = new Array<unknown>(m.count);
      for (let i = 0; i < m.count; i++) decoded[i] = table[c.codes[i]!];
      values = decoded;
      slices.push(c.codes.buffer as ArrayBuffer);
    }
    return { values, dtype: m.dtypes[j], scaleExponent: m.scaleExponents[j] };
  }) as CsvColumnValues[];
  const chunks = [...csvRowChunks(columns, 0, m.count, m.delimiter, pool)];
  const result: BlockResult = { id: m.id, chunks, slices };
  parentPort!.postMessage(result, [...chunks.map((c) => c.buffer as ArrayBuffer), ...slices.filter((b): b is ArrayBuffer => b !== null)]);
});
