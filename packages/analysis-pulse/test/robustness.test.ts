/** Odd inputs never throw anything but an AnalysisError (EchemkitError) and never hang. */
import { describe, expect, it } from 'vitest';
import { EchemkitError, quantityColumn, readBytes, registryOf } from '@echemkit/core';
import { plugins as biologic } from '@echemkit/format-biologic';
import { plugins as neware } from '@echemkit/format-neware';
import { analyzeCv, analyzeCycling } from '@echemkit/analysis-cycling';
import { analyzeDcir, analyzeGitt } from '@echemkit/analysis-pulse';
import { describeCorpus, manifest, readCorpus } from '../../../test/helpers/corpus.js';
import { documentOf } from '../../analysis-cycling/test/synthetic.js';

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const analyses = [
  (d: Parameters<typeof analyzeCycling>[0]) => analyzeCycling(d),
  (d: Parameters<typeof analyzeCycling>[0]) => analyzeCv(d),
  (d: Parameters<typeof analyzeCycling>[0]) => analyzeGitt(d),
  (d: Parameters<typeof analyzeCycling>[0]) => analyzeDcir(d),
];

function runAll(doc: Parameters<typeof analyzeCycling>[0]): number {
  let ok = 0;
  for (const a of analyses) {
    try {
      a(doc);
      ok++;
    } catch (e) {
      if (!(e instanceof EchemkitError)) throw e;
    }
  }
  return ok;
}

describe('robustness on random and degenerate series', () => {
  it('200 random series with NaNs, repeated/decreasing times and sign noise', () => {
    const r = rng(7);
    let ok = 0;
    for (let k = 0; k < 200; k++) {
      const n = Math.floor(r() * 300);
      const t = new Float64Array(n);
      const i = new Float64Array(n);
      const v = new Float64Array(n);
      let tt = 0;
      let cur = 0;
      for (let j = 0; j < n; j++) {
        tt += r() < 0.05 ? -r() : r() < 0.1 ? 0 : r() * 10;
        if (r() < 0.08) cur = [0, 1, -1, 0.5, -2, 1e-9][Math.floor(r() * 6)]!;
        t[j] = r() < 0.02 ? NaN : tt;
        i[j] = r() < 0.02 ? NaN : cur * (1 + 0.01 * (r() - 0.5));
        v[j] = r() < 0.02 ? NaN : 3 + r();
      }
      const cols = [quantityColumn('test_time_second', t), quantityColumn('current_ampere', i), quantityColumn('voltage_volt', v)];
      if (r() < 0.5) cols.push(quantityColumn('cycle_count', Int32Array.from(t, (_, j) => Math.floor(j / 50))));
      if (r() < 0.5) cols.push(quantityColumn('step_net_charge_ah', Float64Array.from(i, (x) => (r() < 0.05 ? NaN : x / 3600))));
      ok += runAll(documentOf(cols));
    }
    expect(ok).toBeGreaterThan(200);
  });
  it('empty and one-record series give AnalysisErrors', () => {
    for (const n of [0, 1]) {
      const cols = [quantityColumn('test_time_second', new Float64Array(n)), quantityColumn('current_ampere', new Float64Array(n)), quantityColumn('voltage_volt', new Float64Array(n))];
      expect(() => analyzeCycling(documentOf(cols))).toThrow(EchemkitError);
    }
  });
});

describeCorpus('every Bio-Logic and NEWARE corpus time series: results or AnalysisError', () => {
  const registry = registryOf([...biologic, ...neware]);
  const files = [...new Set(manifest().filter((e) => /^(biologic-mp[rt]|neware-nda|neware-ndax)$/.test(e.format) && /\.(mpr|mpt|nda|ndax)$/.test(e.file) && e.bytes < 3e6).map((e) => e.file))];
  it(`${files.length} files`, async () => {
    let analysed = 0;
    for (const f of files) {
      let doc;
      try {
        doc = await readBytes(readCorpus(f), { registry, fileName: f.split('/').pop()!, sha256: false });
      } catch {
        continue; // reading is the readers' business
      }
      analysed += runAll(doc) > 0 ? 1 : 0;
    }
    expect(analysed).toBeGreaterThan(50);
  });
});
