/** The CLI end to end, as a user runs it (child processes on the TypeScript sources). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { quantityColumn, toJsonBytes, type EchemkitDocument } from '@echemkit/core';
import { repoRoot } from '../../../test/helpers/corpus.js';

const cli = join(repoRoot, 'packages/echemkit/src/cli.ts');
const sample = join(repoRoot, 'fixtures/samples/gcpl-demo.mpt');

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', cli, ...args], { cwd: repoRoot, encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function docJson(): EchemkitDocument & Record<string, unknown> {
  const doc: EchemkitDocument = {
    echemkit: '1.0',
    source: { fileName: 'x', format: 'test.bin', byteSize: 1 },
    measurements: [
      {
        kind: 'timeseries',
        technique: { name: 'OCV', vendorName: null },
        startTime: null,
        settings: {},
        columns: [quantityColumn('test_time_second', new Float64Array([0, 1])), quantityColumn('voltage_volt', new Float32Array([3.2, 3.25]))],
      },
    ],
    diagnostics: [],
  };
  return JSON.parse(new TextDecoder().decode(toJsonBytes(doc)));
}

const dir = mkdtempSync(join(tmpdir(), 'echemkit-cli-'));
function writeDoc(name: string, content: string): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe('echemkit validate', () => {
  it('exit 0 for a valid document', () => {
    const r = run(['validate', writeDoc('ok.json', JSON.stringify(docJson()))]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('valid');
  });

  it('exit 1 for a missing unit, naming the JSON pointer', () => {
    const d = docJson();
    delete (d.measurements[0]!.columns[1] as unknown as Record<string, unknown>).unit;
    const r = run(['validate', writeDoc('nounit.json', JSON.stringify(d))]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("/measurements/0/columns/1: missing required property 'unit'");
  });

  it('exit 1 for ragged columns', () => {
    const d = docJson();
    (d.measurements[0]!.columns[1]!.values as unknown as number[]).pop();
    const r = run(['validate', '--json', writeDoc('ragged.json', JSON.stringify(d))]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.results[0].status).toBe('invalid');
    expect(report.results[0].problems[0]).toMatchObject({ ruleId: 'ragged-columns', pointer: '/measurements/0/columns/1/values' });
  });

  it('exit 2 for a file that is not JSON, and for a missing file', () => {
    expect(run(['validate', writeDoc('bad.json', 'this is { not json')]).code).toBe(2);
    expect(run(['validate', join(dir, 'nope.json')]).code).toBe(2);
  });
});

describe('echemkit convert / info / formats', () => {
  it('lists the formats', () => {
    const r = run(['formats', '--json']);
    expect(r.code).toBe(0);
    const ids = JSON.parse(r.stdout).map((f: { id: string }) => f.id);
    expect(ids).toContain('biologic.mpt');
  });

  it('converts the bundled sample to JSON on stdout only with -o -, and the result validates', () => {
    const r = run(['convert', sample, '-o', '-']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.source).toMatchObject({ fileName: 'gcpl-demo.mpt', format: 'biologic.mpt' });
    const current = doc.measurements[0].columns.find((c: { name: string }) => c.name === 'current_ampere');
    expect(current.values[0]).toBe(0.0005);
    expect(current.sourceName).toBe('<I>/mA');
    expect(run(['validate', '-'], r.stdout).code).toBe(0);
  });

  it('writes BDF CSV and its metadata sidecar into a folder, messages on stderr only', () => {
    const out = join(dir, 'csv') + '/';
    const r = run(['convert', sample, '--to', 'csv', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const csv = readFileSync(join(out, 'gcpl-demo.mpt.bdf.csv'), 'utf8').split('\n');
    expect(csv[0]).toContain('Test Time / s');
    expect(csv[0]).toContain('Current / A');
    const meta = JSON.parse(readFileSync(join(out, 'gcpl-demo.mpt.bdf.metadata.json'), 'utf8'));
    expect(meta.source.format).toBe('biologic.mpt');
  });

  it('exit 1 with what was tried for an unknown format, exit 2 for usage errors', () => {
    const junk = writeDoc('junk.xyz', 'nothing to see');
    const r = run(['convert', junk, '-o', '-']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not a supported format.*Supported formats: .*biologic\.mpt/s);
    expect(run(['convert']).code).toBe(2);
    expect(run(['convert', sample, '--to', 'xml']).code).toBe(2);
    expect(run(['frobnicate']).code).toBe(2);
  });

  it('info shows format, measurements, columns with units and row counts', () => {
    const r = run(['info', sample]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/gcpl-demo\.mpt: biologic\.mpt/);
    expect(r.stdout).toMatch(/timeseries, GCPL.*474 rows/);
    expect(r.stdout).toMatch(/current_ampere\s+A/);
  });

  it('plots voltage against time as SVG', () => {
    const r = run(['plot', sample]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<svg[^>]+>/);
    expect(r.stdout).toContain('Test Time / s');
    expect((r.stdout.match(/<path d="M/g) ?? []).length).toBe(1);
    expect(run(['plot', sample, '--y', 'no_such_column']).code).toBe(2);
  });
});
