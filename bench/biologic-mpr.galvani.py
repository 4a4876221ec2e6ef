"""Child process of bench/biologic-mpr.ts: galvani (PYTHONPATH=<galvani checkout>) parses the
.mpr (numpy) and, in csv mode, writes it through pandas. Prints timings as one JSON line."""
import json
import sys
import time

t0 = time.perf_counter()
import numpy  # noqa: E402,F401
import pandas as pd  # noqa: E402
from galvani import BioLogic  # noqa: E402

mode, path = sys.argv[1], sys.argv[2]
t1 = time.perf_counter()
mpr = BioLogic.MPRfile(path)
t2 = time.perf_counter()
written = 0
if mode == "csv":
    out = sys.argv[3]
    pd.DataFrame(mpr.data).to_csv(out, index=False)
    import os

    written = os.path.getsize(out)
t3 = time.perf_counter()
print(json.dumps({"mode": mode, "rows": int(mpr.data.shape[0]), "importMs": (t1 - t0) * 1e3, "parseMs": (t2 - t1) * 1e3, "writeMs": (t3 - t2) * 1e3, "totalMs": (t3 - t0) * 1e3, "outputBytes": written}))
