#!/usr/bin/python3
"""Write a synthetic credit-scoring test set for the fairness example in modeltest-examples.

Nothing here is real: the applicants, their features and their repayments are
drawn from the distributions below with a fixed seed, so that the answer to
"is this model fair?" is known by construction.

  modeltest-examples/src/test/resources/credit.csv  (4000 rows)

Columns:
  income          yearly income in thousands, log-normal (median 38, larger with age)
  debt_ratio      monthly debt payments over monthly income, Beta(2, 5), in [0, 1]
  years_at_job    years with the current employer, exponential (mean grows with age), capped by age
  late_payments   late payments in the last two years, Poisson(0.6)
  sex             F or M (49.4% each) or X (24 rows: deliberately too small a group to judge)
  age_band        18-25, 26-40, 41-65, 66+ (18%, 42%, 32%, 8%)
  repaid          yes / no: whether the loan was repaid, the label

How `repaid` is drawn: P(repaid) = sigmoid(z) with

  z = -3.2 + 1.3 ln(income) - 3.0 debt_ratio + 0.08 years_at_job - 0.7 late_payments

The features and the label do not depend on sex at all, and depend on age only
through income and years at the job. So a model that scores z from the features
alone (the "fair" scorecard of CreditScoringModels.Fair in modeltest-examples,
which uses exactly these coefficients and approves when sigmoid(z) >= 0.5)
treats the sexes alike up to sampling noise, while the "biased" scorecard
(CreditScoringModels.Biased: the same z minus 1.0 for sex = F, as a model
trained on biased past decisions might learn) approves women less often at the
same risk. The script prints both models' approval rates and true-positive rates
per group, which CreditFairnessTest gates on.

Run from anywhere (paths are resolved from this file):

  /usr/bin/python3 scripts/data/make_credit.py

The output is deterministic: rerunning it leaves the file byte-identical.
"""

from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "modeltest-examples" / "src" / "test" / "resources" / "credit.csv"

SEED = 20240917
N = 4000
X_ROWS = 24
AGE_BANDS = ["18-25", "26-40", "41-65", "66+"]
AGE_P = [0.18, 0.42, 0.32, 0.08]
AGE_FROM = {"18-25": 18, "26-40": 26, "41-65": 41, "66+": 66}
AGE_TO = {"18-25": 25, "26-40": 40, "41-65": 65, "66+": 80}
# The coefficients of z, shared with CreditScoringModels in modeltest-examples.
INTERCEPT, B_INCOME, B_DEBT, B_YEARS, B_LATE = -3.2, 1.3, -3.0, 0.08, -0.7
BIAS_AGAINST_F = 1.0


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def score(income, debt_ratio, years_at_job, late_payments):
    return INTERCEPT + B_INCOME * np.log(income) + B_DEBT * debt_ratio + B_YEARS * years_at_job + B_LATE * late_payments


def main():
    rng = np.random.default_rng(SEED)
    sex = np.array(["X"] * X_ROWS + ["F", "M"] * ((N - X_ROWS) // 2))
    rng.shuffle(sex)
    age_band = rng.choice(AGE_BANDS, size=N, p=AGE_P)
    age = np.array([rng.integers(AGE_FROM[b], AGE_TO[b] + 1) for b in age_band])
    income = np.round(np.exp(rng.normal(np.log(30) + 0.008 * (age - 18), 0.45)), 1)
    debt_ratio = np.round(rng.beta(2, 5, N), 3)
    years_at_job = np.round(np.minimum(rng.exponential(1 + 0.15 * (age - 18)), age - 17), 1)
    late_payments = rng.poisson(0.6, N)
    # Draw the label from the features as written to the file, so Java sees the same z.
    z = score(income, debt_ratio, years_at_job, late_payments)
    repaid = np.where(rng.random(N) < sigmoid(z), "yes", "no")

    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("income,debt_ratio,years_at_job,late_payments,sex,age_band,repaid\n")
        for row in zip(income, debt_ratio, years_at_job, late_payments, sex, age_band, repaid):
            f.write(f"{row[0]:.1f},{row[1]:.3f},{row[2]:.1f},{row[3]},{row[4]},{row[5]},{row[6]}\n")

    fair = sigmoid(z) >= 0.5
    biased = sigmoid(z - BIAS_AGAINST_F * (sex == "F")) >= 0.5
    truth = repaid == "yes"
    print(f"{N} rows -> {OUT}; repaid {truth.mean():.4f}")
    for name, approved in (("fair", fair), ("biased", biased)):
        print(f"{name}: accuracy {np.mean(approved == truth):.4f}")
        for s in ["F", "M", "X"]:
            m = sex == s
            print(f"  sex {s}: n {m.sum()}, approval rate {approved[m].mean():.4f},"
                  f" TPR {approved[m & truth].mean():.4f}, FPR {approved[m & ~truth].mean():.4f},"
                  f" accuracy {np.mean(approved[m] == truth[m]):.4f}")
        for s in ["F", "M"]:
            for b in AGE_BANDS:
                m = (sex == s) & (age_band == b)
                print(f"  {s} x {b}: n {m.sum()}, approval rate {approved[m].mean():.4f},"
                      f" TPR {approved[m & truth].mean():.4f}, accuracy {np.mean(approved[m] == truth[m]):.4f}")


if __name__ == "__main__":
    main()
