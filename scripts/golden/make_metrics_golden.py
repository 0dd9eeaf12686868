#!/usr/bin/python3
"""Golden values for modeltest's metrics and bootstrap intervals, computed by scikit-learn and SciPy.

Run with Debian's interpreter (it sees python3-sklearn / python3-scipy / python3-numpy):

    /usr/bin/python3 scripts/golden/make_metrics_golden.py

Writes under modeltest-core/src/test/resources/golden/metrics/:
  binary.csv, multiclass.csv, regression.csv, constant.csv   seeded data sets (group column = slices)
  expected.csv      dataset,subset,metric,average,positive,bins,binning,value   (value 'nan' = undefined);
                    new metrics' rows follow the existing ones of their subset, so older rows never change
  few-rows.csv      as expected.csv on the first row and the first two rows of each data set (subset first=1, first=2),
                    and on the slices of edge.csv (a class missing in the middle, one true class only), plus
                    scikit-learn's own value: they differ only where modeltest is NaN and scikit-learn is not
                    (modeltest_value)
  fbeta.csv         dataset,subset,beta,average,positive,value: fbeta_score at beta 0.5 and 2 (F_BETA)
  top-k.csv         dataset,subset,k,value: top_k_accuracy_score for k = 1 .. classes - 1 (TOP_K_ACCURACY)
  ties3.csv, five.csv   3 classes with scores on a 0.1 grid (heavy ties), 5 classes with one rare
  roc-auc.csv       dataset,subset,multi_class,max_fpr,average,positive,value: roc_auc_score one-vs-one (macro,
                    weighted) and partial (max_fpr 0.1, 0.3, 0.5, 0.8 per positive class, McClish-standardized) on
                    binary, multiclass, edge, ties3 and five, all rows, each slice and the first rows (ROC_AUC options)
  counts.csv, positive.csv   regression sets within the deviances' domains (counts with zeros; positive values)
  regression-extra.csv   dataset,subset,metric,alpha,power,force_finite,value: the regression metrics of 0.2.0
                    (squared log error, pinball loss, deviances, D² scores, force_finite=False) on all rows, each
                    slice and the first rows of the four regression sets ('-inf' where scikit-learn gives it)
  confusion.csv     confusion_matrix(labels=classes) per data set and subset
  roc.csv, pr.csv   roc_curve(drop_intermediate=True) and precision_recall_curve points
  reliability.csv   per non-empty bin: edges, count, mean confidence (prob_pred), accuracy (prob_true)
  bootstrap/*.csv   scipy.stats.bootstrap intervals and the exact resample index matrices SciPy drew

Every number is written with repr() (17 significant digits), so Java parses the same doubles.
"""
import csv
import os
import sys

import numpy as np
import scipy
import scipy.stats
import sklearn
from sklearn.calibration import calibration_curve
from sklearn.metrics import (accuracy_score, average_precision_score, balanced_accuracy_score, brier_score_loss,
                             cohen_kappa_score, confusion_matrix, explained_variance_score, f1_score, fbeta_score,
                             hamming_loss, jaccard_score, log_loss, top_k_accuracy_score, zero_one_loss,
                             matthews_corrcoef, max_error, mean_absolute_error, mean_absolute_percentage_error,
                             mean_squared_error, median_absolute_error, precision_recall_curve, precision_score,
                             r2_score, recall_score, roc_auc_score, roc_curve)
from sklearn.metrics import (d2_absolute_error_score, d2_pinball_score, d2_tweedie_score, mean_gamma_deviance,
                             mean_pinball_loss, mean_poisson_deviance, mean_squared_log_error, mean_tweedie_deviance)
from sklearn.preprocessing import label_binarize
import warnings

warnings.simplefilter("ignore")  # zero-division and undefined-metric warnings are the point of some cases

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "modeltest-core", "src", "test", "resources", "golden", "metrics")
OUT = os.path.normpath(OUT)


def r(x):
    """Formats a float exactly; NaN as 'nan'."""
    x = float(x)
    if np.isnan(x):
        return "nan"
    return repr(x)


