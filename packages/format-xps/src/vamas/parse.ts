/**
 * VAMAS (ISO 14976) reader: header, blocks with the 40 numbered parameters (inclusion list
 * honoured), REGULAR and IRREGULAR abscissae, every corresponding variable kept.
 */
import {
  decodeText,
  FormatError,
  isEchemkitError,
  offsetStartTime,
  UnsupportedVersionError,
  vendorColumn,
  wallMs,
  type Column,
  type Measurement,
  type ParseContext,
  type ParseResult,
} from '@echemkit/core';
import { energyColumns, energyKind, intensityColumn, isNotSpecified, regularAxis, decimalsOf, settingValue } from '../spectrum.js';
import { casaProcessing, keyValueComments } from './casa.js';
import { VamasLines } from './lines.js';
import { VAMAS_IDENTIFIER } from './sniff.js';

const EXPERIMENT_MODES = new Set(['MAP', 'MAPDP', 'MAPSV', 'MAPSVDP', 'NORM', 'SDP', 'SDPSV', 'SEM', 'NOEXP']);
const SCAN_MODES = new Set(['REGULAR', 'IRREGULAR', 'MAPPING']);
const SPUTTER_MODES = new Set(['MAPDP', 'MAPSVDP', 'SDP', 'SDPSV']);
const ION_TECHNIQUES = new Set(['FABMS', 'FABMS energy spec', 'ISS', 'SIMS', 'SIMS energy spec', 'SNMS', 'SNMS energy spec']);
const ELECTRON_TECHNIQUES = new Set(['AES diff', 'AES dir', 'EDX', 'ELS', 'UPS', 'XPS', 'XRF']);

/** The experiment header of a VAMAS file. */
export interface VamasHeader {
  institution: string;
  instrumentModel: string;
  operator: string;
  experiment: string;
  comments: string[];
  experimentMode: string;
  scanMode: string;
  regionCount: number | null;
  map: { analysisPositions: number; xCoordinates: number; yCoordinates: number } | null;
  experimentalVariables: { label: string; unit: string }[];
  /** Signed length of the parameter inclusion list (0 all, > 0 listed included, < 0 listed excluded). */
  inclusionCount: number;
  inclusionList: number[];
  manualItems: number[];
  futureExperimentEntries: string[];
  futureBlockEntryCount: number;
  blockCount: number;
}

type Params = Map<number, string[]>;

function readHeader(L: VamasLines): VamasHeader {
  const id = L.text1('the format identifier');
  if (id !== VAMAS_IDENTIFIER) {
    throw new FormatError('not a VAMAS file', { format: L.format, line: 1, expected: VAMAS_IDENTIFIER, actual: JSON.stringify(id.slice(0, 80)) });
  }
  const institution = L.text1('the institution identifier');
  const instrumentModel = L.text1('the instrument model identifier');
  const operator = L.text1('the operator identifier');
  const experiment = L.text1('the experiment identifier');
  const nc = L.int('the number of comment lines', 0);
  const comments = L.many(nc, 'experiment comment lines');
  const experimentMode = L.text1('the experiment mode');
  if (!EXPERIMENT_MODES.has(experimentMode)) {
    throw new FormatError('unknown experiment mode', { format: L.format, line: L.line, expected: [...EXPERIMENT_MODES].join('|'), actual: experimentMode });
  }
  const scanMode = L.text1('the scan mode');
  if (!SCAN_MODES.has(scanMode)) throw new FormatError('unknown scan mode', { format: L.format, line: L.line, expected: 'REGULAR|IRREGULAR|MAPPING', actual: scanMode });
  if (scanMode === 'MAPPING') {
    throw new UnsupportedVersionError('VAMAS MAPPING scan mode is not supported', { format: L.format, line: L.line, hint: 'Export the spectra as REGULAR or IRREGULAR VAMAS' });
  }
  const regionCount = ['MAP', 'MAPDP', 'NORM', 'SDP'].includes(experimentMode) ? L.int('the number of spectral regions', 0) : null;
  const map =
    experimentMode === 'MAP' || experimentMode === 'MAPDP'
      ? { analysisPositions: L.int('the number of analysis positions', 0), xCoordinates: L.int('the number of x coordinates', 0), yCoordinates: L.int('the number of y coordinates', 0) }
      : null;
  const ne = L.int('the number of experimental variables', 0);
  const experimentalVariables: { label: string; unit: string }[] = [];
  for (let i = 0; i < ne; i++) experimentalVariables.push({ label: L.text1('an experimental variable label'), unit: L.text1('an experimental variable unit') });
  const inclusionCount = L.int('the length of the parameter inclusion list', -40, 40);
  const inclusionList: number[] = [];
  for (let i = 0; i < Math.abs(inclusionCount); i++) inclusionList.push(L.int('a parameter number of the inclusion list', 1, 40));
  const nm = L.int('the number of manually entered items', 0);
  const manualItems: number[] = [];
  for (let i = 0; i < nm; i++) manualItems.push(L.int('a manually entered item'));
  const fe = L.int('the number of future-upgrade experiment entries', 0);
  const fb = L.int('the number of future-upgrade block entries', 0);
  const futureExperimentEntries = L.many(fe, 'future-upgrade experiment entries');
  const blockCount = L.int('the number of blocks', 0);
  return {
    institution,
    instrumentModel,
    operator,
    experiment,
    comments,
    experimentMode,
    scanMode,
    regionCount,
    map,
    experimentalVariables,
    inclusionCount,
    inclusionList,
    manualItems,
    futureExperimentEntries,
    futureBlockEntryCount: fb,
    blockCount,
  };
}

