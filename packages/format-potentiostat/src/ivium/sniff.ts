/** Recognises IviumSoft `.idf` files by their `Peaks=`/`Method=`/`Technique=` lines. */
import type { FormatDescriptor } from '@echemkit/core';

const latin1 = new TextDecoder('latin1');

/** 0.9 when the head has IviumSoft `Peaks=`/`Method=` lines near its start, else 0. */
export function sniffIdf(head: Uint8Array): number {
  // One character per byte, in one call (the patterns are ASCII).
  const s = latin1.decode(head.subarray(0, 8192));
  return /\r?\nPeaks=(true|false)\r?\n/.test(s.slice(0, 200)) && /\r?\nMethod=/.test(s) && /\r?\nTechnique=/.test(s) ? 0.9 : 0;
}

/** What a registry needs of `ivium.idf` without its parser. */
export const iviumIdfFormat: FormatDescriptor = {
  id: 'ivium.idf',
  name: 'IviumSoft data file (.idf)',
  extensions: ['.idf', '.ids'],
  binary: false,
  sniff: sniffIdf,
};
