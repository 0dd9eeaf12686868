#!/usr/bin/python3
"""Golden values for zero_division and average=None (per-class values), computed by scikit-learn.

Run with Debian's interpreter (python3-sklearn 1.2.1):

    /usr/bin/python3 scripts/golden/make_zero_division_golden.py

Reads the data sets of make_metrics_golden.py (binary, multiclass, edge) and adds one, zero.csv: three classes and
slices where a class is never predicted, never true, or neither. Writes under
modeltest-core/src/test/resources/golden/metrics/:

  zero.csv             the data set: group, actual, predicted, probabilities
  zero-division.csv    dataset,subset,metric,beta,average,positive,zero_division,value: precision, recall, F1,
                       F-beta (beta 0.5 and 2) and Jaccard with every averaging, for zero_division ZERO ("warn" and 0,
                       asserted equal), ONE (1) and NAN
  per-class.csv        dataset,subset,metric,beta,zero_division,class,value: average=None, one row per class in the
                       order scikit-learn returns them (labels present in y_true or y_pred for the set-wise metrics,
                       every class one-vs-rest for ROC AUC and average precision)

scikit-learn 1.2.1 accepts zero_division "warn", 0 and 1 only; np.nan came in 1.3 (and jaccard_score takes it in no
version). The NAN values are derived from the definition, from scikit-learn's own zero_division=0 values: a per-class
value is NaN where its denominator is 0 (precision: nothing predicted; recall: nothing true; F-beta as scikit-learn
1.4 and later write it, (1 + beta^2) tp / (beta^2 (tp + fn) + tp + fp), and Jaccard: neither true nor predicted),
and the macro and weighted averages leave NaN classes out as sklearn.utils.extmath._nanaverage does (weighted: the
plain mean of what is left when its weights are all 0; NaN when every class is).

Every number is written with repr() (17 significant digits), so Java parses the same doubles.
"""
import os
import sys
import warnings

import numpy as np
import sklearn
from sklearn.metrics import (average_precision_score, fbeta_score, jaccard_score, precision_score, recall_score,
                             roc_auc_score)
from sklearn.preprocessing import label_binarize

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_metrics_golden as m  # noqa: E402  (the shared data sets and writers)

warnings.simplefilter("ignore")  # the zero divisions are the point

ZERO_DIVISIONS = (("ZERO", 0), ("ONE", 1), ("NAN", None))
BETAS = (0.5, 2.0)


def zero_data():
    """Three classes; slice 'unpredicted': c is true but never predicted (precision 0/0); 'untrue': c is predicted but
    never true (recall 0/0); 'absent': c is neither (every metric of c 0/0, and scikit-learn's labels=None leaves it
    out); 'mixed': b never predicted and c never true."""
    rng = np.random.default_rng(1818)
    parts = [
        ("unpredicted", "a a b b c c a b", "a b b a a b a b"),
        ("untrue", "a a b b a b", "a c b c b b"),
        ("absent", "a b a b a", "a a b b a"),
        ("mixed", "a a b b b a", "a c a a c a"),
    ]
    group, actual, predicted = [], [], []
    for name, t, p in parts:
        t, p = t.split(), p.split()
        group += [name] * len(t)
        actual += t
        predicted += p
    n = len(actual)
    proba = np.round(rng.dirichlet(np.ones(3), n), 2)
    proba[:, 2] = np.round(1 - proba[:, :2].sum(axis=1), 2)
    return dict(name="zero", classes=["a", "b", "c"], group=np.array(group), actual=np.array(actual),
                predicted=np.array(predicted), proba=proba)


def counts(y, yp, label):
    tp = int(np.sum((y == label) & (yp == label)))
    return tp, int(np.sum(yp == label)), int(np.sum(y == label))


def undefined(metric, tp, predicted, actual):
    """Whether the per-class value is 0/0 (the NAN definition)."""
    if metric == "PRECISION":
        return predicted == 0
    if metric == "RECALL":
        return actual == 0
    return predicted == 0 and actual == 0  # F-beta, Jaccard


def nanaverage(values, weights=None):
    values = np.asarray(values, dtype=float)
    keep = ~np.isnan(values)
    if not keep.any():
        return float("nan")
    if weights is None:
        return float(np.nanmean(values))
    w = np.asarray(weights, dtype=float)[keep]
    if w.sum() == 0:
        return float(np.average(values[keep]))
    return float(np.average(values[keep], weights=w))


