/** The public surface: plugin ids, extensions and exported functions. */
import { expect, it } from 'vitest';
import * as api from '../src/index.js';

it('exports these plugins, in this order', () => {
  expect(api.plugins.map((p) => p.id)).toEqual([
    'gamry.dta',
    'zplot.z',
    'autolab.txt',
    'autolab.dfr',
    'generic.p00',
    'ivium.idf',
    'palmsens.pssession',
    'palmsens.xlsx',
    'versastudio.par',
    'parstat.txt',
    'zahner.ism',
    'zahner.isc',
    'powersuite.txt',
    'generic.eis-csv',
  ]);
  for (const p of api.plugins) {
    expect(p.id).toMatch(/^[a-z0-9-]+\.[a-z0-9-]+$/);
    expect(p.extensions.every((e) => /^\.[a-z0-9]+$/.test(e))).toBe(true);
    expect(p.sniff(new Uint8Array(0))).toBe(0);
  }
});

it('exports a parse function per format', () => {
  const names = Object.keys(api).filter((k) => k.startsWith('parse')).sort();
  expect(names).toEqual([
    'parseDfr',
    'parseEisTable',
    'parseGamryDta',
    'parseIdf',
    'parseIsc',
    'parseIsm',
    'parseNovaAscii',
    'parseP00',
    'parsePalmsensXlsx',
    'parseParstatText',
    'parsePsSession',
    'parseVersaStudio',
    'parseZplotText',
  ]);
});
