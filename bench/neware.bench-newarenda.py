#!/usr/bin/env python3
"""One NewareNDA conversion (file -> DataFrame -> CSV) for bench/neware.ts.
argv: <NewareNDA checkout> <input> <output.csv>. Prints timings and peak RSS as JSON."""
import json, resource, sys, time
t_import = time.perf_counter()
sys.path.insert(0, sys.argv[1])
import NewareNDA  # noqa: E402
t0 = time.perf_counter()
df = NewareNDA.read(sys.argv[2], log_level='ERROR')
t1 = time.perf_counter()
df.to_csv(sys.argv[3], index=False)
t2 = time.perf_counter()
print(json.dumps({'rows': len(df), 'importMs': (t0 - t_import) * 1000, 'readMs': (t1 - t0) * 1000, 'csvMs': (t2 - t1) * 1000, 'totalMs': (t2 - t0) * 1000,
                  'maxRssMB': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
