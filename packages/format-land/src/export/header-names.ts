/**
 * LANDdt export column headers (English and Chinese) → vocabulary quantities. Headers are
 * `Name/unit` (`Current/mA`, `TestTime/Sec.`, `SCapacity/mAh/g`), sometimes `Name(unit)`.
 * Facts from public readers of LANDdt exports (LANDT-py, battery-analysis scripts, cellpy
 * configurations) and the LANDCexSharp field list; see the package README.
 */

export type LandColumnKind = 'time' | 'number' | 'integer' | 'text' | 'datetime' | 'auto';

export interface LandColumnRule {
  /** Vocabulary quantity, or null to keep the column as a vendor column. */
  quantity: string | null;
  kind: LandColumnKind;
  /** Unit of the quantity, for unit conversion (undefined: no conversion). */
  target?: string;
}

/** Splits a header into name and unit: `Current/mA` → Current, mA; `Voltage(V)` → Voltage, V. */
export function splitLandHeader(header: string): { name: string; unit: string | null } {
  const h = header.trim();
  const slash = h.indexOf('/');
  if (slash > 0) return { name: h.slice(0, slash).trim(), unit: h.slice(slash + 1).trim() || null };
  const paren = /^(.*?)\s*[(（]([^()（）]*)[)）]\s*$/.exec(h);
  if (paren && paren[1]) return { name: paren[1].trim(), unit: paren[2]!.trim() || null };
  return { name: h, unit: null };
}

/** Lower-case ASCII letters and CJK only, so `Step-Index`, `Step_Index` and `StepIndex` match. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[\s\-_.·:：]/g, '');
}

const RULES: [RegExp, LandColumnRule][] = [
  [/^(index|record|recordindex|datapoint|序号|记录序号|数据序号|记录号)$/, { quantity: 'record_index', kind: 'integer' }],
  [/^(testtime|totaltime|测试时间|总时间|累计时间)$/, { quantity: 'test_time_second', kind: 'time', target: 's' }],
  [/^(steptime|工步时间|步骤时间|步时间)$/, { quantity: 'step_time_second', kind: 'time', target: 's' }],
  [/^(voltage|volt|电压)$/, { quantity: 'voltage_volt', kind: 'number', target: 'V' }],
  [/^(current|cur|电流)$/, { quantity: 'current_ampere', kind: 'number', target: 'A' }],
  [/^(capacity|cap|容量)$/, { quantity: 'step_cumulative_capacity_ah', kind: 'number', target: 'Ah' }],
  [/^(energy|能量)$/, { quantity: 'step_cumulative_energy_wh', kind: 'number', target: 'Wh' }],
  [/^(auxvolt|auxvoltage|辅助电压)$/, { quantity: 'auxiliary_voltage_volt', kind: 'number', target: 'V' }],
  [/^(systime|systemtime|datetime|date|realtime|absolutetime|系统时间|绝对时间|日期时间|时间日期)$/, { quantity: null, kind: 'datetime' }],
  [/^(state|status|stepstatus|mode|workmode|状态|工作模式|模式|工步模式|工步状态)$/, { quantity: 'step_type', kind: 'text' }],
  [/^(cycle|cycleindex|cycleno|循环|循环号|循环序号)$/, { quantity: 'cycle_count', kind: 'integer' }],
  [/^(step|stepindex|stepno|工步|工步号|步骤|步骤号|工步序号)$/, { quantity: 'step_id', kind: 'text' }],
];

/**
 * How a LANDdt header maps. Unknown headers stay vendor columns (`auto`: numbers when every
 * value is one, text otherwise).
 * @example
 * landColumnRule('Current/mA'); // { quantity: 'current_ampere', kind: 'number', target: 'A' }
 */
export function landColumnRule(header: string): LandColumnRule {
  const n = normaliseName(splitLandHeader(header).name);
  for (const [re, rule] of RULES) if (re.test(n)) return rule;
  return { quantity: null, kind: 'auto' };
}

/** Number of headers that look like LANDdt record columns (used by the sniffers). */
export function landHeaderScore(headers: readonly string[]): { known: number; hasVoltage: boolean; hasCurrent: boolean; hasTime: boolean } {
  let known = 0;
  let hasVoltage = false;
  let hasCurrent = false;
  let hasTime = false;
  for (const h of headers) {
    const r = landColumnRule(h);
    if (r.kind === 'auto') continue;
    known++;
    if (r.quantity === 'voltage_volt') hasVoltage = true;
    if (r.quantity === 'current_ampere') hasCurrent = true;
    if (r.quantity === 'test_time_second') hasTime = true;
  }
  return { known, hasVoltage, hasCurrent, hasTime };
}
