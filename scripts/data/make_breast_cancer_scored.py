#!/usr/bin/python3
"""Write breast-cancer predictions scored outside Java, for modeltest-examples.

Loads the Wisconsin diagnostic breast cancer data shipped in Debian's
python3-sklearn package, splits it (stratified on the integer target, test_size=0.25,
random_state=42), fits StandardScaler + LogisticRegression on the training
part on all 30 features (labels as text), scores the test part and writes:

  modeltest-examples/src/test/resources/breast-cancer-scored.csv  (143 rows)

Columns: five readable features (mean_radius, mean_texture, mean_perimeter,
mean_area, mean_smoothness), the true `diagnosis` (malignant/benign), the
predicted label `predicted` and `p_malignant`, the predicted probability of
malignant rounded to 6 decimals.

Run from anywhere (paths are resolved from this file):

  /usr/bin/python3 scripts/data/make_breast_cancer_scored.py

The output is deterministic: rerunning it leaves the file byte-identical.
"""

from pathlib import Path

import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "modeltest-examples" / "src" / "test" / "resources" / "breast-cancer-scored.csv"

FEATURES = ["mean radius", "mean texture", "mean perimeter", "mean area", "mean smoothness"]
POSITIVE = "malignant"


def snake(name):
    return name.replace(" ", "_")


def main():
    data = load_breast_cancer()
    names = [str(n) for n in data.target_names]
    # In the source, 0 = malignant and 1 = benign; go through the names so the
    # integer coding cannot leak into the CSV.
    assert names == ["malignant", "benign"], names
    labels = np.array([names[code] for code in data.target])
    X = data.data

    # Stratify on the source's integer target, as `load_breast_cancer(return_X_y=True)`
    # code does: stratifying on the text labels instead orders the classes
    # differently and picks a different test set (only 39 of 143 rows in common).
    X_train, X_test, y_train, y_test = train_test_split(
        X, labels, test_size=0.25, stratify=data.target, random_state=42
    )
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000, random_state=0))
    model.fit(X_train, y_train)

    # Text labels sort to [benign, malignant]: look the column up, don't assume it.
    classes = [str(c) for c in model.classes_]
    p_malignant = model.predict_proba(X_test)[:, classes.index(POSITIVE)]
    predicted = model.predict(X_test)

    columns = [list(data.feature_names).index(f) for f in FEATURES]
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(",".join([snake(c) for c in FEATURES] + ["diagnosis", "predicted", "p_malignant"]) + "\n")
        for row, truth, pred, p in zip(X_test, y_test, predicted, p_malignant):
            # repr() is the shortest text that round-trips, i.e. the source's digits.
            values = [repr(float(row[i])) for i in columns]
            f.write(",".join(values + [str(truth), str(pred), f"{p:.6f}"]) + "\n")

    accuracy = accuracy_score(y_test, predicted)
    # Sanity: the written label must be what thresholding the written probability gives.
    assert all((p > 0.5) == (pred == POSITIVE) for p, pred in zip(p_malignant, predicted))
    counts = {c: int((y_test == c).sum()) for c in classes}
    print(f"breast cancer: {len(y_train)} train rows, {len(y_test)} scored test rows {counts} -> {OUT}")
    print(f"test accuracy: {accuracy:.6f} ({int(round(accuracy * len(y_test)))}/{len(y_test)})")


if __name__ == "__main__":
    main()
