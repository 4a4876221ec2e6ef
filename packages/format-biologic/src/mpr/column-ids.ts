/**
 * Column-ID table of the `VMP data` module: id → the column name the `.mpt` export writes
 * and the storage type. Facts from galvani, yadg, eclabfiles (see README) plus IDs seen in
 * the corpus and checked against the `.mpt` exported from the same `.mpr`.
 */

/** Storage of one column in a record (little-endian). */
export type MprDtype = 'u1' | 'u2' | 'u4' | 'f4' | 'f8';

/** Byte size of each storage type. */
export const DTYPE_SIZE: Record<MprDtype, number> = { u1: 1, u2: 2, u4: 4, f4: 4, f8: 8 };

export interface ColumnIdInfo {
  /** Name exactly as the `.mpt` export writes it, e.g. `I/mA`. */
  name: string;
  dtype: MprDtype;
  /** Where the fact comes from: G galvani, Y yadg, E eclabfiles, C corpus pair (.mpr ↔ .mpt). */
  src: string;
  /** Set when the sources disagree on the meaning. */
  conflict?: string;
}

/** Flag IDs: they share one u8 byte placed where the first flag ID appears. */
export const FLAG_IDS: ReadonlyMap<number, { name: string; mask: number; shift: number }> = new Map([
  [1, { name: 'mode', mask: 0x03, shift: 0 }],
  [2, { name: 'ox/red', mask: 0x04, shift: 2 }],
  [3, { name: 'error', mask: 0x08, shift: 3 }],
  [21, { name: 'control changes', mask: 0x10, shift: 4 }],
  [31, { name: 'Ns changes', mask: 0x20, shift: 5 }],
  [65, { name: 'counter inc.', mask: 0x80, shift: 7 }],
]);

