/**
 * BTSDA export headers (English and Chinese) → what they hold. Header text is
 * `Name(unit)`; units follow the user's BTSDA settings (A/mA, Ah/mAh …) and are converted
 * with core's unit table. `?` stands where the export lost ℃ (GBK text read as Latin-1).
 */

export type HeaderRole =
  | { kind: 'quantity'; quantity: string }
  | { kind: 'duration'; quantity: 'step_time_second' | 'test_time_second' }
  | { kind: 'stepType' }
  | { kind: 'date' }
  | { kind: 'temperature'; channel: number }
  | { kind: 'auxVoltage'; channel: number }
  | { kind: 'vendor' };

/** Split `Voltage(V)` → { name: 'Voltage', unit: 'V' }. */
export function splitHeader(h: string): { name: string; unit: string | null } {
  const m = /^(.*?)\s*[(（]([^()（）]*)[)）]\s*$/.exec(h.trim());
  return m ? { name: m[1]!.trim(), unit: m[2]!.trim() } : { name: h.trim(), unit: null };
}

const norm = (s: string) => s.toLowerCase().replace(/[\s.]+/g, ''); // not '_': Arbin writes Data_Point, Cycle_Index

const RECORD_NAMES: Record<string, HeaderRole> = {};
const add = (names: string[], role: HeaderRole) => {
  for (const n of names) RECORD_NAMES[norm(n)] = role;
};
add(['DataPoint', 'Data Point', 'Record Index', 'Record ID', '数据序号', '记录序号', '序号'], { kind: 'quantity', quantity: 'record_index' });
add(['Cycle Index', 'Cycle ID', 'Cycle', '循环序号', '循环号', '循环'], { kind: 'quantity', quantity: 'cycle_count' });
// In BTSDA exports 'Step Index' is the program step and 'Step Number' the running step count (nested CSV in the corpus).
add(['Step Index', 'Step ID', '工步号', '工步序号'], { kind: 'quantity', quantity: 'step_id' });
add(['Step Number', 'Step Count'], { kind: 'quantity', quantity: 'step_count' });
add(['Step Type', 'Status', '工步类型', '工步状态', '状态'], { kind: 'stepType' });
add(['Time', 'Step Time', 'Relative Time', '时间', '相对时间', '工步时间'], { kind: 'duration', quantity: 'step_time_second' });
add(['Total Time', 'Cumulative Time', 'Test Time', '总时间', '累计时间'], { kind: 'duration', quantity: 'test_time_second' });
add(['Current', '电流'], { kind: 'quantity', quantity: 'current_ampere' });
add(['Voltage', '电压'], { kind: 'quantity', quantity: 'voltage_volt' });
add(['Capacity', '容量'], { kind: 'quantity', quantity: 'step_cumulative_capacity_ah' });
add(['Energy', '能量'], { kind: 'quantity', quantity: 'step_cumulative_energy_wh' });
add(['Chg. Cap.', 'Charge Capacity', 'Chg Cap', '充电容量'], { kind: 'quantity', quantity: 'step_charging_capacity_ah' });
add(['DChg. Cap.', 'Discharge Capacity', 'DChg Cap', '放电容量'], { kind: 'quantity', quantity: 'step_discharging_capacity_ah' });
add(['Chg. Energy', 'Charge Energy', '充电能量'], { kind: 'quantity', quantity: 'step_charging_energy_wh' });
add(['DChg. Energy', 'Discharge Energy', '放电能量'], { kind: 'quantity', quantity: 'step_discharging_energy_wh' });
add(['Power', '功率'], { kind: 'quantity', quantity: 'power_watt' });
add(['Date', 'Realtime', 'Real Time', 'Absolute Time', 'System Time', '绝对时间', '系统时间', '日期'], { kind: 'date' });

/** What a record-level header holds. */
export function recordHeaderRole(header: string): HeaderRole {
  const { name } = splitHeader(header);
  const r = RECORD_NAMES[norm(name)];
  if (r) return r;
  const t = /^T(\d+)$/.exec(name) ?? /^温度(\d*)$/.exec(name);
  if (t) return { kind: 'temperature', channel: Number(t[1] || 1) };
  const v = /^V(\d+)$/.exec(name) ?? /^辅助电压(\d*)$/.exec(name);
  if (v) return { kind: 'auxVoltage', channel: Number(v[1] || 1) };
  return { kind: 'vendor' };
}

/** True when a header row looks like a BTSDA record header (used by the sniffers). */
export function looksLikeRecordHeader(cells: readonly string[]): boolean {
  let key = 0;
  let any = 0;
  for (const c of cells) {
    const { name } = splitHeader(String(c ?? ''));
    const n = norm(name);
    if (n === 'datapoint' || n === '数据序号') key++;
    if (RECORD_NAMES[n]) any++;
  }
  return key > 0 && any >= 4;
}

/**
 * Seconds of a BTSDA duration: `h:mm:ss`, `h:mm:ss.fff`, `d-hh:mm:ss` or plain seconds;
 * NaN when not a duration.
 * @example
 * parseDuration('1:02:03.5'); // 3723.5
 */
export function parseDuration(s: string): number {
  const t = s.trim();
  const m = /^(?:(\d+)[-. ])?(\d+):(\d{1,2}):(\d{1,2}(?:\.\d+)?)$/.exec(t);
  if (m) return (Number(m[1] ?? 0) * 24 + Number(m[2])) * 3600 + Number(m[3]) * 60 + Number(m[4]);
  if (/^[-+]?\d+(\.\d+)?$/.test(t)) return Number(t);
  return NaN;
}
