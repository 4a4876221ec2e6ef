"""Runs impedance.py's readers (github:ECSHackWeek/impedance.py, not vendored) on the
corpus files of this package and writes their frequencies and impedances as golden JSON.

Usage: /usr/bin/python3 impedance-py-golden.py <dir containing impedance/preprocessing.py> <corpus dir> <out dir>
"""
import json, math, os, sys, warnings

sys.path.insert(0, sys.argv[1])
from impedance import preprocessing as pp  # noqa: E402

corpus, out = sys.argv[2], sys.argv[3]
# Reader to try per corpus file: the impedance.py reader for its instrument family.
readers = {
    'gamry-dta/': 'gamry', 'zplot-z/': 'zplot', 'autolab/': 'autolab',
    'eis-csv/exampleDataPowersuite.txt': 'powersuite', 'eis-csv/': None,
    'other/exampleDataParstat.txt': 'parstat', 'other/exampleDataVersaStudio.par': 'versastudio',
}
files = []
for d in ['gamry-dta', 'zplot-z', 'autolab', 'eis-csv', 'other']:
    for n in sorted(os.listdir(os.path.join(corpus, d))):
        rel = f'{d}/{n}'
        key = next((k for k in readers if rel == k), None) or next((k for k in readers if k.endswith('/') and rel.startswith(k)), '')
        if key == '':
            continue
        files.append((rel, readers[key]))
summary = []
for rel, inst in files:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            f, Z = pp.readFile(os.path.join(corpus, rel), instrument=inst)
        if len(f) == 0 or not all(math.isfinite(x) for x in list(f) + list(Z.real) + list(Z.imag)):
            raise ValueError('empty or non-finite result')
    except Exception as e:  # the reader does not accept this file
        summary.append({'file': rel, 'reader': inst or 'csv', 'accepted': False, 'error': f'{type(e).__name__}: {e}'[:200]})
        continue
    name = rel.replace('/', '__') + '.json'
    with open(os.path.join(out, name), 'w') as fh:
        json.dump({'file': rel, 'reader': inst or 'csv', 'frequency': [float(x) for x in f],
                   'real': [float(x) for x in Z.real], 'imag': [float(x) for x in Z.imag]}, fh)
    summary.append({'file': rel, 'reader': inst or 'csv', 'accepted': True, 'points': len(f), 'golden': name})
with open(os.path.join(out, 'summary.json'), 'w') as fh:
    json.dump({'source': 'github:ECSHackWeek/impedance.py impedance/preprocessing.py', 'files': summary}, fh, indent=1)
print(json.dumps(summary, indent=1))
