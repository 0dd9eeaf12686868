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
 * @param title what the check asserts, for reports, e.g. {@code accuracy ≥ 0.9000 on iris-test.csv}
 * @param family the family of the check
 * @param verdict the decision
 * @param measured the measured value, {@code NaN} when the check measures no single number
 * @param interval the confidence interval of the measured value, or {@code null}
 * @param threshold the threshold as written, e.g. {@code ≥ 0.9000}, or an empty string
 * @param n the number of rows (or samples) the measurement rests on
 * @param message the human-readable explanation: on failure, the text of the assertion error
 * @param details further values for reports (ordered; values are strings, numbers, booleans, lists or maps)
 * @param attachments charts and tables for reports, made on demand
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record CheckResult(
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

    public CheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(message, "message");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        attachments = List.copyOf(attachments);
    }

    /** Returns whether the gate holds. */
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
        private String title;
        private Verdict verdict;
        private double measured = Double.NaN;
        private Interval interval;
        private String threshold = "";
        private long n;
        private String message = "";
        private final Map<String, Object> details = new LinkedHashMap<>();
        private final List<Attachment> attachments = new ArrayList<>();

        private Builder(String check, Family family) {
            this.check = check;
            this.family = family;
            this.title = check;
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

        public Builder threshold(String threshold) {
            this.threshold = threshold;
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
                    title,
                    family,
                    Objects.requireNonNull(verdict, "verdict"),
                    measured,
                    interval,
                    threshold,
                    n,
                    message,
                    details,
                    attachments);
        }
    }
}
