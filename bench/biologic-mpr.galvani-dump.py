"""Reference dump for bench/biologic-mpr.crosscheck.ts: galvani (PYTHONPATH=<galvani checkout>)
reads each .mpr given and writes every column as raw little-endian float64 plus a JSON index
(name, rows, galvani's dtype, flags expanded) into the output folder."""
import json
import os
import sys

import numpy as np
from galvani import BioLogic

out_dir = sys.argv[1]
index = {}
for path in sys.argv[2:]:
    name = os.path.basename(path)
    try:
        mpr = BioLogic.MPRfile(path)
    except Exception as e:  # galvani cannot read some variants; record why
        index[name] = {"error": f"{type(e).__name__}: {e}"}
        continue
    cols = []
    os.makedirs(os.path.join(out_dir, name), exist_ok=True)
    fields = list(mpr.data.dtype.names)
    for k, field in enumerate(fields):
        if field == "flags":
            for flag in mpr.flags_dict:
                arr = mpr.get_flag(flag).astype("<f8")
                fn = f"{len(cols)}.f64"
                arr.tofile(os.path.join(out_dir, name, fn))
                cols.append({"name": flag, "file": fn, "dtype": "flag"})
            continue
        arr = np.asarray(mpr.data[field]).astype("<f8")
        fn = f"{len(cols)}.f64"
        arr.tofile(os.path.join(out_dir, name, fn))
        cols.append({"name": field, "file": fn, "dtype": str(mpr.data.dtype[field])})
    ts = getattr(mpr, "timestamp", None)
    index[name] = {"rows": int(mpr.data.shape[0]), "columns": cols, "timestamp": ts.isoformat() if ts is not None else None}
with open(os.path.join(out_dir, "index.json"), "w") as f:
    json.dump(index, f, indent=1)
