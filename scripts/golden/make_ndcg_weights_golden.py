#!/usr/bin/python3
"""Golden values for NDCG@k with sample weights, computed with scikit-learn's ndcg_score(sample_weight=...).

Run with Debian's interpreter (it sees python3-sklearn / python3-numpy):

    /usr/bin/python3 scripts/golden/make_ndcg_weights_golden.py

scikit-learn's ndcg_score takes one row per query (y_true and y_score of shape (queries, items)) and one
sample_weight per query: the weighted mean of the per-query NDCG@k. modeltest reads one weight per row, and a query's
rows must share it. So every query here has the same number of items (ndcg_score needs a rectangular array), and all
rows of a query carry that query's weight.

Writes under modeltest-core/src/test/resources/golden/metrics/:
  ndcg-weights.csv           query,relevance,score,weight: 40 queries of 7 items, graded relevance 0..4, scores with
                             one decimal (many ties; ndcg_score averages tied items, its default ignore_ties=False),
                             every 8th query with no relevant item (NDCG 0, as scikit-learn 1.2 gives), fractional
                             query weights with every 6th query weighing 0
  ndcg-weights-expected.csv  subset,k,value: ndcg_score(y_true, y_score, k=k, sample_weight=w) on all queries
                             (subset all) and on the first 10 queries (subset first=70, their 70 rows)
Every number is written with repr() (17 significant digits), so Java parses the same doubles.
"""
import csv
import os

import numpy as np
import sklearn
from sklearn.metrics import ndcg_score

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "modeltest-core", "src", "test", "resources", "golden",
                                    "metrics"))
QUERIES = 40
ITEMS = 7
KS = [1, 3, 5, 10]


def r(x):
    return repr(float(x))


def main():
    assert sklearn.__version__.startswith("1.2"), sklearn.__version__
    rng = np.random.default_rng(20261206)
    relevance = np.zeros((QUERIES, ITEMS))
    score = np.zeros((QUERIES, ITEMS))
    weight = np.zeros(QUERIES)
    for q in range(QUERIES):
        quality = rng.uniform(0, 1)
        for i in range(ITEMS):
            rel = int(rng.integers(0, 5)) if q % 8 != 3 else 0
            relevance[q, i] = rel
            score[q, i] = round(quality * rel + rng.normal(0, 1.2), 1)
        weight[q] = 0.0 if q % 6 == 5 else round(float(rng.lognormal(0, 0.8)), 3)
    with open(os.path.join(OUT, "ndcg-weights.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["query", "relevance", "score", "weight"])
        for q in range(QUERIES):
            for i in range(ITEMS):
                w.writerow(["q%02d" % q, r(relevance[q, i]), r(score[q, i]), r(weight[q])])
    with open(os.path.join(OUT, "ndcg-weights-expected.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["subset", "k", "value"])
        for subset, queries in (("all", QUERIES), ("first=%d" % (10 * ITEMS), 10)):
            for k in KS:
                value = ndcg_score(relevance[:queries], score[:queries], k=k, sample_weight=weight[:queries])
                w.writerow([subset, k, r(value)])


if __name__ == "__main__":
    main()
