/**
 * Large benchmark inputs made by repeating the records of real corpus files. Generators are
 * per layout: text files with a header and a data table; binary formats add their own.
 */

/** Text with `headerLines` header lines: repeats the data lines until about `targetBytes`. */
export function repeatTextRecords(bytes: Uint8Array, headerLines: number, targetBytes: number): Uint8Array {
  let pos = 0;
  for (let l = 0; l < headerLines && pos < bytes.length; l++) {
    const nl = bytes.indexOf(0x0a, pos);
    pos = nl < 0 ? bytes.length : nl + 1;
  }
  const header = bytes.subarray(0, pos);
  let body = bytes.subarray(pos);
  if (body.length && body[body.length - 1] !== 0x0a) body = body.subarray(0, body.lastIndexOf(0x0a) + 1);
  if (!body.length) throw new Error('no data lines to repeat');
  const copies = Math.max(1, Math.ceil((targetBytes - header.length) / body.length));
  const out = new Uint8Array(header.length + copies * body.length);
  out.set(header, 0);
  for (let k = 0; k < copies; k++) out.set(body, header.length + k * body.length);
  return out;
}

/** Number of header lines of a Bio-Logic .mpt (`Nb header lines : N`; the column-name line is the last of them). */
export function mptHeaderLines(bytes: Uint8Array): number {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /Nb header lines\s*:\s*(\d+)/.exec(head);
  if (!m) throw new Error('not an .mpt with a header count');
  return Number(m[1]);
}
