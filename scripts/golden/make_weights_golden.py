#!/usr/bin/python3
"""Golden values of modeltest's metrics on rows with sample weights, computed by scikit-learn's sample_weight.

Run with Debian's interpreter (it sees python3-sklearn 1.2.1 / python3-numpy):

    /usr/bin/python3 scripts/golden/make_weights_golden.py

Reads the data sets make_metrics_golden.py wrote under modeltest-core/src/test/resources/golden/metrics/ and writes
there:
  weights/<dataset>.csv   one column 'w': seeded fractional weights (Gamma(0.5, 2), three decimals), about one row in
                          seven weighing exactly 0
  weights-expected.csv    dataset,subset,metric,average,positive,option,value: the metric on the subset's rows (all,
                          each group, the first two rows), each row weighted; average NONE with a positive label is
                          that class's value of average=None; option is one of beta=, k=, alpha=, power=, maxFpr=,
                          forceFinite=, zeroDivision= (modeltest's option names) or empty. A case scikit-learn refuses
                          (one class only, a value outside a deviance's domain) has no row.
  weights-roc.csv         dataset,subset,positive,point,threshold,fpr,tpr: roc_curve(sample_weight=w,
                          drop_intermediate=False) of each positive class, where both classes weigh something
  weights-pr.csv          dataset,subset,positive,point,threshold,precision,recall: precision_recall_curve(sample_weight=w)
                          (threshold empty on the last point, which has none)

Every number is written with repr() (17 significant digits), so Java parses the same doubles.
"""
import csv
import os
import warnings

import numpy as np
from sklearn.metrics import (accuracy_score, average_precision_score, balanced_accuracy_score, brier_score_loss,
                             cohen_kappa_score, d2_absolute_error_score, d2_pinball_score, d2_tweedie_score,
                             explained_variance_score, f1_score, fbeta_score, hamming_loss, jaccard_score, log_loss,
                             matthews_corrcoef, mean_absolute_error, mean_absolute_percentage_error,
                             mean_gamma_deviance, mean_pinball_loss, mean_poisson_deviance, mean_squared_error,
                             mean_squared_log_error, mean_tweedie_deviance, median_absolute_error, precision_score,
                             r2_score, recall_score, roc_auc_score, top_k_accuracy_score, zero_one_loss)
from sklearn.metrics import precision_recall_curve, roc_curve
from sklearn.preprocessing import label_binarize

warnings.simplefilter("ignore")

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "modeltest-core", "src", "test", "resources", "golden",
                                    "metrics"))

CLASSIFICATION = ["binary", "multiclass", "ties3", "five"]
REGRESSION = ["regression", "counts", "positive"]


def r(x):
    x = float(x)
    if np.isnan(x):
        return "nan"
    if np.isinf(x):
        return "inf" if x > 0 else "-inf"
    return repr(x)


