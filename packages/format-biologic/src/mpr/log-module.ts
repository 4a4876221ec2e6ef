/**
 * The `VMP LOG` module: channel, serial numbers, software/firmware versions, and the
 * acquisition start as an OLE Automation date (local wall-clock time of the PC).
 */
import { oleDateToWallMs, type ParseContext } from '@echemkit/core';
import { DEVICE_MODELS } from './devices.js';
import { f32, f64, hex, pascal, shortF32, u16, u8 } from './fields.js';
import type { MprModule } from './modules.js';

export interface LogInfo {
  /** Zero-based channel number. */
  channel: number | null;
  channelSerial: number | null;
  eweCtrlMin: number | null;
  eweCtrlMax: number | null;
  /** OLE date (days since 1899-12-30) of the acquisition start, null when none is plausible. */
  startOle: number | null;
  /** Offset of the OLE date inside the LOG data. */
  startOleOffset: number | null;
  /** Wall-clock ms (as if UTC) of the start. */
  startWallMs: number | null;
  fileName: string | null;
  host: string | null;
  address: string | null;
  softwareVersion: string | null;
  serverVersion: string | null;
  interpreterVersion: string | null;
  deviceSerial: string | null;
  /** Instrument model code (LOG 0x3CE) and its model name when known (see devices.ts). */
  deviceCode: number | null;
  deviceModel: string | null;
  averagingPoints: number | null;
  /** The whole module verbatim (hex), so fields not decoded here are kept. */
  moduleHex: string;
}

/** Offsets where the start date has been found (0x249 in every corpus file; galvani lists the others). */
const OLE_OFFSETS = [0x249, 465, 469, 473];
/** OLE days of 2009-06-18 … 2036-11-30: galvani's plausibility window. */
const OLE_MIN = 40000;
const OLE_MAX = 50000;

const printable = (s: string | null) => (s !== null && /^[\x20-\x7e\u00a0-\u00ff]*$/.test(s) ? s : null);

/**
 * Reads the LOG module.
 * @example
 * const log = readLogModule(logModule, ctx, '01/10/24');
 * log.softwareVersion; // '11.50'
 */
export function readLogModule(mod: MprModule, ctx: ParseContext, headerDate: string | null): LogInfo {
  const d = mod.data;
  let startOle: number | null = null;
  let startOleOffset: number | null = null;
  for (const o of OLE_OFFSETS) {
    const v = f64(d, o);
    if (v !== null && v > OLE_MIN && v < OLE_MAX) {
      startOle = v;
      startOleOffset = o;
      break;
    }
  }
  if (startOle === null) {
    ctx.warn('no plausible acquisition start date in the VMP LOG module; no absolute time', { ruleId: 'no-start-time', offset: mod.dataOffset + 0x249, expected: `an OLE date between ${OLE_MIN} and ${OLE_MAX} at one of ${OLE_OFFSETS.join(', ')}` });
  } else if (startOleOffset !== 0x249) {
    ctx.info(`acquisition start date found at LOG offset ${startOleOffset} instead of 0x249`, { ruleId: 'start-time-offset', offset: mod.dataOffset + startOleOffset! });
  }
  const startWallMs = startOle === null ? null : oleDateToWallMs(startOle);
  if (startWallMs !== null && headerDate) {
    // The module header carries the date (mm/dd/yy) the LOG was written; it is on or after the start.
    const m = /^(\d\d)[/.-](\d\d)[/.-](\d\d)$/.exec(headerDate);
    if (m) {
      const logDay = Date.UTC(2000 + Number(m[3]), Number(m[1]) - 1, Number(m[2]));
      const startDay = Math.floor(startWallMs / 86400000) * 86400000;
      if (logDay < startDay) ctx.warn(`the LOG module date ${headerDate} lies before the acquisition start`, { ruleId: 'start-time-implausible', offset: mod.offset });
    }
  }
  return {
    channel: u8(d, 0x09),
    channelSerial: u16(d, 0xab),
    eweCtrlMin: shortF32(f32(d, 0x1f8)),
    eweCtrlMax: shortF32(f32(d, 0x1fc)),
    startOle,
    startOleOffset,
    startWallMs,
    fileName: pascal(d, 0x251),
    host: pascal(d, 0x351),
    address: pascal(d, 0x384),
    softwareVersion: printable(pascal(d, 0x3b7)),
    serverVersion: printable(pascal(d, 0x3be)),
    interpreterVersion: printable(pascal(d, 0x3c5)),
    deviceSerial: printable(pascal(d, 0x3cf)),
    deviceCode: u8(d, 0x3ce),
    deviceModel: DEVICE_MODELS.get(u8(d, 0x3ce) ?? -1) ?? null,
    averagingPoints: u8(d, 0x922),
    moduleHex: hex(d),
  };
}
