"""Runs ampworks.gitt.extract_params on a CSV (Seconds, Amps, Volts); prints per-pulse stats as JSON."""
import json, os, sys, tempfile
import pandas as pd

stubs = tempfile.mkdtemp()  # ampworks imports plotting libraries at module level; they are not needed here
for name, body in {'plotly/__init__.py': '', 'plotly/express.py': '', 'plotly/graph_objects.py': '',
                   'plotly/subplots.py': 'make_subplots = None\n', 'bokeh/__init__.py': '',
                   'bokeh/plotting.py': 'figure = None\n', 'bokeh/models.py': 'HoverTool = None\nColumnDataSource = None\n',
                   'polars.py': ''}.items():
    os.makedirs(os.path.dirname(os.path.join(stubs, name)), exist_ok=True)
    open(os.path.join(stubs, name), 'w').write(body)
sys.path[:0] = [os.environ.get('AMPWORKS_PATH', '/tmp/ampworks/src'), stubs]
import ampworks as amp  # noqa: E402

data = amp.Dataset(pd.read_csv(sys.argv[1]))
if sys.argv[2] == 'hppc':
    imp = amp.hppc.extract_impedance(data, tmin=0., tmax=20., sample_times=[0.1, 1., 10.])
    imp = imp.sort_values('Hours_0')
    print(json.dumps({'state': imp['State'].tolist(), 'soc': imp['SOC_0'].tolist(), 'amps': imp['AmpsAvg'].tolist(),
                      'ohms': {k: imp[k].tolist() for k in ['Ohms_1', 'Ohms_2', 'Ohms_3', 'Ohms_4', 'Ohms_N']}}))
    sys.exit(0)
params, stats = amp.gitt.extract_params(data, float(sys.argv[2]), return_stats=True)
stats = stats.sort_values('Pulse')
print(json.dumps({'SOC': stats['SOC'].tolist(), 'Eeq': stats['Eeq'].tolist(), 'dUdrt': stats['dUdrt'].tolist(),
                  'dEdt': stats['dEdt'].tolist(), 'Ds': (4. / 9. / 3.141592653589793 * (float(sys.argv[2]) * stats['dEdt'] / stats['dUdrt']) ** 2).tolist()}))