const T: [number, string, MprDtype, string, string?][] = [
  [4, 'time/s', 'f8', 'GYE'],
  [5, 'control/V/mA', 'f4', 'GYEC'],
  [6, 'Ewe/V', 'f4', 'GYEC'],
  [7, 'dq/mA.h', 'f8', 'GYEC'],
  [8, 'I/mA', 'f4', 'GYEC'],
  [9, 'Ece/V', 'f4', 'GYEC'],
  [11, '<I>/mA', 'f8', 'GYEC'],
  [13, '(Q-Qo)/mA.h', 'f8', 'GYEC'],
  [16, 'Analog IN 1/V', 'f4', 'GYEC'],
  [17, 'Analog IN 2/V', 'f4', 'GYEC'],
  [19, 'control/V', 'f4', 'GYEC'],
  [20, 'control/mA', 'f4', 'GYEC'],
  [23, 'dQ/mA.h', 'f8', 'GYEC'],
  [24, 'cycle number', 'f8', 'GYEC'],
  [26, 'Rapp/Ohm', 'f4', 'G'],
  [27, 'Ewe-Ece/V', 'f4', 'G'],
  [32, 'freq/Hz', 'f4', 'GYEC'],
  [33, '|Ewe|/V', 'f4', 'GYEC'],
  [34, '|I|/A', 'f4', 'GYEC'],
  [35, 'Phase(Z)/deg', 'f4', 'GYEC'],
  [36, '|Z|/Ohm', 'f4', 'GYEC'],
  [37, 'Re(Z)/Ohm', 'f4', 'GYEC'],
  [38, '-Im(Z)/Ohm', 'f4', 'GYEC'],
  [39, 'I Range', 'u2', 'GYEC'],
  [69, 'R/Ohm', 'f4', 'GY'],
  [70, 'P/W', 'f4', 'GYEC'],
  [74, '|Energy|/W.h', 'f8', 'GYEC'],
  [75, 'Analog OUT/V', 'f4', 'GYE'],
  [76, '<I>/mA', 'f4', 'GYEC'],
  [77, '<Ewe>/V', 'f4', 'GYEC'],
  [78, 'Cs-2/µF-2', 'f4', 'GYE'],
  [96, '|Ece|/V', 'f4', 'GYEC'],
  [98, 'Phase(Zce)/deg', 'f4', 'GYEC'],
  [99, '|Zce|/Ohm', 'f4', 'GYEC'],
  [100, 'Re(Zce)/Ohm', 'f4', 'GYEC'],
  [101, '-Im(Zce)/Ohm', 'f4', 'GYEC'],
  [110, 'Energy ce/W.h', 'f8', 'Y'],
  [112, 'Energy we/W.h', 'f8', 'Y'],
  [115, 'Energy ce charge/W.h', 'f8', 'Y'],
  [116, 'Energy ce discharge/W.h', 'f8', 'Y'],
  [123, 'Energy charge/W.h', 'f8', 'GYEC'],
  [124, 'Energy discharge/W.h', 'f8', 'GYEC'],
  [125, 'Capacitance charge/µF', 'f8', 'GYEC'],
  [126, 'Capacitance discharge/µF', 'f8', 'GYEC'],
  [131, 'Ns', 'u2', 'GYEC'],
  [163, '|Estack|/V', 'f4', 'GYE'],
  [168, 'Rcmp/Ohm', 'f4', 'GYEC'],
  [169, 'Cs/µF', 'f4', 'GYEC'],
  [172, 'Cp/µF', 'f4', 'GYEC'],
  [173, 'Cp-2/µF-2', 'f4', 'GYE'],
  // 174 is Phase(Zwe-ce)/deg when 6 or 77 is also present (yadg; checked on peis.issue_225) — see layout.ts.
  [174, '<Ewe>/V', 'f4', 'GYEC'],
  [178, '(Q-Qo)/C', 'f4', 'GYC'],
  [179, 'dQ/C', 'f4', 'GYC'],
  // Seen in EC-Lab ≥ 11.50 files: 182 = 438 − 256 (step time/s), order checked on cv.issue_149 / coc.issue_185.
  [182, 'step time/s', 'f8', 'C'],
  [185, '<Ece>/V', 'f4', 'C'],
  [211, 'Q charge/discharge/mA.h', 'f8', 'GYC'],
  [212, 'half cycle', 'u4', 'GY'],
  [213, 'z cycle', 'u4', 'GY'],
  [215, '<Ece>/V', 'f4', 'C'],
  [217, 'THD Ewe/%', 'f4', 'GYC'],
  [218, 'THD I/%', 'f4', 'GY'],
  [219, 'THD Ece/%', 'f4', 'Y'],
  [220, 'NSD Ewe/%', 'f4', 'GY'],
  [221, 'NSD I/%', 'f4', 'GY'],
  [222, 'NSD Ece/%', 'f4', 'Y'],
  [223, 'NSR Ewe/%', 'f4', 'GY'],
  [224, 'NSR I/%', 'f4', 'GY'],
  [225, 'NSR Ece/%', 'f4', 'Y'],
  [230, '|Ewe h2|/V', 'f4', 'GY'],
  [231, '|Ewe h3|/V', 'f4', 'GY'],
  [232, '|Ewe h4|/V', 'f4', 'GY'],
  [233, '|Ewe h5|/V', 'f4', 'GY'],
  [234, '|Ewe h6|/V', 'f4', 'GY'],
  [235, '|Ewe h7|/V', 'f4', 'GY'],
  [236, '|I h2|/A', 'f4', 'GY'],
  [237, '|I h3|/A', 'f4', 'GY'],
  [238, '|I h4|/A', 'f4', 'GY'],
  [239, '|I h5|/A', 'f4', 'GY'],
  [240, '|I h6|/A', 'f4', 'GY'],
  [241, '|I h7|/A', 'f4', 'GY', 'eclabfiles: |E1|/V'],
  [242, '|E2|/V', 'f4', 'GE', 'yadg: |Ece h2|/V'],
  [243, '|Ece h3|/V', 'f4', 'Y'],
  [244, '|Ece h4|/V', 'f4', 'Y'],
  [245, '|Ece h5|/V', 'f4', 'Y'],
  [246, '|Ece h6|/V', 'f4', 'Y'],
  [247, '|Ece h7|/V', 'f4', 'Y'],
  [248, 'Rac/Ohm', 'f4', 'Y'],
  [249, 'Rdc/Ohm', 'f4', 'Y'],
  [253, 'Acir/Dcir Control', 'u1', 'Y'],
  [271, 'Phase(Z1)/deg', 'f4', 'GE'],
  // galvani/eclabfiles: Phase(Z2)/deg; EC-Lab ≥ 11.50 files use 272 for Analog IN 1/V (see NEW_GENERATION_OVERRIDES).
  [272, 'Phase(Z2)/deg', 'f4', 'GE', 'EC-Lab ≥ 11.50 corpus: Analog IN 1/V'],
  [295, 'I Range', 'u2', 'C'],
  [301, '|Z1|/Ohm', 'f4', 'GE'],
  [302, '|Z2|/Ohm', 'f4', 'GE'],
  [326, 'P/W', 'f4', 'C'],
  [331, 'Re(Z1)/Ohm', 'f4', 'GE'],
  [332, 'Re(Z2)/Ohm', 'f4', 'GE'],
  [352, '|Ece|/V', 'f4', 'C'],
  [361, '-Im(Z1)/Ohm', 'f4', 'GE'],
  [362, '-Im(Z2)/Ohm', 'f4', 'GE'],
  [368, 'Energy we/W.h', 'f8', 'C'],
  [379, 'Energy charge/W.h', 'f8', 'C'],
  [391, '<E1>/V', 'f4', 'GE'],
  [392, '<E2>/V', 'f4', 'GE'],
  [422, 'Phase(Zstack)/deg', 'f4', 'GE'],
  [423, '|Zstack|/Ohm', 'f4', 'GE'],
  [424, 'Re(Zstack)/Ohm', 'f4', 'GE'],
  [425, '-Im(Zstack)/Ohm', 'f4', 'GE'],
  [426, '<Estack>/V', 'f4', 'GE'],
  [430, 'Phase(Zwe-ce)/deg', 'f4', 'GEC'],
  [431, '|Zwe-ce|/Ohm', 'f4', 'GEC'],
  [432, 'Re(Zwe-ce)/Ohm', 'f4', 'GEC'],
  [433, '-Im(Zwe-ce)/Ohm', 'f4', 'GEC'],
  [434, '(Q-Qo)/C', 'f4', 'GEC'],
  [435, 'dQ/C', 'f4', 'GEC'],
  [438, 'step time/s', 'f8', 'G'],
  // galvani: <Ecv>/V; the .mpt of cp.mpr / lsv.mpr says <Ece>/V.
  [441, '<Ece>/V', 'f4', 'GEC'],
  [462, 'Temperature/°C', 'f4', 'GE'],
  [467, 'Q charge/discharge/mA.h', 'f8', 'GEC'],
  [468, 'half cycle', 'u4', 'GEC'],
  [469, 'z cycle', 'u4', 'GEC'],
  [471, '<Ece>/V', 'f4', 'GEC'],
  [473, 'THD Ewe/%', 'f4', 'GE'],
  [474, 'THD I/%', 'f4', 'GEC'],
  [476, 'NSD Ewe/%', 'f4', 'GEC'],
  [477, 'NSD I/%', 'f4', 'GEC'],
  [479, 'NSR Ewe/%', 'f4', 'GEC'],
  [480, 'NSR I/%', 'f4', 'GEC'],
  [486, '|Ewe h2|/V', 'f4', 'GEC'],
  [487, '|Ewe h3|/V', 'f4', 'GEC'],
  [488, '|Ewe h4|/V', 'f4', 'GEC'],
  [489, '|Ewe h5|/V', 'f4', 'GEC'],
  [490, '|Ewe h6|/V', 'f4', 'GEC'],
  [491, '|Ewe h7|/V', 'f4', 'GEC'],
  [492, '|I h2|/A', 'f4', 'GEC'],
  [493, '|I h3|/A', 'f4', 'GEC'],
  [494, '|I h4|/A', 'f4', 'GEC'],
  [495, '|I h5|/A', 'f4', 'GEC'],
  [496, '|I h6|/A', 'f4', 'GEC'],
  [497, '|I h7|/A', 'f4', 'GEC'],
  [498, 'Q charge/mA.h', 'f8', 'G'],
  [499, 'Q discharge/mA.h', 'f8', 'G'],
  [500, 'step time/s', 'f8', 'G'],
  [501, 'Efficiency/%', 'f8', 'G'],
  [502, 'Capacity/mA.h', 'f8', 'G'],
  [505, 'Rdc/Ohm', 'f4', 'G'],
  [509, 'Acir/Dcir Control', 'u1', 'G'],
  // 981 = 0x3D5 = 213 + 3·256 (z cycle), EC-Lab 11.61 (mb.issue_223 .mpt order).
  [981, 'z cycle', 'u4', 'C'],
];

/** Known column IDs (full 16-bit value). */
export const COLUMN_IDS: ReadonlyMap<number, ColumnIdInfo> = new Map(
  T.map(([id, name, dtype, src, conflict]) => [id, conflict ? { name, dtype, src, conflict } : { name, dtype, src }]),
);

/**
 * IDs whose meaning differs in files with big-endian IDs (EC-Lab ≥ 11.50): the `.mpt`
 * exported from such files names the column differently than the older tables.
 */
export const NEW_GENERATION_OVERRIDES: ReadonlyMap<number, ColumnIdInfo> = new Map([
  // lsv.issue_195 (.mpt: Analog IN 1/V right before Analog IN 2/V = 17); 272 = 16 + 256.
  [272, { name: 'Analog IN 1/V', dtype: 'f4', src: 'C' }],
]);
