import { hasMagic, headLines, type FormatPlugin } from '@echemkit/core';
import { parsePhiCsv } from './csv.js';
import { parseMultipakText } from './multipak-txt.js';
import { parsePhi } from './spe.js';

const sofh = (head: Uint8Array) => hasMagic(head, 'SOFH') && (head[4] === 0x0a || head[4] === 0x0d);

/** True when the header names a depth profile (`.pro`): `NoDPDataCyc` or `DepthCalDef` keys. */
function isProfileHead(head: Uint8Array): boolean {
  const lines = headLines(head, 400);
  return lines.some((l) => /^(NoDPDataCyc|DepthCalDef|NoDepthReg):/.test(l)) || lines.some((l) => /^FileType:\s*(PROFILE|DEPTH)/i.test(l));
}

/**
 * PHI MultiPak spectra (`.spe`): ASCII header + float32/float64 traces.
 * @example
 * const doc = await read(bytes, { fileName: 'sample.spe' }); // one spectrum per SpectralRegDef
 */
export const phiSpePlugin: FormatPlugin = {
  id: 'phi.spe',
  name: 'PHI MultiPak spectrum (.spe)',
  extensions: ['.spe'],
  binary: true,
  sniff: (head) => (sofh(head) ? (isProfileHead(head) ? 0.9 : 1) : 0),
  parse: parsePhi,
};

/**
 * PHI MultiPak depth profiles (`.pro`): spectra per cycle and region plus a `depth-profile`.
 * @example
 * const doc = await read(bytes, { fileName: 'profile.pro' });
 */
export const phiProPlugin: FormatPlugin = {
  id: 'phi.pro',
  name: 'PHI MultiPak depth profile (.pro)',
  extensions: ['.pro'],
  binary: true,
  sniff: (head) => (sofh(head) ? (isProfileHead(head) ? 1 : 0.9) : 0),
  parse: parsePhi,
};

/**
 * Text from ULVAC-PHI's Multipak Exporter.
 * @example
 * const doc = await read(bytes, { fileName: 'export.txt' });
 */
export const phiMultipakTextPlugin: FormatPlugin = {
  id: 'phi.multipak-txt',
  name: 'PHI Multipak Exporter text (.txt)',
  extensions: ['.txt'],
  binary: false,
  sniff: (head) => {
    const l = headLines(head, 4);
    return l[0]?.startsWith('//----') && l.some((x) => x.startsWith('//Multipak Exporter')) ? 1 : 0;
  },
  parse: parseMultipakText,
};

/**
 * PHI CSV export (`BE/eV,<name>` header).
 * @example
 * const doc = await read(bytes, { fileName: 'C1s.csv' });
 */
export const phiCsvPlugin: FormatPlugin = {
  id: 'phi.csv',
  name: 'PHI CSV spectrum export (.csv)',
  extensions: ['.csv'],
  binary: false,
  sniff: (head) => {
    const l = headLines(head, 3);
    return /^BE\/eV,[^,]*$/i.test((l[0] ?? '').trim()) && /^-?\d+(\.\d+)?,-?\d/.test((l[1] ?? '').trim()) ? 0.9 : 0;
  },
  parse: parsePhiCsv,
};