def read(name):
    with open(os.path.join(OUT, name + ".csv")) as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def weights(name, n):
    rng = np.random.default_rng(sum(map(ord, name)))
    w = np.round(rng.gamma(0.5, 2.0, n), 3)
    w[rng.random(n) < 1 / 7] = 0.0
    w[0] = max(w[0], 0.5)  # the first two rows (subset first=2) weigh something
    w[1] = max(w[1], 1.25)
    os.makedirs(os.path.join(OUT, "weights"), exist_ok=True)
    with open(os.path.join(OUT, "weights", name + ".csv"), "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["w"])
        out.writerows([[repr(float(v))] for v in w])
    return w


def subsets(groups):
    out = [("all", np.arange(len(groups)))]
    for g in sorted(set(groups)):
        out.append(("group=" + g, np.array([i for i, x in enumerate(groups) if x == g])))
    out.append(("first=2", np.arange(2)))
    return out


ROWS = []
ROC = []
PR = []


def curves(dataset, subset, classes, y, p, w):
    for ci, c in enumerate(classes):
        truth = (y == c).astype(int)
        if (w * truth).sum() == 0 or (w * (1 - truth)).sum() == 0:
            continue
        fpr, tpr, thresholds = roc_curve(truth, p[:, ci], sample_weight=w, drop_intermediate=False)
        for i in range(len(fpr)):
            ROC.append([dataset, subset, c, i, r(thresholds[i]), r(fpr[i]), r(tpr[i])])
        precision, recall, thresholds = precision_recall_curve(truth, p[:, ci], sample_weight=w)
        for i in range(len(precision)):
            ROC_T = r(thresholds[i]) if i < len(thresholds) else ""
            PR.append([dataset, subset, c, i, ROC_T, r(precision[i]), r(recall[i])])


def add(dataset, subset, metric, average, positive, option, compute):
    try:
        value = compute()
    except (ValueError, ZeroDivisionError, IndexError):
        return
    if value is None:
        return
    if np.ndim(value) == 0:
        ROWS.append([dataset, subset, metric, average, positive, option, r(value)])


def add_per_class(dataset, subset, metric, option, labels, compute):
    try:
        values = compute()
    except (ValueError, ZeroDivisionError, IndexError):
        return
    for label, value in zip(labels, values):
        ROWS.append([dataset, subset, metric, "NONE", label, option, r(value)])


def classification(name):
    header, rows = read(name)
    classes = [h[2:] for h in header[3:]]
    groups = [row[0] for row in rows]
    actual = np.array([row[1] for row in rows])
    predicted = np.array([row[2] for row in rows])
    proba = np.array([[float(v) for v in row[3:]] for row in rows])
    w_all = weights(name, len(rows))
    binary = len(classes) == 2
    for subset, idx in subsets(groups):
        y, yp, p, w = actual[idx], predicted[idx], proba[idx], w_all[idx]
        if w.sum() == 0:
            continue
        present = sorted(set(y) | set(yp))
        add(name, subset, "ACCURACY", "AUTO", "", "", lambda: accuracy_score(y, yp, sample_weight=w))
        add(name, subset, "BALANCED_ACCURACY", "AUTO", "", "", lambda: balanced_accuracy_score(y, yp, sample_weight=w))
        add(name, subset, "ADJUSTED_BALANCED_ACCURACY", "AUTO", "", "",
            lambda: balanced_accuracy_score(y, yp, sample_weight=w, adjusted=True))
        add(name, subset, "ZERO_ONE_LOSS", "AUTO", "", "", lambda: zero_one_loss(y, yp, sample_weight=w))
        add(name, subset, "HAMMING_LOSS", "AUTO", "", "", lambda: hamming_loss(y, yp, sample_weight=w))
        add(name, subset, "MATTHEWS", "AUTO", "", "", lambda: matthews_corrcoef(y, yp, sample_weight=w))
        add(name, subset, "COHEN_KAPPA", "AUTO", "", "", lambda: cohen_kappa_score(y, yp, sample_weight=w))
        add(name, subset, "COHEN_KAPPA_LINEAR", "AUTO", "", "",
            lambda: cohen_kappa_score(y, yp, weights="linear", sample_weight=w))
        add(name, subset, "COHEN_KAPPA_QUADRATIC", "AUTO", "", "",
            lambda: cohen_kappa_score(y, yp, weights="quadratic", sample_weight=w))
        set_wise = [("PRECISION", precision_score, ""), ("RECALL", recall_score, ""), ("F1", f1_score, ""),
                    ("JACCARD", jaccard_score, ""),
                    ("F_BETA", lambda *a, **k: fbeta_score(*a, beta=0.5, **k), "beta=0.5"),
                    ("F_BETA", lambda *a, **k: fbeta_score(*a, beta=2.0, **k), "beta=2.0")]
        for metric, fn, option in set_wise:
            for zero, zero_option in (("warn", ""), (1, "zeroDivision=ONE")):
                opt = ";".join(o for o in (option, zero_option) if o)
                for average in ("micro", "macro", "weighted"):
                    add(name, subset, metric, average.upper(), "", opt,
                        lambda: fn(y, yp, average=average, sample_weight=w, zero_division=zero))
                add_per_class(name, subset, metric, opt, present,
                              lambda: fn(y, yp, average=None, labels=present, sample_weight=w, zero_division=zero))
                if binary:
                    for c in classes:
                        add(name, subset, metric, "BINARY", c, opt,
                            lambda: fn(y, yp, average="binary", pos_label=c, sample_weight=w, zero_division=zero))
        # Ranking and probability metrics.
        if binary:
            for ci, c in enumerate(classes):
                truth = (y == c).astype(int)
                add(name, subset, "ROC_AUC", "BINARY", c, "",
                    lambda: roc_auc_score(truth, p[:, ci], sample_weight=w))
                for max_fpr in (0.1, 0.5, 0.8):
                    add(name, subset, "ROC_AUC", "BINARY", c, "maxFpr=" + repr(max_fpr),
                        lambda: roc_auc_score(truth, p[:, ci], sample_weight=w, max_fpr=max_fpr))
                add(name, subset, "AVERAGE_PRECISION", "BINARY", c, "",
                    lambda: average_precision_score(truth, p[:, ci], sample_weight=w))
                add(name, subset, "BRIER", "BINARY", c, "",
                    lambda: brier_score_loss(truth, p[:, ci], sample_weight=w))
            add(name, subset, "TOP_K_ACCURACY", "AUTO", "", "k=1",
                lambda: top_k_accuracy_score(y, p[:, 1], k=1, labels=classes, sample_weight=w))
        else:
            for average in ("macro", "weighted", "micro"):
                add(name, subset, "ROC_AUC", average.upper(), "", "",
                    lambda: roc_auc_score(y, p, multi_class="ovr", average=average, labels=classes,
                                          sample_weight=w))
                add(name, subset, "AVERAGE_PRECISION", average.upper(), "", "",
                    lambda: average_precision_score(label_binarize(y, classes=classes), p, average=average,
                                                    sample_weight=w))
            add_per_class(name, subset, "ROC_AUC", "", classes,
                          lambda: roc_auc_score(y, p, multi_class="ovr", average=None, labels=classes,
                                                sample_weight=w))
            add_per_class(name, subset, "AVERAGE_PRECISION", "", classes,
                          lambda: average_precision_score(label_binarize(y, classes=classes), p, average=None,
                                                          sample_weight=w))
            for ci, c in enumerate(classes):
                truth = (y == c).astype(int)
                add(name, subset, "ROC_AUC", "BINARY", c, "",
                    lambda: roc_auc_score(truth, p[:, ci], sample_weight=w))
                add(name, subset, "ROC_AUC", "BINARY", c, "maxFpr=0.5",
                    lambda: roc_auc_score(truth, p[:, ci], sample_weight=w, max_fpr=0.5))
                add(name, subset, "AVERAGE_PRECISION", "BINARY", c, "",
                    lambda: average_precision_score(truth, p[:, ci], sample_weight=w))
                add(name, subset, "BRIER", "BINARY", c, "",
                    lambda: brier_score_loss(truth, p[:, ci], sample_weight=w))
            for k in range(1, len(classes)):
                add(name, subset, "TOP_K_ACCURACY", "AUTO", "", "k=" + str(k),
                    lambda: top_k_accuracy_score(y, p, k=k, labels=classes, sample_weight=w))
        add(name, subset, "LOG_LOSS", "AUTO", "", "", lambda: log_loss(y, p, labels=classes, sample_weight=w))
        if name in ("binary", "ties3"):
            curves(name, subset, classes, y, p, w)


def regression(name):
    header, rows = read(name)
    groups = [row[0] for row in rows]
    actual = np.array([float(row[1]) for row in rows])
    predicted = np.array([float(row[2]) for row in rows])
    w_all = weights(name, len(rows))
    for subset, idx in subsets(groups):
        y, yp, w = actual[idx], predicted[idx], w_all[idx]
        if w.sum() == 0:
            continue
        plain = [("MSE", lambda: mean_squared_error(y, yp, sample_weight=w)),
                 ("RMSE", lambda: mean_squared_error(y, yp, sample_weight=w, squared=False)),
                 ("MAE", lambda: mean_absolute_error(y, yp, sample_weight=w)),
                 ("MAPE", lambda: mean_absolute_percentage_error(y, yp, sample_weight=w)),
                 ("MEDIAN_ABSOLUTE_ERROR", lambda: median_absolute_error(y, yp, sample_weight=w)),
                 ("R2", lambda: r2_score(y, yp, sample_weight=w)),
                 ("EXPLAINED_VARIANCE", lambda: explained_variance_score(y, yp, sample_weight=w)),
                 ("MEAN_SQUARED_LOG_ERROR", lambda: mean_squared_log_error(y, yp, sample_weight=w)),
                 ("ROOT_MEAN_SQUARED_LOG_ERROR",
                  lambda: mean_squared_log_error(y, yp, sample_weight=w, squared=False)),
                 ("MEAN_POISSON_DEVIANCE", lambda: mean_poisson_deviance(y, yp, sample_weight=w)),
                 ("MEAN_GAMMA_DEVIANCE", lambda: mean_gamma_deviance(y, yp, sample_weight=w)),
                 ("D2_ABSOLUTE_ERROR", lambda: d2_absolute_error_score(y, yp, sample_weight=w))]
        for metric, fn in plain:
            if len(idx) < 2 and metric in ("R2", "EXPLAINED_VARIANCE", "D2_ABSOLUTE_ERROR"):
                continue
            add(name, subset, metric, "AUTO", "", "", fn)
        for force in (False,):
            add(name, subset, "R2", "AUTO", "", "forceFinite=false",
                lambda: r2_score(y, yp, sample_weight=w, force_finite=force))
            add(name, subset, "EXPLAINED_VARIANCE", "AUTO", "", "forceFinite=false",
                lambda: explained_variance_score(y, yp, sample_weight=w, force_finite=force))
        for alpha in (0.1, 0.5, 0.9):
            add(name, subset, "MEAN_PINBALL_LOSS", "AUTO", "", "alpha=" + repr(alpha),
                lambda: mean_pinball_loss(y, yp, alpha=alpha, sample_weight=w))
            add(name, subset, "D2_PINBALL", "AUTO", "", "alpha=" + repr(alpha),
                lambda: d2_pinball_score(y, yp, alpha=alpha, sample_weight=w))
        for power in (-0.5, 0.0, 1.0, 1.5, 2.0, 3.0):
            add(name, subset, "MEAN_TWEEDIE_DEVIANCE", "AUTO", "", "power=" + repr(power),
                lambda: mean_tweedie_deviance(y, yp, power=power, sample_weight=w))
            add(name, subset, "D2_TWEEDIE", "AUTO", "", "power=" + repr(power),
                lambda: d2_tweedie_score(y, yp, power=power, sample_weight=w))


for dataset in CLASSIFICATION:
    classification(dataset)
for dataset in REGRESSION:
    regression(dataset)

with open(os.path.join(OUT, "weights-expected.csv"), "w", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["dataset", "subset", "metric", "average", "positive", "option", "value"])
    out.writerows(ROWS)
for file, header, rows in (("weights-roc.csv", ["threshold", "fpr", "tpr"], ROC),
                           ("weights-pr.csv", ["threshold", "precision", "recall"], PR)):
    with open(os.path.join(OUT, file), "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["dataset", "subset", "positive", "point"] + header)
        out.writerows(rows)
print(len(ROWS), "rows,", len(ROC), "ROC points,", len(PR), "precision-recall points")
