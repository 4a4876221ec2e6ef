"""Reads the NOVA ASCII and PARSTAT corpus exports with pandas.read_csv (an independent reader)
and writes, per numeric column, the row count, the exact sum (math.fsum) and sampled values.

Usage: /usr/bin/python3 pandas-golden.py <corpus dir> <out file>
"""
import json, math, os, sys
import pandas as pd

corpus, out = sys.argv[1], sys.argv[2]
files = [
    ('autolab/File021_CV.txt', dict(sep=';', decimal=',')),
    ('autolab/FeBr3(TMGasme) - 100mV.txt', dict(sep='\t')),
    ('autolab/[Cu(TMG2cHexqu)2]PF6.txt', dict(sep=',')),
    ('other/exampleDataParstat.txt', dict(sep='\t')),
]
result = {'source': f'pandas {pd.__version__} read_csv (C parser)', 'files': []}
for rel, kw in files:
    df = pd.read_csv(os.path.join(corpus, rel), encoding='utf-8', float_precision='round_trip', **kw)
    n = len(df)
    step = max(1, math.ceil(n / 20))
    cols = {}
    for c in df.columns:
        if not pd.api.types.is_numeric_dtype(df[c]):
            continue
        vals = [float(v) for v in df[c].tolist()]
        if all(v != v for v in vals):
            continue
        idx = list(range(0, n, step)) + ([n - 1] if n and (n - 1) % step else [])
        cols[str(c)] = {'sum': math.fsum(v for v in vals if v == v), 'samples': [[i, vals[i] if vals[i] == vals[i] else None] for i in idx]}
    result['files'].append({'file': rel, 'rows': n, 'columns': cols})
with open(out, 'w') as fh:
    json.dump(result, fh, allow_nan=False)
print([(f['file'], f['rows'], list(f['columns'])) for f in result['files']])
