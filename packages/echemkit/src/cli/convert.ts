/** `echemkit convert`: instrument files → echemkit JSON or BDF CSV. */
import { statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { isEchemkitError, warmUpCsvWriter, type ChunkedOutput, type EchemkitDocument } from '@echemkit/core';
import { outputsOf } from '../api.js';
import { fileSize, read, SOURCE_FROM_BYTES } from '../node.js';
import { CsvWorkers, writeOutputFile } from '../write-file.js';
import { parse, UsageError } from './args.js';
import { convertUsage } from './usage.js';

async function writeChunks(out: ChunkedOutput, stream: Writable): Promise<void> {
  for (const chunk of out.chunks()) {
    if (!stream.write(chunk)) await new Promise<void>((r) => stream.once('drain', r));
  }
}

async function writeFileChunks(path: string, out: ChunkedOutput, workers: CsvWorkers | undefined): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeOutputFile(path, out, workers ? { workers, parallelFrom: 0 } : {});
}

/**
 * Large inputs (from 64 MiB; `ECHEMKIT_LARGE_FILE_BYTES` changes it, for tests and tuning) are
 * read by offset and, for CSV, converted with worker threads started before parsing so they
 * load meanwhile. Smaller files format faster on one thread (measured: a 1.4 MB .ndax and a
 * 43 MB .nda gain nothing from a worker, a 250 MB .mpr gains a quarter of its time).
 */
function largeFileBytes(): number {
  const v = Number(process.env.ECHEMKIT_LARGE_FILE_BYTES);
  return process.env.ECHEMKIT_LARGE_FILE_BYTES && Number.isFinite(v) && v >= 0 ? v : SOURCE_FROM_BYTES;
}

/** Inputs from which the CSV writer's JIT warm-up pays (~10 ms; a 1.4 MB .ndax of 5 million values gains ~30 ms). */
const WARM_UP_FROM_BYTES = 256 * 1024;

/** Expands glob patterns (tinyglobby) and keeps literal paths as given. */
export async function expandInputs(patterns: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of patterns) {
    if (/[*?[\]{}]/.test(p)) {
      const { glob } = await import('tinyglobby'); // only when there is a pattern to expand
      const found = (await glob(p, { onlyFiles: true, absolute: false })).sort();
      if (!found.length) throw new UsageError(`no file matches ${p}`);
      files.push(...found);
    } else files.push(p);
  }
  return files;
}

interface FileReport {
  input: string;
  ok: boolean;
  format?: string;
  outputs?: string[];
  measurements?: number;
  rows?: number[];
  warnings?: number;
  error?: { code: string; message: string };
  diagnostics?: EchemkitDocument['diagnostics'];
}

function isDirTarget(out: string): boolean {
  if (out.endsWith('/') || out.endsWith('\\')) return true;
  try {
    return statSync(out).isDirectory();
  } catch {
    return false;
  }
}

