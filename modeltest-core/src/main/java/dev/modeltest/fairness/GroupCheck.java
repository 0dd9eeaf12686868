package dev.modeltest.fairness;

import dev.modeltest.check.Attachment;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Decision;
import dev.modeltest.check.Family;
import dev.modeltest.check.Format;
import dev.modeltest.check.Interval;
import dev.modeltest.check.ShouldBeWithinBound;
import dev.modeltest.check.Threshold;
import dev.modeltest.check.Verdict;
import dev.modeltest.data.TestData;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.model.Predictions;
import dev.modeltest.report.HtmlTable;
import dev.modeltest.subject.Subject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * What the fairness checks share: split the rows into groups, set aside the groups too small (or without the rows a
 * rate needs) to judge, compute the check's statistic on the rest with a bootstrap interval, decide, and report the
 * per-group table as text, CSV and a chart.
 *
 * <p>Each check supplies its statistic over the judged groups, the limit and its direction, and the words of its
 * message.
 */
abstract class GroupCheck implements GroupCountsCheck {

    /**
     * Values within this of the limit count as on it, so that a difference of exactly the limit (0.8 − 0.7 is
     * 0.10000000000000009 in binary floating point) passes as written.
     */
    static final double TOLERANCE = 1e-12;

    /** The message lists at most this many groups; the CSV attachment lists all. */
    static final int MAX_LISTED_GROUPS = 50;

    /** What a check measures, in its message: what, across which attributes, on which data, how outcomes are read. */
    private static final String SUBJECT = "%s across %s on %s (n=%s%s, positive label \"%s\"%s)";

    /** After n, with sample weights: {@code , weighted by 'w'}, and how many rows weigh 0. */
    private static final String WEIGHTED = ", weighted by '%s'";

    private static final String ZERO_WEIGHT_ROWS = ", %s rows of weight 0 left out";

    private static final String STATISTIC = "%s %s";
    private static final String STATISTIC_WITH_INTERVAL = "%s %s (%s, bootstrap of %s resamples, seed %s)";
    private static final String STATISTIC_WITH_WEIGHTED_INTERVAL =
            "%s %s (%s, bootstrap of %s resamples of rows weighted by '%s', seed %s)";
    private static final String UNDEFINED_RESAMPLES =
            "%s of %s bootstrap resamples left it undefined and were dropped.";

    private final String id;
    final String where;
    final FairnessOptions options;

    /**
     * Creates the check and validates the options.
     *
     * @param id the check's identifier in results
     * @param where where it was configured, for messages
     * @param options the groups, positive label, decision and bootstrap
     */
    GroupCheck(String id, String where, FairnessOptions options) {
        this.id = id;
        this.where = Objects.requireNonNull(where, "where");
        this.options = Objects.requireNonNull(options, "options");
        options.validate(where);
    }

