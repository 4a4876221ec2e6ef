"""Runs navani's dqdv_single_cycle on half-cycles dumped by analysis-cycling.navani.ts and matches peaks."""
import json, os, sys, tempfile
import numpy as np
from scipy.signal import find_peaks

stubs = tempfile.mkdtemp()
with open(os.path.join(stubs, 'galvani.py'), 'w') as f:  # navani imports galvani's readers at module level
    f.write('MPRfile = None\nres2sqlite = None\n')
sys.path[:0] = [os.environ.get('NAVANI_PATH', '/tmp/navani'), stubs]
import navani.echem as ec  # noqa: E402

rows, deltas = [], {'default': [], 'navaniLike': []}
for d in json.load(open(sys.argv[1])):
    v, q = np.array(d['v']), np.array(d['q']) * 1000.0  # mAh, the unit navani's s = 1e-5 assumes
    x, dq, _ = ec.dqdv_single_cycle(q, v, final_smooth=False)
    if d['key'].endswith('discharge'):
        dq = -dq
    idx, _ = find_peaks(dq, prominence=0.05 * dq.max(), distance=max(1, int(0.02 / (x[1] - x[0]))))
    nav = x[idx].tolist()
    row = {'halfCycle': d['key'], 'navani': nav}
    for name, ours in (('default', d['oursDefault']), ('navaniLike', d['oursNavaniLike'])):
        matched = [min(ours, key=lambda o: abs(o - p)) for p in nav] if ours else []
        diffs = [abs(m - p) for m, p in zip(matched, nav) if abs(m - p) <= 0.005]
        deltas[name] += diffs
        row[name] = {'peaks': ours, 'matched': len(diffs), 'maxAbsDiffVolt': max(diffs) if diffs else None}
    rows.append(row)
summary = {k: {'navaniPeaks': sum(len(r['navani']) for r in rows), 'matchedWithin5mV': len(v),
               'maxAbsDiffVolt': max(v) if v else None, 'meanAbsDiffVolt': float(np.mean(v)) if v else None}
           for k, v in deltas.items()}
print(json.dumps({'summary': summary, 'halfCycles': rows}))
