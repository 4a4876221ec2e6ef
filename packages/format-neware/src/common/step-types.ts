/**
 * NEWARE step-type ("Status") codes. Code → vendor name from NewareNDA's dicts.py
 * (state_dict); the BDF-style name (CC_CHG, CC_DCH …) is ours. Unknown codes keep their
 * number (`UNKNOWN_<code>`) and are reported once per file.
 */

/** Vendor names by status code, as BTSDA/NewareNDA spell them. */
export const STEP_TYPE_VENDOR_NAMES: Readonly<Record<number, string>> = {
  1: 'CC_Chg',
  2: 'CC_DChg',
  3: 'CV_Chg',
  4: 'Rest',
  5: 'Cycle',
  7: 'CCCV_Chg',
  8: 'CP_DChg',
  9: 'CP_Chg',
  10: 'CR_DChg',
  13: 'Pause',
  16: 'Pulse',
  17: 'SIM',
  19: 'CV_DChg',
  20: 'CCCV_DChg',
  21: 'Control',
  22: 'OCV',
  26: 'CPCV_DChg',
  27: 'CPCV_Chg',
};

/** BDF-style step type of a vendor name: `CC_DChg` → `CC_DCH`, `Rest` → `REST`. */
export function bdfStepTypeName(vendorName: string): string {
  return vendorName.toUpperCase().replace(/DCHG$/, 'DCH');
}

/**
 * BDF step type for a status code, `UNKNOWN_<code>` when the code is not in the table.
 * @example
 * stepTypeOfCode(7); // 'CCCV_CHG'
 * stepTypeOfCode(99); // 'UNKNOWN_99'
 */
export function stepTypeOfCode(code: number): string {
  const v = STEP_TYPE_VENDOR_NAMES[code];
  return v ? bdfStepTypeName(v) : `UNKNOWN_${code}`;
}

/** Direction of a step type: charge, discharge or neither (rest, pause, control …). */
export function stepDirection(code: number): 'chg' | 'dchg' | null {
  const v = STEP_TYPE_VENDOR_NAMES[code];
  if (!v) return null;
  if (v.endsWith('_DChg')) return 'dchg';
  if (v.endsWith('_Chg')) return 'chg';
  return null;
}

/** The code table as `codes` metadata for the raw status column. */
export function stepTypeCodes(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(STEP_TYPE_VENDOR_NAMES)) out[k] = v;
  return out;
}

/** BTSDA export spellings (`CC Chg`, `CCCV DChg`, `Rest`, Chinese names) → BDF step type. */
const EXPORT_NAMES: Record<string, string> = {
  恒流充电: 'CC_CHG',
  恒流放电: 'CC_DCH',
  恒压充电: 'CV_CHG',
  恒压放电: 'CV_DCH',
  搁置: 'REST',
  静置: 'REST',
  恒流恒压充电: 'CCCV_CHG',
  恒流恒压放电: 'CCCV_DCH',
  恒功率充电: 'CP_CHG',
  恒功率放电: 'CP_DCH',
  恒阻放电: 'CR_DCH',
  循环: 'CYCLE',
  暂停: 'PAUSE',
  脉冲: 'PULSE',
  工况模拟: 'SIM',
  控制: 'CONTROL',
};

/** BDF step type of a step-type label in a BTSDA export (English or Chinese). */
export function stepTypeOfExportLabel(label: string): string {
  const t = label.trim();
  const zh = EXPORT_NAMES[t];
  if (zh) return zh;
  return bdfStepTypeName(t.replace(/[\s-]+/g, '_'));
}
