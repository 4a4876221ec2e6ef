/**
 * One end-to-end conversion for the NEWARE benchmark: file → document → BDF CSV file.
 * Prints timings and the process's peak RSS as JSON. Run by bench/neware.ts.
 */
import { bdfCsvOutput, read, warmUpCsvWriter, writeOutputFile } from '../packages/echemkit/src/node.js';

const [input, output] = process.argv.slice(2) as [string, string];
const t0 = performance.now();
// As the CLI does: the CSV writer warmed before parsing, so V8 optimises it meanwhile.
warmUpCsvWriter();
// The Node entry, as a library user calls it (node:zlib inflates the .ndax members).
const doc = await read(input, { sha256: false });
const t1 = performance.now();
// Stream the CSV chunks to the file as the CLI does (positional writes overlapping the
// formatting, buffers reused; no worker threads at this size).
const csvBytes = await writeOutputFile(output, bdfCsvOutput(doc));
const t2 = performance.now();
console.log(JSON.stringify({ rows: doc.measurements[0]!.columns[0]!.values.length, readMs: t1 - t0, csvMs: t2 - t1, totalMs: t2 - t0, csvBytes, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
