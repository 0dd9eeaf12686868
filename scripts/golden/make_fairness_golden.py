#!/usr/bin/python3
"""Write golden values for modeltest's fairness checks (dev.modeltest.fairness).

Fairlearn is not packaged for Debian, so this script implements Fairlearn's
definitions with NumPy (and scikit-learn's per-group metrics), following
Fairlearn's source (fairlearn 0.10-0.13):

  * selection_rate(y_true, y_pred, pos_label)   fairlearn/metrics/_selection_rate.py:
        mean(y_pred == pos_label)
  * true_positive_rate / false_positive_rate    fairlearn/metrics/_extra_metrics.py:
        sklearn.metrics.confusion_matrix(y_true, y_pred, labels=[neg, pos],
        normalize="true"), entries [1, 1] and [0, 1]
  * MetricFrame.difference(method="between_groups") = group_max - group_min,
    MetricFrame.ratio(method="between_groups")      = group_min / group_max,
    MetricFrame.difference(method="to_overall")     = max |by_group - overall|
        fairlearn/metrics/_disaggregated_result.py
  * demographic_parity_difference / _ratio = difference / ratio of selection_rate
  * equalized_odds_difference (agg="worst_case") = max(TPR difference, FPR difference)
  * equal_opportunity_difference               = TPR difference
        fairlearn/metrics/_fairness_metrics.py
  * several sensitive features: groups are the value combinations present
    (MetricFrame reindexes to the full product, and the empty combinations are
    NaN, which group_min/group_max skip).

modeltest adds one rule Fairlearn does not have: groups with fewer than
MIN_GROUP_SIZE (30) rows are not judged. The aggregates below are therefore
computed on the groups with at least 30 rows; the "overall" value of the
to_overall gap is computed on every row, as Fairlearn's `overall` is.
Disparate impact is each judged group's selection rate over the privileged
group's; the file gives every ratio and their minimum.

The p-values compare two proportions x1/n1 and x2/n2:
  * the pooled two-proportion z-test, two-sided, 2 * norm.sf(|z|), computed here;
  * Fisher's exact test, scipy.stats.fisher_exact([[x1, n1-x1], [x2, n2-x2]])
    (two-sided), and which one modeltest picks: Fisher when the smallest
    expected cell count (min row total * min column total / N) is below 5.

Writes, under modeltest-core/src/test/resources/golden/fairness/:
  fairness-data.csv      seeded data: sex (F, M, and a small group X), age_band,
                         y_true and y_pred (yes/no), p_yes (6 decimals)
  fairness-expected.csv  attributes,decision,quantity,group,value
  fairness-pvalues.csv   x1,n1,x2,n2,z_p,fisher_p,uses_fisher

Run from anywhere (paths are resolved from this file):

  /usr/bin/python3 scripts/golden/make_fairness_golden.py

The output is deterministic: rerunning it leaves the files byte-identical.
"""

import warnings
from pathlib import Path

import numpy as np
from scipy.stats import fisher_exact, norm
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, precision_score, recall_score

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "modeltest-core" / "src" / "test" / "resources" / "golden" / "fairness"

SEED = 20240611
POS, NEG = "yes", "no"
MIN_GROUP_SIZE = 30
SIZES = {"F": 520, "M": 650, "X": 18}  # X is deliberately too small to judge
AGE_BANDS = ["18-25", "26-40", "41-65"]
AGE_P = [0.2, 0.45, 0.35]
# (attributes, privileged group) cases; the privileged group as one value per attribute.
CASES = [(["sex"], ["M"]), (["sex", "age_band"], ["M", "26-40"])]
DECISIONS = ["label", "0.35"]  # the model's predicted label, or P(yes) >= 0.35
METRICS = {
    # modeltest GroupMetric name -> scikit-learn function (pos_label=POS)
    "accuracy": lambda t, p: accuracy_score(t, p),
    "precision": lambda t, p: precision_score(t, p, pos_label=POS),
    "recall": lambda t, p: recall_score(t, p, pos_label=POS),
    "false_positive_rate": lambda t, p: fpr(t, p),
    "selection_rate": lambda t, p: selection_rate(p),
    "f1": lambda t, p: f1_score(t, p, pos_label=POS),
}


def selection_rate(y_pred):
    """fairlearn.metrics.selection_rate with pos_label=POS."""
    return float(np.mean(y_pred == POS))


def rates(y_true, y_pred):
    """Fairlearn's true_positive_rate and false_positive_rate (confusion matrix normalised by true class)."""
    cm = confusion_matrix(y_true, y_pred, labels=[NEG, POS], normalize="true")
    return float(cm[1, 1]), float(cm[0, 1])


def tpr(y_true, y_pred):
    return rates(y_true, y_pred)[0]


def fpr(y_true, y_pred):
    return rates(y_true, y_pred)[1]


def make_data(rng):
    sex = np.concatenate([np.full(n, s) for s, n in SIZES.items()])
    rng.shuffle(sex)
    n = len(sex)
    age = rng.choice(AGE_BANDS, size=n, p=AGE_P)
    # Base rates differ by group so that every aggregate is non-trivial.
    base = np.where(sex == "F", 0.45, np.where(sex == "M", 0.55, 0.5)) + np.where(age == "18-25", -0.1, 0.0)
    y = rng.random(n) < base
    # A noisy score that favours M a little: selection rates, TPR and FPR all differ by group.
    logit = -0.4 + 1.6 * y + np.where(sex == "M", 0.35, 0.0) + np.where(age == "41-65", 0.2, 0.0) + rng.normal(0, 1.1, n)
    p_yes = np.round(1 / (1 + np.exp(-logit)), 6)
    y_true = np.where(y, POS, NEG)
    y_pred = np.where(p_yes >= 0.5, POS, NEG)
    return sex, age, y_true, y_pred, p_yes


