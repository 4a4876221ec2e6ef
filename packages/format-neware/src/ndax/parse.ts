/** The `.ndax` plugin: bounded zip, XML metadata, ndc members by version, one measurement. */
import { FormatError, isEchemkitError, UnsupportedVersionError, utcStartTime, localStartTime, type FormatPlugin, type Measurement, type ParseContext, type ParseResult, type Sample } from '@echemkit/core';
import { integerRecordsToColumns, type RawAux } from '../common/integer-records.js';
import { recordColumns } from '../common/measurement.js';
import { cycleModeOption } from '../common/options.js';
import { ndaxFormat } from '../native-sniff.js';
import type { NewareRecords } from '../common/records.js';
import { startTimeOf } from '../nda/parse.js';
import { auxKindOf, auxMemberNames, matchAuxMembers } from './aux-channels.js';
import { assembleSplit, type SplitInputs } from './assemble-split.js';
import { decodeLegacy } from './legacy-members.js';
import { NDC_TYPE, ndcHeader } from './ndc.js';
import { decodeAux, decodeData, decodeRunInfo, decodeSteps } from './split-members.js';
import { stepTable } from './step-table.js';
import { childPath, parseXmlMember, toPlain, type XmlNode } from './xml.js';
import { ZipArchive, type ZipEntry } from '@echemkit/core';

const XML_LIMIT = 16 << 20;

function readXml(zip: ZipArchive, e: ZipEntry | undefined, ctx: ParseContext): XmlNode | undefined {
  if (!e) return undefined;
  if (e.size > XML_LIMIT) {
    ctx.warn(`member ${e.name} is larger than ${XML_LIMIT} bytes and was not read`, { ruleId: 'member-too-large', actual: String(e.size) });
    return undefined;
  }
  try {
    return parseXmlMember(zip.read(e), ctx.format, e.name);
  } catch (err) {
    if (err instanceof FormatError) {
      ctx.warn(err.message, { ruleId: 'bad-xml-member', note: e.name });
      return undefined;
    }
    throw err;
  }
}

/** Options of the `.ndax` reader (`pluginOptions['neware.ndax']`). */
export interface NdaxOptions {
  /** Integrate capacity/energy for rows without a runInfo item, like NewareNDA (derived). Default false. */
  fillCapacity?: boolean;
  /** BTSDA cycle renumbering mode of the derived cycle column: 'chg' (default), 'dchg', 'auto'. */
  cycleMode?: 'chg' | 'dchg' | 'auto';
}

/**
 * Parses a NEWARE `.ndax` archive.
 * @example
 * const result = parseNdax(bytes, ctx);
 * result.measurements[0].tables?.[0].name; // 'steps'
 */
