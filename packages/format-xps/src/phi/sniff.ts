/** Recognises PHI MultiPak files (`SOFH` magic; `.pro` by its depth-profile keys), Multipak Exporter text and PHI CSV. */
import { hasMagic, headLines, type FormatDescriptor } from '@echemkit/core';

const sofh = (head: Uint8Array) => hasMagic(head, 'SOFH') && (head[4] === 0x0a || head[4] === 0x0d);

/** True when the header names a depth profile (`.pro`): `NoDPDataCyc` or `DepthCalDef` keys. */
function isProfileHead(head: Uint8Array): boolean {
  const lines = headLines(head, 400);
  return lines.some((l) => /^(NoDPDataCyc|DepthCalDef|NoDepthReg):/.test(l)) || lines.some((l) => /^FileType:\s*(PROFILE|DEPTH)/i.test(l));
}

/** What a registry needs of `phi.spe` without its parser. */
export const phiSpeFormat: FormatDescriptor = {
  id: 'phi.spe',
  name: 'PHI MultiPak spectrum (.spe)',
  extensions: ['.spe'],
  binary: true,
  sniff: (head) => (sofh(head) ? (isProfileHead(head) ? 0.9 : 1) : 0),
};

/** What a registry needs of `phi.pro` without its parser. */
export const phiProFormat: FormatDescriptor = {
  id: 'phi.pro',
  name: 'PHI MultiPak depth profile (.pro)',
  extensions: ['.pro'],
  binary: true,
  sniff: (head) => (sofh(head) ? (isProfileHead(head) ? 1 : 0.9) : 0),
};

/** What a registry needs of `phi.multipak-txt` without its parser. */
export const phiMultipakTextFormat: FormatDescriptor = {
  id: 'phi.multipak-txt',
  name: 'PHI Multipak Exporter text (.txt)',
  extensions: ['.txt'],
  binary: false,
  sniff: (head) => {
    const l = headLines(head, 4);
    return l[0]?.startsWith('//----') && l.some((x) => x.startsWith('//Multipak Exporter')) ? 1 : 0;
  },
};

/** What a registry needs of `phi.csv` without its parser. */
export const phiCsvFormat: FormatDescriptor = {
  id: 'phi.csv',
  name: 'PHI CSV spectrum export (.csv)',
  extensions: ['.csv'],
  binary: false,
  sniff: (head) => {
    const l = headLines(head, 3);
    return /^BE\/eV,[^,]*$/i.test((l[0] ?? '').trim()) && /^-?\d+(\.\d+)?,-?\d/.test((l[1] ?? '').trim()) ? 0.9 : 0;
  },
};
