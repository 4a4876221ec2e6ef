/**
 * What the conformance harness demands of the corpus: folders whose every file must be
 * read by one of the listed plugins (with reasoned exceptions), and registered plugins
 * that have no public sample in the corpus. Folders not listed (arbin, maccor) belong to
 * formats no issue has asked for yet; their files must only not be misread by a plugin
 * that claims them by content (such a claim is tested like any other).
 */
export const expectations: {
  owned: Record<string, { plugins: string[]; except?: Record<string, string> }>;
  noCorpusSample: Record<string, string>;
} = {
  owned: {
    'biologic-mpr': {
      plugins: ['biologic.mpr', 'biologic.mps', 'biologic.mpl'],
      except: {
        'testCHD048_CHD050_401_201_60C_C01.mgr': 'EC-Lab graph-window settings (XML), no measurement data',
        'CHD048_CHD050_60C_D128_C01.sta': 'BT-Lab statistics cache (undocumented binary), no measurement data of its own',
      },
    },
    'biologic-mpt': { plugins: ['biologic.mpt', 'biologic.mps', 'biologic.mpl'] },
    'chi-txt': { plugins: ['chi.txt'] },
    'gamry-dta': { plugins: ['gamry.dta'] },
    'zplot-z': { plugins: ['zplot.z'] },
    autolab: { plugins: ['autolab.txt'] },
    'eis-csv': { plugins: ['generic.eis-csv', 'powersuite.txt'] },
    ivium: { plugins: ['ivium.idf'] },
    'neware-nda': { plugins: ['neware.nda'] },
    'neware-ndax': { plugins: ['neware.ndax'] },
    'neware-export': { plugins: ['neware.csv'] },
    'xps-vamas': { plugins: ['vamas.vms'] },
    'xps-spe': { plugins: ['phi.spe', 'phi.pro', 'phi.multipak-txt'] },
    'xps-other': { plugins: ['casaxps.txt', 'casaxps.csv', 'specs.xy', 'scienta.txt', 'phi.csv'] },
    other: {
      plugins: ['palmsens.pssession', 'palmsens.xlsx', 'parstat.txt', 'versastudio.par', 'generic.p00', 'autolab.dfr', 'zahner.ism', 'zahner.isc'],
      except: {
        'test_Nova_Form-CH01-01_short.csv': 'Novonix cycler export: no issue covers Novonix yet',
        'test_Nova_Form-CH01-01_short_metadata.csv': 'Novonix metadata sidecar: no issue covers Novonix yet',
      },
    },
  },
  noCorpusSample: {
    'land.cex': 'no public .cex exists; tested with a test-only writer following the documented 0.1.1.0 layout',
    'land.xlsx': 'no public LANDdt export; synthetic workbooks only',
    'land.txt': 'no public LANDdt export; synthetic files only',
    'neware.xlsx': 'no public BTSDA Excel export in the corpus; synthetic workbooks only',
    'iontof.txt': 'no public IONTOF SurfaceLab export; synthetic files only',
    'specs.xml': 'no public SpecsLab2 XML in the corpus; synthetic files only',
    'avantage.avg': 'no public Thermo Avantage dump in the corpus; synthetic files only',
  },
};
