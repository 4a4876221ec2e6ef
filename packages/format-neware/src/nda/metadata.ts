/**
 * File-level facts of a `.nda`: software versions, active mass, remarks. Locations from
 * NewareNDA's `read_nda_metadata` (facts only; see the package README).
 */
import { ascii, asciiText, cString, indexOfBytes, lastIndexOfBytes } from '../common/bytes.js';

export interface NdaMetadata {
  server?: string;
  client?: string;
  /** BTS 9.x version string or layout name (v130). */
  btsVersion?: string;
  /** Active mass in mg as the file gives it. */
  activeMassMg?: number;
  remarks?: string;
}

const FOOTER_SIGNATURE = [0x06, 0x00, 0xf0, 0x1d, 0x81, 0x00, 0x03, 0x00, 0x61, 0x90, 0x71, 0x90, 0x02, 0x7f, 0xff, 0x00];

/** Reads the metadata of a `.nda` of version 29 or 130. */
export function readNdaMetadata(bytes: Uint8Array, version: number): NdaMetadata {
  const md: NdaMetadata = {};
  const at = indexOfBytes(bytes, ascii('BTSServer'));
  if (at >= 0) {
    md.server = cString(bytes, at, 50);
    const client = cString(bytes, at + 100, 50);
    if (client) md.client = client;
  } else {
    const x = indexOfBytes(bytes, ascii('BTS_XWJ'), 0, 1024);
    if (x >= 0) md.server = cString(bytes, x, 1024 - x);
  }
  if (version === 29) {
    if (bytes.length >= 156) {
      const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      md.activeMassMg = dv.getUint32(152, true) / 1000;
    }
    if (bytes.length >= 2417) {
      const r = asciiText(bytes, 2317, 2417);
      if (r) md.remarks = r;
    }
  } else if (version === 130 && bytes.length > 1024) {
    const sub = bytes[1024]!;
    const prefix = sub === 0x55 ? '9.1.' : '9.0.';
    const v = indexOfBytes(bytes, ascii(prefix));
    md.btsVersion = v >= 0 ? cString(bytes, v, 64) : sub === 0x55 ? '9.1' : '9.0';
    const f = lastIndexOfBytes(bytes, FOOTER_SIGNATURE, 1024);
    if (f >= 0 && f + 16 + 499 <= bytes.length) {
      const base = f + 16;
      const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const mass = dv.getFloat64(base + 499 - 8, true);
      if (Number.isFinite(mass)) md.activeMassMg = mass;
      const r = asciiText(bytes, base + 363, base + 491);
      if (r) md.remarks = r;
    }
  }
  return md;
}
