package dev.modeltest.examples;

import dev.modeltest.model.Model;
import dev.modeltest.model.ModelProvider;
import dev.modeltest.model.Row;
import java.util.List;

/**
 * Two credit scorecards for the fairness example: a fair one, which scores applicants on their finances only, and a
 * deliberately biased one, which docks women's scores. Both approve (predict {@code repaid = yes}) when the predicted
 * probability of repayment is at least one half.
 *
 * <p>The score is the logistic model {@code scripts/data/make_credit.py} draws the labels of {@code credit.csv} from:
 * {@code z = -3.2 + 1.3·ln(income) - 3.0·debt_ratio + 0.08·years_at_job - 0.7·late_payments}, {@code P(repaid) =
 * 1 / (1 + e^-z)}. The biased scorecard subtracts 1.0 from {@code z} when {@code sex = F}, as a model fitted to
 * biased past decisions might.
 */
public final class CreditScoringModels {

    static final List<String> CLASSES = List.of("no", "yes");

    /** The financial features both scorecards read. */
    static final List<String> FINANCES = List.of("income", "debt_ratio", "years_at_job", "late_payments");

    /** How much the biased scorecard docks a woman's score (in log-odds). */
    static final double BIAS_AGAINST_WOMEN = 1.0;

    private CreditScoringModels() {}

    static double score(Row row) {
        return -3.2
                + 1.3 * Math.log(row.getDouble("income"))
                - 3.0 * row.getDouble("debt_ratio")
                + 0.08 * row.getDouble("years_at_job")
                - 0.7 * row.getDouble("late_payments");
    }

    private static void probabilities(double z, double[] p) {
        p[1] = 1 / (1 + Math.exp(-z));
        p[0] = 1 - p[1];
    }

    /** Scores applicants on their finances only. */
    public static final class Fair implements ModelProvider {
        @Override
        public Model load() {
            return Model.probabilisticClassifier(CLASSES, (row, p) -> probabilities(score(row), p));
        }
    }

    /** Scores applicants on their finances, and docks women's scores: needs the {@code sex} column too. */
    public static final class Biased implements ModelProvider {
        @Override
        public Model load() {
            return Model.probabilisticClassifier(
                    CLASSES,
                    (row, p) ->
                            probabilities(score(row) - ("F".equals(row.getString("sex")) ? BIAS_AGAINST_WOMEN : 0), p));
        }
    }
}
