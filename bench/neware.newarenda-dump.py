#!/usr/bin/env python3
"""
Dumps NewareNDA's reading of every corpus .nda/.ndax file, as the independent reference for
the NEWARE readers (packages/format-neware).

  /usr/bin/python3 bench/neware.newarenda-dump.py /tmp/newarenda [--golden]

argv[1]: a checkout of github:d-cogswell/NewareNDA (not part of this project).
Writes the full tables to /tmp/neware-ref/<file>.csv, and with --golden a small sample (first
rows, evenly spaced rows, the last rows, plus column sums over all rows) to
packages/format-neware/test/golden/<file>.json. The golden files are numbers only.
"""
import glob, json, math, os, sys

sys.path.insert(0, sys.argv[1])
import NewareNDA  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.environ.get('ECHEMKIT_CORPUS', os.path.join(ROOT, '..', 'shared', 'fixtures'))
GOLDEN = os.path.join(ROOT, 'packages', 'format-neware', 'test', 'golden')
OUT = '/tmp/neware-ref'
os.makedirs(OUT, exist_ok=True)


def num(x):
    if x is None:
        return None
    try:
        f = float(x)
    except (TypeError, ValueError):
        return str(x)
    return None if math.isnan(f) else f


def main():
    files = sorted(glob.glob(os.path.join(CORPUS, 'neware-nda', '*.nda')) + glob.glob(os.path.join(CORPUS, 'neware-ndax', '*.ndax')))
    for f in files:
        name = os.path.basename(f)
        hw = NewareNDA.read(f, software_cycle_number=False, log_level='ERROR')
        sw = NewareNDA.read(f, software_cycle_number=True, log_level='ERROR')
        df = hw.copy()
        df['Cycle_BTSDA'] = sw['Cycle'].values
        ts = df['Timestamp']
        if getattr(ts.dt, 'tz', None) is not None:
            df['Unix'] = ts.map(lambda t: t.timestamp())
            df['Local'] = None
        else:
            df['Unix'] = None
            df['Local'] = ts.dt.strftime('%Y-%m-%d %H:%M:%S')
        df = df.drop(columns=['Timestamp'])
        df['Status'] = df['Status'].astype(str)
        df.to_csv(os.path.join(OUT, name + '.csv'), index=False)
        n = len(df)
        if '--golden' in sys.argv:
            picks = sorted(set(list(range(min(n, 40))) + [int(i * (n - 1) / 159) for i in range(160)] + list(range(max(0, n - 10), n))))
            cols = list(df.columns)
            rows = [[num(df.iloc[i][c]) if c not in ('Status', 'Local') else df.iloc[i][c] for c in cols] for i in picks]
            sums = {c: float(df[c].astype('float64').sum()) for c in cols if c not in ('Status', 'Local', 'Unix') and df[c].dtype.kind in 'fiu'}
            doc = {'source': 'NewareNDA ' + NewareNDA.__version__ if hasattr(NewareNDA, '__version__') else 'NewareNDA', 'file': name, 'rows': n, 'columns': cols, 'rowNumbers': picks, 'sample': rows, 'sums': sums}
            with open(os.path.join(GOLDEN, name + '.json'), 'w') as fh:
                json.dump(doc, fh, separators=(',', ':'))
        print(name, n, list(df.columns))


main()
