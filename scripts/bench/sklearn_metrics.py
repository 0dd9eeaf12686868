#!/usr/bin/python3
"""Times scikit-learn on the data MetricsBenchmark uses and compares with modeltest's JMH results.

    /usr/bin/python3 scripts/bench/sklearn_metrics.py DATA_DIR [JMH_JSON]

DATA_DIR is written by dev.modeltest.benchmarks.MetricsBenchmarkData (run_metrics_benchmark.sh does it): little-endian
int32 labels and float64 probabilities, one column after another, plus java-values.csv, modeltest's values on the same
rows. This script checks that scikit-learn gets the same values (relative 1e-9), times each metric group once with
time.perf_counter (each takes seconds, so one run is stable to a few percent) and time.process_time (the CPU time,
which other work on the machine disturbs less), and, given JMH's JSON results, prints rows per second for both and the
ratio.
"""
import csv
import json
import os
import sys
import time
import warnings

import numpy as np
import sklearn
from sklearn.calibration import calibration_curve
from sklearn.metrics import (accuracy_score, average_precision_score, balanced_accuracy_score, brier_score_loss,
                             cohen_kappa_score, f1_score, log_loss, matthews_corrcoef, precision_score, recall_score,
                             roc_auc_score)
from sklearn.preprocessing import label_binarize

warnings.simplefilter("ignore")


def load(directory, name, k):
    # int64, NumPy's default integer: scikit-learn 1.2 is several times slower on int32 labels (macro F1 on 10 million
    # rows: 20 s against 2.8 s here), which would flatter the comparison.
    actual = np.fromfile(os.path.join(directory, name + "_actual.i32"), dtype="<i4").astype(np.int64)
    predicted = np.fromfile(os.path.join(directory, name + "_predicted.i32"), dtype="<i4").astype(np.int64)
    proba = np.fromfile(os.path.join(directory, name + "_proba.f64"), dtype="<f8").reshape(k, -1).T.copy()
    return actual, predicted, proba


def ece(hit, conf, bins=10):
    """Expected calibration error on calibration_curve's equal-width bins (modeltest's default)."""
    edges = np.linspace(0.0, 1.0, bins + 1)
    binids = np.searchsorted(edges[1:-1], conf)
    total = np.bincount(binids, minlength=bins)
    sums = np.bincount(binids, weights=conf, minlength=bins)
    hits = np.bincount(binids, weights=hit, minlength=bins)
    nz = total != 0
    calibration_curve(hit, conf, n_bins=bins)  # what a scikit-learn user would call for the diagram
    return float(np.sum(total[nz] / len(conf) * np.abs(hits[nz] / total[nz] - sums[nz] / total[nz])))


def groups(y, yp, P, binary):
    average = "binary" if binary else "macro"
    labels = {
        "ACCURACY": lambda: accuracy_score(y, yp),
        "BALANCED_ACCURACY": lambda: balanced_accuracy_score(y, yp),
        "PRECISION": lambda: precision_score(y, yp, average=average),
        "RECALL": lambda: recall_score(y, yp, average=average),
        "F1": lambda: f1_score(y, yp, average=average),
        "MATTHEWS": lambda: matthews_corrcoef(y, yp),
        "COHEN_KAPPA": lambda: cohen_kappa_score(y, yp),
    }
    if binary:
        ranking = {
            "ROC_AUC": lambda: roc_auc_score(y, P[:, 1]),
            "AVERAGE_PRECISION": lambda: average_precision_score(y, P[:, 1]),
        }
        probability = {
            "LOG_LOSS": lambda: log_loss(y, P),
            "BRIER": lambda: brier_score_loss(y, P[:, 1]),
            "EXPECTED_CALIBRATION_ERROR": lambda: ece((y == 1).astype(float), P[:, 1]),
        }
    else:
        classes = list(range(P.shape[1]))
        ranking = {
            "ROC_AUC": lambda: roc_auc_score(y, P, multi_class="ovr", average="macro"),
            "AVERAGE_PRECISION": lambda: average_precision_score(label_binarize(y, classes=classes), P,
                                                                 average="macro"),
        }
        probability = {
            "LOG_LOSS": lambda: log_loss(y, P),
            "EXPECTED_CALIBRATION_ERROR": lambda: ece((P.argmax(axis=1) == y).astype(float), P.max(axis=1)),
        }
    return {"Label": labels, "Ranking": ranking, "Probability": probability}


def main():
    directory = sys.argv[1]
    jmh = json.load(open(sys.argv[2])) if len(sys.argv) > 2 else []
    java = {}
    with open(os.path.join(directory, "java-values.csv")) as f:
        for row in csv.DictReader(f):
            java[(row["dataset"], row["metric"])] = float(row["value"])
    java_ms = {}
    for result in jmh:
        name = result["benchmark"].rsplit(".", 1)[1]
        java_ms[name] = result["primaryMetric"]["score"]
    print("scikit-learn", sklearn.__version__, "numpy", np.__version__)
    print()
    header = "%-28s %14s %14s %14s %14s %9s %12s" % ("metric group", "modeltest ms", "rows/s", "sklearn ms",
                                                      "rows/s", "speed-up", "sklearn cpu")
    print(header)
    print("-" * len(header))
    mismatches = []
    single = {}
    for name, k in (("binary", 2), ("multiclass", 4)):
        y, yp, P = load(directory, name, k)
        n = len(y)
        total_ms = 0.0
        total_cpu = 0.0
        for group, metrics in groups(y, yp, P, k == 2).items():
            group_ms = 0.0
            group_cpu = 0.0
            for metric, f in metrics.items():
                start = time.perf_counter()
                cpu = time.process_time()
                value = f()
                ms = (time.perf_counter() - start) * 1000
                group_cpu += (time.process_time() - cpu) * 1000
                single[(name, metric)] = ms
                group_ms += ms
                expected = java[(name, metric)]
                if not abs(value - expected) <= 1e-9 * max(abs(expected), 1e-3):
                    mismatches.append((name, metric, value, expected))
            total_ms += group_ms
            total_cpu += group_cpu
            line(name + " " + group.lower(), java_ms.get(name + group + "Metrics"), group_ms, n, group_cpu)
        line(name + " all", java_ms.get(name + "AllMetrics"), total_ms, n, total_cpu)
        n_rows = n
    print()
    print("scikit-learn macro F1 alone on the multiclass set: %.1f million rows/s"
          % (n_rows / single[("multiclass", "F1")] / 1000))
    if mismatches:
        print()
        for m in mismatches:
            print("VALUE MISMATCH %s %s: scikit-learn %r, modeltest %r" % m)
        sys.exit(1)
    print("All %d values agree with modeltest's to a relative 1e-9." % len(single))


def line(label, java_ms, sklearn_ms, n, sklearn_cpu_ms):
    cpu = "%.0f ms" % sklearn_cpu_ms
    if java_ms is None:
        print("%-28s %14s %14s %14.0f %14s %9s %12s" % (label, "-", "-", sklearn_ms, rate(n, sklearn_ms), "-", cpu))
    else:
        print("%-28s %14.1f %14s %14.0f %14s %8.0fx %12s" % (label, java_ms, rate(n, java_ms), sklearn_ms,
                                                              rate(n, sklearn_ms), sklearn_ms / java_ms, cpu))


def rate(n, ms):
    per_second = n / (ms / 1000)
    return "%.1f M" % (per_second / 1e6)


if __name__ == "__main__":
    main()