def write(name, header, rows):
    path = os.path.join(OUT, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


# ---------------------------------------------------------------------------------------------------------------
# Data sets
# ---------------------------------------------------------------------------------------------------------------

def binary_data():
    rng = np.random.default_rng(20240508)
    n = 400
    y = rng.random(n) < 0.35
    # Scores from two overlapping normals, squashed, then rounded to 2 decimals: many ties.
    z = rng.normal(np.where(y, 1.0, -0.6), 1.1)
    p = np.round(1 / (1 + np.exp(-z)), 2)
    # Probabilities of exactly 0 and 1, for log loss clipping and the ends of the curves.
    p[rng.choice(n, 6, replace=False)] = 0.0
    p[rng.choice(n, 6, replace=False)] = 1.0
    predicted = p >= 0.5
    flip = rng.random(n) < 0.05  # a few labels that disagree with the probability
    predicted = np.where(flip, ~predicted, predicted)
    group = rng.choice(np.array(["a", "b", "c"]), n, p=[0.5, 0.3, 0.2])
    # Group d: five rows, all ham and predicted ham: AUC undefined, AP 0, precision 0/0.
    d = rng.choice(np.where(~y)[0], 5, replace=False)
    group[d] = "d"
    predicted[d] = False
    labels = np.array(["ham", "spam"])
    actual = labels[y.astype(int)]
    pred = labels[predicted.astype(int)]
    proba = np.column_stack([1 - p, p])
    return dict(name="binary", classes=list(labels), group=group, actual=actual, predicted=pred, proba=proba)


def multiclass_data():
    rng = np.random.default_rng(7)
    n = 500
    classes = np.array(["bird", "cat", "dog", "fish"])  # sorted, as scikit-learn orders them
    y = rng.choice(4, n, p=[0.3, 0.4, 0.27, 0.03])  # fish is rare
    logits = rng.normal(0, 1.0, (n, 4)) + 1.6 * np.eye(4)[y]
    logits[:, 3] -= 1.0
    soft = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    # First three rounded to 2 decimals (ties), the last one the remainder, so rows sum to 1 within rounding.
    first = np.round(soft[:, :3], 2)
    over = first.sum(axis=1) > 1
    first[over] = np.floor(soft[over, :3] * 100) / 100
    proba = np.column_stack([first, np.round(1 - first.sum(axis=1), 2)])
    predicted = proba.argmax(axis=1)
    noise = rng.random(n) < 0.1
    predicted = np.where(noise, rng.integers(0, 4, n), predicted)
    group = rng.choice(np.array(["north", "south"]), n, p=[0.6, 0.4])
    # Group "west": 12 rows without fish: one-vs-rest macro AUC undefined there.
    west = rng.choice(np.where(y != 3)[0], 12, replace=False)
    group[west] = "west"
    return dict(name="multiclass", classes=list(classes), group=group, actual=classes[y], predicted=classes[predicted],
                proba=proba)


def regression_data():
    rng = np.random.default_rng(99)
    n = 300
    y = np.round(rng.normal(50, 20, n), 1)
    y[[3, 77]] = 0.0  # zero targets: MAPE's epsilon rule
    y[10:20] = 42.0  # ties in the truth
    yhat = np.round(y + rng.normal(0, 5, n), 1)
    out = rng.choice(n, 8, replace=False)
    yhat[out] += rng.choice([-1, 1], 8) * rng.uniform(100, 500, 8)  # outliers
    yhat = np.round(yhat, 1)
    group = rng.choice(np.array(["x", "y"]), n)
    return dict(name="regression", group=group, actual=y, predicted=yhat)


def edge_data():
    """Degenerate label cases: slice 'gap' has no row of class b (weighted kappa counts the present classes only, as
    scikit-learn's labels=None); slice 'oneclass' has true class a only, with wrong predictions (adjusted balanced
    accuracy divides by 0 there)."""
    rng = np.random.default_rng(18)
    classes = np.array(["a", "b", "c", "d"])
    gap_true = np.array(["a", "a", "c", "c", "c", "d", "d", "a", "c", "d", "a", "d"])
    gap_pred = np.array(["c", "c", "c", "d", "a", "d", "d", "a", "c", "d", "a", "c"])
    one_true = np.array(["a"] * 6)
    one_pred = np.array(["a", "a", "b", "a", "c", "a"])
    actual = np.concatenate([gap_true, one_true])
    predicted = np.concatenate([gap_pred, one_pred])
    group = np.array(["gap"] * len(gap_true) + ["oneclass"] * len(one_true))
    proba = np.round(rng.dirichlet(np.ones(4), len(actual)), 2)
    proba[:, 3] = np.round(1 - proba[:, :3].sum(axis=1), 2)
    return dict(name="edge", classes=list(classes), group=group, actual=actual, predicted=predicted, proba=proba)


def counts_data():
    """Counts with zeros (Poisson-like), predictions above 0: the domain of MSLE, the Poisson and 1 <= p < 2 Tweedie
    deviances."""
    rng = np.random.default_rng(2024)
    n = 240
    rate = np.exp(rng.normal(1.0, 0.8, n))
    y = rng.poisson(rate).astype(float)
    yhat = np.round(rate * np.exp(rng.normal(0, 0.3, n)), 2)
    yhat[yhat <= 0] = 0.01
    group = rng.choice(np.array(["p", "q", "r"]), n)
    return dict(name="counts", group=group, actual=y, predicted=yhat)


def positive_data():
    """Positive, skewed targets (Gamma-like) and predictions: the domain of every deviance."""
    rng = np.random.default_rng(31)
    n = 200
    mean = np.exp(rng.normal(2.0, 0.6, n))
    y = np.round(rng.gamma(4.0, mean / 4.0), 2)
    y[y <= 0] = 0.01
    yhat = np.round(mean * np.exp(rng.normal(0, 0.2, n)), 2)
    group = rng.choice(np.array(["u", "v"]), n)
    return dict(name="positive", group=group, actual=y, predicted=yhat)


def ties3_data():
    """Three classes, probabilities on a 0.1 grid: most scores tie, and ROC points fall exactly on max_fpr."""
    rng = np.random.default_rng(303)
    n = 150
    classes = np.array(["high", "low", "mid"])
    y = rng.choice(3, n, p=[0.25, 0.45, 0.30])
    logits = rng.normal(0, 1.0, (n, 3)) + 1.2 * np.eye(3)[y]
    soft = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    first = np.floor(soft[:, :2] * 10) / 10
    proba = np.column_stack([first, np.round(1 - first.sum(axis=1), 1)])
    predicted = proba.argmax(axis=1)
    group = rng.choice(np.array(["g1", "g2"]), n)
    return dict(name="ties3", classes=list(classes), group=group, actual=classes[y], predicted=classes[predicted],
                proba=proba)


def five_data():
    """Five classes, one rare (4%), probabilities rounded to 2 decimals; slice 'tiny' holds no row of the rare one."""
    rng = np.random.default_rng(505)
    n = 300
    classes = np.array(["c1", "c2", "c3", "c4", "c5"])
    y = rng.choice(5, n, p=[0.3, 0.25, 0.2, 0.21, 0.04])
    logits = rng.normal(0, 1.0, (n, 5)) + 1.4 * np.eye(5)[y]
    soft = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    first = np.floor(soft[:, :4] * 100) / 100
    proba = np.column_stack([first, np.round(1 - first.sum(axis=1), 2)])
    predicted = proba.argmax(axis=1)
    group = rng.choice(np.array(["big", "small"]), n, p=[0.8, 0.2])
    tiny = rng.choice(np.where(y != 4)[0], 20, replace=False)
    group[tiny] = "tiny"
    return dict(name="five", classes=list(classes), group=group, actual=classes[y], predicted=classes[predicted],
                proba=proba)


def constant_data():
    y = np.full(20, 3.0)
    yhat = y.copy()
    yhat[10:] = [3.0, 3.5, 2.5, 3.0, 3.0, 4.0, 3.0, 3.0, 3.0, 2.0]
    group = np.array(["perfect"] * 10 + ["off"] * 10)
    return dict(name="constant", group=group, actual=y, predicted=yhat)


def write_classification(d):
    header = ["group", "actual", "predicted"] + ["p_" + c for c in d["classes"]]
    rows = []
    for i in range(len(d["actual"])):
        rows.append([d["group"][i], d["actual"][i], d["predicted"][i]] + [r(v) for v in d["proba"][i]])
    write(d["name"] + ".csv", header, rows)


def write_regression(d):
    rows = [[d["group"][i], r(d["actual"][i]), r(d["predicted"][i])] for i in range(len(d["actual"]))]
    write(d["name"] + ".csv", ["group", "actual", "predicted"], rows)


def subsets(d):
    yield "all", np.ones(len(d["actual"]), dtype=bool)
    for g in sorted(set(d["group"])):
        yield "group=" + g, d["group"] == g


def first_rows(d):
    """The first row alone and the first two rows: the small-n cases (scikit-learn's "less than two samples")."""
    for count in (1, 2):
        mask = np.zeros(len(d["actual"]), dtype=bool)
        mask[:count] = True
        yield "first=" + str(count), mask


# Where modeltest deliberately differs from scikit-learn on few rows: explained_variance_score on one row is 1.0 by
# its rule for equal true values, but one row has no variance to explain, so modeltest leaves it undefined as r2_score
# does ("not well-defined with less than two samples").
UNDEFINED_ON_ONE_ROW = {"EXPLAINED_VARIANCE"}


def modeltest_value(subset, metric, sklearn_value):
    """modeltest's expected value where scikit-learn's is sklearn_value (both as written by r())."""
    if subset == "first=1" and metric in UNDEFINED_ON_ONE_ROW:
        return "nan"
    # balanced_accuracy_score(adjusted=True) with one true class divides by 1 - 1/1 = 0: NaN or -inf; undefined here.
    if metric == "ADJUSTED_BALANCED_ACCURACY" and sklearn_value in ("inf", "-inf"):
        return "nan"
    return sklearn_value


def few_rows_expected(datasets, subsets_of=first_rows):
    """Every metric on the first row and the first two rows of each data set: modeltest's value beside scikit-learn's."""
    rows = []
    for d in datasets:
        out = []
        if "classes" in d:
            classification_expected(d, out, subsets_of)
        else:
            regression_expected(d, out, first_rows)
        for row in out:
            sk = row[7]
            rows.append(row[:7] + [modeltest_value(row[1], row[2], sk), sk])
    return rows


# ---------------------------------------------------------------------------------------------------------------
# Expected values
# ---------------------------------------------------------------------------------------------------------------

def safe(f):
    try:
        return float(f())
    except ValueError:
        return float("nan")  # scikit-learn refuses: undefined


def ece_bins(hit, conf, bins, binning):
    """calibration_curve's binning, plus counts; returns edges, counts, prob_true, prob_pred, ece."""
    if binning == "EQUAL_MASS":
        quantiles = np.linspace(0, 1, bins + 1)
        edges = np.percentile(conf, quantiles * 100)
    else:
        edges = np.linspace(0.0, 1.0, bins + 1)
    binids = np.searchsorted(edges[1:-1], conf)
    bin_sums = np.bincount(binids, weights=conf, minlength=len(edges))
    bin_true = np.bincount(binids, weights=hit, minlength=len(edges))
    bin_total = np.bincount(binids, minlength=len(edges))
    nz = bin_total != 0
    prob_true = bin_true[nz] / bin_total[nz]
    prob_pred = bin_sums[nz] / bin_total[nz]
    n = len(conf)
    ece = 0.0
    for c, t, p in zip(bin_total[nz], prob_true, prob_pred):
        ece += c / n * abs(t - p)
    # Cross-check the bins against scikit-learn itself.
    if len(np.unique(hit)) <= 2 and len(conf) > 0:
        strategy = "quantile" if binning == "EQUAL_MASS" else "uniform"
        st, sp = calibration_curve(hit.astype(int), conf, n_bins=bins, strategy=strategy, pos_label=1)
        assert np.array_equal(st, prob_true) and np.array_equal(sp, prob_pred), "calibration_curve disagrees"
    idx = np.where(nz)[0]
    return edges, idx, bin_total[nz], prob_true, prob_pred, ece


def calibration_inputs(d, mask, positive):
    y = d["actual"][mask]
    P = d["proba"][mask]
    classes = d["classes"]
    if positive is None:  # top label
        top = P.argmax(axis=1)
        return (np.array(classes)[top] == y).astype(float), P.max(axis=1)
    c = classes.index(positive)
    return (y == positive).astype(float), P[:, c]


BINNINGS = [(10, "EQUAL_WIDTH"), (10, "EQUAL_MASS"), (5, "EQUAL_WIDTH"), (7, "EQUAL_MASS"), (15, "EQUAL_MASS"),
            (1, "EQUAL_WIDTH")]


def classification_expected(d, out, subsets_of=None):
    classes = d["classes"]
    k = len(classes)
    for subset, mask in (subsets_of or subsets)(d):
        y = d["actual"][mask]
        yp = d["predicted"][mask]
        P = d["proba"][mask]

        def add(metric, value, average="AUTO", positive="", bins="", binning=""):
            out.append([d["name"], subset, metric, average, positive, bins, binning, r(value)])

        add("ACCURACY", accuracy_score(y, yp))
        add("BALANCED_ACCURACY", balanced_accuracy_score(y, yp))
        add("MATTHEWS", matthews_corrcoef(y, yp))
        add("COHEN_KAPPA", cohen_kappa_score(y, yp))
        add("LOG_LOSS", log_loss(y, P, labels=classes))
        for metric, f in (("PRECISION", precision_score), ("RECALL", recall_score), ("F1", f1_score),
                          ("JACCARD", jaccard_score)):
            for average in ("macro", "micro", "weighted"):
                add(metric, f(y, yp, average=average), average.upper())
            for pos in classes:
                if k == 2:
                    add(metric, f(y, yp, average="binary", pos_label=pos), "BINARY", pos)
                else:
                    add(metric, f(y == pos, yp == pos), "BINARY", pos)
            if k == 2:
                add(metric, f(y, yp, average="binary", pos_label=classes[1]))  # AUTO: the second class
            else:
                add(metric, f(y, yp, average="macro"))  # AUTO: macro
        for pos in classes:
            c = classes.index(pos)
            add("ROC_AUC", safe(lambda: roc_auc_score(y == pos, P[:, c])), "BINARY", pos)
            if k == 2:
                add("AVERAGE_PRECISION", average_precision_score(y, P[:, c], pos_label=pos), "BINARY", pos)
                add("BRIER", brier_score_loss(y, P[:, c], pos_label=pos), "BINARY", pos)
            else:
                add("AVERAGE_PRECISION", average_precision_score(y == pos, P[:, c]), "BINARY", pos)
                add("BRIER", brier_score_loss(y == pos, P[:, c]), "BINARY", pos)
        if k == 2:
            add("ROC_AUC", safe(lambda: roc_auc_score(y == classes[1], P[:, 1])))
            add("AVERAGE_PRECISION", average_precision_score(y, P[:, 1], pos_label=classes[1]))
            add("BRIER", brier_score_loss(y, P[:, 1], pos_label=classes[1]))
            # roc_auc_score and average_precision_score ignore 'average' on binary targets.
            add("ROC_AUC", safe(lambda: roc_auc_score(y == classes[1], P[:, 1], average="macro")), "MACRO")
        else:
            for average in ("macro", "weighted", "micro"):
                add("ROC_AUC",
                    safe(lambda: roc_auc_score(y, P, multi_class="ovr", average=average, labels=classes)),
                    average.upper())
                add("AVERAGE_PRECISION",
                    average_precision_score(label_binarize(y, classes=classes), P, average=average),
                    average.upper())
            add("ROC_AUC", safe(lambda: roc_auc_score(y, P, multi_class="ovr", average="macro", labels=classes)))
            add("AVERAGE_PRECISION", average_precision_score(label_binarize(y, classes=classes), P, average="macro"))
        modes = [None] + list(classes) if k > 2 else list(classes)
        for bins, binning in BINNINGS:
            for pos in modes:
                hit, conf = calibration_inputs(d, mask, pos)
                ece = ece_bins(hit, conf, bins, binning)[5]
                add("EXPECTED_CALIBRATION_ERROR", ece, "AUTO" if pos is None else "BINARY", pos or "", bins, binning)
            hit, conf = calibration_inputs(d, mask, None if k > 2 else classes[1])
            add("EXPECTED_CALIBRATION_ERROR", ece_bins(hit, conf, bins, binning)[5], "AUTO", "", bins, binning)
        # Added in 0.2.0, after the older rows of the subset so that those never move.
        add("ADJUSTED_BALANCED_ACCURACY", balanced_accuracy_score(y, yp, adjusted=True))
        add("ZERO_ONE_LOSS", zero_one_loss(y, yp))
        add("HAMMING_LOSS", hamming_loss(y, yp))
        add("COHEN_KAPPA_LINEAR", cohen_kappa_score(y, yp, weights="linear"))
        add("COHEN_KAPPA_QUADRATIC", cohen_kappa_score(y, yp, weights="quadratic"))


FBETA_BETAS = (0.5, 2.0)


def fbeta_expected(d, out):
    """fbeta_score per beta with the averagings F1 has: macro, micro, weighted, binary per class, and AUTO."""
    classes = d["classes"]
    k = len(classes)
    for subset, mask in subsets(d):
        y = d["actual"][mask]
        yp = d["predicted"][mask]
        for beta in FBETA_BETAS:
            def add(value, average="AUTO", positive=""):
                out.append([d["name"], subset, r(beta), average, positive, r(value)])

            for average in ("macro", "micro", "weighted"):
                add(fbeta_score(y, yp, beta=beta, average=average), average.upper())
            for pos in classes:
                if k == 2:
                    add(fbeta_score(y, yp, beta=beta, average="binary", pos_label=pos), "BINARY", pos)
                else:
                    add(fbeta_score(y == pos, yp == pos, beta=beta), "BINARY", pos)
            if k == 2:
                add(fbeta_score(y, yp, beta=beta, average="binary", pos_label=classes[1]))  # AUTO: the second class
            else:
                add(fbeta_score(y, yp, beta=beta, average="macro"))  # AUTO: macro


def top_k_expected(d, out):
    """top_k_accuracy_score for every k below the class count; on two classes y_score is the second class's column."""
    classes = d["classes"]
    for subset, mask in list(subsets(d)) + list(first_rows(d)):
        y = d["actual"][mask]
        P = d["proba"][mask]
        for k in range(1, len(classes)):
            score = P[:, 1] if len(classes) == 2 else P
            out.append([d["name"], subset, k, r(top_k_accuracy_score(y, score, k=k, labels=classes))])


MAX_FPRS = (0.1, 0.3, 0.5, 0.8, 1.0)


def roc_auc_extra_expected(d, out):
    """roc_auc_score one-vs-one (macro, weighted; AUTO is macro) and partial (max_fpr per positive class, AUTO is the
    second of two classes). On two classes one-vs-one is the binary AUC, as roc_auc_score ignores multi_class there."""
    classes = d["classes"]
    k = len(classes)

    def value(f):
        try:
            return float(f())
        except (ValueError, ZeroDivisionError):
            return float("nan")  # one class only: undefined (no pair of classes: np.average of no weights)

    for subset, mask in list(subsets(d)) + list(first_rows(d)):
        y = d["actual"][mask]
        P = d["proba"][mask]

        def add(multi_class, max_fpr, v, average="AUTO", positive=""):
            out.append([d["name"], subset, multi_class, r(max_fpr), average, positive, r(v)])

        for average in ("macro", "weighted"):
            if k == 2:
                v = value(lambda: roc_auc_score(y, P[:, 1], multi_class="ovo", average=average))
            else:
                v = value(lambda: roc_auc_score(y, P, multi_class="ovo", average=average, labels=classes))
            add("OVO", 1.0, v, average.upper())
            if average == "macro":
                add("OVO", 1.0, v)
        for max_fpr in MAX_FPRS:
            for pos in classes:
                c = classes.index(pos)
                add("OVR", max_fpr, value(lambda: roc_auc_score(y == pos, P[:, c], max_fpr=max_fpr)), "BINARY", pos)
            if k == 2:
                add("OVR", max_fpr, value(lambda: roc_auc_score(y, P[:, 1], max_fpr=max_fpr)))


def regression_expected(d, out, subsets_of=None):
    for subset, mask in (subsets_of or subsets)(d):
        y = d["actual"][mask]
        yp = d["predicted"][mask]

        def add(metric, value):
            out.append([d["name"], subset, metric, "AUTO", "", "", "", r(value)])

        add("MSE", mean_squared_error(y, yp))
        add("RMSE", mean_squared_error(y, yp, squared=False))
        add("MAE", mean_absolute_error(y, yp))
        add("R2", r2_score(y, yp))
        add("EXPLAINED_VARIANCE", explained_variance_score(y, yp))
        add("MAPE", mean_absolute_percentage_error(y, yp))
        add("MEDIAN_ABSOLUTE_ERROR", median_absolute_error(y, yp))
        add("MAX_ERROR", max_error(y, yp))


ALPHAS = (0.1, 0.5, 0.9)


def regression_extra_expected(d, out, powers):
    """The regression metrics of 0.2.0 on all rows, each slice and the first rows: the losses with a parameter or a
    domain and the D² scores, at the Tweedie powers the data's values allow, and R² / explained variance with
    force_finite=False."""
    for subset, mask in list(subsets(d)) + list(first_rows(d)):
        y = d["actual"][mask]
        yp = d["predicted"][mask]

        def add(metric, value, alpha="", power="", force_finite=""):
            out.append([d["name"], subset, metric, alpha, power, force_finite, r(value)])

        positive = (y >= 0).all() and (yp >= 0).all()
        if positive:
            add("MEAN_SQUARED_LOG_ERROR", mean_squared_log_error(y, yp))
            add("ROOT_MEAN_SQUARED_LOG_ERROR", mean_squared_log_error(y, yp, squared=False))
        for alpha in ALPHAS:
            add("MEAN_PINBALL_LOSS", mean_pinball_loss(y, yp, alpha=alpha), r(alpha))
            add("D2_PINBALL", d2_pinball_score(y, yp, alpha=alpha), r(alpha))
        add("D2_ABSOLUTE_ERROR", d2_absolute_error_score(y, yp))
        if 1 in powers:
            add("MEAN_POISSON_DEVIANCE", mean_poisson_deviance(y, yp))
        if 2 in powers:
            add("MEAN_GAMMA_DEVIANCE", mean_gamma_deviance(y, yp))
        for power in powers:
            add("MEAN_TWEEDIE_DEVIANCE", mean_tweedie_deviance(y, yp, power=power), "", r(power))
            add("D2_TWEEDIE", d2_tweedie_score(y, yp, power=power), "", r(power))
        add("R2", r2_score(y, yp, force_finite=False), "", "", "false")
        add("EXPLAINED_VARIANCE", explained_variance_score(y, yp, force_finite=False), "", "", "false")


def curves(d, roc_rows, pr_rows, rel_rows, cm_rows):
    classes = d["classes"]
    for subset, mask in subsets(d):
        y = d["actual"][mask]
        yp = d["predicted"][mask]
        P = d["proba"][mask]
        cm = confusion_matrix(y, yp, labels=classes)
        for a in range(len(classes)):
            for p in range(len(classes)):
                cm_rows.append([d["name"], subset, classes[a], classes[p], int(cm[a, p])])
        positives = classes if len(classes) == 2 else [classes[0], classes[-1]]
        for pos in positives:
            c = classes.index(pos)
            fpr, tpr, thr = roc_curve(y == pos, P[:, c])
            for i in range(len(thr)):
                roc_rows.append([d["name"], subset, pos, i, r(fpr[i]), r(tpr[i]), r(thr[i])])
            prec, rec, thr = precision_recall_curve(y == pos, P[:, c])
            for i in range(len(prec)):
                pr_rows.append([d["name"], subset, pos, i, r(prec[i]), r(rec[i]),
                                r(thr[i]) if i < len(thr) else ""])
        modes = [None] + list(classes) if len(classes) > 2 else list(classes)
        for bins, binning in BINNINGS:
            for pos in modes:
                hit, conf = calibration_inputs(d, mask, pos)
                edges, idx, counts, prob_true, prob_pred, ece = ece_bins(hit, conf, bins, binning)
                for j, b in enumerate(idx):
                    rel_rows.append([d["name"], subset, bins, binning, pos or "", j, r(edges[b]), r(edges[b + 1]),
                                     int(counts[j]), r(prob_pred[j]), r(prob_true[j])])


# ---------------------------------------------------------------------------------------------------------------
# Bootstrap: scipy.stats.bootstrap, with the resample index matrix it drew
# ---------------------------------------------------------------------------------------------------------------

def bootstrap_case(name, data, statistic, n_resamples, seed, paired, vectorized, rows_file, cases):
    n = len(data[0])
    for method in ("BCa", "percentile"):
        for confidence in (0.95, 0.9):
            res = scipy.stats.bootstrap(data, statistic, n_resamples=n_resamples, method=method,
                                        confidence_level=confidence, paired=paired, vectorized=vectorized,
                                        random_state=np.random.default_rng(seed))
            # Reproduce SciPy's draw: one batch of rng.integers(0, n, (n_resamples, n)).
            idx = np.random.default_rng(seed).integers(0, n, (n_resamples, n))
            if paired:
                again = np.array([statistic(*[x[i] for x in data]) for i in idx])
            else:
                again = statistic(data[0][idx], axis=-1)
            assert np.array_equal(again, res.bootstrap_distribution), name + ": resamples not reproduced"
            low, high = res.confidence_interval
            theta = statistic(*data) if paired or not vectorized else statistic(data[0], axis=-1)
            gap = np.abs(res.bootstrap_distribution - theta)
            # A replicate equal to the estimate up to rounding noise makes BCa's z0 depend on that noise, in SciPy as
            # anywhere: golden cases must have exact ties or clear gaps only.
            assert not np.any((gap > 0) & (gap <= 1e-9 * abs(theta))), name + ": near-tie with the estimate"
            estimate = statistic(*data) if paired or not vectorized else statistic(data[0], axis=-1)
            cases.append([name, method.upper(), confidence, n_resamples, rows_file, r(estimate), r(low), r(high),
                          r(res.standard_error)])
    write(os.path.join("bootstrap", name + "-resamples.csv"), ["r" + str(j) for j in range(n)],
          [list(map(int, row)) for row in np.random.default_rng(seed).integers(0, n, (n_resamples, n))])


def bootstrap_golden(binary, multiclass, regression):
    cases = []
    # 1. The mean of a skewed sample (the textbook BCa case).
    x = np.round(np.random.default_rng(3).exponential(2.0, 40), 3)
    write(os.path.join("bootstrap", "mean-sample.csv"), ["x"], [[r(v)] for v in x])
    bootstrap_case("mean", (x,), np.mean, 999, 11, False, True, "mean-sample.csv", cases)
    # 2. MAE of 60 continuous regression rows, resampled as pairs (continuous, so no replicate ties the estimate).
    rng = np.random.default_rng(12)
    y = rng.normal(10, 3, 60)
    yp = y + rng.standard_t(3, 60)
    write(os.path.join("bootstrap", "mae-sample.csv"), ["actual", "predicted"], [[r(a), r(b)] for a, b in zip(y, yp)])
    bootstrap_case("mae", (y, yp), mean_absolute_error, 499, 12, True, False, "mae-sample.csv", cases)
    # 3. ROC AUC of the first 80 binary rows.
    yb = binary["actual"][:80] == "spam"
    pb = binary["proba"][:80, 1]
    bootstrap_case("auc", (yb, pb), roc_auc_score, 499, 13, True, False, "binary.csv:0-79", cases)
    # 4. Macro F1 of the first 100 multiclass rows (present labels change from resample to resample).
    ym, ypm = multiclass["actual"][:100], multiclass["predicted"][:100]
    bootstrap_case("f1_macro", (ym, ypm), lambda a, b: f1_score(a, b, average="macro"), 499, 14, True, False,
                   "multiclass.csv:0-99", cases)
    # 5. Log loss of the first 100 multiclass rows.
    Pm = multiclass["proba"][:100]
    idx = np.arange(100)
    bootstrap_case("log_loss", (idx,), lambda i: log_loss(ym[i], Pm[i], labels=multiclass["classes"]), 499, 15,
                   True, False, "multiclass.csv:0-99", cases)
    write(os.path.join("bootstrap", "cases.csv"),
          ["case", "method", "confidence", "resamples", "data", "estimate", "low", "high", "standard_error"], cases)


def main():
    print("sklearn", sklearn.__version__, "scipy", scipy.__version__, "numpy", np.__version__, file=sys.stderr)
    binary = binary_data()
    multiclass = multiclass_data()
    regression = regression_data()
    constant = constant_data()
    write_classification(binary)
    write_classification(multiclass)
    write_regression(regression)
    write_regression(constant)
    expected = []
    classification_expected(binary, expected)
    classification_expected(multiclass, expected)
    regression_expected(regression, expected)
    regression_expected(constant, expected)
    write("expected.csv", ["dataset", "subset", "metric", "average", "positive", "bins", "binning", "value"],
          expected)
    edge = edge_data()
    write_classification(edge)
    write("few-rows.csv",
          ["dataset", "subset", "metric", "average", "positive", "bins", "binning", "value", "sklearn"],
          few_rows_expected([binary, multiclass, regression, constant]) + few_rows_expected([edge], subsets))
    counts = counts_data()
    positive = positive_data()
    write_regression(counts)
    write_regression(positive)
    extra = []
    regression_extra_expected(regression, extra, (0,))
    regression_extra_expected(constant, extra, (0, 1, 1.5, 2, 3, -0.5))
    regression_extra_expected(counts, extra, (0, 1, 1.5, -0.5))
    regression_extra_expected(positive, extra, (0, 1, 1.5, 2, 3, -0.5))
    write("regression-extra.csv", ["dataset", "subset", "metric", "alpha", "power", "force_finite", "value"], extra)
    top_k = []
    top_k_expected(binary, top_k)
    top_k_expected(multiclass, top_k)
    write("top-k.csv", ["dataset", "subset", "k", "value"], top_k)
    fbeta = []
    fbeta_expected(binary, fbeta)
    fbeta_expected(multiclass, fbeta)
    write("fbeta.csv", ["dataset", "subset", "beta", "average", "positive", "value"], fbeta)
    ties3, five = ties3_data(), five_data()
    write_classification(ties3)
    write_classification(five)
    roc_auc = []
    for d in (binary, multiclass, edge, ties3, five):
        roc_auc_extra_expected(d, roc_auc)
    write("roc-auc.csv", ["dataset", "subset", "multi_class", "max_fpr", "average", "positive", "value"], roc_auc)
    roc_rows, pr_rows, rel_rows, cm_rows = [], [], [], []
    curves(binary, roc_rows, pr_rows, rel_rows, cm_rows)
    curves(multiclass, roc_rows, pr_rows, rel_rows, cm_rows)
    write("roc.csv", ["dataset", "subset", "positive", "index", "fpr", "tpr", "threshold"], roc_rows)
    write("pr.csv", ["dataset", "subset", "positive", "index", "precision", "recall", "threshold"], pr_rows)
    write("reliability.csv", ["dataset", "subset", "bins", "binning", "positive", "index", "lower", "upper", "count",
                              "mean_confidence", "accuracy"], rel_rows)
    write("confusion.csv", ["dataset", "subset", "actual", "predicted", "count"], cm_rows)
    bootstrap_golden(binary, multiclass, regression)
    print(len(expected), "expected values,", len(roc_rows), "ROC points,", len(pr_rows), "PR points,",
          len(rel_rows), "reliability bins", file=sys.stderr)


if __name__ == "__main__":
    main()