export async function runConvert(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    output: { type: 'string', short: 'o' },
    to: { type: 'string', default: 'json' },
    format: { type: 'string' },
    indent: { type: 'string' },
    strict: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(convertUsage + '\n');
    return 0;
  }
  if (!positionals.length) throw new UsageError('convert needs at least one input file');
  const to = values.to;
  if (to !== 'json' && to !== 'csv') throw new UsageError(`--to must be json or csv, not ${to}`);
  const indent = values.indent === undefined ? 0 : Number(values.indent);
  if (!Number.isInteger(indent) || indent < 0 || indent > 8) throw new UsageError('--indent takes an integer 0..8');
  const inputs = await expandInputs(positionals);
  const output = values.output;
  const toStdout = output === '-';
  const dirTarget = output !== undefined && !toStdout && isDirTarget(output);
  if (output !== undefined && !toStdout && !dirTarget && inputs.length > 1) throw new UsageError('-o names one file but there are several inputs; give a folder (ending in /) instead');
  const progress = process.stderr.isTTY && inputs.length > 1 && !values.json;
  const reports: FileReport[] = [];
  let failed = 0;
  let workers: CsvWorkers | undefined;
  let warmedUp = false;
  try {
    for (let i = 0; i < inputs.length; i++) {
      const input = inputs[i]!;
      if (progress) process.stderr.write(`\r\x1b[K[${i + 1}/${inputs.length}] ${basename(input)}`);
      const report: FileReport = { input, ok: false };
      reports.push(report);
      const large = largeFileBytes();
      // Only a CSV conversion depends on the size (workers, warm-up).
      const size = to === 'csv' ? await fileSize(input) : 0;
      const parallel = to === 'csv' && !toStdout && size >= large;
      if (parallel) workers ??= CsvWorkers.start();
      if (to === 'csv' && !warmedUp && size >= WARM_UP_FROM_BYTES) {
        // Before parsing, so that V8 optimises the row writer on its compiler thread meanwhile.
        warmUpCsvWriter();
        warmedUp = true;
      }
      try {
        const doc = await read(input, { sourceFromBytes: large, ...(values.format ? { format: values.format } : {}) });
        const files = outputsOf(doc, { to, indent });
        report.format = doc.source.format;
        report.measurements = doc.measurements.length;
        report.rows = doc.measurements.map((m) => m.columns[0]?.values.length ?? 0);
        report.warnings = doc.diagnostics.filter((d) => d.severity !== 'info').length;
        report.diagnostics = doc.diagnostics;
        report.outputs = [];
        if (toStdout) {
          for (const f of files) if (!f.suffix.endsWith('.metadata.json') || files.length === 1) await writeChunks(f.output, process.stdout);
          report.outputs.push('-');
        } else {
          for (const f of files) {
            let path: string;
            if (dirTarget) path = join(output!, basename(input) + f.suffix);
            else if (output) path = f === files[0] ? output : output.replace(/(\.bdf)?\.(csv|json)$/i, '') + f.suffix;
            else path = input + f.suffix;
            await writeFileChunks(path, f.output, parallel ? workers : undefined);
            report.outputs.push(path);
          }
        }
        report.ok = !(values.strict && report.warnings > 0);
        if (!report.ok) failed++;
        if (!values.json) {
          if (progress) process.stderr.write('\r\x1b[K');
          const where = toStdout ? 'stdout' : report.outputs.join(', ');
          process.stderr.write(`${report.ok ? 'converted' : 'WARNINGS (strict)'} ${input} [${doc.source.format}] → ${where}\n`);
          for (const d of doc.diagnostics) {
            if (d.severity === 'info') continue;
            const place = d.place?.offset !== undefined ? ` @${d.place.offset}` : d.place?.line !== undefined ? `:${d.place.line}` : d.place?.record !== undefined ? ` #${d.place.record}` : '';
            process.stderr.write(`  ${d.severity} ${d.ruleId}${place}: ${d.message}\n`);
          }
        }
      } catch (e) {
        failed++;
        const code = isEchemkitError(e) ? e.code : 'INTERNAL';
        const message = e instanceof Error ? e.message : String(e);
        report.error = { code, message };
        if (!values.json) {
          if (progress) process.stderr.write('\r\x1b[K');
          process.stderr.write(`FAILED ${input}: ${message}\n`);
          if (!isEchemkitError(e) && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
        }
      }
    }
  } finally {
    await workers?.close();
  }
  if (progress) process.stderr.write('\r\x1b[K');
  if (values.json) {
    const text =
      JSON.stringify(
        {
          converted: reports.length - failed,
          failed,
          files: reports.map((r) => ({ ...r, input: resolve(r.input) })),
        },
        null,
        2,
      ) + '\n';
    (toStdout ? process.stderr : process.stdout).write(text);
  } else if (inputs.length > 1) process.stderr.write(`${reports.length - failed} of ${reports.length} converted\n`);
  return failed ? 1 : 0;
}
