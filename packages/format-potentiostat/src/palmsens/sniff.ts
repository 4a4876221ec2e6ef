/** Recognises PalmSens PSTrace sessions (UTF-16 JSON) and Excel exports (without SheetJS). */
import type { FormatDescriptor } from '@echemkit/core';
import { inflateSync } from 'fflate';

/** Current units of PSTrace column pairs. */
export const CURRENT_UNITS = /^(A|mA|µA|μA|uA|nA|pA)$/;

/** 1 for UTF-16 JSON starting `{"Type":"PalmSens` (either key case). */
export function sniffPsSession(head: Uint8Array): number {
  if (head[0] !== 0xff || head[1] !== 0xfe) return 0;
  const s = new TextDecoder('utf-16le').decode(head.subarray(2, 2 + 80));
  return /^\{"[Tt]ype":"PalmSens\./.test(s) ? 1 : 0;
}

/** What a registry needs of `palmsens.pssession` without its parser. */
export const palmsensSessionFormat: FormatDescriptor = {
  id: 'palmsens.pssession',
  name: 'PalmSens PSTrace session (.pssession)',
  extensions: ['.pssession'],
  binary: false,
  sniff: sniffPsSession,
};

/** The raw bytes of a stored zip member from the local headers in `head` (no central directory needed). */
function localMember(head: Uint8Array, name: string): Uint8Array | undefined {
  const dv = new DataView(head.buffer, head.byteOffset, head.byteLength);
  let at = 0;
  for (let k = 0; k < 64 && at + 30 <= head.length; k++) {
    if (dv.getUint32(at, true) !== 0x04034b50) return undefined;
    const flags = dv.getUint16(at + 6, true);
    const method = dv.getUint16(at + 8, true);
    const size = dv.getUint32(at + 18, true);
    const nameLen = dv.getUint16(at + 26, true);
    const extra = dv.getUint16(at + 28, true);
    const start = at + 30 + nameLen + extra;
    if ((flags & 8) !== 0 || start + size > head.length) return undefined;
    let n = '';
    for (let i = 0; i < nameLen; i++) n += String.fromCharCode(head[at + 30 + i]!);
    if (n === name) {
      const data = head.subarray(start, start + size);
      if (method === 0) return data;
      if (method !== 8 || size > 1 << 16) return undefined;
      try {
        return inflateSync(data, { out: new Uint8Array(1 << 18) }).slice();
      } catch {
        return undefined;
      }
    }
    at = start + size;
  }
  return undefined;
}

/** 0.9 for an xlsx whose shared strings are only `Curve` titles and units (PSTrace export). */
export function sniffPalmsensXlsx(head: Uint8Array): number {
  if (head[0] !== 0x50 || head[1] !== 0x4b || head[2] !== 3 || head[3] !== 4) return 0;
  const sst = localMember(head, 'xl/sharedStrings.xml');
  if (!sst) return 0;
  const xml = new TextDecoder().decode(sst.subarray(0, 1 << 16));
  const strings = [...xml.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1]!);
  if (strings.length === 0 || strings.length > 64 || !strings.includes('Curve') || !strings.includes('V') || !strings.some((s) => CURRENT_UNITS.test(s))) return 0;
  // Anything besides titles and units means another program's workbook.
  return strings.every((s) => /^Curve\b/.test(s) || s === 'V' || s === 's' || CURRENT_UNITS.test(s)) ? 0.9 : 0;
}

/** What a registry needs of `palmsens.xlsx` without its parser. */
export const palmsensXlsxFormat: FormatDescriptor = {
  id: 'palmsens.xlsx',
  name: 'PalmSens PSTrace Excel export (.xlsx)',
  extensions: ['.xlsx'],
  binary: true,
  sniff: sniffPalmsensXlsx,
};
