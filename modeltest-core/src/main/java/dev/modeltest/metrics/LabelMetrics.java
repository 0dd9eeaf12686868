package dev.modeltest.metrics;

/**
 * The label metrics computed from confusion counts, following scikit-learn 1.2's code step by step (the same
 * operations in the same order, so results agree to the last bit or two).
 */
final class LabelMetrics {

    private LabelMetrics() {}

    /** Computes a metric of the {@link Kernel.Kind#LABELS} family from the confusion counts. */
    static double value(Metric metric, long[] counts, int k, Resolved resolved) {
        double[] cells = new double[counts.length];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = counts[i];
        }
        return value(metric, cells, presence(counts, k), k, resolved);
    }

    /**
     * Computes a metric of the {@link Kernel.Kind#LABELS} family from weighted confusion counts (each row counted by
     * its sample weight, as scikit-learn's {@code confusion_matrix(sample_weight=...)}) and the classes present among
     * the rows' true or predicted labels whatever their weight (scikit-learn's {@code labels=None} is {@code
     * unique_labels(y_true, y_pred)}, which does not look at the weights).
     */
    static double value(Metric metric, double[] counts, boolean[] present, int k, Resolved resolved) {
        LabelFormula formula = (LabelFormula) metric.formula();
        return switch (formula) {
            case ACCURACY -> accuracy(counts, k);
            case BALANCED_ACCURACY -> balancedAccuracy(counts, k, false);
            case ADJUSTED_BALANCED_ACCURACY -> balancedAccuracy(counts, k, true);
            case PRECISION, RECALL, F1, F_BETA, JACCARD -> setWise(formula, counts, present, k, resolved);
            case ZERO_ONE_LOSS, HAMMING_LOSS -> errorRate(counts, k);
            case MATTHEWS -> matthews(counts, k);
            case COHEN_KAPPA -> kappa(counts, k);
            case COHEN_KAPPA_LINEAR -> weightedKappa(counts, present, k, 1);
            case COHEN_KAPPA_QUADRATIC -> weightedKappa(counts, present, k, 2);
        };
    }

    /** Returns {successes, trials} when the metric is a plain proportion under these options, else null. */
    static long[] proportion(Metric metric, long[] counts, int k, Resolved resolved) {
        if (metric == Metric.ACCURACY
                || (resolved.average == Averaging.MICRO && (metric == Metric.PRECISION || metric == Metric.RECALL))) {
            // Micro precision and recall pool tp over all present classes: both equal accuracy's correct / n.
            return new long[] {trace(counts, k), total(counts)};
        }
        if (metric == Metric.ZERO_ONE_LOSS || metric == Metric.HAMMING_LOSS) {
            long n = total(counts);
            return new long[] {n - trace(counts, k), n};
        }
        if (resolved.average == Averaging.BINARY && (metric == Metric.PRECISION || metric == Metric.RECALL)) {
            int c = resolved.positive;
            long tp = counts[c * k + c];
            long trials = metric == Metric.PRECISION ? columnSum(counts, k, c) : rowSum(counts, k, c);
            return new long[] {tp, trials};
        }
        return null;
    }

    static long total(long[] counts) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    static long trace(long[] counts, int k) {
        long t = 0;
        for (int c = 0; c < k; c++) {
            t += counts[c * k + c];
        }
        return t;
    }

    static long rowSum(long[] counts, int k, int row) {
        long s = 0;
        for (int c = 0; c < k; c++) {
            s += counts[row * k + c];
        }
        return s;
    }

    /** Whether each class occurs among the true or predicted labels of the counted rows. */
    static boolean[] presence(long[] counts, int k) {
        boolean[] out = new boolean[k];
        for (int c = 0; c < k; c++) {
            out[c] = present(counts, k, c);
        }
        return out;
    }

    static double total(double[] counts) {
        double n = 0;
        for (double c : counts) {
            n += c;
        }
        return n;
    }

    static double trace(double[] counts, int k) {
        double t = 0;
        for (int c = 0; c < k; c++) {
            t += counts[c * k + c];
        }
        return t;
    }

    static double rowSum(double[] counts, int k, int row) {
        double s = 0;
        for (int c = 0; c < k; c++) {
            s += counts[row * k + c];
        }
        return s;
    }

    static double columnSum(double[] counts, int k, int column) {
        double s = 0;
        for (int r = 0; r < k; r++) {
            s += counts[r * k + column];
        }
        return s;
    }

    static long columnSum(long[] counts, int k, int column) {
        long s = 0;
        for (int r = 0; r < k; r++) {
            s += counts[r * k + column];
        }
        return s;
    }

    private static double accuracy(double[] counts, int k) {
        double n = total(counts);
        return n == 0 ? Double.NaN : (double) trace(counts, k) / n;
    }

    /** The fraction of rows predicted wrongly, {@code zero_one_loss} and (one label per row) {@code hamming_loss}. */
    private static double errorRate(double[] counts, int k) {
        double n = total(counts);
        return n == 0 ? Double.NaN : (double) (n - trace(counts, k)) / n;
    }

    /**
     * {@code balanced_accuracy_score}: mean of diag / row sum over classes with true rows; {@code adjusted}: {@code
     * (score − 1/m) / (1 − 1/m)} over those {@code m} classes, NaN for {@code m = 1} (scikit-learn's 0 division).
     */
    private static double balancedAccuracy(double[] counts, int k, boolean adjusted) {
        double sum = 0;
        int classes = 0;
        for (int c = 0; c < k; c++) {
            double support = rowSum(counts, k, c);
            if (support > 0) {
                sum += (double) counts[c * k + c] / support;
                classes++;
            }
        }
        if (classes == 0 || (adjusted && classes == 1)) {
            return Double.NaN;
        }
        double score = sum / classes;
        if (adjusted) {
            // scikit-learn: chance = 1 / n_classes; score -= chance; score /= 1 - chance.
            double chance = 1.0 / classes;
            score -= chance;
            score /= 1 - chance;
        }
        return score;
    }

    /**
     * {@code precision_recall_fscore_support} (and {@code jaccard_score}, averaged the same way) with {@code
     * zero_division} as {@link Resolved#zeroDivision}: {@link ZeroDivision#ZERO} is {@code "warn"} (0), {@link
     * ZeroDivision#ONE} is 1, both as scikit-learn 1.2.1 computes them; {@link ZeroDivision#NAN} as scikit-learn 1.3
     * and later define {@code np.nan}: a 0/0 class is NaN and left out of the macro and weighted averages ({@code
     * _nanaverage}), which are NaN only when every class is.
     */
    private static double setWise(LabelFormula formula, double[] counts, boolean[] present, int k, Resolved resolved) {
        if (total(counts) == 0) {
            return Double.NaN;
        }
        Averaging average = resolved.average;
        ZeroDivision zero = resolved.zeroDivision;
        if (average == Averaging.BINARY) {
            int c = resolved.positive;
            return perClass(
                    formula, counts[c * k + c], columnSum(counts, k, c), rowSum(counts, k, c), resolved.beta, zero);
        }
        if (average == Averaging.MICRO) {
            double tp = 0;
            double predicted = 0;
            double actual = 0;
            for (int c = 0; c < k; c++) {
                if (present[c]) {
                    tp += counts[c * k + c];
                    predicted += columnSum(counts, k, c);
                    actual += rowSum(counts, k, c);
                }
            }
            return perClass(formula, tp, predicted, actual, resolved.beta, zero);
        }
        // MACRO and WEIGHTED: over the labels present in y_true or y_pred (scikit-learn's labels=None).
        double sum = 0;
        double weightedSum = 0;
        double weights = 0;
        int classes = 0;
        for (int c = 0; c < k; c++) {
            if (!present[c]) {
                continue;
            }
            double support = rowSum(counts, k, c);
            double v = perClass(formula, counts[c * k + c], columnSum(counts, k, c), support, resolved.beta, zero);
            if (Double.isNaN(v)) {
                // ZeroDivision.NAN: left out of the average, as scikit-learn's _nanaverage does.
                continue;
            }
            sum += v;
            weightedSum += v * support;
            weights += support;
            classes++;
        }
        if (classes == 0) {
            return Double.NaN;
        }
        if (average == Averaging.WEIGHTED) {
            if (weights == 0) {
                // _nanaverage falls back to the plain mean when the weights left are all 0; with "warn", 0 and 1 the
                // weights cannot all be 0 on rows.
                return zero == ZeroDivision.NAN ? sum / classes : 0.0;
            }
            return weightedSum / weights;
        }
        return sum / classes;
    }

    /** Whether class {@code c} occurs among the true or predicted labels of the counted rows. */
    static boolean present(long[] counts, int k, int c) {
        return rowSum(counts, k, c) > 0 || columnSum(counts, k, c) > 0;
    }

    private static double perClass(
            LabelFormula formula, double tp, double predicted, double actual, double beta, ZeroDivision zero) {
        if (zero == ZeroDivision.NAN) {
            boolean undefined = switch (formula) {
                case PRECISION -> predicted == 0;
                case RECALL -> actual == 0;
                // tp / (tp + fp + fn) and (1 + β²)·tp / (β²·(tp + fn) + tp + fp), scikit-learn 1.4's form of
                // F: 0/0 only for a class neither true nor predicted. Elsewhere a 0/0 precision or recall has
                // tp = 0, and F is 0 as with ZERO.
                case F1, F_BETA, JACCARD -> predicted == 0 && actual == 0;
                case ACCURACY,
                        BALANCED_ACCURACY,
                        ADJUSTED_BALANCED_ACCURACY,
                        ZERO_ONE_LOSS,
                        HAMMING_LOSS,
                        MATTHEWS,
                        COHEN_KAPPA,
                        COHEN_KAPPA_LINEAR,
                        COHEN_KAPPA_QUADRATIC -> false;
            };
            if (undefined) {
                return Double.NaN;
            }
            zero = ZeroDivision.ZERO;
        }
        double zeroByZero = zero == ZeroDivision.ONE ? 1.0 : 0.0;
        double precision = predicted == 0 ? zeroByZero : (double) tp / predicted;
        double recall = actual == 0 ? zeroByZero : (double) tp / actual;
        return switch (formula) {
            case PRECISION -> precision;
            case RECALL -> recall;
            case F1 -> {
                double denominator = precision + recall;
                yield denominator == 0.0 ? 0.0 : 2 * precision * recall / denominator;
            }
            case F_BETA -> {
                // scikit-learn: denom = beta2 * precision + recall, set to 1 where 0; (1 + beta2) * P * R / denom.
                double beta2 = beta * beta;
                double denominator = beta2 * precision + recall;
                yield (1 + beta2) * precision * recall / (denominator == 0.0 ? 1 : denominator);
            }
            case JACCARD -> {
                // scikit-learn: tp / (tp + fp + fn) as tp / (pred + true - tp), zero_division where the denominator is
                // 0.
                double union = predicted + actual - tp;
                yield union == 0 ? zeroByZero : (double) tp / union;
            }
            case ACCURACY,
                    BALANCED_ACCURACY,
                    ADJUSTED_BALANCED_ACCURACY,
                    ZERO_ONE_LOSS,
                    HAMMING_LOSS,
                    MATTHEWS,
                    COHEN_KAPPA,
                    COHEN_KAPPA_LINEAR,
                    COHEN_KAPPA_QUADRATIC -> throw new IllegalArgumentException(formula + " has no per-class form");
        };
    }

    /**
     * Why a set-wise metric of one class is 0/0 under {@link ZeroDivision#NAN}, in words for messages ({@code no row is
     * predicted as class 'b' (0 predicted, so precision is 0/0) and 'zeroDivision' is NAN}), or {@code null} when it
     * is not.
     */
    static String zeroDivisionReason(Metric metric, String label, long predicted, long actual) {
        String tail = " and 'zeroDivision' is NAN";
        return switch ((LabelFormula) metric.formula()) {
            case PRECISION ->
                predicted == 0
                        ? "no row is predicted as class '" + label + "' (0 predicted, so precision is 0/0)" + tail
                        : null;
            case RECALL -> actual == 0 ? "no row is of class '" + label + "' (0 true, so recall is 0/0)" + tail : null;
            case F1, F_BETA, JACCARD ->
                predicted == 0 && actual == 0
                        ? "no row is of or predicted as class '" + label + "' (0 true and 0 predicted, so "
                                + metric.displayName() + " is 0/0)" + tail
                        : null;
            case ACCURACY,
                    BALANCED_ACCURACY,
                    ADJUSTED_BALANCED_ACCURACY,
                    ZERO_ONE_LOSS,
                    HAMMING_LOSS,
                    MATTHEWS,
                    COHEN_KAPPA,
                    COHEN_KAPPA_LINEAR,
                    COHEN_KAPPA_QUADRATIC -> null;
        };
    }

    /** {@code matthews_corrcoef}: the multiclass form on float64 sums, 0 when a variance is 0. */
    private static double matthews(double[] counts, int k) {
        double samples = total(counts);
        if (samples == 0) {
            return Double.NaN;
        }
        double correct = trace(counts, k);
        double tp = 0;
        double pp = 0;
        double tt = 0;
        for (int c = 0; c < k; c++) {
            double t = rowSum(counts, k, c);
            double p = columnSum(counts, k, c);
            tp += t * p;
            pp += p * p;
            tt += t * t;
        }
        double covYtYp = correct * samples - tp;
        double covYpYp = samples * samples - pp;
        double covYtYt = samples * samples - tt;
        if (covYpYp * covYtYt == 0) {
            return 0.0;
        }
        return covYtYp / Math.sqrt(covYtYt * covYpYp);
    }

    /** {@code cohen_kappa_score} without weights: 1 − observed / expected disagreement; NaN for 0/0. */
    private static double kappa(double[] counts, int k) {
        double n = total(counts);
        if (n == 0) {
            return Double.NaN;
        }
        double[] predictedTotals = new double[k];
        double[] actualTotals = new double[k];
        for (int c = 0; c < k; c++) {
            predictedTotals[c] = columnSum(counts, k, c);
            actualTotals[c] = rowSum(counts, k, c);
        }
        double observed = 0;
        double expected = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (i != j) {
                    // confusion[i][j] with i the first rater (y_true); expected = outer(sum0, sum1) / n, where sum0 is
                    // the column sums (predicted) and sum1 the row sums (true).
                    observed += counts[i * k + j];
                    expected += predictedTotals[i] * actualTotals[j] / n;
                }
            }
        }
        return 1 - observed / expected;
    }

    /**
     * {@code cohen_kappa_score(weights='linear')} ({@code power} 1) or {@code 'quadratic'} (2): {@code 1 − Σ w·C / Σ
     * w·E} with {@code w_ij = |i − j|^power} over the classes present in the true or predicted labels (scikit-learn's
     * {@code labels=None}), {@code i} and {@code j} their positions among those; NaN for 0/0.
     */
    private static double weightedKappa(double[] counts, boolean[] present, int k, int power) {
        double n = total(counts);
        if (n == 0) {
            return Double.NaN;
        }
        int[] classes = new int[k];
        int m = 0;
        for (int c = 0; c < k; c++) {
            if (present[c]) {
                classes[m++] = c;
            }
        }
        double[] predictedTotals = new double[m];
        double[] actualTotals = new double[m];
        for (int i = 0; i < m; i++) {
            predictedTotals[i] = columnSum(counts, k, classes[i]);
            actualTotals[i] = rowSum(counts, k, classes[i]);
        }
        double observed = 0;
        double expected = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                long distance = Math.abs(i - j);
                long w = power == 1 ? distance : distance * distance;
                // As kappa(): confusion[i][j] with i the true class; expected = outer(sum0, sum1) / n.
                observed += w * counts[classes[i] * k + classes[j]];
                expected += w * (predictedTotals[i] * actualTotals[j] / n);
            }
        }
        return 1 - observed / expected;
    }
}
