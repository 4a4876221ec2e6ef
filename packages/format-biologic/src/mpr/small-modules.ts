/** `VMP loop` (first point of each loop) and `VMP ExtDev` (external analog inputs). */
import type { ParseContext } from '@echemkit/core';
import { f32, hex, pascal, shortF32 } from './fields.js';
import type { MprModule } from './modules.js';

/**
 * Loop start indexes (first data point of each loop), trailing zeros trimmed (galvani).
 * The count is bounded by the bytes present.
 * @example
 * readLoopModule(loopModule, ctx); // [0, 33, 66, 99]
 */
export function readLoopModule(mod: MprModule, ctx: ParseContext): number[] {
  const d = mod.data;
  if (d.length < 4) return [];
  const dv = new DataView(d.buffer, d.byteOffset, d.byteLength);
  const declared = dv.getUint32(0, true);
  const fit = Math.floor((d.length - 4) / 4);
  if (declared > fit) ctx.warn(`the VMP loop module declares ${declared} indexes but holds ${fit}`, { ruleId: 'truncated-loop-module', offset: mod.dataOffset, expected: String(declared), actual: String(fit) });
  const n = Math.min(declared, fit);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(dv.getUint32(4 + 4 * i, true));
  while (out.length > 1 && out[out.length - 1] === 0) out.pop();
  return out;
}

export interface ExtDevInput {
  name: string | null;
  maxVolt: number | null;
  minVolt: number | null;
  maxValue: number | null;
  minValue: number | null;
}

/**
 * External device settings: names and scaling of Analog IN 1 and 2, plus the module bytes
 * verbatim as hex. Offsets are yadg's for module layout 2 (first byte); layout 3 (EC-Lab 11.61,
 * mp.issue_183) has every field one byte later.
 * @example
 * readExtDevModule(extDevModule).inputs[0].name; // e.g. 'Force/N'
 */
export function readExtDevModule(mod: MprModule): { layout: number | null; inputs: ExtDevInput[]; moduleHex: string } {
  const d = mod.data;
  const layout = d.length ? d[0]! : null;
  const s = layout === 3 ? 1 : 0;
  const at = (p: number, f: number): ExtDevInput => ({
    name: pascal(d, p),
    maxVolt: shortF32(f32(d, f)),
    minVolt: shortF32(f32(d, f + 4)),
    maxValue: shortF32(f32(d, f + 8)),
    minValue: shortF32(f32(d, f + 12)),
  });
  return { layout, inputs: [at(0x36 + s, 0x52 + s), at(0x63 + s, 0x7f + s)], moduleHex: hex(d) };
}
