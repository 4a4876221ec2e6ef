/** Text decoding for LANDdt text exports: UTF-8 (with or without BOM), GBK/GB18030 for Chinese Windows, else Windows-1252. */
import { decodeText, detectEncoding } from '@echemkit/core';

const CJK = /[\u4e00-\u9fff]/;

/** Decodes a LANDdt text export; returns the text and the encoding used. */
export function decodeLandText(bytes: Uint8Array): { text: string; encoding: string } {
  const det = detectEncoding(bytes);
  if (det.encoding !== 'windows-1252') return decodeText(bytes);
  // Not UTF-8: Chinese LANDdt writes GBK (GB18030 is its superset); a Latin export with µ is Windows-1252.
  const gb = decodeText(bytes, 'gb18030');
  const head = gb.text.slice(0, 4096);
  if (CJK.test(head) && !head.includes('\uFFFD')) return gb;
  return decodeText(bytes, 'windows-1252');
}
