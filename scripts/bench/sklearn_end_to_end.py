#!/usr/bin/python3
"""Times scikit-learn computing the point metrics of EndToEndBenchmark's five metric gates on the same rows.

    /usr/bin/python3 scripts/bench/sklearn_end_to_end.py [modeltest-benchmarks/target/end-to-end/rows.csv]

The rows are the ones EndToEndBenchmark writes (run scripts/bench/run_end_to_end.sh first); the model is the same
logistic model as ChurnModelProvider (EndToEndData.churnProbability), so the probabilities are the same. Reading the
CSV is not timed; each metric is computed once (each takes a fraction of a second to seconds) with time.perf_counter
and time.process_time, without intervals: accuracy, ROC AUC and log loss on all rows, F1 of 'churn' in each region,
and the expected calibration error of 10 equal-width bins from calibration_curve.
"""
import sys
import time

import numpy as np
import pandas as pd
from sklearn.calibration import calibration_curve
from sklearn.metrics import accuracy_score, f1_score, log_loss, roc_auc_score

INTERCEPT = -0.4
COEFFICIENTS = np.array([1.1, -0.9, 0.7, -0.5, 0.4, -0.3, 1.0, -0.6, 0.5, -0.03])


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "modeltest-benchmarks/target/end-to-end/rows.csv"
    rows = pd.read_csv(path)
    x = rows[[f"x{i}" for i in range(1, 11)]].to_numpy()
    p = 1 / (1 + np.exp(-(INTERCEPT + x @ COEFFICIENTS)))
    y = (rows["churn"].to_numpy() == "churn").astype(np.int64)
    predicted = (p > 0.5).astype(np.int64)
    region = rows["region"].to_numpy()
    times = {}

    def timed(name, f):
        wall, cpu = time.perf_counter(), time.process_time()
        value = f()
        times[name] = (time.perf_counter() - wall, time.process_time() - cpu, value)

    timed("accuracy", lambda: accuracy_score(y, predicted))
    timed("ROC AUC", lambda: roc_auc_score(y, p))
    timed("F1 per region", lambda: [f1_score(y[region == r], predicted[region == r]) for r in np.unique(region)])
    timed("log loss", lambda: log_loss(y, np.column_stack([1 - p, p])))

    def ece():
        edges = np.linspace(0, 1, 11)
        ids = np.searchsorted(edges[1:-1], p)
        counts = np.bincount(ids, minlength=10)
        prob_true, prob_pred = calibration_curve(y, p, n_bins=10)
        return float(np.sum(counts[counts > 0] / len(p) * np.abs(prob_true - prob_pred)))

    timed("expected calibration error", ece)
    total_wall = sum(t[0] for t in times.values())
    total_cpu = sum(t[1] for t in times.values())
    print(f"{len(y)} rows; load average {open('/proc/loadavg').read().split()[:3]}")
    for name, (wall, cpu, value) in times.items():
        print(f"  {name:28s} {wall * 1000:9.1f} ms wall {cpu * 1000:9.1f} ms CPU  value {value}")
    print(f"  {'total':28s} {total_wall * 1000:9.1f} ms wall {total_cpu * 1000:9.1f} ms CPU")


if __name__ == "__main__":
    main()
