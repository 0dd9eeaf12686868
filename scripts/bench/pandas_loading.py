#!/usr/bin/python3
"""Times pandas' read_csv on the files LoadingBenchmark reads and compares with modeltest's JMH results.

    /usr/bin/python3 scripts/bench/pandas_loading.py DATA_DIR [JMH_JSON]

DATA_DIR holds numeric.csv and mixed.csv, written by dev.modeltest.benchmarks.LoadingBenchmarkData (the run script
does it). Each file is read five times with pandas.read_csv and default options (the C parser, types inferred, pandas'
missing-value tokens, as modeltest reads them); the median of time.perf_counter (wall) and of time.process_time (CPU,
less disturbed by other work on the machine) is printed. Given JMH's JSON results, it prints modeltest's time per file
and how many times faster it is than pandas (wall time against wall time).
"""
import json
import os
import statistics
import sys
import time

import pandas as pd

RUNS = 5


def main():
    directory = sys.argv[1]
    jmh = {}
    if len(sys.argv) > 2:
        with open(sys.argv[2]) as f:
            for result in json.load(f):
                if result["benchmark"].endswith("LoadingBenchmark.load"):
                    jmh[result["params"]["file"]] = result["primaryMetric"]["score"] / 1000.0
    print("pandas %s" % pd.__version__)
    for name in ("numeric", "mixed"):
        path = os.path.join(directory, name + ".csv")
        walls, cpus = [], []
        shape = None
        for _ in range(RUNS):
            wall, cpu = time.perf_counter(), time.process_time()
            frame = pd.read_csv(path)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
            shape = frame.shape
            del frame
        wall, cpu = statistics.median(walls), statistics.median(cpus)
        line = "%-8s %d x %d  pandas read_csv: %.2f s wall (%.2f s CPU)" % (name, shape[0], shape[1], wall, cpu)
        if name in jmh:
            line += "  modeltest: %.2f s wall, %.1fx pandas" % (jmh[name], wall / jmh[name])
        print(line)


if __name__ == "__main__":
    main()
