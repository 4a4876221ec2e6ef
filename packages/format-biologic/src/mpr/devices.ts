/**
 * Instrument model codes: the byte at 0x3CE of the `VMP LOG` module (just before the device
 * serial). Not in the public reverse-engineering sources; derived from the corpus, where every
 * `.mpr` with an `.mpt` export agrees with the export's "Device :" line.
 */
export const DEVICE_MODELS: ReadonlyMap<number, string> = new Map([
  [5, 'VMP3'],
  [6, 'VSP'],
  [14, 'SP-150'],
  [16, 'SP-300'],
  [21, 'SP-200'],
  [22, 'MPG-2'],
  [26, 'BCS-805'],
  [27, 'SP-240'],
  [34, 'VSP-3e'],
]);
