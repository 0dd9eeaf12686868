#!/usr/bin/python3
"""Golden values for the per-class table and confusion matrix that reports attach to classification checks.

Writes, under modeltest-core/src/test/resources/golden/report/:
  classification-labels.csv     actual,predicted: 240 seeded labels over four classes
  classification-confusion.csv  sklearn.metrics.confusion_matrix(actual, predicted, labels=classes)
  classification-per-class.csv  sklearn.metrics.precision_recall_fscore_support(..., labels=classes, average=None,
                                zero_division=0) with the support and the predicted count per class

The labels are built so that the edge cases occur: "cat" is never predicted (precision 0/0), "dog" never occurs in
the data (recall 0/0) but is predicted, so its precision is 0.
Read by dev.modeltest.report.ClassificationTableGoldenTest.
"""
import csv
import pathlib

import numpy as np
from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

OUT = pathlib.Path(__file__).resolve().parents[2] / "modeltest-core/src/test/resources/golden/report"
CLASSES = ["ant", "bee", "cat", "dog"]


def main():
    rng = np.random.default_rng(20261127)
    n = 240
    actual = rng.integers(0, 3, n)  # ant, bee, cat: dog never occurs
    predicted = actual.copy()
    wrong = rng.random(n) < 0.3
    predicted[wrong] = rng.choice([0, 1, 3], wrong.sum())  # never cat, sometimes dog
    predicted[actual == 2] = np.where(rng.random((actual == 2).sum()) < 0.5, 0, 1)
    labels_true = [CLASSES[i] for i in actual]
    labels_pred = [CLASSES[i] for i in predicted]

    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "classification-labels.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["actual", "predicted"])
        w.writerows(zip(labels_true, labels_pred))

    matrix = confusion_matrix(labels_true, labels_pred, labels=CLASSES)
    with open(OUT / "classification-confusion.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["actual"] + CLASSES)
        for name, row in zip(CLASSES, matrix):
            w.writerow([name] + [int(v) for v in row])

    precision, recall, f1, support = precision_recall_fscore_support(
        labels_true, labels_pred, labels=CLASSES, average=None, zero_division=0)
    predicted_count = matrix.sum(axis=0)
    with open(OUT / "classification-per-class.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["class", "support", "predicted", "correct", "precision", "recall", "f1"])
        for i, name in enumerate(CLASSES):
            w.writerow([name, int(support[i]), int(predicted_count[i]), int(matrix[i][i]),
                        repr(float(precision[i])), repr(float(recall[i])), repr(float(f1[i]))])
    print("wrote", OUT)


if __name__ == "__main__":
    main()