/** Parameter numbers with their line counts; conditional ones are decided per block. */
function readBlockParams(L: VamasLines, h: VamasHeader, first: Params | null): Params {
  const p: Params = new Map();
  const listed = new Set(h.inclusionList);
  const included = (n: number) => first === null || h.inclusionCount === 0 || (h.inclusionCount > 0 ? listed.has(n) : !listed.has(n));
  const take = (n: number, read: () => string[]) => {
    if (included(n)) p.set(n, read());
    else p.set(n, first?.get(n) ?? []);
  };
  const fixed = (n: number, count: number, what: string) => take(n, () => L.many(count, what));
  const counted = (n: number, per: number, what: string, max = 1 << 20) =>
    take(n, () => {
      const c = L.int(`the count of ${what}`, 0, max);
      return [String(c), ...L.many(c * per, what)];
    });
  for (let n = 1; n <= 6; n++) fixed(n, 1, 'the acquisition date and time');
  fixed(7, 1, 'the hours in advance of GMT');
  counted(8, 1, 'block comment lines');
  fixed(9, 1, 'the technique');
  const technique = (p.get(9)?.[0] ?? '').trim();
  const mode = h.experimentMode;
  if (mode === 'MAP' || mode === 'MAPDP') fixed(10, 2, 'the x, y coordinates');
  fixed(11, h.experimentalVariables.length, 'experimental variable values');
  fixed(12, 1, 'the analysis source label');
  if (SPUTTER_MODES.has(mode) || ION_TECHNIQUES.has(technique)) fixed(13, 3, 'the sputtering ion description');
  fixed(14, 1, 'the analysis source characteristic energy');
  fixed(15, 1, 'the analysis source strength');
  fixed(16, 2, 'the analysis source beam width');
  if (['MAP', 'MAPDP', 'MAPSV', 'MAPSVDP', 'SEM'].includes(mode)) fixed(17, 2, 'the field of view');
  if (['MAPSV', 'MAPSVDP', 'SEM'].includes(mode)) fixed(18, 6, 'the linescan coordinates');
  fixed(19, 1, 'the source polar angle of incidence');
  fixed(20, 1, 'the source azimuth');
  fixed(21, 1, 'the analyser mode');
  fixed(22, 1, 'the pass energy or retard ratio');
  if (technique === 'AES diff') fixed(23, 1, 'the differential width');
  fixed(24, 1, 'the analyser lens magnification');
  fixed(25, 1, 'the analyser work function or acceptance energy');
  fixed(26, 1, 'the target bias');
  fixed(27, 2, 'the analysis width');
  fixed(28, 2, 'the analyser take-off angles');
  fixed(29, 1, 'the species label');
  fixed(30, 2, 'the transition label and charge');
  if (h.scanMode === 'REGULAR') fixed(31, 4, 'the abscissa label, units, start and increment');
  counted(32, 2, 'corresponding variables (label, units)', 1000);
  fixed(33, 1, 'the signal mode');
  fixed(34, 1, 'the signal collection time');
  fixed(35, 1, 'the number of scans');
  fixed(36, 1, 'the signal time correction');
  if (ELECTRON_TECHNIQUES.has(technique) && SPUTTER_MODES.has(mode)) fixed(37, 7, 'the sputtering source parameters');
  fixed(38, 2, 'the sample tilt');
  fixed(39, 1, 'the sample rotation');
  counted(40, 3, 'additional numerical parameters (label, units, value)');
  return p;
}

