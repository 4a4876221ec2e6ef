"""Runs bcliang/gamry-parser (not vendored; pass the folder holding gamry_parser/) on the
corpus Gamry files and writes, per data table it returns, the row count and for every numeric
column the exact sum (math.fsum) plus a sample of values (every k-th row and the last row).

Usage: /usr/bin/python3 gamry-parser-golden.py <gamry-parser checkout> <corpus dir> <out file>
"""
import json, math, os, sys, warnings

sys.path.insert(0, sys.argv[1])
import gamry_parser as gp  # noqa: E402

corpus, out = sys.argv[2], sys.argv[3]
result = {'source': 'github:bcliang/gamry-parser b2efe0c GamryParser.load()', 'files': []}


def table(df, name):
    df = df.reset_index()
    n = len(df)
    step = max(1, math.ceil(n / 20))
    cols = {}
    for c in df.columns:
        try:
            vals = [float(v) for v in df[c].tolist()]
        except (TypeError, ValueError):
            continue
        idx = list(range(0, n, step)) + ([n - 1] if n and (n - 1) % step else [])
        cols[str(c)] = {'sum': math.fsum(v for v in vals if v == v), 'samples': [[i, vals[i] if vals[i] == vals[i] else None] for i in idx]}
    return {'name': name, 'rows': n, 'columns': cols}


import locale  # noqa: E402

c_atof = locale.atof


def de_atof(s, func=float):
    # No de_DE locale on this machine: emulate its decimal comma (what gamry-parser expects from the OS).
    return func(s.replace('.', '').replace(',', '.')) if isinstance(s, str) else func(s)


def load(path):
    p = gp.GamryParser(path)
    p.load()
    return p


for name in sorted(os.listdir(os.path.join(corpus, 'gamry-dta'))):
    rel = f'gamry-dta/{name}'
    entry = {'file': rel}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            try:
                locale.atof = c_atof
                p = load(os.path.join(corpus, rel))
                entry['locale'] = 'C'
            except ValueError:
                locale.atof = de_atof
                p = load(os.path.join(corpus, rel))
                entry['locale'] = 'de_DE (emulated)'
        tables = []
        if p.ocv_curve is not None:
            tables.append(table(p.ocv_curve, 'OCVCURVE'))
        for i, c in enumerate(p.curves):
            tables.append(table(c, f'curve {i + 1}'))
        entry.update(accepted=True, tables=tables)
    except Exception as e:  # gamry-parser does not read this file
        entry.update(accepted=False, error=f'{type(e).__name__}: {e}'[:200])
    result['files'].append(entry)
with open(out, 'w') as fh:
    json.dump(result, fh, allow_nan=False)
print(json.dumps([(f['file'], f['accepted'], len(f.get('tables', [])), f.get('error', '')) for f in result['files']], indent=0))