def scorer(metric, beta):
    if metric == "PRECISION":
        return precision_score
    if metric == "RECALL":
        return recall_score
    if metric == "JACCARD":
        return jaccard_score
    return lambda y, yp, **kw: fbeta_score(y, yp, beta=beta, **kw)


SET_WISE = [("PRECISION", ""), ("RECALL", ""), ("F1", ""), ("JACCARD", "")] + [("F_BETA", b) for b in BETAS]


def subsets(d):
    return list(m.subsets(d)) + list(m.first_rows(d))


def expected(d, averaged, per_class):
    classes = d["classes"]
    k = len(classes)
    for subset, mask in subsets(d):
        y = d["actual"][mask]
        yp = d["predicted"][mask]
        present = [c for c in classes if c in set(y) | set(yp)]
        for metric, beta in SET_WISE:
            f = scorer(metric, beta if beta else 1.0)
            for zd_name, zd in ZERO_DIVISIONS:
                z = 0 if zd is None else zd
                if z == 0:
                    for average in ("macro", "micro", "weighted"):
                        assert f(y, yp, average=average, zero_division="warn") == f(y, yp, average=average,
                                                                                    zero_division=0)
                # Per class: scikit-learn's average=None, NaN where 0/0 under NAN.
                values = f(y, yp, average=None, zero_division=z)
                cls_counts = [counts(y, yp, c) for c in present]
                if zd is None:
                    values = [float("nan") if undefined(metric, *c) else v for v, c in zip(values, cls_counts)]
                for c, v in zip(present, values):
                    per_class.append([d["name"], subset, metric, m.r(beta) if beta else "", zd_name, c, m.r(v)])

                def add(value, average, positive=""):
                    averaged.append([d["name"], subset, metric, m.r(beta) if beta else "", average, positive,
                                     zd_name, m.r(value)])

                supports = [c[2] for c in cls_counts]
                if zd is None:
                    add(nanaverage(values), "MACRO")
                    add(nanaverage(values, supports), "WEIGHTED")
                    add(f(y, yp, average="micro", zero_division=0), "MICRO")  # pooled: never 0/0 on rows
                else:
                    for average in ("macro", "micro", "weighted"):
                        add(f(y, yp, average=average, zero_division=z), average.upper())
                for pos in classes:
                    if k == 2:
                        v = f(y, yp, average="binary", pos_label=pos, zero_division=z)
                    else:
                        v = f(y == pos, yp == pos, zero_division=z)
                    if zd is None and undefined(metric, *counts(y, yp, pos)):
                        v = float("nan")
                    add(v, "BINARY", pos)
        # ROC AUC and average precision per class, one-vs-rest over every class; zero_division does not apply.
        P = d["proba"][mask]
        for metric in ("ROC_AUC", "AVERAGE_PRECISION"):
            values = []
            for j, c in enumerate(classes):
                if metric == "ROC_AUC":
                    values.append(m.safe(lambda: roc_auc_score(y == c, P[:, j])))
                else:
                    values.append(m.safe(lambda: average_precision_score(y == c, P[:, j])))
            if k > 2 and not np.isnan(values).any():
                # The same as scikit-learn's own average=None where it computes one.
                if metric == "ROC_AUC":
                    whole = roc_auc_score(y, P, multi_class="ovr", average=None, labels=classes)
                else:
                    whole = average_precision_score(label_binarize(y, classes=classes), P, average=None)
                assert np.array_equal(whole, values), metric + " per class disagrees"
            for c, v in zip(classes, values):
                per_class.append([d["name"], subset, metric, "", "", c, m.r(v)])


def main():
    print("sklearn", sklearn.__version__, file=sys.stderr)
    zero = zero_data()
    m.write_classification(zero)
    averaged, per_class = [], []
    for d in (m.binary_data(), m.multiclass_data(), m.edge_data(), zero):
        expected(d, averaged, per_class)
    m.write("zero-division.csv",
            ["dataset", "subset", "metric", "beta", "average", "positive", "zero_division", "value"], averaged)
    m.write("per-class.csv", ["dataset", "subset", "metric", "beta", "zero_division", "class", "value"], per_class)
    print(len(averaged), "averaged values,", len(per_class), "per-class values", file=sys.stderr)


if __name__ == "__main__":
    main()
