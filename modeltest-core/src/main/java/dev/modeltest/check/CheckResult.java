package dev.modeltest.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a check measured and decided, with everything a report needs to show it.
 *
 * @param check the check's identifier, e.g. {@code accuracy-at-least}
 * @param qualifier what tells this check's result from another of the same check on one test, e.g. the metric
 *     {@code f1} of a {@code metric-at-least} check; empty when the identifier is enough (see {@link #key()})
 * @param title what the check asserts, for reports, e.g. {@code accuracy ≥ 0.9000 on iris-test.csv}
 * @param family the family of the check
 * @param verdict the decision
 * @param measured the measured value, {@code NaN} when the check measures no single number
 * @param interval the confidence interval of the measured value, or {@code null}
 * @param threshold the threshold as written, e.g. {@code ≥ 0.9000}, or an empty string; written from {@code limit}
 *     when that is set and this is empty
 * @param limit the threshold as data (comparison, value, unit), or {@code null} when the check has none
 * @param n the number of rows (or samples) the measurement rests on
 * @param message the human-readable explanation: on failure, the text of the assertion error
 * @param details further values for reports (ordered; values are strings, numbers, booleans, lists or maps)
 * @param attachments charts and tables for reports, made on demand
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record CheckResult(
        String check,
        String qualifier,
        String title,
        Family family,
        Verdict verdict,
        double measured,
        Interval interval,
        String threshold,
        Threshold limit,
        long n,
        String message,
        Map<String, Object> details,
        List<Attachment> attachments) {

    /** The separator between a check's identifier and its qualifier in {@link #key()}. */
    public static final String KEY_SEPARATOR = ":";

    public CheckResult {
        Objects.requireNonNull(check, "check");
        qualifier = Objects.requireNonNullElse(qualifier, "");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(threshold, "threshold");
        if (limit != null && threshold.isEmpty()) {
            threshold = limit.text();
        }
        Objects.requireNonNull(message, "message");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        attachments = List.copyOf(attachments);
    }

    /**
     * Creates a result without a qualifier and without a structured threshold, as results were first made.
     *
     * @see #CheckResult(String, String, String, Family, Verdict, double, Interval, String, Threshold, long, String, Map,
     *     List)
     */
    public CheckResult(
            String check,
            String title,
            Family family,
            Verdict verdict,
            double measured,
            Interval interval,
            String threshold,
            long n,
            String message,
            Map<String, Object> details,
            List<Attachment> attachments) {
        this(check, "", title, family, verdict, measured, interval, threshold, null, n, message, details, attachments);
    }

    /**
     * Returns the result's key, which tells one test's checks apart (unless the same check sits on it twice, through
     * composed annotations): the check's identifier, followed by
     * {@value #KEY_SEPARATOR} and the qualifier when there is one, e.g. {@code metric-at-least:f1},
     * {@code metric-at-least:roc_auc:macro}, {@code latency-under:p99}, {@code accuracy-at-least}. Run records and
     * metric history file the measured value under it.
     *
     * @since 0.1.0
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
    public String key() {
        return qualifier.isEmpty() ? check : check + KEY_SEPARATOR + qualifier;
    }

    /**
     * Returns the threshold as data, if the check has a numeric one.
     *
     * @since 0.1.0
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
    public Optional<Threshold> optionalLimit() {
        return Optional.ofNullable(limit);
    }

    /** Returns whether the check holds. */
    public boolean passed() {
        return verdict == Verdict.PASS;
    }

    /** Returns the interval, if the check computed one. */
    public Optional<Interval> optionalInterval() {
        return Optional.ofNullable(interval);
    }

    /** Starts a result of the given check. */
    public static Builder builder(String check, Family family) {
        return new Builder(check, family);
    }

    /** Builds a {@link CheckResult}. */
    public static final class Builder {
        private final String check;
        private final Family family;
        private String qualifier = "";
        private String title;
        private Verdict verdict;
        private double measured = Double.NaN;
        private Interval interval;
        private String threshold = "";
        private Threshold limit;
        private long n;
        private String message = "";
        private final Map<String, Object> details = new LinkedHashMap<>();
        private final List<Attachment> attachments = new ArrayList<>();

        private Builder(String check, Family family) {
            this.check = check;
            this.family = family;
            this.title = check;
        }

        /**
         * Sets what tells this result from another of the same check on one test (see {@link CheckResult#key()}):
         * segments joined by {@value CheckResult#KEY_SEPARATOR}, e.g. {@code roc_auc:macro}.
         *
         * @since 0.1.0
         */
        @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
        public Builder qualifier(String qualifier) {
            this.qualifier = Objects.requireNonNull(qualifier, "qualifier");
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder verdict(Verdict verdict) {
            this.verdict = verdict;
            return this;
        }

        /** Sets {@link Verdict#PASS} when {@code holds}, else {@link Verdict#FAIL}. */
        public Builder passedIf(boolean holds) {
            return verdict(holds ? Verdict.PASS : Verdict.FAIL);
        }

        public Builder measured(double measured) {
            this.measured = measured;
            return this;
        }

        public Builder interval(Interval interval) {
            this.interval = interval;
            return this;
        }

        /**
         * Sets the threshold's text alone, for a check without a numeric threshold; a check with one sets it with
         * {@link #threshold(Threshold)}, {@link #threshold(Threshold, int)} or {@link #threshold(Threshold, String)}.
         */
        public Builder threshold(String threshold) {
            this.threshold = threshold;
            return this;
        }

        /**
         * Sets the threshold, its text written with the value compact ({@link Threshold#text()}): {@code ≥ 1000 rows/s}.
         *
         * @since 0.1.0
         */
        @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
        public Builder threshold(Threshold limit) {
            return threshold(limit, limit.text());
        }

        /**
         * Sets the threshold, its text written with the value in {@code decimals} decimals
         * ({@link Threshold#text(int)}): {@code ≥ 0.9000}, {@code ≤ 5.000 ms}.
         *
         * @since 0.1.0
         */
        @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
        public Builder threshold(Threshold limit, int decimals) {
            return threshold(limit, limit.text(decimals));
        }

        /**
         * Sets the threshold with text of the check's own, for a threshold that reads as words rather than a
         * comparison: {@code 0 missing}, {@code all in [0, 1]}.
         *
         * @since 0.1.0
         */
        @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
        public Builder threshold(Threshold limit, String text) {
            this.limit = Objects.requireNonNull(limit, "limit");
            this.threshold = Objects.requireNonNull(text, "text");
            return this;
        }

        public Builder n(long n) {
            this.n = n;
            return this;
        }

        public Builder message(String message) {
            this.message = message;
            return this;
        }

        /** Adds a detail for reports; insertion order is kept. */
        public Builder detail(String key, Object value) {
            details.put(key, value);
            return this;
        }

        /** Adds a chart or table for reports. */
        public Builder attach(Attachment attachment) {
            attachments.add(attachment);
            return this;
        }

        public CheckResult build() {
            return new CheckResult(
                    check,
                    qualifier,
                    title,
                    family,
                    Objects.requireNonNull(verdict, "verdict"),
                    measured,
                    interval,
                    threshold,
                    limit,
                    n,
                    message,
                    details,
                    attachments);
        }
    }
}
