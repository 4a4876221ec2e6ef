/**
 * Large-file paths of the Node entry: the pooled file writer, CSV formatting on worker
 * threads, and reading large inputs by offset (ByteSource) with the hash on a worker. Each
 * must give exactly the bytes and documents of the plain paths.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bdfCsvOutput, jsonOutput, toBdfCsvBytes, toJsonBytes, type EchemkitDocument } from '@echemkit/core';
import { CsvWorkers, read, writeOutputFile } from '../src/node.js';
import { hashFile } from '../src/file-source.js';
import { corpusPath, describeCorpus, repoRoot } from '../../../test/helpers/corpus.js';
import { documentOf } from './write-file.doc.js';

const dir = mkdtempSync(join(tmpdir(), 'echemkit-write-'));

/** Byte equality (vitest's deep equality on megabytes is slow). */
const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;

describe('writeOutputFile', () => {
  it('writes the chunks of CSV and JSON outputs, byte for byte', async () => {
    const doc = documentOf(40000);
    const csv = join(dir, 'a.csv');
    const bytes = await writeOutputFile(csv, bdfCsvOutput(doc), { maxInFlight: 1 << 20 });
    expect(sameBytes(readFileSync(csv), toBdfCsvBytes(doc))).toBe(true);
    expect(bytes).toBe(readFileSync(csv).length);
    const json = join(dir, 'a.json');
    await writeOutputFile(json, jsonOutput(doc));
    expect(sameBytes(readFileSync(json), toJsonBytes(doc))).toBe(true);
  });

  it('with workers that are gone, the main thread formats every block: same bytes', async () => {
    const doc = documentOf(20000);
    const workers = CsvWorkers.start(2);
    await workers.close();
    let split: { blocks: number; byWorkers: number } | undefined;
    const out = join(dir, 'b.csv');
    await writeOutputFile(out, bdfCsvOutput(doc), { workers, parallelFrom: 0, blockValues: 7000, onParallel: (s) => (split = s) });
    expect(sameBytes(readFileSync(out), toBdfCsvBytes(doc))).toBe(true);
    expect(split).toEqual({ blocks: Math.ceil(20000 / 1000), byWorkers: 0 });
  });

  it('reports a write failure', async () => {
    await expect(writeOutputFile(join(dir, 'no-such-folder', 'x.csv'), bdfCsvOutput(documentOf(10)))).rejects.toThrow(/ENOENT/);
  });

  it('worker threads format blocks of rows: the file equals the single-thread CSV', () => {
    // A child process on the TypeScript sources (tsx), where the workers really start.
    const script = join(dir, 'parallel.mts');
    writeFileSync(
      script,
      `import { CsvWorkers, writeOutputFile } from ${JSON.stringify(join(repoRoot, 'packages/echemkit/src/node.ts'))};
import { bdfCsvOutput, toBdfCsvBytes } from ${JSON.stringify(join(repoRoot, 'packages/core/src/index.ts'))};
import { readFileSync } from 'node:fs';
const { documentOf } = await import(${JSON.stringify(join(repoRoot, 'packages/echemkit/test/write-file.doc.ts'))});
const doc = documentOf(30000);
const workers = CsvWorkers.start(2);
let split;
await writeOutputFile(${JSON.stringify(join(dir, 'c.csv'))}, bdfCsvOutput(doc), { workers, parallelFrom: 0, blockValues: 14000, onParallel: (s) => (split = s) });
// The same workers for a second document whose string columns hold other values (as the CLI does for several files).
const other = documentOf(20000);
for (const c of other.measurements[0].columns) if (Array.isArray(c.values)) c.values = c.values.map((x) => (typeof x === 'string' ? 'other ' + x : x));
await writeOutputFile(${JSON.stringify(join(dir, 'd.csv'))}, bdfCsvOutput(other), { workers, parallelFrom: 0, blockValues: 14000 });
await workers.close();
const same = (f, d) => Buffer.compare(readFileSync(f), Buffer.from(toBdfCsvBytes(d))) === 0;
console.log(JSON.stringify({ split, equal: same(${JSON.stringify(join(dir, 'c.csv'))}, doc), secondEqual: same(${JSON.stringify(join(dir, 'd.csv'))}, other) }));
`,
    );
    const r = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', script], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!);
    expect(out.equal).toBe(true);
    expect(out.secondEqual).toBe(true);
    expect(out.split.blocks).toBe(15);
    expect(out.split.byWorkers).toBeGreaterThan(0);
  });
});

