package dev.modeltest.fairness;

import dev.modeltest.check.Format;
import dev.modeltest.check.IntervalPolicy;
import dev.modeltest.error.ConfigurationException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What every fairness check shares: which columns form the groups, what counts as a positive decision, how small a
 * group may be and still be judged, and how the bootstrap interval is made.
 *
 * @param attributes the sensitive attribute column(s); with several, the groups are the combinations of their values
 *     that occur in the data (intersectional groups, e.g. sex × age band)
 * @param positiveLabel the positive ("selected", "favourable") class; empty means the second class in sorted order,
 *     scikit-learn's binary {@code pos_label} convention ({@code 1} of {@code 0/1}, {@code yes} of {@code no/yes}), so
 *     name it when the favourable outcome sorts first
 * @param threshold {@code NaN} (the default) to take the model's predicted label as the decision; otherwise ŷ is
 *     positive when the predicted probability of the positive class is at least this value, in [0, 1]
 * @param minGroupSize groups with fewer rows (with sample weights: rows of weight &gt; 0) are listed as too small and
 *     never judged; at least 1
 * @param confidence 0 to decide on the point value (a 95% interval is still reported); otherwise the level, in
 *     (0, 1), of the bootstrap interval the check is decided on
 * @param seed the seed of the bootstrap; the same seed gives the same interval, bit for bit
 * @param resamples the number of bootstrap resamples, in [100, 1000000]
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record FairnessOptions(
        List<String> attributes,
        String positiveLabel,
        double threshold,
        int minGroupSize,
        double confidence,
        long seed,
        int resamples) {

    /** Groups with fewer rows than this are too small to judge, unless configured otherwise. */
    public static final int DEFAULT_MIN_GROUP_SIZE = IntervalPolicy.MIN_SUBSET_SIZE;

    /** The bootstrap seed used unless configured otherwise. */
    public static final long DEFAULT_SEED = IntervalPolicy.SEED;

    /** The number of bootstrap resamples used unless configured otherwise. */
    public static final int DEFAULT_RESAMPLES = IntervalPolicy.RESAMPLES;

    /** The fewest bootstrap resamples allowed: fewer leave the tails of a 95% interval to a handful of values. */
    public static final int MIN_RESAMPLES = IntervalPolicy.MIN_RESAMPLES;

    /** The most bootstrap resamples allowed. */
    public static final int MAX_RESAMPLES = IntervalPolicy.MAX_RESAMPLES;

    public FairnessOptions {
        attributes = List.copyOf(attributes);
        Objects.requireNonNull(positiveLabel, "positiveLabel");
    }

    /** Returns the defaults for the given attribute column(s). */
    public static FairnessOptions of(String... attributes) {
        return new FairnessOptions(
                List.of(attributes),
                "",
                Double.NaN,
                DEFAULT_MIN_GROUP_SIZE,
                IntervalPolicy.CONFIDENCE,
                DEFAULT_SEED,
                DEFAULT_RESAMPLES);
    }

    /** Returns a copy with another positive label. */
    public FairnessOptions withPositiveLabel(String label) {
        return new FairnessOptions(attributes, label, threshold, minGroupSize, confidence, seed, resamples);
    }

    /** Returns a copy that decides on the positive-class probability with this threshold. */
    public FairnessOptions withThreshold(double value) {
        return new FairnessOptions(attributes, positiveLabel, value, minGroupSize, confidence, seed, resamples);
    }

    /** Returns a copy with another minimum group size. */
    public FairnessOptions withMinGroupSize(int size) {
        return new FairnessOptions(attributes, positiveLabel, threshold, size, confidence, seed, resamples);
    }

    /** Returns a copy that decides on the bootstrap interval at this level (0: on the point estimate). */
    public FairnessOptions withConfidence(double level) {
        return new FairnessOptions(attributes, positiveLabel, threshold, minGroupSize, level, seed, resamples);
    }

    /** Returns a copy with another bootstrap seed. */
    public FairnessOptions withSeed(long value) {
        return new FairnessOptions(attributes, positiveLabel, threshold, minGroupSize, confidence, value, resamples);
    }

    /** Returns a copy with another number of bootstrap resamples. */
    public FairnessOptions withResamples(int count) {
        return new FairnessOptions(attributes, positiveLabel, threshold, minGroupSize, confidence, seed, count);
    }

    /** Returns whether the check is decided on the interval rather than on the point estimate. */
    boolean decidesOnInterval() {
        return confidence > 0;
    }

    /** Returns the level of the reported interval. */
    double intervalLevel() {
        return IntervalPolicy.reportedLevel(confidence);
    }

    /** Returns whether the decision is a threshold on the positive-class probability. */
    boolean usesThreshold() {
        return !Double.isNaN(threshold);
    }

    /** Returns the attributes as written in an annotation, e.g. {@code {sex, age_band}}. */
    String attributesAsWritten() {
        return "{" + String.join(", ", attributes) + "}";
    }

    /** Returns the attributes as a group heading, e.g. {@code sex × age_band}. */
    String attributesJoined() {
        return String.join(" × ", attributes);
    }

    /** Fails naming the attribute when an option is out of range. */
    void validate(String where) {
        if (attributes.isEmpty()) {
            throw ConfigurationException.badAttribute(where, "attribute", "must name at least one column", "{}");
        }
        Set<String> seen = new HashSet<>();
        for (String attribute : attributes) {
            if (attribute == null || attribute.isBlank()) {
                throw ConfigurationException.badAttribute(
                        where, "attribute", "must not contain an empty column name", attributesAsWritten());
            }
            if (!seen.add(attribute)) {
                throw ConfigurationException.badAttribute(
                        where,
                        "attribute",
                        "must not name a column twice ('" + attribute + "')",
                        attributesAsWritten());
            }
        }
        if (usesThreshold() && !(threshold >= 0 && threshold <= 1)) {
            throw ConfigurationException.badAttribute(
                    where, "threshold", "must be in [0, 1]", Format.number(threshold));
        }
        if (minGroupSize < 1) {
            throw ConfigurationException.badAttribute(where, "minGroupSize", "must be at least 1", minGroupSize);
        }
        IntervalPolicy.requireConfidence(where, "confidence", confidence, true);
        IntervalPolicy.requireResamples(where, resamples);
    }
}