    /** Returns a limit that must be in [0, 1], failing with a message naming the attribute otherwise. */
    static double requireUnitInterval(String where, String attribute, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw ConfigurationException.badAttribute(where, attribute, "must be in [0, 1]", Format.number(value));
        }
        return value;
    }

    // ---- what each check supplies ----

    /** What is expected, for the heading, e.g. {@code demographic parity}. */
    abstract String what();

    /** The statistic's name, e.g. {@code selection-rate difference (max − min)}. */
    abstract String statisticName();

    /** Whether the statistic must be at most the limit (else at least). */
    abstract boolean atMost();

    /** The limit. */
    abstract double limit();

    /** Says why a group large enough to judge still cannot be, e.g. {@code no positive rows (TPR undefined)}. */
    abstract String undefinedReason(Counts counts);

    /**
     * The statistic over the judged groups of the counts (the observed ones, or a bootstrap resample of them);
     * {@code NaN} when undefined.
     */
    abstract double statistic(GroupTable table, Counts[] groups, int[] judged, Counts overall);

    /** The verdict column of a judged group. */
    abstract String groupVerdict(Run run, int group);

    /** Names the groups behind the measured value, e.g. {@code F is selected at 0.2000, M at 0.5000 (...)}. */
    abstract String explanation(Run run);

    /** The bars and lines of the chart. */
    abstract void chart(Run run, GroupChart chart);

    /** Checks what needs the data, e.g. that the privileged group exists. */
    void prepare(GroupTable table) {}

    /** Says why the check cannot be judged, or {@code null}; by default when fewer than two groups are judged. */
    String notJudgeable(Run run) {
        if (run.judged.length >= 2) {
            return null;
        }
        String judged = run.judged.length == 0 ? "no group" : "only 1 group (" + run.name(run.judged[0]) + ")";
        return judged + " has at least " + options.minGroupSize() + " rows (minGroupSize)" + definedClause()
                + ", and fairness needs two groups to compare";
    }

    /** Completes "has at least 30 rows" for checks whose rates need rows of a kind, e.g. {@code and a defined TPR}. */
    String definedClause() {
        return "";
    }

    /** Says why the statistic is undefined although enough groups are judged. */
    String undefinedStatistic(Run run) {
        return "the " + statisticName() + " is undefined for these groups";
    }

    /** Extra table columns after selection rate, TPR and FPR. */
    List<Column> columns(Run run) {
        return List.of();
    }

    /** Check-specific details for reports. */
    void details(Run run, Map<String, Object> details) {}

    /**
     * An extra column of the per-group table: its heading, its CSV name (snake_case, as the CSV's other columns) and a
     * cell per group ({@code NaN} prints as n/a); p-values print in modeltest's one format ({@link Format#pValue}).
     */
    record Column(String heading, String csvName, double[] values, boolean pValues) {
        Column(String heading, String csvName, double[] values) {
            this(heading, csvName, values, false);
        }

        /** Returns the column's name in a group's details: the CSV name in camelCase, as every detail is named. */
        String detailName() {
            StringBuilder name = new StringBuilder();
            boolean upper = false;
            for (char c : csvName.toCharArray()) {
                if (c == '_') {
                    upper = true;
                } else {
                    name.append(upper ? Character.toUpperCase(c) : c);
                    upper = false;
                }
            }
            return name.toString();
        }

        String cell(int group) {
            double v = values[group];
            return pValues && !Double.isNaN(v) ? Format.pValue(v) : GroupReport.cell(v);
        }
    }

    /** The check's identifier in results. */
    /** Returns what tells this check's result from another of the same check on one test; empty by default. */
    String qualifier() {
        return "";
    }

    final String id() {
        return id;
    }

    // ---- the shared run ----

    @Override
    public final CheckResult run(Subject subject) {
        return evaluate(subject.data(), subject.predictions());
    }

    /** Runs the check on data and predictions already at hand. */
    final CheckResult evaluate(TestData data, Predictions predictions) {
        Outcomes outcomes = Outcomes.of(where, predictions, options);
        GroupTable table = GroupTable.of(where, data, outcomes, options.attributes());
        return decide(data.name(), outcomes.positive, outcomes.decision, outcomes.weightColumn, table);
    }

    @Override
    public final FairnessOptions options() {
        return options;
    }

    @Override
    public final Optional<String> notFromGroupCounts() {
        if (options.usesThreshold()) {
            return Optional.of(where + ": 'threshold' decides on each row's probability of the positive class, which"
                    + " counts of labels do not hold; remove 'threshold' to judge the predicted labels");
        }
        return Optional.empty();
    }

    @Override
    public final CheckResult evaluate(GroupCounts counts, String dataName, String modelName) {
        Objects.requireNonNull(counts, "counts");
        Optional<String> refused = notFromGroupCounts();
        if (refused.isPresent()) {
            throw new ConfigurationException(refused.get());
        }
        if (!counts.attributes().equals(options.attributes())) {
            throw new ConfigurationException(where + ": the counts are grouped by "
                    + String.join(" × ", counts.attributes()) + ", but the check groups by "
                    + options.attributesJoined());
        }
        List<String> classes = counts.labels();
        classes.sort(Outcomes.classOrder(classes));
        Outcomes.requireBinary(where, modelName, dataName, classes);
        String positive = Outcomes.positiveLabel(where, classes, options.positiveLabel());
        GroupTable table = GroupTable.of(options.attributes(), counts.byGroup(positive));
        return decide(dataName, positive, "", null, table);
    }

    /**
     * Decides on the per-group counts, whichever way they were counted: the one decision of both entries.
     *
     * @param positive the positive label, for messages
     * @param decision the decision rule, empty for the predicted label
     * @param weightColumn the sample-weight column, or {@code null} without weights (always so for merged counts)
     */
    private CheckResult decide(
            String dataName, String positive, String decision, String weightColumn, GroupTable table) {
        prepare(table);
        Run run = new Run(this, dataName, positive, decision, weightColumn, table);
        run.decide();
        return run.result();
    }

    /** Returns whether a value meets the limit (within {@link #TOLERANCE}). */
    final boolean holds(double value) {
        return side().holds(value, decisionThreshold());
    }

    /** Returns the side of the limit the statistic must be on, for the shared {@link Decision}. */
    final Threshold.Comparison side() {
        return atMost() ? Threshold.Comparison.AT_MOST : Threshold.Comparison.AT_LEAST;
    }

    /** Returns the limit moved by {@link #TOLERANCE} towards the failing side: what the decision compares with. */
    final double decisionThreshold() {
        return atMost() ? limit() + TOLERANCE : limit() - TOLERANCE;
    }

    /** The state of one run, shared with the check's hooks. */
    static final class Run {
        final GroupCheck gate;
        final FairnessOptions options;
        final String dataName;
        /** The positive label. */
        final String positive;
        /** The decision rule for messages: empty for the predicted label. */
        final String decision;

        final GroupTable table;
        final Counts[] counts;
        /** Per group: {@code null} when judged, else why not (shown in the verdict column). */
        final String[] status;
        /** The indexes of the judged groups, in table order. */
        final int[] judged;
        /** The sample-weight column, or {@code null} when the rows are unweighted. */
        final String weightColumn;

        double point = Double.NaN;
        GroupBootstrap.Result bootstrap;
        Verdict verdict;
        /** The line(s) after the limit explaining the outcome; empty on a pass. */
        String outcome = "";

        Run(GroupCheck gate, String dataName, Outcomes outcomes, GroupTable table) {
            this(gate, dataName, outcomes.positive, outcomes.decision, outcomes.weightColumn, table);
        }

        Run(GroupCheck gate, String dataName, String positive, String decision, String weightColumn, GroupTable table) {
            this.gate = gate;
            this.options = gate.options;
            this.dataName = dataName;
            this.positive = positive;
            this.decision = decision;
            this.table = table;
            this.weightColumn = weightColumn;
            int k = table.groups.size();
            this.counts = new Counts[k];
            this.status = new String[k];
            List<Integer> judgedList = new ArrayList<>();
            for (int g = 0; g < k; g++) {
                counts[g] = table.groups.get(g).counts();
                if (counts[g].n() < options.minGroupSize()) {
                    status[g] = "too small (n < " + options.minGroupSize() + ")";
                    continue;
                }
                String reason = gate.undefinedReason(counts[g]);
                if (reason != null) {
                    status[g] = "not judged: " + reason;
                    continue;
                }
                judgedList.add(g);
            }
            this.judged = judgedList.stream().mapToInt(Integer::intValue).toArray();
        }

        String name(int group) {
            return table.groups.get(group).name();
        }

        boolean isJudged(int group) {
            return status[group] == null;
        }

        /** Returns whether the rows carry sample weights. */
        boolean weighted() {
            return weightColumn != null;
        }

        /**
         * Returns whether two groups' rates may be compared by a {@link ProportionTest}: only without weights. Both
         * tests count rows (a z-test's binomial variance, Fisher's hypergeometric table); weighted rates are no counts
         * of successes in trials, and no weighting of them keeps those tests' error rates, so with weights the
         * message says so instead, and the bootstrap interval is the evidence.
         */
        boolean tests() {
            return !weighted();
        }

        /** Says in a message why no test compares two weighted rates. */
        String noTest() {
            return "no two-proportion test: the rates are weighted by '" + weightColumn + "'";
        }

        /**
         * Draws a rate per group: with its Wilson interval as an error bar from the row counts, or, with sample
         * weights, the weighted rate without one (Wilson counts rows).
         */
        void rateBars(
                GroupChart chart,
                String name,
                ToDoubleFunction<Counts> rate,
                ToLongFunction<Counts> successes,
                ToLongFunction<Counts> trials) {
            if (weighted()) {
                chart.bars(name + ", weighted by '" + weightColumn + "'", perGroup(rate));
            } else {
                chart.rateBars(name, counts, successes, trials);
            }
        }

        /** Returns the judged group with the lowest value (the first on ties). */
        int lowest(double[] values) {
            int best = -1;
            for (int g : judged) {
                if (best < 0 || values[g] < values[best]) {
                    best = g;
                }
            }
            return best;
        }

        /** Returns the judged group with the highest value (the first on ties). */
        int highest(double[] values) {
            int best = -1;
            for (int g : judged) {
                if (best < 0 || values[g] > values[best]) {
                    best = g;
                }
            }
            return best;
        }

        /** Returns a per-group rate for every group. */
        double[] perGroup(ToDoubleFunction<Counts> rate) {
            double[] values = new double[counts.length];
            for (int g = 0; g < counts.length; g++) {
                values[g] = rate.applyAsDouble(counts[g]);
            }
            return values;
        }

        void decide() {
            String unjudgeable = gate.notJudgeable(this);
            if (unjudgeable != null) {
                verdict = Verdict.INCONCLUSIVE;
                outcome = GroupOutcome.notJudgeable(unjudgeable);
                return;
            }
            point = gate.statistic(table, counts, judged, table.overall);
            if (Double.isNaN(point)) {
                verdict = Verdict.INCONCLUSIVE;
                outcome = GroupOutcome.notJudgeable(gate.undefinedStatistic(this));
                return;
            }
            GroupBootstrap.Statistic statistic = (groups, overall) -> gate.statistic(table, groups, judged, overall);
            if (weighted()) {
                double[][][] cellWeights = new double[counts.length][][];
                for (int g = 0; g < counts.length; g++) {
                    cellWeights[g] = table.groups.get(g).cellWeights();
                }
                bootstrap = GroupBootstrap.runWeighted(
                        counts,
                        cellWeights,
                        weightColumn,
                        statistic,
                        options.resamples(),
                        options.seed(),
                        options.intervalLevel());
            } else {
                bootstrap = GroupBootstrap.run(
                        counts, statistic, options.resamples(), options.seed(), options.intervalLevel());
            }
            Interval interval = bootstrap.interval();
            verdict = Decision.of(
                            gate.side(),
                            gate.decisionThreshold(),
                            options.confidence(),
                            point,
                            interval,
                            table.overall.n())
                    .verdict();
            if (!options.decidesOnInterval()) {
                if (verdict == Verdict.FAIL) {
                    outcome = GroupOutcome.missed(point, gate.limit(), gate.atMost(), gate.explanation(this));
                }
                return;
            }
            if (interval == null) {
                outcome = GroupOutcome.noInterval();
            } else if (verdict == Verdict.FAIL) {
                outcome = GroupOutcome.intervalMisses(options.confidence(), gate.atMost(), gate.explanation(this));
            } else if (verdict == Verdict.INCONCLUSIVE) {
                outcome = GroupOutcome.intervalStraddles(options.confidence(), gate.explanation(this));
            }
        }

        /** The statistic with its bootstrap interval: {@code difference 0.1250 (95% CI …, bootstrap of …)}. */
        private String statistic(int decimals, Interval interval) {
            String value = Double.isNaN(point) ? "undefined" : Format.value(point, decimals);
            if (interval == null) {
                return Format.message(STATISTIC, gate.statisticName(), value);
            }
            return weighted()
                    ? Format.message(
                            STATISTIC_WITH_WEIGHTED_INTERVAL,
                            gate.statisticName(),
                            value,
                            interval,
                            bootstrap.resamples(),
                            weightColumn,
                            bootstrap.seed())
                    : Format.message(
                            STATISTIC_WITH_INTERVAL,
                            gate.statisticName(),
                            value,
                            interval,
                            bootstrap.resamples(),
                            bootstrap.seed());
        }

        /** Completes the subject after n: empty without weights. */
        private String weighting() {
            if (!weighted()) {
                return "";
            }
            return Format.message(WEIGHTED, weightColumn)
                    + (table.zeroWeightRows > 0 ? Format.message(ZERO_WEIGHT_ROWS, table.zeroWeightRows) : "");
        }

        CheckResult result() {
            List<Column> extra = gate.columns(this);
            String[] verdicts = new String[counts.length];
            for (int g = 0; g < counts.length; g++) {
                verdicts[g] = isJudged(g) ? gate.groupVerdict(this, g) : status[g];
            }
            String attrs = options.attributesJoined();
            int decimals = Format.decimals(point, gate.limit());
            Threshold threshold = new Threshold(gate.side(), gate.limit(), "");
            String limit = threshold.text(decimals);
            Interval interval = bootstrap == null ? null : bootstrap.interval();
            String message = ShouldBeWithinBound.message(
                    Format.message(
                            SUBJECT,
                            gate.what(),
                            attrs,
                            dataName,
                            table.overall.n(),
                            weighting(),
                            positive,
                            decision.isEmpty() ? "" : ", " + decision),
                    statistic(decimals, interval),
                    gate.side(),
                    options.decidesOnInterval() ? options.confidence() : 0,
                    gate.limit(),
                    decimals,
                    List.of(
                            outcome,
                            bootstrap != null && bootstrap.undefined() > 0
                                    ? Format.message(UNDEFINED_RESAMPLES, bootstrap.undefined(), bootstrap.resamples())
                                    : "",
                            GroupReport.heading(this),
                            GroupReport.text(this, extra, verdicts)));

            Map<String, Object> details = new LinkedHashMap<>();
            details.put("attributes", table.attributes);
            details.put("positiveLabel", positive);
            details.put(
                    "decision",
                    options.usesThreshold()
                            ? "P(" + positive + ") ≥ " + Format.number(options.threshold())
                            : "predicted label");
            details.put("minGroupSize", options.minGroupSize());
            if (weighted()) {
                details.put("weightColumn", weightColumn);
                details.put("totalWeight", table.overall.weight());
                details.put("zeroWeightRows", table.zeroWeightRows);
            }
            details.put("statistic", gate.statisticName());
            details.put("judgedGroups", judged.length);
            List<String> tooSmall = new ArrayList<>();
            Map<String, Object> notJudged = new LinkedHashMap<>();
            for (int g = 0; g < counts.length; g++) {
                if (counts[g].n() < options.minGroupSize()) {
                    tooSmall.add(name(g));
                } else if (!isJudged(g)) {
                    notJudged.put(name(g), status[g]);
                }
            }
            details.put("tooSmall", tooSmall);
            details.put("notJudged", notJudged);
            details.put("confidence", options.confidence());
            details.put("resamples", options.resamples());
            details.put("seed", options.seed());
            details.put("undefinedResamples", bootstrap == null ? 0 : bootstrap.undefined());
            gate.details(this, details);
            details.put("groups", GroupReport.rows(this, extra, verdicts));

            String csv = GroupReport.csv(this, extra, verdicts);
            GroupChart chart = new GroupChart(gate.what() + " across " + attrs + " on " + dataName
                    + (weighted() ? ", weighted by '" + weightColumn + "'" : ""));
            for (int g = 0; g < counts.length; g++) {
                chart.category(name(g) + (counts[g].n() < options.minGroupSize() ? " (too small)" : ""));
            }
            gate.chart(this, chart);

            CheckResult.Builder builder = CheckResult.builder(gate.id(), Family.FAIRNESS)
                    .qualifier(gate.qualifier())
                    .title(gate.what() + " across " + attrs + ": " + gate.statisticName() + " " + limit + " on "
                            + dataName)
                    .verdict(verdict)
                    .measured(point)
                    .interval(interval)
                    .threshold(threshold, limit)
                    .n(table.overall.n())
                    .message(message);
            details.forEach(builder::detail);
            return builder.attach(Attachment.csv("per-group table", () -> csv))
                    .attach(Attachment.png("per-group chart", chart::png))
                    .attach(Attachment.html(
                            "per-group results", () -> HtmlTable.fromCsv(csv).document("per-group results")))
                    .build();
        }
    }
}
