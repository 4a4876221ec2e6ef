/**
 * Matching aux members to TestInfo.xml `AuxN` entries. Member names are
 * `data_AUX_<RealChlID>_<ChlType − 100>_<n>.ndc` (our finding on the corpus: 144_2 ↔ ChlType 102,
 * 144_3 ↔ 103, 1_1022 ↔ 1122, 225_3 ↔ 103) or `data_<n>.ndc`; members that match no entry
 * by those numbers take the remaining entries in name order (NewareNDA's rule).
 */
import type { XmlNode } from './xml.js';

export interface AuxEntry {
  /** `Aux1`, `Aux2` … */
  tag: string;
  attrs: Record<string, string>;
}

export interface AuxMemberInfo {
  member: string;
  entry: AuxEntry | undefined;
}

/** Aux member names of an archive, sorted by the numbers in their names. */
export function auxMemberNames(names: string[]): string[] {
  const withNums: { name: string; nums: number[] }[] = [];
  for (const name of names) {
    const m = /data_AUX_(\d+)_(\d+)_(\d+)\.ndc$/i.exec(name);
    if (m) withNums.push({ name, nums: [+m[1]!, +m[2]!, +m[3]!] });
    else {
      const s = /data_(\d+)\.ndc$/i.exec(name);
      if (s) withNums.push({ name, nums: [+s[1]!, 0, 0] });
    }
  }
  withNums.sort((a, b) => a.nums[0]! - b.nums[0]! || a.nums[1]! - b.nums[1]! || a.nums[2]! - b.nums[2]!);
  return withNums.map((w) => w.name);
}

/** Pairs aux members with TestInfo entries. */
export function matchAuxMembers(members: string[], testInfo: XmlNode | undefined): AuxMemberInfo[] {
  const entries: AuxEntry[] = (testInfo?.children ?? []).filter((c) => /^Aux\d+$/.test(c.tag)).map((c) => ({ tag: c.tag, attrs: c.attrs }));
  const used = new Set<AuxEntry>();
  const out: AuxMemberInfo[] = members.map((member) => {
    const m = /data_AUX_(\d+)_(\d+)_(\d+)\.ndc$/i.exec(member);
    if (!m) return { member, entry: undefined };
    const e = entries.find((x) => !used.has(x) && x.attrs.RealChlID === m[1] && Number(x.attrs.ChlType) === Number(m[2]) + 100);
    if (e) used.add(e);
    return { member, entry: e };
  });
  const rest = entries.filter((e) => !used.has(e));
  for (const o of out) if (!o.entry && rest.length) o.entry = rest.shift();
  return out;
}

/** Kind of an aux channel from its ChlType code. */
export function auxKindOf(chlType: string | undefined): { kind: 'temperature' | 'voltage' | 'other'; name: string; unit: string | null } {
  switch (chlType) {
    case '103':
      return { kind: 'temperature', name: 'T', unit: '°C' };
    case '102':
      return { kind: 'voltage', name: 'V', unit: 'V' };
    case '335':
      return { kind: 'other', name: 't', unit: null };
    case '345':
      return { kind: 'other', name: 'H', unit: null };
    default:
      return { kind: 'other', name: `ChlType ${chlType ?? '?'}`, unit: null };
  }
}
