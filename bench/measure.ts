/**
 * Child process of the benchmark: reads one file with echemkit and reports time, rows and
 * peak RSS as JSON on stdout. Modes: parse (to columns), csv (BDF CSV to a file), json.
 * Usage: node --conditions=source --import tsx bench/measure.ts <file> <format-id> <mode> [out]
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { bdfCsvChunks, jsonChunks, readBytes } from '@echemkit/core';
import { defaultRegistry } from 'echemkit';

const [file, format, mode, out] = process.argv.slice(2);
if (!file || !format || !mode) throw new Error('usage: measure.ts <file> <format> <parse|csv|json> [out]');

const t0 = performance.now();
const bytes = new Uint8Array(readFileSync(file));
const tRead = performance.now();
const doc = await readBytes(bytes, { registry: defaultRegistry(), fileName: basename(file), format, sha256: false });
const tParse = performance.now();
let rows = 0;
for (const m of doc.measurements) rows += m.columns[0]?.values.length ?? 0;
let written = 0;
if (mode === 'csv' || mode === 'json') {
  const stream = createWriteStream(out ?? '/dev/null');
  const chunks = mode === 'csv' ? bdfCsvChunks(doc, { measurement: 0 }) : jsonChunks(doc);
  for (const c of chunks) {
    written += c.length;
    if (!stream.write(c)) await new Promise<void>((r) => stream.once('drain', r));
  }
  await new Promise<void>((r) => stream.end(r));
}
const tEnd = performance.now();
process.stdout.write(
  JSON.stringify({
    file: basename(file),
    format,
    mode,
    bytes: bytes.length,
    rows,
    readMs: tRead - t0,
    parseMs: tParse - tRead,
    writeMs: tEnd - tParse,
    totalMs: tEnd - t0,
    outputBytes: written,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
);
