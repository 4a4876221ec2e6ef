/**
 * Cross-check of dQ/dV peak positions against navani (the-grey-group/navani `dqdv_single_cycle`, not a
 * dependency: a checkout given by NAVANI_PATH is run by Debian's python3 with numpy/scipy/pandas; a stub
 * `galvani` module lets navani import without its file readers). Not a test.
 *
 * 1. Reads the navani example GCPL file (corpus: biologic-mpr/jdb11-1_c3_gcpl_5cycles_2V-3p8V_C-24_data_C09.mpr),
 *    segments it and writes every constant-current half-cycle's (V, Q) to bench/.generated/navani-halfcycles.json
 *    with our peak positions (defaults, and navani-like parameters: 10 000-point grid, SG window 101, order 5).
 * 2. Runs bench/analysis-cycling.navani.py, which calls navani without its final 1001-point smoothing (Q in mAh,
 *    as navani's spline smoothing factor s = 1e-5 assumes) and matches peaks within 5 mV.
 * 3. Writes bench/results/analysis-cycling.navani-crosscheck.json.
 *
 * Usage: NAVANI_PATH=/tmp/navani npx tsx --conditions=source bench/analysis-cycling.navani.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBytes, registryOf } from '@echemkit/core';
import { plugins as biologic } from '@echemkit/format-biologic';
import { assignCycles, differentialOfHalfCycle, findPeaks, segment, selectSeries } from '@echemkit/analysis-cycling';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const file = 'biologic-mpr/jdb11-1_c3_gcpl_5cycles_2V-3p8V_C-24_data_C09.mpr';
const doc = await readBytes(new Uint8Array(readFileSync(join(root, '../shared/fixtures', file))), { registry: registryOf(biologic), fileName: 'x.mpr', sha256: false });
const s = selectSeries(doc);
const seg = segment(s);
const cycles = assignCycles(s, seg.steps, 'auto', 'charge-first');
const st = seg.steps;
const groups = new Map<string, number[]>();
for (let k = 0; k < st.length; k++) {
  if (st.direction[k] === 0 || st.type[k]!.startsWith('cv-')) continue;
  const key = `${cycles.stepCycle[k]}:${st.direction[k] === 1 ? 'charge' : 'discharge'}`;
  groups.set(key, [...(groups.get(key) ?? []), k]);
}
const halfCycles: unknown[] = [];
for (const [key, ks] of groups) {
  const v: number[] = [];
  const q: number[] = [];
  let acc = 0;
  for (const k of ks) for (let i = st.start[k]!; i < st.end[k]!; i++) {
    if (v.length) acc += Math.abs(seg.increments.charge[i]!);
    v.push(s.voltage[i]!);
    q.push(acc);
  }
  if (v.length < 200) continue;
  const vv = Float64Array.from(v);
  const qq = Float64Array.from(q);
  const discharge = key.endsWith('discharge');
  const span = Math.max(...v) - Math.min(...v);
  const peaks = (c: { voltage: Float64Array; dqdv: Float64Array }) => findPeaks(c.voltage, c.dqdv).map((p) => p.position);
  halfCycles.push({
    key,
    v,
    q,
    oursDefault: peaks(differentialOfHalfCycle(vv, qq, {}, discharge)),
    oursNavaniLike: peaks(differentialOfHalfCycle(vv, qq, { gridStepVolt: span / 9999, windowVolt: (101 * span) / 9999, polyOrder: 5 }, discharge)),
  });
}
mkdirSync(join(root, 'bench/.generated'), { recursive: true });
const dump = join(root, 'bench/.generated/navani-halfcycles.json');
writeFileSync(dump, JSON.stringify(halfCycles));
const out = execFileSync('/usr/bin/python3', [join(root, 'bench/analysis-cycling.navani.py'), dump], { env: { ...process.env }, encoding: 'utf8' });
const result = { date: new Date().toISOString(), file, ...JSON.parse(out) };
writeFileSync(join(root, 'bench/results/analysis-cycling.navani-crosscheck.json'), JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result.summary, null, 2));
