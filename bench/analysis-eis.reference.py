"""Reference side of bench/analysis-eis.ts: runs impedance.py (circuit fit) and pyDRTtools
(simple_run DRT) on the spectra the TypeScript side wrote, and prints timings and results as
JSON. Usage: python3 analysis-eis.reference.py <spectra.json> <impedance.py checkout> <pyDRTtools checkout>

Modules those tools import but this benchmark does not use (altair, click, PyQt GUI) are
replaced by empty stand-ins; cvxopt (not installable here) is replaced by a QP solver for
the only problem form pyDRTtools passes (min 1/2 x'Hx + c'x, x >= 0), solved by SciPy NNLS
on the Cholesky factor of the unit-diagonal-scaled H.
"""
import contextlib, io, json, sys, time, types
import numpy as np
from scipy.optimize import nnls

spectra_file, imp_dir, drt_dir = sys.argv[1:4]


def stub(name, **attrs):
    m = types.ModuleType(name)
    m.__dict__.update(attrs)
    sys.modules[name] = m
    return m


try:
    import altair  # noqa: F401
except ImportError:
    stub('altair')

try:
    import cvxopt  # noqa: F401
except ImportError:
    def _qp(P, q, G=None, h=None, *a, **k):
        P = np.asarray(P, float)
        q = np.asarray(q, float).ravel()
        d = 1 / np.sqrt(np.diag(P))
        R = np.linalg.cholesky(P * d[:, None] * d[None, :]).T
        xs, _ = nnls(R, np.linalg.solve(R.T, -q * d), maxiter=50 * len(q))
        return {'x': (xs * d).reshape(-1, 1), 'status': 'optimal'}
    stub('cvxopt', matrix=lambda x: np.array(x, dtype=float), solvers=types.SimpleNamespace(qp=_qp, options={}))
try:
    import sklearn.model_selection  # noqa: F401
except ImportError:
    stub('sklearn')
    stub('sklearn.model_selection', KFold=None)

sys.path.insert(0, imp_dir)
from impedance.models.circuits.fitting import circuit_fit, wrapCircuit  # noqa: E402

# Import pyDRTtools modules without its package __init__ (which loads the Qt GUI).
pkg = stub('pyDRTtools')
pkg.__path__ = [drt_dir + '/pyDRTtools']
from pyDRTtools.runs import EIS_object, simple_run  # noqa: E402


def median_time(fn, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return float(np.median(times)), out


spectra = json.load(open(spectra_file))
results = []
for s in spectra:
    f = np.array(s['f'])
    Z = np.array(s['re']) + 1j * np.array(s['im'])
    row = {'id': s['id']}
    w = s['weighting'] == 'modulus'
    secs, (p, perr) = median_time(lambda: circuit_fit(f, Z, s['circuit'], s['guess'], weight_by_modulus=w), s['repeat'])
    model = wrapCircuit(s['circuit'], {})(f, *p)
    sig = np.hstack([np.abs(Z), np.abs(Z)]) if w else 1
    row['fit'] = {'seconds': secs, 'values': p.tolist(), 'errors': None if perr is None else perr.tolist(),
                  'chi2': float(np.sum(((model - np.hstack([Z.real, Z.imag])) / sig) ** 2))}
    order = np.argsort(-f)  # pyDRTtools expects descending frequencies
    for mode, kw in [('gcv', {}), ('fixed', {'cv_type': 'custom', 'reg_param': 1e-3})]:
        def run():
            e = EIS_object(f[order].copy(), Z.real[order].copy(), Z.imag[order].copy())
            with contextlib.redirect_stdout(io.StringIO()):
                return simple_run(e, **kw)
        secs, e = median_time(run, max(1, s['repeat'] // 5))
        row['drt_' + mode] = {'seconds': secs, 'lambda': float(np.ravel(e.lambda_value)[0]), 'R_inf': float(e.R), 'L': float(e.L),
                              'gamma_max': float(np.max(e.gamma)), 'R_pol': float(np.trapz(np.ravel(e.gamma), np.log(e.out_tau_vec)))}
    results.append(row)
print(json.dumps({'numpy': np.__version__, 'results': results}))