/** Parameter names for settings (ISO 14976 order). */
const PARAM_NAMES: Record<number, string[]> = {
  7: ['hours in advance of GMT'],
  9: ['technique'],
  10: ['x coordinate', 'y coordinate'],
  12: ['analysis source label'],
  13: ['sputtering ion atomic number', 'number of atoms in sputtering particle', 'sputtering particle charge'],
  14: ['analysis source characteristic energy / eV'],
  15: ['analysis source strength / W'],
  16: ['analysis source beam width x / um', 'analysis source beam width y / um'],
  17: ['field of view x / um', 'field of view y / um'],
  18: ['first linescan start x', 'first linescan start y', 'first linescan end x', 'first linescan end y', 'last linescan end x', 'last linescan end y'],
  19: ['analysis source polar angle of incidence / deg'],
  20: ['analysis source azimuth / deg'],
  21: ['analyser mode'],
  22: ['analyser pass energy or retard ratio or mass resolution'],
  23: ['differential width'],
  24: ['magnification of analyser transfer lens'],
  25: ['analyser work function or acceptance energy / eV'],
  26: ['target bias / V'],
  27: ['analysis width x / um', 'analysis width y / um'],
  28: ['analyser axis take off polar angle / deg', 'analyser axis take off azimuth / deg'],
  29: ['species label'],
  30: ['transition or charge state label', 'charge of detected particle'],
  31: ['abscissa label', 'abscissa units', 'abscissa start', 'abscissa increment'],
  33: ['signal mode'],
  34: ['signal collection time / s'],
  35: ['number of scans compiled in this block'],
  36: ['signal time correction / s'],
  37: ['sputtering source energy', 'sputtering source beam current', 'sputtering source width x', 'sputtering source width y', 'sputtering source polar angle', 'sputtering source azimuth', 'sputtering mode'],
  38: ['sample normal polar angle of tilt / deg', 'sample normal tilt azimuth / deg'],
  39: ['sample rotation angle / deg'],
};

function num(s: string | undefined): number | null {
  if (s === undefined) return null;
  const v = settingValue(s);
  return typeof v === 'number' ? v : null;
}

function startTimeOf(p: Params): Measurement['startTime'] {
  const f = [1, 2, 3, 4, 5, 6].map((n) => Number((p.get(n)?.[0] ?? '').trim()));
  const raw = [1, 2, 3, 4, 5, 6, 7].map((n) => (p.get(n)?.[0] ?? '').trim()).join(' ');
  const [y, mo, d, hh, mi, ss] = f as [number, number, number, number, number, number];
  if (![y, mo, d, hh, mi, ss].every(Number.isFinite) || y <= 0 || hh < 0 || mi < 0 || ss < 0) return null;
  const sec = Math.floor(ss);
  const ms = wallMs(y, mo, d, hh, mi, sec, Math.round((ss - sec) * 1000));
  if (!Number.isFinite(ms)) return null;
  const gmt = Number((p.get(7)?.[0] ?? '').trim());
  // Hours in advance of GMT; CasaXPS/Prodigy write 0 even for local time, we record what is stated.
  if (!Number.isFinite(gmt) || Math.abs(gmt) > 14) return null;
  return offsetStartTime(ms, Math.round(gmt * 60), raw);
}

interface BlockResult {
  measurement: Measurement;
  complete: boolean;
}

