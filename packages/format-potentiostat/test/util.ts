/** Test helpers: run a plugin on bytes with a collecting context. */
import type { FormatPlugin, ParseResult } from '@echemkit/core';

export interface Collected {
  result: ParseResult;
  warnings: { message: string; ruleId: string }[];
  infos: { message: string; ruleId: string }[];
}

export function run(plugin: FormatPlugin, bytes: Uint8Array, fileName = ''): Collected {
  const warnings: Collected['warnings'] = [];
  const infos: Collected['infos'] = [];
  const result = plugin.parse(bytes, {
    fileName,
    format: plugin.id,
    options: {},
    siblings: new Map(),
    warn: (message, init) => warnings.push({ message, ruleId: init.ruleId }),
    info: (message, init) => infos.push({ message, ruleId: init.ruleId }),
  });
  return { result, warnings, infos };
}

/** Values of the first column of a quantity (or with a name) in a measurement. */
export function col(m: { columns: { name: string; quantity: string | null; values: unknown }[] }, key: string): ArrayLike<number> {
  const c = m.columns.find((x) => x.quantity === key) ?? m.columns.find((x) => x.name === key);
  if (!c) throw new Error(`no column ${key} in ${m.columns.map((x) => x.name).join(', ')}`);
  return c.values as ArrayLike<number>;
}

/** The plugin of `list` with the highest sniff score for `bytes` (undefined when all say 0). */
export function detect(list: readonly FormatPlugin[], bytes: Uint8Array): FormatPlugin | undefined {
  let best: FormatPlugin | undefined;
  let score = 0;
  for (const p of list) {
    const s = p.sniff(bytes.subarray(0, 65536));
    if (s > score) {
      score = s;
      best = p;
    }
  }
  return best;
}

/** Corpus files of this package with the plugin that must read them. */
export const OWN_FILES: Record<string, string> = {
  'autolab/exampleDataAutolab.txt': 'autolab.txt',
  'autolab/File021_CV.txt': 'autolab.txt',
  'autolab/FeBr3(TMGasme) - 100mV.txt': 'autolab.txt',
  'autolab/[Cu(TMG2cHexqu)2]PF6.txt': 'autolab.txt',
  'zplot-z/exampleDataZPlot.z': 'zplot.z',
  'zplot-z/exampleDataZPlot_noComments.z': 'zplot.z',
  'zplot-z/pyimpspec_data.z': 'zplot.z',
  'eis-csv/exampleData.csv': 'generic.eis-csv',
  'eis-csv/pyimpspec_data-comma-decimal-separator.csv': 'generic.eis-csv',
  'eis-csv/exampleDataPowersuite.txt': 'powersuite.txt',
  'ivium/pyimpspec_data.idf': 'ivium.idf',
  'other/01_N2_OCP.pssession': 'palmsens.pssession',
  'other/11_PEIS_700mV.pssession': 'palmsens.pssession',
  'other/File053.pssession': 'palmsens.pssession',
  'other/p-Cl-Ph-CO2Me_MeCN.pssession': 'palmsens.pssession',
  'other/p-Cl-Ph-CO2Me_MeCN.xlsx': 'palmsens.xlsx',
  'other/exampleDataParstat.txt': 'parstat.txt',
  'other/exampleDataVersaStudio.par': 'versastudio.par',
  'other/pyimpspec_data.P00': 'generic.p00',
  'other/pyimpspec_data.dfr': 'autolab.dfr',
  'other/02_peis_ocv.ism': 'zahner.ism',
  'other/pt-wire-cv-.isc': 'zahner.isc',
};
