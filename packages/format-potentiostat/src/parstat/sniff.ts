/** Recognises Princeton Applied Research VersaStudio `.par` files and PARSTAT text exports. */
import { headLines, type FormatDescriptor } from '@echemkit/core';

/** First line of a PARSTAT text export. */
export const PARSTAT_HEADER = /^Potential \(V\)\tCurrent \(A\)\tElapsed Time \(s\)\tFrequency \(Hz\)\tZre \(ohms\)\tZim \(ohms\)/;

/** 1 when the file starts with an `<Application>` section naming VersaStudio. */
export function sniffVersaStudio(head: Uint8Array): number {
  const l = headLines(head, 4);
  return l[0]?.trim() === '<Application>' && l.slice(1).some((x) => /^Name=VersaStudio/.test(x)) ? 1 : 0;
}

/** What a registry needs of `versastudio.par` without its parser. */
export const versaStudioFormat: FormatDescriptor = {
  id: 'versastudio.par',
  name: 'Princeton Applied Research VersaStudio (.par)',
  extensions: ['.par'],
  binary: false,
  sniff: sniffVersaStudio,
};

/** 1 for the PARSTAT export header line, else 0. */
export function sniffParstatText(head: Uint8Array): number {
  return PARSTAT_HEADER.test(headLines(head, 1)[0] ?? '') ? 1 : 0;
}

/** What a registry needs of `parstat.txt` without its parser. */
export const parstatTextFormat: FormatDescriptor = {
  id: 'parstat.txt',
  name: 'Princeton Applied Research PARSTAT text export',
  extensions: ['.txt'],
  binary: false,
  sniff: sniffParstatText,
};