function readBlock(L: VamasLines, h: VamasHeader, first: Params | null, index: number, ctx: ParseContext): { params: Params; result: BlockResult } {
  const startLine = L.line + 1;
  const blockId = L.raw('the block identifier').trim();
  const sampleId = L.raw('the sample identifier').trim();
  const p = readBlockParams(L, h, first);
  const future = L.many(h.futureBlockEntryCount, 'future-upgrade block entries');
  const total = L.int('the number of ordinate values', 0);
  const nv = Number(p.get(32)?.[0] ?? '0');
  if (nv < 1) throw new FormatError('a block has no corresponding variables', { format: L.format, line: L.line, expected: 'at least one corresponding variable' });
  const ranges: { min: number | null; max: number | null }[] = [];
  for (let i = 0; i < nv; i++) ranges.push({ min: num(L.raw('a minimum ordinate value')), max: num(L.raw('a maximum ordinate value')) });
  // Bounded by the characters left: each value needs at least one character and a line break.
  const capacity = Math.min(total, Math.ceil(L.remainingChars / 2) + 1);
  const values = new Float64Array(capacity);
  let got = 0;
  let complete = true;
  for (; got < total; got++) {
    if (L.atEnd) {
      complete = false;
      break;
    }
    const t = L.raw('an ordinate value').trim();
    const v = t === '' ? NaN : Number(t);
    if (Number.isNaN(v)) throw new FormatError('an ordinate value is not a number', { format: L.format, line: L.line, expected: 'a number', actual: JSON.stringify(t.slice(0, 40)) });
    values[got] = isNotSpecified(v) ? NaN : v;
  }
  const points = Math.floor(got / nv);
  if (!complete) {
    ctx.warn(`block ${index + 1} (${blockId}) ends after ${got} of ${total} ordinate values; kept ${points} complete points`, {
      ruleId: 'truncated-record',
      line: L.line,
      record: points,
      expected: `${total} values`,
      actual: String(got),
    });
  } else if (total % nv !== 0) {
    ctx.warn(`block ${index + 1}: ${total} ordinate values are not a multiple of ${nv} variables; the last ${total % nv} are dropped`, { ruleId: 'ragged-block', line: L.line });
  }
  const varDefs: { label: string; unit: string }[] = [];
  const v32 = p.get(32) ?? [];
  for (let i = 0; i < nv; i++) varDefs.push({ label: (v32[1 + 2 * i] ?? '').trim(), unit: (v32[2 + 2 * i] ?? '').trim() });
  const cols = varDefs.map(() => new Float64Array(points));
  for (let i = 0, k = 0; i < points; i++) for (let j = 0; j < nv; j++, k++) cols[j]![i] = values[k]!;

  const sourceEnergy = num(p.get(14)?.[0]);
  const columns: Column[] = [];
  let ordinateStart = 0;
  let abscissa: { label: string; unit: string; start?: number; increment?: number };
  if (h.scanMode === 'REGULAR') {
    const [lab = '', unit = '', st = '', inc = ''] = p.get(31) ?? [];
    const start = Number(st.trim());
    const increment = Number(inc.trim());
    if (!Number.isFinite(start) || !Number.isFinite(increment)) {
      throw new FormatError('abscissa start or increment is not a number', { format: L.format, line: startLine, expected: 'numbers', actual: `${st} ${inc}` });
    }
    abscissa = { label: lab.trim(), unit: unit.trim(), start, increment };
    const axis = regularAxis(start, increment, points, Math.max(decimalsOf(st), decimalsOf(inc)));
    columns.push(...energyColumns(axis, energyKind(abscissa.label), abscissa.label, abscissa.unit, sourceEnergy));
  } else {
    abscissa = varDefs[0]!;
    ordinateStart = 1;
    columns.push(...energyColumns(cols[0]!, energyKind(abscissa.label), abscissa.label, abscissa.unit, sourceEnergy));
  }
  for (let j = ordinateStart; j < nv; j++) {
    const d = varDefs[j]!;
    const unit = d.unit === '' ? null : d.unit;
    if (j === ordinateStart) columns.push(intensityColumn(d.label, unit, cols[j]!));
    else columns.push(vendorColumn(d.label, unit, cols[j]!));
  }

  const comments = (p.get(8) ?? []).slice(1);
  const settings: Record<string, unknown> = {};
  for (const [n, names] of Object.entries(PARAM_NAMES)) {
    const lines = p.get(Number(n));
    if (!lines) continue;
    names.forEach((name, i) => {
      if (i < lines.length) settings[name] = settingValue(lines[i]!);
    });
  }
  const expVars = p.get(11) ?? [];
  h.experimentalVariables.forEach((ev, i) => (settings[`experimental variable: ${ev.label}`] = settingValue(expVars[i] ?? '')));
  const v40 = p.get(40) ?? [];
  const additional: { label: string; unit: string; value: string | number | null }[] = [];
  for (let i = 0; i < Number(v40[0] ?? 0); i++) {
    additional.push({ label: (v40[1 + 3 * i] ?? '').trim(), unit: (v40[2 + 3 * i] ?? '').trim(), value: settingValue(v40[3 + 3 * i] ?? '') });
  }
  settings['additional numerical parameters'] = additional;
  settings['corresponding variables'] = varDefs.map((d, i) => ({ ...d, min: ranges[i]!.min, max: ranges[i]!.max }));
  if (future.length) settings['future upgrade block entries'] = future;

  const species = (p.get(29)?.[0] ?? '').trim();
  const transition = (p.get(30)?.[0] ?? '').trim();
  const technique = (p.get(9)?.[0] ?? '').trim();
  const casa = casaProcessing(comments);
  const metadata: Record<string, unknown> = {
    block: blockId,
    sample: sampleId,
    region: transition && species !== transition ? `${species} ${transition}`.trim() : species,
    species,
    transition,
    sourceLabel: (p.get(12)?.[0] ?? '').trim(),
    sourceEnergyElectronvolt: sourceEnergy,
    passEnergyElectronvolt: num(p.get(22)?.[0]),
    analyserMode: (p.get(21)?.[0] ?? '').trim(),
    dwellTimeSecond: num(p.get(34)?.[0]),
    scans: num(p.get(35)?.[0]),
    workFunctionElectronvolt: num(p.get(25)?.[0]),
    abscissa,
    comments,
    commentValues: keyValueComments(comments),
    sourceLine: startLine,
  };
  if (casa.regions.length || casa.components.length) metadata.casa = casa;
  return {
    params: p,
    result: {
      complete,
      measurement: {
        name: blockId || `block ${index + 1}`,
        kind: 'spectrum',
        technique: { name: technique || 'XPS', vendorName: technique || null },
        startTime: startTimeOf(p),
        settings,
        metadata,
        columns,
      },
    },
  };
}