def groups_of(columns):
    """The value combinations present, in modeltest's order (sorted attribute by attribute)."""
    keys = sorted(set(zip(*columns)))
    return [(key, np.all([c == v for c, v in zip(columns, key)], axis=0)) for key in keys]


def main():
    # scikit-learn returns 0 with an UndefinedMetricWarning where a metric is 0/0; modeltest reports such a group as
    # not judged instead. Stop rather than write such a 0 as a golden value.
    warnings.simplefilter("error")
    rng = np.random.default_rng(SEED)
    sex, age, y_true, y_pred, p_yes = make_data(rng)
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "fairness-data.csv", "w", encoding="utf-8", newline="\n") as f:
        f.write("sex,age_band,y_true,y_pred,p_yes\n")
        for row in zip(sex, age, y_true, y_pred, p_yes):
            f.write(f"{row[0]},{row[1]},{row[2]},{row[3]},{row[4]:.6f}\n")
    # Read the scores back as written, so that thresholds see exactly what Java reads.
    p_yes = np.array([float(f"{p:.6f}") for p in p_yes])

    lines = ["attributes,decision,quantity,group,value"]
    pairs = []
    for attributes, privileged in CASES:
        columns = [sex if a == "sex" else age for a in attributes]
        for decision in DECISIONS:
            pred = y_pred if decision == "label" else np.where(p_yes >= float(decision), POS, NEG)
            name = "+".join(attributes)
            per_group = {}
            for key, mask in groups_of(columns):
                label = " × ".join(key)
                t, p = y_true[mask], pred[mask]
                values = {"n": int(mask.sum())}
                values["tpr"], values["fpr"] = rates(t, p)
                for metric, fn in METRICS.items():
                    values[metric] = float(fn(t, p))
                per_group[key] = values
                for quantity, value in values.items():
                    lines.append(f"{name},{decision},{quantity},{label},{value!r}")
            judged = [k for k, v in per_group.items() if v["n"] >= MIN_GROUP_SIZE]
            assert len(judged) >= 2, judged

            def column(metric):
                return np.array([per_group[k][metric] for k in judged])

            sr, tp_, fp_ = column("selection_rate"), column("tpr"), column("fpr")
            aggregates = {
                "demographic_parity_difference": sr.max() - sr.min(),
                "demographic_parity_ratio": sr.min() / sr.max(),
                "equalized_odds_difference": max(tp_.max() - tp_.min(), fp_.max() - fp_.min()),
                "equal_opportunity_difference": tp_.max() - tp_.min(),
            }
            for metric, fn in METRICS.items():
                overall = float(fn(y_true, pred))
                aggregates["group_min_" + metric] = column(metric).min()
                aggregates["gap_to_overall_" + metric] = np.abs(column(metric) - overall).max()
            reference = per_group[tuple(privileged)]
            ratios = []
            for k in judged:
                if k != tuple(privileged):
                    ratio = per_group[k]["selection_rate"] / reference["selection_rate"]
                    ratios.append(ratio)
                    lines.append(f"{name},{decision},impact_ratio,{' × '.join(k)},{ratio!r}")
                    m_g, m_p = tuple(k), tuple(privileged)
                    pairs.append(counts(columns, pred, m_g) + counts(columns, pred, m_p))
            aggregates["disparate_impact_min"] = min(ratios)
            for quantity, value in aggregates.items():
                lines.append(f"{name},{decision},{quantity},*,{float(value)!r}")
    (OUT / "fairness-expected.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")

    # Fixed edge cases for the tests, then the group-vs-privileged comparisons of the data above.
    fixed = [
        (0, 10, 5, 10),
        (1, 12, 6, 15),
        (3, 40, 12, 45),
        (2, 200, 9, 180),
        (45, 100, 60, 100),
        (120, 400, 150, 410),
        (30, 31, 20, 31),
        (0, 50, 0, 60),
        (50, 50, 40, 60),
        (7, 7, 0, 9),
        (250, 1000, 400, 1000),
        (5000, 20000, 5600, 21000),
    ]
    rows = ["x1,n1,x2,n2,z_p,fisher_p,uses_fisher"]
    for x1, n1, x2, n2 in fixed + pairs:
        rows.append(f"{x1},{n1},{x2},{n2},{z_test(x1, n1, x2, n2)!r},{fisher(x1, n1, x2, n2)!r},"
                    f"{str(uses_fisher(x1, n1, x2, n2)).lower()}")
    (OUT / "fairness-pvalues.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(sex)} rows, {len(lines) - 1} expected values, {len(rows) - 1} p-value cases -> {OUT}")


def counts(columns, pred, key):
    mask = np.all([c == v for c, v in zip(columns, key)], axis=0)
    return (int((pred[mask] == POS).sum()), int(mask.sum()))


def z_test(x1, n1, x2, n2):
    """Pooled two-proportion z-test, two-sided (statsmodels' proportions_ztest; statsmodels isn't packaged)."""
    pooled = (x1 + x2) / (n1 + n2)
    variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2)
    if variance == 0:
        return 1.0
    z = (x1 / n1 - x2 / n2) / np.sqrt(variance)
    return float(2 * norm.sf(abs(z)))


def fisher(x1, n1, x2, n2):
    return float(fisher_exact([[x1, n1 - x1], [x2, n2 - x2]])[1])


def uses_fisher(x1, n1, x2, n2):
    total = n1 + n2
    successes = x1 + x2
    return min(n1, n2) * min(successes, total - successes) / total < 5


if __name__ == "__main__":
    main()
