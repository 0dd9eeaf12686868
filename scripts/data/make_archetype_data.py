#!/usr/bin/python3
"""Write the scored test set and the reference data of the project the archetype generates.

Nothing here is real: a churn model's customers, its scores and whether they left are drawn with a fixed seed
(Python's own random module, so no package is needed), so that every gate of the generated project passes by
construction and the numbers stay put.

  modeltest-archetype/src/main/resources/archetype-resources/src/test/resources/scored.csv     (400 rows)
  modeltest-archetype/src/main/resources/archetype-resources/src/test/resources/reference.csv  (400 rows)

Columns:
  tenure_months    months as a customer, uniform 1..72
  monthly_charges  uniform 20..120, two decimals
  support_calls    support calls in the last quarter, 0..6 (geometric-like)
  sex              F or M, half each; nothing depends on it (the fairness gate's attribute)
  churned          yes / no: whether the customer left, the label
  predicted        the model's class (yes when p_yes >= 0.5); scored.csv only
  p_yes            the model's probability of "yes", the positive class; scored.csv only

P(churned = yes) = sigmoid(z), z = 2.4 - 0.18 tenure_months + 0.05 monthly_charges + 1.1 support_calls, and the
"model" scores exactly that probability: a calibrated model whose errors come from the label's own randomness.
reference.csv is the data the model was trained on (the same distributions, other draws), for the drift gate.

Run from anywhere (paths are resolved from this file):

  /usr/bin/python3 scripts/data/make_archetype_data.py

The output is deterministic: rerunning it leaves the files byte-identical.
"""

import math
import random
from pathlib import Path

OUT = (Path(__file__).resolve().parents[2]
       / "modeltest-archetype/src/main/resources/archetype-resources/src/test/resources")


def customers(rng, n):
    rows = []
    for _ in range(n):
        tenure = rng.randint(1, 72)
        charges = round(rng.uniform(20, 120), 2)
        calls = 0
        while calls < 6 and rng.random() < 0.45:
            calls += 1
        sex = "F" if rng.random() < 0.5 else "M"
        z = 2.4 - 0.18 * tenure + 0.05 * charges + 1.1 * calls
        p = 1 / (1 + math.exp(-z))
        churned = "yes" if rng.random() < p else "no"
        rows.append((tenure, charges, calls, sex, churned, p))
    return rows


def main():
    rng = random.Random(20261206)
    scored = customers(rng, 400)
    reference = customers(rng, 400)
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "scored.csv", "w", newline="\n") as f:
        f.write("tenure_months,monthly_charges,support_calls,sex,churned,predicted,p_yes\n")
        for tenure, charges, calls, sex, churned, p in scored:
            predicted = "yes" if p >= 0.5 else "no"
            f.write(f"{tenure},{charges:.2f},{calls},{sex},{churned},{predicted},{p:.6f}\n")
    with open(OUT / "reference.csv", "w", newline="\n") as f:
        f.write("tenure_months,monthly_charges,support_calls,sex,churned\n")
        for tenure, charges, calls, sex, churned, _ in reference:
            f.write(f"{tenure},{charges:.2f},{calls},{sex},{churned}\n")
    # What the gates will see, to choose thresholds with room to spare.
    n = len(scored)
    correct = sum((p >= 0.5) == (c == "yes") for _, _, _, _, c, p in scored)
    logloss = -sum(math.log(p if c == "yes" else 1 - p) for _, _, _, _, c, p in scored) / n
    pos = [p for *_, c, p in scored if c == "yes"]
    neg = [p for *_, c, p in scored if c == "no"]
    auc = sum((a > b) + 0.5 * (a == b) for a in pos for b in neg) / (len(pos) * len(neg))
    rate = {s: sum(r[5] >= 0.5 for r in scored if r[3] == s) / sum(r[3] == s for r in scored) for s in "FM"}
    print(f"accuracy {correct / n:.4f}, AUC {auc:.4f}, log loss {logloss:.4f}, positives {len(pos)}, "
          f"selection rate F {rate['F']:.4f} M {rate['M']:.4f}")


if __name__ == "__main__":
    main()
