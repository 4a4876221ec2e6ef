/**
 * LAND `.cex` layout, data version 0.1.1.0 — the only version with public facts (see
 * ../../README.md and shared docs land-cex.md, from jmstrat/Echem.Data R/Land.R). Offsets in
 * bytes, little-endian.
 */

export const CEX_MAGIC = [0x10, 0x11, 0x09, 0x88] as const;
export const SUPPORTED_VERSION = '0.1.1.0';

export const HEADER = {
  version: 4,
  box: 8,
  channel: 9,
  startTime: 16,
  voltageRange: 24,
  currentRange: 26,
  activeMass: 28,
  monitorVersion: 36,
  startTime2: 48,
  startOrEndTime: 52,
  programName: 160,
  comment: 176,
  programMarker: 248,
  firstStep: 288,
} as const;

export const PROGRAM_NAME_LENGTH = 16;
export const COMMENT_LENGTH = 64;
export const MONITOR_VERSION_LENGTH = 4;

/** "Program begins" marker at 248: these 12 bytes, then 28 zero bytes. */
export const PROGRAM_MARKER = [0xff, 0x7f, 0xff, 0x7f, 0xff, 0xff, 0xff, 0x7f, 0xff, 0xff, 0xff, 0x7f] as const;
export const PROGRAM_MARKER_LENGTH = 40;

export const STEP_SIZE = 32;
/** Program steps end with a 16-byte block starting `BB BB FF FF` (4 bytes + 12 unknown). */
export const STEP_END = [0xbb, 0xbb, 0xff, 0xff] as const;
export const STEP_END_BLOCK = 16;

export const ROW_SIZE = 16;
/** First i32 of a control row: `CC CC FF FF`. */
export const CONTROL_MARK = 0xffffcccc | 0;
/** Section header rows `AA AA FF FF` and `BB BB FF FF`. */
export const SECTION_MARKS = [0xffffaaaa | 0, 0xffffbbbb | 0] as const;

/** Empirical full-scale constant of the raw i16/i32 values (Echem.Data: "I don't know where this comes from"). */
export const FULL_SCALE = 16128;

/** Control row types (u16 after the mark). */
export const CONTROL_TYPES: Record<number, string> = {
  0x22: 'step change',
  0x33: 'event',
  0x44: 'current on/off',
  0x91: 'step change (0x91)',
  0x92: 'unknown (0x92)',
};

/** Work-mode codes (first byte of a program step's mode; LANDCexSharp PMColumns and Echem.Data). */
export const MODES: Record<number, string> = {
  0x02: 'CC_DCH',
  0x03: 'CC_CHG',
  0x04: 'CV_DCH',
  0x05: 'CV_CHG',
  0x06: 'END',
  0x13: 'CP_DCH',
  0x14: 'CP_CHG',
  0x16: 'CR_DCH',
  0x1a: 'DCIR',
  0x70: 'REST',
  0x71: 'IF',
  0x74: 'SUSPEND',
  0x75: 'CRATE_DCH',
  0x76: 'CRATE_CHG',
  0xf0: 'OR',
};

/** Program step condition types (1 time, 2 voltage, 6 cycles) and signs (0 ≤, 1 ≥). */
export const CONDITION_TYPES: Record<number, string> = { 1: 'time', 2: 'voltage', 6: 'cycles' };
export const CONDITION_SIGNS: Record<number, string> = { 0: '<=', 1: '>=' };
