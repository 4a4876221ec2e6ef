/**
 * One end-to-end conversion for the NEWARE benchmark: file → document → BDF CSV file.
 * Prints timings and the process's peak RSS as JSON. Run by bench/neware.ts.
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { bdfCsvChunks, readBytes, registryOf } from '@echemkit/core';
import { plugins } from '@echemkit/format-neware';

const [input, output] = process.argv.slice(2) as [string, string];
const t0 = performance.now();
const bytes = new Uint8Array(readFileSync(input));
const doc = await readBytes(bytes, { registry: registryOf(plugins), fileName: basename(input), sha256: false });
const t1 = performance.now();
// Stream the CSV chunks to the file (what a converter does; no whole-file buffer).
const fd = openSync(output, 'w');
let csvBytes = 0;
for (const chunk of bdfCsvChunks(doc)) {
  writeSync(fd, chunk);
  csvBytes += chunk.length;
}
closeSync(fd);
const t2 = performance.now();
console.log(JSON.stringify({ rows: doc.measurements[0]!.columns[0]!.values.length, readMs: t1 - t0, csvMs: t2 - t1, totalMs: t2 - t0, csvBytes, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
