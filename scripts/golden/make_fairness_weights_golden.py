#!/usr/bin/python3
"""Write golden values for modeltest's fairness checks on rows with sample weights.

Fairlearn is not packaged for Debian (nor installable here), so this script
re-implements Fairlearn's documented formulas with NumPy and scikit-learn's
metrics, as make_fairness_golden.py does for the unweighted checks. With
sample weights w (MetricFrame(..., sample_params={"sample_weight": w})),
following Fairlearn's source (fairlearn 0.10-0.13):

  * selection_rate(y_true, y_pred, pos_label, sample_weight=w)
        fairlearn/metrics/_selection_rate.py:
        dot(y_pred == pos_label, w) / sum(w)
  * true_positive_rate / false_positive_rate (sample_weight=w)
        fairlearn/metrics/_extra_metrics.py:
        sklearn.metrics.confusion_matrix(y_true, y_pred, labels=[neg, pos],
        sample_weight=w, normalize="true"), entries [1, 1] and [0, 1]:
        TPR = sum(w * yhat * y) / sum(w * y), FPR likewise over y = neg
  * accuracy, precision, recall, F1: scikit-learn's accuracy_score,
    precision_score, recall_score, f1_score with sample_weight=w (what a
    MetricFrame with that metric and the sample_weight sample parameter
    computes per group and overall)
  * demographic_parity_difference / _ratio, equalized_odds_difference,
    equal_opportunity_difference, group_min and difference(to_overall):
    the same aggregates of the weighted group values as without weights
        fairlearn/metrics/_fairness_metrics.py, _disaggregated_result.py

modeltest's own rules, as without weights: groups with fewer than
MIN_GROUP_SIZE (30) rows are not judged, where with weights a group's rows
are its rows of weight > 0 (a row of weight 0 is in no weighted figure; its
presence changes no Fairlearn value). The "overall" value of the to_overall
gap is computed on every row. Disparate impact is each judged group's
weighted selection rate over the privileged group's.

The weights are fractional (three decimals), about one row in eight weighs 0,
and they depend on the group and the outcome, so that weighted and unweighted
values differ visibly.

Writes, under modeltest-core/src/test/resources/golden/fairness/:
  fairness-weights-data.csv      sex (F, M, small X), age_band, y_true, y_pred
                                 (yes/no), p_yes (6 decimals), w (3 decimals)
  fairness-weights-expected.csv  attributes,decision,quantity,group,value

Run from anywhere (paths are resolved from this file):

  /usr/bin/python3 scripts/golden/make_fairness_weights_golden.py

The output is deterministic: rerunning it leaves the files byte-identical.
"""

import warnings
from pathlib import Path

import numpy as np
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, precision_score, recall_score

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "modeltest-core" / "src" / "test" / "resources" / "golden" / "fairness"

SEED = 20261206
POS, NEG = "yes", "no"
MIN_GROUP_SIZE = 30
SIZES = {"F": 430, "M": 560, "X": 24}  # X has fewer than 30 rows of positive weight: never judged
AGE_BANDS = ["18-25", "26-40", "41-65"]
AGE_P = [0.25, 0.45, 0.30]
CASES = [(["sex"], ["M"]), (["sex", "age_band"], ["M", "26-40"])]
DECISIONS = ["label", "0.4"]
METRICS = {
    # modeltest GroupMetric name -> scikit-learn / Fairlearn function with sample_weight
    "accuracy": lambda t, p, w: accuracy_score(t, p, sample_weight=w),
    "precision": lambda t, p, w: precision_score(t, p, pos_label=POS, sample_weight=w),
    "recall": lambda t, p, w: recall_score(t, p, pos_label=POS, sample_weight=w),
    "false_positive_rate": lambda t, p, w: rates(t, p, w)[1],
    "selection_rate": lambda t, p, w: selection_rate(p, w),
    "f1": lambda t, p, w: f1_score(t, p, pos_label=POS, sample_weight=w),
}


def selection_rate(y_pred, w):
    """fairlearn.metrics.selection_rate with pos_label=POS and sample_weight=w."""
    return float(np.dot(y_pred == POS, w) / np.sum(w))


def rates(y_true, y_pred, w):
    """Fairlearn's true_positive_rate and false_positive_rate with sample_weight=w."""
    cm = confusion_matrix(y_true, y_pred, labels=[NEG, POS], sample_weight=w, normalize="true")
    return float(cm[1, 1]), float(cm[0, 1])