/** Parses the text of a VAMAS file. */
export function parseVamasText(text: string, ctx: ParseContext): ParseResult {
  const L = new VamasLines(text, ctx.format);
  const h = readHeader(L);
  const measurements: Measurement[] = [];
  let first: Params | null = null;
  for (let b = 0; b < h.blockCount; b++) {
    if (L.atEnd) {
      ctx.warn(`the file ends after ${b} of ${h.blockCount} blocks`, { ruleId: 'truncated-file', line: L.line, expected: `${h.blockCount} blocks`, actual: String(b) });
      break;
    }
    let r: { params: Params; result: BlockResult };
    try {
      r = readBlock(L, h, first, b, ctx);
    } catch (e) {
      // A block cut inside its parameters: keep the complete blocks before it.
      if (isEchemkitError(e) && e.code === 'ECHEM_TRUNCATED' && measurements.length > 0) {
        ctx.warn(`block ${b + 1} is cut inside its header and is dropped: ${e.message}`, { ruleId: 'truncated-record', line: L.line, record: b });
        break;
      }
      throw e;
    }
    first ??= r.params;
    measurements.push(r.result.measurement);
    if (!r.result.complete) break;
  }
  if (measurements.length === h.blockCount && !L.atEnd) {
    const end = L.raw('end of experiment').trim();
    if (end.toLowerCase() !== 'end of experiment') ctx.warn('the last block is not followed by "end of experiment"', { ruleId: 'missing-end', line: L.line, actual: end.slice(0, 40) });
  } else if (measurements.length === h.blockCount) {
    ctx.warn('the file ends without "end of experiment"', { ruleId: 'missing-end', line: L.line });
  }
  const casaVersion = /CasaXPS Version (\S+)/.exec(h.comments.join('\n'));
  const created = /Created by ([^,]+), Version (\S+)/.exec(h.comments.join('\n'));
  const software = casaVersion ? { name: 'CasaXPS', version: casaVersion[1]! } : created ? { name: created[1]!.trim(), version: created[2]! } : { name: null, version: null };
  const ns = (s: string) => (s && s.toLowerCase() !== 'not specified' ? s : null);
  for (const m of measurements) {
    m.settings = {
      'institution identifier': h.institution,
      'instrument model identifier': h.instrumentModel,
      'operator identifier': h.operator,
      'experiment identifier': h.experiment,
      'experiment mode': h.experimentMode,
      'scan mode': h.scanMode,
      ...m.settings,
    };
  }
  if (measurements[0]) {
    (measurements[0].metadata ??= {}).experimentComments = h.comments;
    measurements[0].metadata.experiment = { ...h, comments: undefined };
  }
  return {
    formatVersion: 'ISO 14976 (VAMAS 1988)',
    software,
    instrument: { vendor: ns(h.institution), model: ns(h.instrumentModel) },
    sample: { name: ns((measurements[0]?.metadata?.sample as string | undefined) ?? '') },
    measurements,
  };
}

/** Plugin entry: decodes the bytes (ASCII/Latin-1 in practice) and parses. */
export function parseVamas(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  const { text } = decodeText(bytes);
  return parseVamasText(text, ctx);
}
