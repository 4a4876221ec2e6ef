/**
 * One end-to-end conversion for the NEWARE benchmark: file → document → BDF CSV file.
 * Prints timings and the process's peak RSS as JSON. Run by bench/neware.ts.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { bdfCsvOutput, readBytes, registryOf } from '@echemkit/core';
import { plugins } from '@echemkit/format-neware';
import { writeOutputFile } from '../packages/echemkit/src/write-file.js';

const [input, output] = process.argv.slice(2) as [string, string];
const t0 = performance.now();
const bytes = new Uint8Array(readFileSync(input));
const doc = await readBytes(bytes, { registry: registryOf(plugins), fileName: basename(input), sha256: false });
const t1 = performance.now();
// Stream the CSV chunks to the file as the CLI does (positional writes overlapping the
// formatting, buffers reused; no worker threads at this size).
const csvBytes = await writeOutputFile(output, bdfCsvOutput(doc));
const t2 = performance.now();
console.log(JSON.stringify({ rows: doc.measurements[0]!.columns[0]!.values.length, readMs: t1 - t0, csvMs: t2 - t1, totalMs: t2 - t0, csvBytes, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
