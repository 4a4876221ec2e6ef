/**
 * Sheet names from the first bytes of an .xlsx/.xls, for sniffing. Does not use SheetJS
 * (detection must not load it): zip local headers and BIFF8 BOUNDSHEET records are read here.
 */
import { inflatePrefix } from '@echemkit/core';

/** Sheet names from the start of an .xlsx (zip) or .xls (BIFF8 compound file); empty when unknown. */
export function sheetNamesFromHead(head: Uint8Array): string[] {
  try {
    if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return zipSheetNames(head);
    if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return biffSheetNames(head);
  } catch {
    // A sniffer never throws: unreadable heads have no names.
  }
  return [];
}

function zipSheetNames(head: Uint8Array): string[] {
  const dv = new DataView(head.buffer, head.byteOffset, head.byteLength);
  let at = 0;
  for (let guard = 0; guard < 200 && at + 30 <= head.length; guard++) {
    if (dv.getUint32(at, true) !== 0x04034b50) break;
    const flags = dv.getUint16(at + 6, true);
    const method = dv.getUint16(at + 8, true);
    const csize = dv.getUint32(at + 18, true);
    const nameLen = dv.getUint16(at + 26, true);
    const extraLen = dv.getUint16(at + 28, true);
    const nameStart = at + 30;
    if (nameStart + nameLen > head.length) break;
    const name = new TextDecoder().decode(head.subarray(nameStart, nameStart + nameLen));
    const dataStart = nameStart + nameLen + extraLen;
    const known = (flags & 8) === 0;
    if (name === 'xl/workbook.xml') {
      const end = known ? Math.min(head.length, dataStart + csize) : head.length;
      const raw = head.subarray(dataStart, end);
      let xml: Uint8Array;
      if (method === 0) xml = raw;
      else if (method === 8) xml = inflatePrefix(raw, 4 << 20);
      else return [];
      const text = new TextDecoder().decode(xml);
      const names: string[] = [];
      const re = /<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"/g;
      for (let m = re.exec(text); m; m = re.exec(text)) names.push(decodeXml(m[1]!));
      return names;
    }
    if (!known) break; // without sizes the next header cannot be found
    at = dataStart + csize;
  }
  return [];
}

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'amp') return '&';
    if (k === 'quot') return '"';
    if (k === 'apos') return "'";
    const code = k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
  });
}

/** BOUNDSHEET8 records (0x0085) of a BIFF8 workbook stream found in the head. */
function biffSheetNames(head: Uint8Array): string[] {
  const names: string[] = [];
  for (let i = 512; i + 12 < head.length && names.length < 256; i++) {
    if (head[i] !== 0x85 || head[i + 1] !== 0x00) continue;
    const len = head[i + 2]! | (head[i + 3]! << 8);
    if (len < 8 || len > 300 || i + 4 + len > head.length) continue;
    const cch = head[i + 10]!;
    const high = head[i + 11]!;
    if (cch === 0 || (high !== 0 && high !== 1) || 8 + (high ? 2 * cch : cch) !== len) continue;
    let s = '';
    for (let k = 0; k < cch; k++) s += String.fromCharCode(high ? head[i + 12 + 2 * k]! | (head[i + 13 + 2 * k]! << 8) : head[i + 12 + k]!);
    names.push(s);
    i += 3 + len;
  }
  return names;
}
