/**
 * Throughput of the XPS/ToF-SIMS readers and the XPS/depth-profile analyses: every XPS corpus
 * file, a large synthetic VAMAS file (40 blocks × 20 001 points), a large synthetic IONTOF
 * export, one Shirley + 4-peak fit and one Tougaard background. Median wall time of repeated
 * runs in one warm process; writes bench/results/xps.json.
 *
 * Usage: node --conditions=source --import tsx bench/xps.ts
 * No reference implementation is timed side by side (the public readers are Python packages
 * with heavy dependencies that are not installed here); the numbers are absolute.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FormatPlugin, ParseContext } from '@echemkit/core';
import { plugins as xpsPlugins } from '@echemkit/format-xps';
import { plugins as simsPlugins } from '@echemkit/format-tofsims';
import { analyzeDepthProfile, fitXps, glp, tougaardBackground } from '@echemkit/analysis-surface';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.env.ECHEMKIT_CORPUS ?? join(root, '..', 'shared', 'fixtures');
const REPEAT = Number(process.env.ECHEMKIT_BENCH_REPEAT ?? 15);
const ctx = (format: string): ParseContext => ({ fileName: '', format, options: {}, siblings: new Map(), warn: () => {}, info: () => {} });

function median(f: () => void): number {
  const t: number[] = [];
  f();
  for (let i = 0; i < REPEAT; i++) {
    const s = performance.now();
    f();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return t[t.length >> 1]!;
}

const all: FormatPlugin[] = [...xpsPlugins, ...simsPlugins];
const pick = (b: Uint8Array) => all.map((p) => [p, p.sniff(b.subarray(0, 65536))] as const).sort((a, b2) => b2[1] - a[1])[0]![0];
const rows: Record<string, unknown>[] = [];
const manifest = readFileSync(join(corpus, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')[0]!).filter((f) => f.startsWith('xps-'));
for (const rel of manifest) {
  const bytes = new Uint8Array(readFileSync(join(corpus, rel)));
  const p = pick(bytes);
  const ms = median(() => p.parse(bytes, ctx(p.id)));
  rows.push({ case: rel, plugin: p.id, bytes: bytes.length, ms, mbPerS: bytes.length / 1e6 / (ms / 1000) });
}

// Large synthetic VAMAS: 40 REGULAR blocks × 20 001 points with the corpus's first block as template.
{
  const tpl = new TextDecoder().decode(readFileSync(join(corpus, 'xps-vamas/regular.vms'))).split(/\r\n/);
  const count = tpl.indexOf('2702');
  const head = tpl.slice(0, 22);
  const block = tpl.slice(22, count);
  const lines = [...head.slice(0, 21), '40'];
  for (let b = 0; b < 40; b++) {
    lines.push(...block, '40002', '0', '1', '0', '1');
    for (let i = 0; i < 20001; i++) lines.push(String(1000 + ((i * 7919 + b) % 5000) / 7), String(78.8 - i * 1e-3));
  }
  lines.push('end of experiment');
  const bytes = new TextEncoder().encode(lines.join('\r\n'));
  const p = xpsPlugins.find((x) => x.id === 'vamas.vms')!;
  const ms = median(() => p.parse(bytes, ctx(p.id)));
  rows.push({ case: 'synthetic VAMAS 40 × 20001 points', plugin: p.id, bytes: bytes.length, ms, mbPerS: bytes.length / 1e6 / (ms / 1000) });
}

// Large synthetic IONTOF export: 5000 scans × 40 species, semicolon + decimal comma.
{
  const names = Array.from({ length: 40 }, (_, k) => `S${k}+`);
  const lines = ['# IONTOF SurfaceLab export', ['Scan', 'Sputter Time (s)', ...names].join(';')];
  for (let i = 0; i < 5000; i++) lines.push([i + 1, (i * 0.5).toFixed(1).replace('.', ','), ...names.map((_n, k) => String((i * 31 + k * 17) % 997).concat(',5'))].join(';'));
  const bytes = new TextEncoder().encode(lines.join('\n'));
  const p = simsPlugins[0]!;
  const ms = median(() => p.parse(bytes, ctx(p.id)));
  rows.push({ case: 'synthetic IONTOF 5000 × 40 species', plugin: p.id, bytes: bytes.length, ms, mbPerS: bytes.length / 1e6 / (ms / 1000) });
  const m = p.parse(bytes, ctx(p.id)).measurements[0]!;
  rows.push({ case: 'depth-profile analysis (5000 points, 40 species, 2 markers)', ms: median(() => analyzeDepthProfile(m, { sputterRate: 0.1, normalisation: { mode: 'total' }, markers: [{ species: 'S1+', kind: 'decay' }, { species: 'S2+', kind: 'rise' }] })) });
}

// Analysis: one Shirley + 4-peak GL(30) fit (1001 points) and one Tougaard background (1001 points).
{
  const e = Float64Array.from({ length: 1001 }, (_, i) => 280 + i * 0.02);
  const y = e.map((x) => 200 + 3000 * glp(x, 284.8, 1.2, 0.3) + 900 * glp(x, 286.3, 1.2, 0.3) + 400 * glp(x, 288.0, 1.3, 0.3) + 200 * glp(x, 289.0, 1.3, 0.3) + 0.01 * x);
  const peaks = [284.7, 286.4, 287.9, 289.1].map((position) => ({ position }));
  rows.push({ case: 'fitXps Shirley + 4 GL(30) peaks, 1001 points', ms: median(() => fitXps(e, y, { peaks, background: 'shirley' })) });
  rows.push({ case: 'tougaardBackground 1001 points', ms: median(() => tougaardBackground(e, y)) });
}

mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'xps.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, repeat: REPEAT, rows }, null, 2) + '\n');
for (const r of rows) console.log(`${String(r.case).padEnd(62)} ${(r.ms as number).toFixed(2).padStart(9)} ms${r.mbPerS ? `  ${(r.mbPerS as number).toFixed(1)} MB/s` : ''}`);