describeCorpus('large inputs read by offset (ByteSource) equal inputs read whole', () => {
  const json = (d: EchemkitDocument) => new TextDecoder().decode(toJsonBytes(d));

  it('a .mpr (parseSource), its SHA-256 hashed on a worker', async () => {
    const file = corpusPath('biologic-mpr/jdb11-1_c3_gcpl_5cycles_2V-3p8V_C-24_data_C09.mpr');
    const whole = await read(file);
    const bySource = await read(file, { sourceFromBytes: 0 });
    expect(bySource.source.sha256).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
    expect(json(bySource)).toBe(json(whole));
  });

  it('a .mpr cut by a running experiment: the same records and warnings', async () => {
    const bytes = readFileSync(corpusPath('biologic-mpr/jdb11-1_c3_gcpl_5cycles_2V-3p8V_C-24_data_C09.mpr'));
    const cut = join(dir, 'cut.mpr');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6) + 17));
    const whole = await read(cut);
    const bySource = await read(cut, { sourceFromBytes: 0 });
    expect(bySource.diagnostics.some((d) => d.ruleId === 'truncated-record' || d.ruleId === 'truncated-module')).toBe(true);
    expect(json(bySource)).toBe(json(whole));
  });

  it('every corpus .mpr', async () => {
    const folder = corpusPath('biologic-mpr');
    const files = readdirSync(folder).filter((f) => f.endsWith('.mpr'));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const whole = await read(join(folder, f), { sha256: false });
      const bySource = await read(join(folder, f), { sha256: false, sourceFromBytes: 0 });
      expect(json(bySource), f).toBe(json(whole));
    }
  });

  it('a plugin without parseSource (.mpt text) reads the source whole', async () => {
    const file = corpusPath('biologic-mpt/bioconv_test.mpt');
    expect(json(await read(file, { sourceFromBytes: 0 }))).toBe(json(await read(file)));
  });

  it('the CLI on a "large" file (ECHEMKIT_LARGE_FILE_BYTES=0: read by offset, hashed and formatted on worker threads) writes the same CSV and sidecar', () => {
    const file = corpusPath('biologic-mpr/jdb11-1_c3_gcpl_5cycles_2V-3p8V_C-24_data_C09.mpr');
    const cli = join(repoRoot, 'packages/echemkit/src/cli.ts');
    const convert = (out: string, env: NodeJS.ProcessEnv) => {
      const r = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', cli, 'convert', file, '--to', 'csv', '-o', out], {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { ...process.env, ...env },
      });
      expect(r.status, r.stderr).toBe(0);
    };
    convert(join(dir, 'plain.bdf.csv'), {});
    convert(join(dir, 'large.bdf.csv'), { ECHEMKIT_LARGE_FILE_BYTES: '0' });
    expect(sameBytes(readFileSync(join(dir, 'large.bdf.csv')), readFileSync(join(dir, 'plain.bdf.csv')))).toBe(true);
    expect(readFileSync(join(dir, 'large.bdf.metadata.json'), 'utf8')).toBe(readFileSync(join(dir, 'plain.bdf.metadata.json'), 'utf8'));
    expect(JSON.parse(readFileSync(join(dir, 'large.bdf.metadata.json'), 'utf8')).source.sha256).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
  });

  it('hashFile equals node:crypto on the whole file', async () => {
    const file = corpusPath('biologic-mpr/cellpy_biol.mpr');
    expect(await hashFile(file)).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
  });
});
