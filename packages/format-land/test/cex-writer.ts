/**
 * Test-only writer of LAND `.cex` files following the documented layout of data version
 * 0.1.1.0 (shared docs land-cex.md). No public sample exists; this writer is the fixture.
 */
export interface CexStep {
  mode: number;
  goto: number;
  step: number;
  cond: [number, number, number][]; // [type, sign, raw value]
  logInterval: number;
}
export type CexRow = { t: number; v: number; i: number; q: number; e: number } | { control: number; word6: number; word8: number; word12: number };

export interface CexSpec {
  version?: [number, number, number, number];
  box: number;
  channel: number;
  start: number;
  voltageRange: number;
  currentRange: number;
  mass: number;
  monitor: string;
  program: string;
  comment: string;
  steps: CexStep[];
  rows: CexRow[];
}

export function writeCex(s: CexSpec): Uint8Array {
  const size = 288 + 32 * s.steps.length + 16 + 16 * s.rows.length;
  const b = new Uint8Array(size);
  const dv = new DataView(b.buffer);
  b.set([0x10, 0x11, 0x09, 0x88], 0);
  b.set(s.version ?? [0, 1, 1, 0], 4);
  b[8] = s.box;
  b[9] = s.channel;
  dv.setInt32(16, s.start, true);
  dv.setInt16(24, s.voltageRange, true);
  dv.setInt16(26, s.currentRange, true);
  dv.setFloat32(28, s.mass, true);
  for (let k = 0; k < 4; k++) b[36 + k] = s.monitor.charCodeAt(k) || 0;
  dv.setInt32(48, s.start, true);
  dv.setInt32(52, s.start + 7200, true);
  for (let k = 0; k < s.program.length; k++) b[160 + k] = s.program.charCodeAt(k);
  for (let k = 0; k < s.comment.length; k++) b[176 + k] = s.comment.charCodeAt(k);
  b.set([0xff, 0x7f, 0xff, 0x7f, 0xff, 0xff, 0xff, 0x7f, 0xff, 0xff, 0xff, 0x7f], 248);
  let at = 288;
  for (const st of s.steps) {
    b[at] = st.mode;
    b[at + 6] = st.goto;
    b[at + 7] = st.step;
    st.cond.forEach(([type, sign, raw], k) => {
      b[at + 8 + 2 * k] = type;
      b[at + 9 + 2 * k] = sign;
      dv.setInt16(at + 12 + 2 * k, raw, true);
    });
    dv.setUint16(at + 24, st.logInterval, true);
    at += 32;
  }
  b.set([0xbb, 0xbb, 0xff, 0xff], at);
  at += 16;
  for (const r of s.rows) {
    if ('control' in r) {
      b.set([0xcc, 0xcc, 0xff, 0xff], at);
      dv.setUint16(at + 4, r.control, true);
      dv.setInt16(at + 6, r.word6, true);
      dv.setInt32(at + 8, r.word8, true);
      dv.setInt32(at + 12, r.word12, true);
    } else {
      dv.setInt32(at, r.t, true);
      dv.setInt16(at + 4, r.v, true);
      dv.setInt16(at + 6, r.i, true);
      dv.setInt32(at + 8, r.q, true);
      dv.setInt32(at + 12, r.e, true);
    }
    at += 16;
  }
  return b;
}