def make_data(rng):
    sex = np.concatenate([np.full(n, s) for s, n in SIZES.items()])
    rng.shuffle(sex)
    n = len(sex)
    age = rng.choice(AGE_BANDS, size=n, p=AGE_P)
    base = np.where(sex == "F", 0.42, np.where(sex == "M", 0.55, 0.5)) + np.where(age == "18-25", -0.08, 0.0)
    y = rng.random(n) < base
    logit = -0.3 + 1.5 * y + np.where(sex == "M", 0.3, 0.0) + np.where(age == "41-65", 0.25, 0.0) + rng.normal(0, 1.2, n)
    p_yes = np.round(1 / (1 + np.exp(-logit)), 6)
    y_true = np.where(y, POS, NEG)
    y_pred = np.where(p_yes >= 0.5, POS, NEG)
    # Survey-like weights: log-normal, heavier for F rows predicted negative and for the young; 1 row in 8 weighs 0.
    scale = np.where((sex == "F") & (y_pred == NEG), 1.8, 1.0) * np.where(age == "18-25", 1.4, 1.0)
    w = np.round(scale * rng.lognormal(0.0, 0.6, n), 3)
    w[rng.random(n) < 0.125] = 0.0
    return sex, age, y_true, y_pred, p_yes, w


def groups_of(columns):
    keys = sorted(set(zip(*columns)))
    return [(key, np.all([c == v for c, v in zip(columns, key)], axis=0)) for key in keys]


def main():
    # A 0/0 rate is undefined in modeltest (the group is not judged): stop rather than write scikit-learn's 0.
    warnings.simplefilter("error")
    rng = np.random.default_rng(SEED)
    sex, age, y_true, y_pred, p_yes, w = make_data(rng)
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "fairness-weights-data.csv", "w", encoding="utf-8", newline="\n") as f:
        f.write("sex,age_band,y_true,y_pred,p_yes,w\n")
        for row in zip(sex, age, y_true, y_pred, p_yes, w):
            f.write(f"{row[0]},{row[1]},{row[2]},{row[3]},{row[4]:.6f},{row[5]:.3f}\n")
    # Read back the values as written, so that Java and this script see the same numbers.
    p_yes = np.array([float(f"{p:.6f}") for p in p_yes])
    w = np.array([float(f"{x:.3f}") for x in w])

    lines = ["attributes,decision,quantity,group,value"]
    for attributes, privileged in CASES:
        columns = [sex if a == "sex" else age for a in attributes]
        for decision in DECISIONS:
            pred = y_pred if decision == "label" else np.where(p_yes >= float(decision), POS, NEG)
            name = "+".join(attributes)
            per_group = {}
            for key, mask in groups_of(columns):
                label = " × ".join(key)
                weighs = mask & (w > 0)
                t, p, ww = y_true[weighs], pred[weighs], w[weighs]
                values = {"n": int(weighs.sum()), "weight": float(ww.sum())}
                if values["n"] >= MIN_GROUP_SIZE:
                    values["tpr"], values["fpr"] = rates(t, p, ww)
                    for metric, fn in METRICS.items():
                        values[metric] = float(fn(t, p, ww))
                per_group[key] = values
                for quantity, value in values.items():
                    lines.append(f"{name},{decision},{quantity},{label},{value!r}")
            judged = [k for k, v in per_group.items() if v["n"] >= MIN_GROUP_SIZE]
            assert len(judged) >= 2, judged

            def column(metric):
                return np.array([per_group[k][metric] for k in judged])

            sr, tpr, fpr = column("selection_rate"), column("tpr"), column("fpr")
            aggregates = {
                "demographic_parity_difference": sr.max() - sr.min(),
                "demographic_parity_ratio": sr.min() / sr.max(),
                "equalized_odds_difference": max(tpr.max() - tpr.min(), fpr.max() - fpr.min()),
                "equal_opportunity_difference": tpr.max() - tpr.min(),
            }
            for metric, fn in METRICS.items():
                overall = float(fn(y_true, pred, w))
                aggregates["group_min_" + metric] = column(metric).min()
                aggregates["gap_to_overall_" + metric] = np.abs(column(metric) - overall).max()
            reference = per_group[tuple(privileged)]["selection_rate"]
            ratios = []
            for k in judged:
                if k != tuple(privileged):
                    ratio = per_group[k]["selection_rate"] / reference
                    ratios.append(ratio)
                    lines.append(f"{name},{decision},impact_ratio,{' × '.join(k)},{ratio!r}")
            aggregates["disparate_impact_min"] = min(ratios)
            for quantity, value in aggregates.items():
                lines.append(f"{name},{decision},{quantity},*,{float(value)!r}")
    (OUT / "fairness-weights-expected.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    zero = int((w == 0).sum())
    print(f"{len(sex)} rows ({zero} of weight 0), {len(lines) - 1} expected values -> {OUT}")


if __name__ == "__main__":
    main()
