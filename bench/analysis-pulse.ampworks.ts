/**
 * Side-by-side check of the GITT analysis against ampworks (NatLabRockies/ampworks
 * `ampworks.gitt.extract_params`, not a dependency: a checkout given by AMPWORKS_PATH, run by Debian's
 * python3; its plotting imports are stubbed). Not a test.
 *
 * A synthetic discharge titration with unequal pulse lengths, NEWARE-like logging (first pulse record
 * 1 s after the rest's last one), curvature in E(√t) and exponential relaxation is analysed by both;
 * per pulse the √t slope and intercept (E_eq), the titration gradient dE/dt, D and SOC are compared.
 * Writes bench/results/analysis-pulse.ampworks-crosscheck.json.
 *
 * Usage: AMPWORKS_PATH=/tmp/ampworks/src npx tsx --conditions=source bench/analysis-pulse.ampworks.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { quantityColumn, type EchemkitDocument } from '@echemkit/core';
import { analyzeDcir, analyzeGitt } from '@echemkit/analysis-pulse';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const t: number[] = [];
const i: number[] = [];
const v: number[] = [];
let now = 0;
let e0 = 4.1;
const push = (time: number, cur: number, volt: number) => (t.push(time), i.push(cur), v.push(volt));
for (let s = 0; s < 300; s += 10) push(now + s, 0, e0);
now += 290;
const taus = [600, 900, 600, 1200, 600, 750];
taus.forEach((tau, k) => {
  const ir = 0.012 + 0.001 * k;
  const kk = 0.0015 + 0.0002 * k;
  for (let s = 1; s <= tau; s++) push(now + s, -0.002, e0 - ir - kk * Math.sqrt(s) - 1e-7 * s);
  const vEnd = e0 - ir - kk * Math.sqrt(tau) - 1e-7 * tau;
  const eAfter = e0 - 0.015 - 0.004 * k;
  now += tau;
  for (let s = 10; s <= 3600; s += 10) push(now + s, 0, eAfter + (vEnd + ir - eAfter) * Math.exp(-s / 300));
  now += 3600;
  e0 = eAfter;
});
const doc: EchemkitDocument = {
  echemkit: '1.0',
  source: { fileName: 'synthetic', format: 'synthetic', byteSize: 0 },
  measurements: [{ kind: 'timeseries', technique: { name: 'GITT', vendorName: 'synthetic' }, startTime: null, settings: {}, columns: [quantityColumn('test_time_second', Float64Array.from(t)), quantityColumn('current_ampere', Float64Array.from(i)), quantityColumn('voltage_volt', Float64Array.from(v))] }],
  diagnostics: [],
};
const radiusM = 1.8e-6;
const ours = analyzeGitt(doc, { particleRadiusCm: radiusM * 100 });
mkdirSync(join(root, 'bench/.generated'), { recursive: true });
const csv = join(root, 'bench/.generated/gitt-synthetic.csv');
writeFileSync(csv, 'Seconds,Amps,Volts\n' + t.map((x, k) => `${x},${i[k]},${v[k]}`).join('\n') + '\n');
const py = execFileSync('/usr/bin/python3', [join(root, 'bench/analysis-pulse.ampworks.py'), csv, String(radiusM)], { encoding: 'utf8' });
const ref = JSON.parse(py) as Record<string, number[]>;
const p = ours.pulses;
const rel = (a: ArrayLike<number>, b: number[], scale = 1) => Math.max(...b.map((x, k) => Math.abs(a[k]! * scale - x) / Math.abs(x)));
const abs = (a: ArrayLike<number>, b: number[]) => Math.max(...b.map((x, k) => Math.abs(a[k]! - x)));
const summary = {
  pulses: { ours: p.length, ampworks: ref.Ds!.length },
  maxRelDiff_sqrtTSlope: rel(p.sqrtTSlope, ref.dUdrt!),
  maxAbsDiff_EeqVolt: abs(p.sqrtTIntercept, ref.Eeq!),
  maxRelDiff_dEdt: rel(p.dEsdtTitration, ref.dEdt!),
  maxRelDiff_Ds_m2s: rel(p.diffusionCoefficientTitration, ref.Ds!, 1e-4),
  maxAbsDiff_SOC: abs(p.soc, ref.SOC!),
};
const result = { date: new Date().toISOString(), summary, ours: { soc: Array.from(p.soc), D_m2s: Array.from(p.diffusionCoefficientTitration, (x) => x * 1e-4), slope: Array.from(p.sqrtTSlope), Eeq: Array.from(p.sqrtTIntercept), dEdt: Array.from(p.dEsdtTitration) }, ampworks: ref };

// HPPC: 10 s discharge pulse, 40 s rest, 10 s regen pulse at 75 %, 1 h rest, 10 % DOD at C/1, three times
const ht: number[] = [];
const hi: number[] = [];
const hv: number[] = [];
let hn = 0;
let ocv = 4.0;
const rc = (x: number) => 0.02 + 0.01 * (1 - Math.exp(-x / 2));
const hpush = (time: number, cur: number, volt: number) => (ht.push(time), hi.push(cur), hv.push(volt));
for (let b = 0; b < 3; b++) {
  for (let s = b === 0 ? 0 : 100; s <= 3600; s += 100) hpush(hn + s, 0, ocv);
  hn += 3600;
  // first pulse record 0.1 s after the rest's last one: ampworks loses the IR step when the first pulse
  // record shares the rest's time stamp (Bio-Logic logging): its np.interp over duplicate times returns 0 Ω
  for (let j = 1; j <= 100; j++) hpush(hn + j / 10, -2, ocv - 2 * rc(j / 10));
  hn += 10;
  for (let s = 1; s <= 40; s += 1) hpush(hn + s, 0, ocv - 0.001);
  hn += 40;
  for (let j = 1; j <= 100; j++) hpush(hn + j / 10, 1.5, ocv - 0.001 + 1.5 * rc(j / 10));
  hn += 10;
  for (let s = 100; s <= 3600; s += 100) hpush(hn + s, 0, ocv);
  hn += 3600;
  for (let s = 10; s <= 360; s += 10) hpush(hn + s, -1, ocv - (0.1 * s) / 360);
  hn += 360;
  ocv -= 0.1;
}
hpush(hn + 100, 0, ocv);
const hdoc: EchemkitDocument = {
  ...doc,
  measurements: [{ ...doc.measurements[0]!, columns: [quantityColumn('test_time_second', Float64Array.from(ht)), quantityColumn('current_ampere', Float64Array.from(hi)), quantityColumn('voltage_volt', Float64Array.from(hv))] }],
};
const hcsv = join(root, 'bench/.generated/hppc-synthetic.csv');
writeFileSync(hcsv, 'Seconds,Amps,Volts\n' + ht.map((x, k) => `${x},${hi[k]},${hv[k]}`).join('\n') + '\n');
const href = JSON.parse(execFileSync('/usr/bin/python3', [join(root, 'bench/analysis-pulse.ampworks.py'), hcsv, 'hppc'], { encoding: 'utf8' })) as { ohms: Record<string, number[]>; soc: number[] };
const dcir = analyzeDcir(hdoc, { samplingTimes: [0.1, 1, 10], maxPulseSeconds: 20 });
const d = dcir.pulses;
const hppc = {
  pulses: { ours: d.length, ampworks: href.soc.length },
  maxRelDiff_instant: rel(d.instantResistance, href.ohms.Ohms_1!),
  maxRelDiff_0p1s: rel(d.resistance['0.1']!, href.ohms.Ohms_2!),
  maxRelDiff_1s: rel(d.resistance['1']!, href.ohms.Ohms_3!),
  maxRelDiff_10s: rel(d.resistance['10']!, href.ohms.Ohms_4!),
  maxRelDiff_end: rel(d.endResistance, href.ohms.Ohms_N!),
  maxAbsDiff_SOC: abs(d.soc, href.soc),
};
writeFileSync(join(root, 'bench/results/analysis-pulse.ampworks-crosscheck.json'), JSON.stringify({ ...result, hppc, hppcAmpworks: href }, null, 2) + '\n');
console.log(JSON.stringify({ gitt: summary, hppc }, null, 2));
