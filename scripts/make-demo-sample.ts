/**
 * Writes fixtures/samples/gcpl-demo.mpt: the project's own small Bio-Logic text export of a
 * SYNTHETIC two-cycle galvanostatic test of a 1 mAh coin cell (an LFP-like voltage curve,
 * ±0.5 mA, 1 point per 60 s). It follows the EC-Lab ASCII layout (CRLF, Windows-1252) so
 * the README's first command has a real-looking file to convert. Run: npx tsx scripts/make-demo-sample.ts
 */
import { writeFileSync } from 'node:fs';

const f32 = (x: number) => Math.fround(x).toExponential(7).replace(/e([+-])(\d)$/, 'E$1' + '00$2').replace(/e([+-])(\d\d)$/, 'E$10$2').replace(/e([+-])(\d\d\d)$/, 'E$1$2');
const f64 = (x: number) => x.toExponential(15).replace(/e([+-])(\d)$/, 'E$1' + '00$2').replace(/e([+-])(\d\d)$/, 'E$10$2').replace(/e([+-])(\d\d\d)$/, 'E$1$2');

// Open-circuit-like curve of state of charge s in [0, 1].
const ocv = (s: number) => 3.2 + 0.25 * s + 0.05 * Math.log((s + 0.01) / (1.01 - s));
const capacityAh = 1e-3;
const currentA = 5e-4;
const dt = 60;
const rows: string[] = [];
let t = 0;
let soc = 0.02;
let qq0 = 0; // (Q-Qo) in mAh
let halfCycle = 0;
for (let cycle = 0; cycle < 2; cycle++) {
  for (const [sign, ns] of [[1, 1], [-1, 2]] as const) {
    let qHalf = 0;
    let first = true;
    for (;;) {
      const i = sign * currentA;
      const v = ocv(soc) + i * 20; // 20 ohm
      if ((sign > 0 && (v >= 3.65 || soc >= 0.995)) || (sign < 0 && (v <= 2.9 || soc <= 0.005))) break;
      const dq = first ? 0 : (i * dt) / 3.6; // mAh
      qq0 += dq;
      qHalf += Math.abs(dq);
      const flags = [1, sign > 0 ? 1 : 0, 0, first ? 1 : 0, first ? 1 : 0, 0];
      rows.push([...flags, ns, f64(t), f32(sign * 0.5), f32(v), f64(i * 1e3), f64(dq), f64(qq0), 12, f64(qHalf), halfCycle, f64(cycle)].join('\t'));
      first = false;
      t += dt;
      soc += (i * dt) / 3600 / capacityAh;
    }
    halfCycle++;
  }
}
const columns = ['mode', 'ox/red', 'error', 'control changes', 'Ns changes', 'counter inc.', 'Ns', 'time/s', 'control/V/mA', 'Ewe/V', '<I>/mA', 'dq/mA.h', '(Q-Qo)/mA.h', 'I Range', 'Q charge/discharge/mA.h', 'half cycle', 'cycle number'];
const header = [
  'EC-Lab ASCII FILE',
  'Nb header lines : NN                          ',
  '',
  'Galvanostatic Cycling with Potential Limitation',
  '',
  'Run on channel : 1 (SN 0001)',
  'User : echemkit demo',
  'Electrode connection : standard',
  'Potential control : Ewe',
  'Ewe ctrl range : min = 0.00 V, max = 5.00 V',
  'Acquisition started on : 03/14/2025 09:26:53.000',
  'Saved on :',
  '\tFile : gcpl-demo.mpr',
  '\tDirectory : C:\\Data\\echemkit\\',
  'Device : SYNTHETIC (SN 0000)',
  'EC-Lab for windows v11.50 (software)',
  'Electrode material : LFP (synthetic)',
  'Electrolyte : 1 M LiPF6 EC/DMC',
  'Comments : synthetic demo data written by echemkit scripts/make-demo-sample.ts, not a measurement',
  'Mass of active material : 6.500 mg',
  'Electrode surface area : 1.130 cm²',
  'Characteristic mass : 6.500 mg',
  '',
];
const nb = header.length + 1;
header[1] = header[1]!.replace('NN', String(nb));
const text = [...header, columns.join('\t') + '\t', ...rows.map((r) => r + '\t')].join('\r\n') + '\r\n';
const bytes = new Uint8Array(text.length);
for (let i = 0; i < text.length; i++) {
  const c = text.charCodeAt(i);
  bytes[i] = c < 256 ? c : 63;
}
writeFileSync(new URL('../fixtures/samples/gcpl-demo.mpt', import.meta.url), bytes);
console.log(`wrote fixtures/samples/gcpl-demo.mpt: ${rows.length} rows, ${bytes.length} bytes`);
