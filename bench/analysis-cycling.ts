/**
 * Throughput of the cycling, CV and pulse analyses (not a test). A synthetic CC-CV cycling series of
 * ~1.2 M records (200 cycles) and a real NEWARE file (test_2.ndax, 108 k records, when the corpus is
 * present) are analysed a few times; the median wall time and records/s go to
 * bench/results/analysis-cycling.json.
 *
 * Usage: npx tsx --conditions=source bench/analysis-cycling.ts
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { quantityColumn, readBytes, registryOf, type EchemkitDocument } from '@echemkit/core';
import { plugins as neware } from '@echemkit/format-neware';
import { analyzeCycling, segment, selectSeries } from '@echemkit/analysis-cycling';
import { analyzeDcir } from '@echemkit/analysis-pulse';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function syntheticCycling(cycles: number, perStep: number): EchemkitDocument {
  const n = cycles * 4 * (perStep + 1);
  const t = new Float64Array(n);
  const i = new Float64Array(n);
  const v = new Float64Array(n);
  let r = 0;
  let t0 = 0;
  for (let c = 0; c < cycles; c++) {
    const steps: [number, number, (x: number) => number, (x: number) => number][] = [
      [3600, 0, () => 1, (x) => 3.6 + 0.6 * x + 0.01 * Math.sin(40 * x)],
      [900, 0, (x) => 1 - 0.9 * x, () => 4.2],
      [600, 0, () => 0, () => 4.1],
      [3500 - c, 0, () => -1, (x) => 4.1 - 1.1 * x + 0.01 * Math.sin(30 * x)],
    ];
    for (const [dur, , cur, volt] of steps) {
      for (let j = 0; j <= perStep; j++) {
        const x = j / perStep;
        t[r] = t0 + dur * x;
        i[r] = cur(x);
        v[r] = volt(x);
        r++;
      }
      t0 += dur;
    }
  }
  return {
    echemkit: '1.0',
    source: { fileName: 'synthetic', format: 'synthetic', byteSize: 0 },
    measurements: [{ kind: 'timeseries', technique: { name: 'synthetic', vendorName: 'synthetic' }, startTime: null, settings: {}, columns: [quantityColumn('test_time_second', t), quantityColumn('current_ampere', i), quantityColumn('voltage_volt', v)] }],
    diagnostics: [],
  };
}

function median(xs: number[]): number {
  const a = [...xs].sort((p, q) => p - q);
  return a[a.length >> 1]!;
}

function time(fn: () => void, runs = 3): number {
  const out: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return median(out);
}

const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };
const doc = syntheticCycling(200, 1500);
const n = doc.measurements[0]!.columns[0]!.values.length;
const s = selectSeries(doc);
const tSeg = time(() => segment(s));
const tNoDiff = time(() => analyzeCycling(doc, { differential: false }));
const tFull = time(() => analyzeCycling(doc));
results.synthetic = {
  records: n,
  cycles: 200,
  segmentMs: tSeg,
  cyclingWithoutDqdvMs: tNoDiff,
  cyclingWithDqdvMs: tFull,
  recordsPerSecondWithoutDqdv: Math.round((n / tNoDiff) * 1000),
  recordsPerSecondWithDqdv: Math.round((n / tFull) * 1000),
};
const ndax = join(root, '../shared/fixtures/neware-ndax/test_2.ndax');
if (existsSync(ndax)) {
  const real = await readBytes(new Uint8Array(readFileSync(ndax)), { registry: registryOf(neware), fileName: 'test_2.ndax', sha256: false });
  const m = real.measurements[0]!.columns[0]!.values.length;
  const tReal = time(() => analyzeCycling(real));
  const tDcir = time(() => {
    try {
      analyzeDcir(real);
    } catch {
      /* no pulses in a plain cycling file is fine: the segmentation still ran */
    }
  });
  results.neware_test_2 = { records: m, cyclingWithDqdvMs: tReal, recordsPerSecond: Math.round((m / tReal) * 1000), dcirMs: tDcir };
}
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/analysis-cycling.json'), JSON.stringify(results, null, 2) + '\n');
console.log(JSON.stringify(results, null, 2));
