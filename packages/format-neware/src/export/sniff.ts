/**
 * Detection of BTSDA exports (CSV/text and Excel) without their parsers: the record header
 * row in the first lines, or in the shared strings / first sheets of the workbook head
 * (SheetJS is imported by the workbook parser only).
 */
import { detectEncoding, type FormatDescriptor } from '@echemkit/core';
import { inflateSync } from 'fflate';
import { looksLikeRecordHeader } from './headers.js';

/** Splits a CSV line at `d`, honouring double quotes. */
export function splitFields(line: string, d: string): string[] {
  if (!line.includes('"')) return line.split(d);
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (q) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') q = false;
      else cur += ch;
    } else if (ch === '"') q = true;
    else if (ch === d) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Decodes export text (BOM, else GB18030). */
export function decode(bytes: Uint8Array): string {
  const { encoding, bomLength } = detectEncoding(bytes, 'gb18030');
  return new TextDecoder(encoding).decode(bytes.subarray(bomLength));
}

/**
 * Sniff: a header row with `DataPoint`/`数据序号` and other BTSDA record headers in the first lines.
 * @example
 * sniffBtsdaCsv(new TextEncoder().encode('DataPoint,Cycle Index,Step Type,Time,Current(A),Voltage(V)\n')); // 0.9
 */
export function sniffBtsdaCsv(head: Uint8Array): number {
  if (head[0] === 0x50 && head[1] === 0x4b) return 0;
  for (let i = 0; i < Math.min(head.length, 512); i++) if (head[i] === 0) return 0;
  const text = decode(head.subarray(0, Math.min(head.length, 16384)));
  const lines = text.split(/\r?\n/, 6);
  for (const l of lines.slice(0, 5)) {
    const d = l.split('\t').length > l.split(',').length ? '\t' : ',';
    if (looksLikeRecordHeader(splitFields(l, d))) return 0.9;
  }
  return 0;
}

/** Members of the zip that lie completely inside `head`, inflated (bounded). */
function headMembers(head: Uint8Array, wanted: RegExp): string[] {
  const out: string[] = [];
  const dv = new DataView(head.buffer, head.byteOffset, head.byteLength);
  let p = 0;
  while (p + 30 <= head.length && dv.getUint32(p, true) === 0x04034b50) {
    const method = dv.getUint16(p + 8, true);
    const csize = dv.getUint32(p + 18, true);
    const size = dv.getUint32(p + 22, true);
    const nlen = dv.getUint16(p + 26, true);
    const xlen = dv.getUint16(p + 28, true);
    const start = p + 30 + nlen + xlen;
    if (start > head.length || csize === 0xffffffff) break;
    const name = new TextDecoder().decode(head.subarray(p + 30, p + 30 + nlen));
    if (start + csize > head.length) break;
    if (wanted.test(name) && size <= 4 << 20 && size <= csize * 1100 + 1024) {
      try {
        const data = head.subarray(start, start + csize);
        const raw = method === 8 ? inflateSync(data, { out: new Uint8Array(size) }) : data;
        out.push(new TextDecoder().decode(raw));
      } catch {
        // a corrupt member says nothing about the format
      }
    }
    p = start + csize;
  }
  return out;
}

/**
 * Sniff: an xlsx whose shared strings or sheets (within the first bytes) hold a BTSDA record
 * header; other vendors' workbooks score 0.
 * @example
 * sniffBtsdaXlsx(firstBytesOfABtsdaWorkbook); // 0.9
 */
export function sniffBtsdaXlsx(head: Uint8Array): number {
  if (head.length < 30 || head[0] !== 0x50 || head[1] !== 0x4b || head[2] !== 0x03 || head[3] !== 0x04) return 0;
  const texts = headMembers(head, /^xl\/(sharedStrings|worksheets\/sheet\d+)\.xml$/);
  for (const t of texts) {
    const strings = [...t.matchAll(/<([tv])(?:\s[^>]*)?>([^<]*)<\/\1>/g)].map((m) => m[2]!);
    if (looksLikeRecordHeader(strings)) return 0.9;
  }
  return 0;
}

/** What a registry needs of `neware.csv` without its parser. */
export const btsdaCsvFormat: FormatDescriptor = {
  id: 'neware.csv',
  name: 'NEWARE BTSDA export (.csv/.txt)',
  extensions: ['.csv'],
  binary: false,
  sniff: sniffBtsdaCsv,
};

/** What a registry needs of `neware.xlsx` without its parser. */
export const btsdaXlsxFormat: FormatDescriptor = {
  id: 'neware.xlsx',
  name: 'NEWARE BTSDA Excel export (.xlsx)',
  extensions: ['.xlsx'],
  binary: true,
  sniff: sniffBtsdaXlsx,
};
