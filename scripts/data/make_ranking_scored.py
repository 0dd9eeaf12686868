#!/usr/bin/python3
"""Write a search-ranking test set scored outside Java, for modeltest-examples.

A synthetic search log (no public learning-to-rank data ships with Debian's python3-sklearn): 200 queries of 6 to
14 candidate documents, each with three features (text match, freshness, popularity) and a graded relevance 0..3
that depends on them with noise. A scikit-learn GradientBoostingRegressor (pointwise ranking: it predicts the
relevance) is fitted on the first 140 queries and scores the other 60, which are written to

  modeltest-examples/src/test/resources/ranking-scored.csv  (60 queries)

Columns: query_id (text, e.g. q141), doc_id, the three features, the true `relevance` and the model's `score`
rounded to 6 decimals. The script prints NDCG@10 (sklearn.metrics.ndcg_score per query, averaged) and MAP@10 as
modeltest defines it, the figures RankingScoredTest's gates sit under.

Run from anywhere (paths are resolved from this file):

  /usr/bin/python3 scripts/data/make_ranking_scored.py

The output is deterministic: rerunning it leaves the file byte-identical.
"""

from pathlib import Path

import numpy as np
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.metrics import ndcg_score

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "modeltest-examples" / "src" / "test" / "resources" / "ranking-scored.csv"


def make_log(rng, queries):
    rows = []
    for q in range(queries):
        size = int(rng.integers(6, 15))
        intent = rng.uniform(0.5, 1.5)
        for d in range(size):
            match = rng.uniform(0, 1)
            freshness = rng.uniform(0, 1)
            popularity = rng.exponential(1.0)
            signal = intent * (2.2 * match + 0.6 * freshness + 0.3 * np.log1p(popularity)) + rng.normal(0, 0.6)
            relevance = int(np.clip(np.floor(signal - 0.4), 0, 3))
            rows.append((f"q{q + 1}", f"d{q + 1}-{d + 1}", match, freshness, popularity, relevance))
    return rows


def ap_at_k(rel, score, k):
    relevant = sum(1 for x in rel if x > 0)
    if relevant == 0:
        return 0.0
    order = sorted(range(len(rel)), key=lambda i: (-score[i], rel[i] > 0))
    hits, total = 0, 0.0
    for rank, i in enumerate(order[:k], start=1):
        if rel[i] > 0:
            hits += 1
            total += hits / rank
    return total / min(k, relevant)


def main():
    rng = np.random.default_rng(20261206)
    rows = make_log(rng, 200)
    train = [r for r in rows if int(r[0][1:]) <= 140]
    test = [r for r in rows if int(r[0][1:]) > 140]
    x = lambda rs: np.array([[r[2], r[3], r[4]] for r in rs])
    y = lambda rs: np.array([r[5] for r in rs])
    model = GradientBoostingRegressor(n_estimators=100, max_depth=3, random_state=0).fit(x(train), y(train))
    scores = np.round(model.predict(x(test)), 6)
    with OUT.open("w") as f:
        f.write("query_id,doc_id,text_match,freshness,popularity,relevance,score\n")
        for r, s in zip(test, scores):
            f.write(f"{r[0]},{r[1]},{r[2]:.4f},{r[3]:.4f},{r[4]:.4f},{r[5]},{s!r}\n")
    by_query = {}
    for r, s in zip(test, scores):
        by_query.setdefault(r[0], ([], []))
        by_query[r[0]][0].append(float(r[5]))
        by_query[r[0]][1].append(float(s))
    ndcg = np.mean([ndcg_score([rel], [sc], k=10) for rel, sc in by_query.values()])
    mean_ap = np.mean([ap_at_k(rel, sc, 10) for rel, sc in by_query.values()])
    print(f"{OUT.name}: {len(test)} rows, {len(by_query)} queries; NDCG@10 {ndcg!r}, MAP@10 {mean_ap!r}")


if __name__ == "__main__":
    main()
