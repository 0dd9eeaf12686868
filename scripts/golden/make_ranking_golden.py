#!/usr/bin/python3
"""Golden values for modeltest's ranking metrics NDCG@k and MAP@k, computed with scikit-learn.

Run with Debian's interpreter (it sees python3-sklearn / python3-numpy):

    /usr/bin/python3 scripts/golden/make_ranking_golden.py

Writes under modeltest-core/src/test/resources/golden/metrics/:
  ranking.csv           dataset,query,relevance,score,slice: two seeded data sets of (query, item) rows
                        - graded: relevance 0..4, scores with one decimal (many ties), queries of 1 to 14 rows, some
                          with no relevant row, numeric query ids
                        - binary: relevance 0/1, continuous scores (no ties), text query ids
  ranking-expected.csv  dataset,subset,metric,k,value,queries: the mean over the subset's queries of at least two rows of
                        the per-query value, and how many queries that is; subsets are all rows, the first row and the
                        first two (first=1: NaN, no query of two rows; first=2: one query of two rows), each slice, and
                        single queries (subset query=<id>), so per-query values are compared one by one too
                        - NDCG: sklearn.metrics.ndcg_score([relevance], [score], k=k) per query (ties averaged, its
                          default ignore_ties=False; 0 for a query whose ideal DCG is 0, as scikit-learn 1.2 gives)
                        - MAP: AP@k = sum_{i<=k} P@i * rel_i / min(k, R) with rel = relevance > 0, rows sorted by score,
                          highest first, irrelevant rows first among tied scores; 0 for a query with R = 0. scikit-learn
                          has no MAP@k: on the binary set (no ties) at k >= every query's rows, each query's AP@k is
                          checked here against sklearn.metrics.average_precision_score before anything is written.

A query of one row is left out of the mean (scikit-learn's ndcg_score refuses a single document).
Every number is written with repr() (17 significant digits), so Java parses the same doubles.
"""
import csv
import os
import warnings

import numpy as np
import sklearn
from sklearn.metrics import average_precision_score, ndcg_score

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "modeltest-core", "src", "test", "resources", "golden",
                                    "metrics"))
KS = [1, 3, 5, 10, 1000]


def r(x):
    return repr(float(x))


def graded():
    rng = np.random.default_rng(20261206)
    rows = []
    for q in range(60):
        size = 1 if q % 15 == 7 else int(rng.integers(2, 15))
        quality = rng.uniform(0, 1)
        for _ in range(size):
            rel = int(rng.integers(0, 5)) if q % 10 != 3 else 0  # every 10th query has no relevant row
            score = round(quality * rel + rng.normal(0, 1.2), 1)
            rows.append((str(100 + q), rel, score, "a" if q % 3 else "b"))
    return rows


def binary():
    rng = np.random.default_rng(7)
    rows = []
    for q in range(40):
        size = int(rng.integers(2, 20))
        for _ in range(size):
            rel = int(rng.uniform() < 0.3) if q % 8 != 5 else 0
            score = rel * 0.8 + rng.normal(0, 1)
            rows.append(("q" + str(q), rel, score, "a" if q % 2 else "b"))
    return rows


def by_query(rows):
    out = {}
    for q, rel, score, _ in rows:
        out.setdefault(q, ([], []))
        out[q][0].append(float(rel))
        out[q][1].append(float(score))
    return out


def ndcg(rel, score, k):
    return ndcg_score(np.asarray([rel]), np.asarray([score]), k=k)


def ap_at_k(rel, score, k):
    relevant = sum(1 for x in rel if x > 0)
    if relevant == 0:
        return 0.0
    order = sorted(range(len(rel)), key=lambda i: (-score[i], rel[i] > 0))
    hits = 0
    total = 0.0
    for rank, i in enumerate(order[:k], start=1):
        if rel[i] > 0:
            hits += 1
            total += hits / rank
    return total / min(k, relevant)


def mean_over_queries(rows, metric, k):
    values = []
    for rel, score in by_query(rows).values():
        if len(rel) < 2:
            continue
        values.append(ndcg(rel, score, k) if metric == "NDCG" else ap_at_k(rel, score, k))
    return (float(np.mean(values)) if values else float("nan")), len(values)


def cross_check_average_precision(rows):
    """AP@k at full k without ties is scikit-learn's average precision of the query (0 where it has no positive)."""
    for q, (rel, score) in by_query(rows).items():
        assert len(set(score)) == len(score), q
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            expected = average_precision_score([int(x > 0) for x in rel], score)
        expected = 0.0 if np.isnan(expected) else abs(expected)
        assert abs(ap_at_k(rel, score, max(KS)) - expected) < 1e-12, (q, ap_at_k(rel, score, max(KS)), expected)


def subsets(rows):
    out = [("all", rows), ("first=1", rows[:1]), ("first=2", rows[:2])]
    for s in sorted({row[3] for row in rows}):
        out.append(("slice=" + s, [row for row in rows if row[3] == s]))
    queries = list(by_query(rows).keys())
    for q in queries[:8]:
        out.append(("query=" + q, [row for row in rows if row[0] == q]))
    return out


def main():
    assert sklearn.__version__ == "1.2.1", sklearn.__version__
    sets = {"graded": graded(), "binary": binary()}
    cross_check_average_precision(sets["binary"])
    with open(os.path.join(OUT, "ranking.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["dataset", "query", "relevance", "score", "slice"])
        for name, rows in sets.items():
            for q, rel, score, s in rows:
                w.writerow([name, q, rel, r(score), s])
    with open(os.path.join(OUT, "ranking-expected.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["dataset", "subset", "metric", "k", "value", "queries"])
        for name, rows in sets.items():
            for subset, sub in subsets(rows):
                for metric in ("NDCG", "MAP"):
                    for k in KS:
                        value, queries = mean_over_queries(sub, metric, k)
                        w.writerow([name, subset, metric, k, "nan" if np.isnan(value) else r(value), queries])


if __name__ == "__main__":
    main()