export function parseNdax(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new FormatError('not a zip archive', { format: ctx.format, offset: 0, expected: 'PK' });
  }
  const zip = new ZipArchive(bytes, ctx.format);
  if (zip.recovered) ctx.warn('the zip archive has no central directory (cut-off copy?); members were found by walking the local headers', { ruleId: 'truncated-archive' });
  const names = zip.names();

  // XML metadata: every XML member is kept (attributes verbatim) in metadata.xml.
  const xml: Record<string, unknown> = {};
  const roots: Record<string, XmlNode | undefined> = {};
  for (const e of zip.entries) {
    if (!/\.xml$/i.test(e.name)) continue;
    const root = readXml(zip, e, ctx);
    const key = e.name.replace(/^.*\//, '').replace(/\.xml$/i, '');
    roots[key] = root;
    if (root) xml[key] = toPlain(childPath(root, 'config') ?? root);
  }
  const testInfo = childPath(roots.TestInfo, 'config/TestInfo');
  const version = childPath(roots.VersionInfo, 'config/ZwjVersion');
  const ndaxConfig = childPath(roots.NdaxConfig, 'config/config');
  const ti = testInfo?.attrs ?? {};

  const dataEntry = zip.find('data.ndc');
  if (!dataEntry) throw new FormatError('the archive has no data.ndc', { format: ctx.format, expected: 'member data.ndc', actual: names.join(', ') });
  const dataBytes = zip.read(dataEntry);
  const head = ndcHeader(dataBytes, ctx.format, 'data.ndc');
  if (head.type !== NDC_TYPE.data) throw new FormatError(`data.ndc has file type ${head.type}`, { format: ctx.format, offset: 0, expected: '1 (data)', actual: String(head.type) });
  const fillCapacity = ctx.options.fillCapacity === true;

  let records: NewareRecords;
  let tables: Measurement['tables'];
  const auxNames = auxMemberNames(names);
  const auxInfo = matchAuxMembers(auxNames, testInfo);
  if (head.version === 2 || head.version === 5) {
    const main = decodeLegacy(dataBytes, head.version);
    // Aux members of the same layout hold aux records keyed by Index.
    const auxParts: RawAux[] = [main.aux];
    for (const a of auxInfo) {
      const b = zip.read(zip.find(a.member)!);
      const h = ndcHeader(b, ctx.format, a.member);
      if (h.type !== NDC_TYPE.aux) continue;
      auxParts.push(decodeLegacy(b, h.version).aux);
    }
    main.records.aux = mergeAux(auxParts);
    records = integerRecordsToColumns(main.records, ctx);
    ctx.info(`ndc version ${head.version} stores local wall-clock dates without a time zone; the start time is local (assumed-local)`, { ruleId: 'local-time' });
  } else if ([11, 14, 16, 17].includes(head.version)) {
    const data = decodeData(dataBytes, head.version, ctx.format);
    const riEntry = zip.find('data_runInfo.ndc');
    const stEntry = zip.find('data_step.ndc');
    let ri;
    if (riEntry) {
      const b = zip.read(riEntry);
      ri = decodeRunInfo(b, ndcHeader(b, ctx.format, riEntry.name).version, ctx.format);
    }
    let st;
    if (stEntry) {
      const b = zip.read(stEntry);
      st = decodeSteps(b, ndcHeader(b, ctx.format, stEntry.name).version, ctx.format);
    }
    const aux: SplitInputs['aux'] = [];
    for (const a of auxInfo) {
      const b = zip.read(zip.find(a.member)!);
      const h = ndcHeader(b, ctx.format, a.member);
      if (h.type !== NDC_TYPE.aux) continue;
      let parts: ReturnType<typeof decodeAux>;
      try {
        parts = decodeAux(b, h.version, ctx.format);
      } catch (err) {
        if (!isEchemkitError(err)) throw err;
        ctx.warn(`aux member ${a.member} skipped: ${err.message}`, { ruleId: 'aux-member-skipped', note: a.member });
        continue;
      }
      const kind = auxKindOf(a.entry?.attrs.ChlType);
      const where = a.entry ? `${a.entry.tag} (RealChlID ${a.entry.attrs.RealChlID ?? '?'}, ChlType ${a.entry.attrs.ChlType ?? '?'})` : 'no TestInfo entry';
      for (const p of parts) {
        // Single-value members (ndc 14/17) take their meaning from ChlType; others say it themselves.
        const k = p.kind === 'value' ? kind.kind : p.kind === 'temperature' ? 'temperature' : 'voltage';
        const nm = p.kind === 'value' ? kind.name : p.name;
        aux.push({ values: p, label: `${nm} ${a.member.replace(/\.ndc$/i, '')}`, kind: k, unit: p.unit ?? kind.unit, description: `Aux member ${a.member}, ${where}.` });
      }
      if (!a.entry) ctx.warn(`aux member ${a.member} has no matching entry in TestInfo.xml; its meaning is unknown`, { ruleId: 'unmatched-aux', note: a.member });
    }
    const { records: r, stepOfRow } = assembleSplit({ data, runInfo: ri, steps: st, aux, fillCapacity }, ctx);
    records = r;
    if (st) tables = [stepTable(st, records, stepOfRow)];
    ctx.info('runInfo stores UTC Unix timestamps; unix_time_second and the start time are UTC', { ruleId: 'utc-time' });
  } else {
    throw new UnsupportedVersionError(`ndc version ${head.version} is not supported`, {
      format: ctx.format,
      offset: 2,
      expected: '2, 5, 11, 14, 16 or 17',
      actual: String(head.version),
      hint: 'Export the test from BTSDA as CSV or Excel; echemkit reads those exports (neware.csv, neware.xlsx)',
    });
  }
  for (const nm of names) {
    if (/data_(log|es)\.ndc$/i.test(nm)) ctx.info(`member ${nm} is not decoded (its layout is not publicly known)`, { ruleId: 'undecoded-member', note: nm });
  }

  let startTime = startTimeOf(records);
  if (!startTime && ti.StartTime) {
    const m = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)$/.exec(ti.StartTime);
    if (m) startTime = localStartTime(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!), ti.StartTime);
  }
  const settings: Record<string, unknown> = { ndcVersion: head.version, members: zip.entries.map((e) => ({ name: e.name, size: e.size })) };
  if (ti.StartTime) settings.testInfoStartTime = ti.StartTime;
  if (startTime?.zone === 'stated' && ti.StartTime && records.unixTime) {
    // TestInfo's StartTime is local wall-clock: its difference to the UTC start is the zone offset.
    const m = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)$/.exec(ti.StartTime);
    if (m) {
      const wall = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) / 1000;
      const off = Math.round((wall - records.unixTime.values[0]!) / 900) * 15;
      if (Number.isFinite(off) && Math.abs(off) <= 14 * 60) settings.utcOffsetMinutes = off;
    }
  }
  const measurement: Measurement = {
    kind: 'timeseries',
    technique: { name: 'cycling', vendorName: ti.StepName ?? null },
    startTime: startTime ?? (records.unixTime && records.n ? utcStartTime(Math.round(records.unixTime.values[0]! * 1000)) : null),
    settings,
    metadata: { xml },
    columns: recordColumns(records, ctx, { cycleMode: cycleModeOption(ctx) }),
  };
  if (tables) measurement.tables = tables;
  const va = version?.attrs ?? {};
  const result: ParseResult = {
    formatVersion: `ndc ${head.version}`,
    software: { name: 'NEWARE BTS', version: va.SvrVer ?? va.CurrSvrVer ?? null },
    instrument: { vendor: 'NEWARE', model: ti.DevType ? `DevType ${ti.DevType}` : null, serialNumber: childPath(roots.VersionInfo, 'config/ZwjSn')?.attrs.Sn ?? null },
    channel: ti.DevID !== undefined ? `${ti.DevID}-${ti.UnitID ?? '?'}-${ti.ChlID ?? '?'}` : null,
    measurements: [measurement],
  };
  const sample: Sample = {};
  if (ti.Barcode) sample.name = ti.Barcode;
  if (ti.Remark) sample.comments = ti.Remark;
  const mass = ndaxConfig?.attrs.BatteryMass;
  if (mass !== undefined) {
    settings.batteryMass = mass;
    ctx.info(`NdaxConfig.xml BatteryMass="${mass}" is kept in settings; its unit is not documented, so sample.activeMassGram is not set`, { ruleId: 'active-mass-unit-unknown' });
  }
  if (Object.keys(sample).length) result.sample = sample;
  return result;
}

function mergeAux(parts: RawAux[]): RawAux {
  const nonEmpty = parts.filter((p) => p.index.length);
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? parts[0]!;
  const cat = (f: (p: RawAux) => Float64Array) => {
    const total = nonEmpty.reduce((s, p) => s + f(p).length, 0);
    const out = new Float64Array(total);
    let o = 0;
    for (const p of nonEmpty) {
      out.set(f(p), o);
      o += f(p).length;
    }
    return out;
  };
  const merged: RawAux = { index: cat((p) => p.index), channel: cat((p) => p.channel), voltage: cat((p) => p.voltage), temperature: cat((p) => p.temperature), tempDtype: 'int16', voltDtype: 'int32' };
  if (nonEmpty.some((p) => p.t2)) merged.t2 = cat((p) => p.t2 ?? new Float64Array(p.index.length).fill(NaN));
  return merged;
}

/** Plugin of NEWARE `.ndax` archives. */
export const ndaxPlugin: FormatPlugin = { ...ndaxFormat, parse: parseNdax };
