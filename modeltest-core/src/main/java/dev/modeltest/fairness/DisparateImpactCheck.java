package dev.modeltest.fairness;

import dev.modeltest.check.Format;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.internal.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Passes when every judged group is selected at least {@code minimum} times as often as the privileged group: the
 * impact ratio {@code selection rate(group) / selection rate(privileged)} is at least {@code minimum} for every other
 * group. With {@code minimum = 0.8} this is the four-fifths rule of the US Uniform Guidelines on Employee Selection
 * Procedures (29 CFR 1607.4(D)). The measured value is the lowest impact ratio.
 *
 * <p>Beside the rule, each group's selection is compared with the privileged group's by a two-proportion z-test
 * (Fisher's exact test when a cell is small), so that a ratio under the limit that chance could explain reads as "not
 * significant".
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class DisparateImpactCheck extends GroupCheck {

    /** The check's identifier in results and reports. */
    public static final String ID = "disparate-impact";

    /** The four-fifths rule's limit. */
    public static final double FOUR_FIFTHS = 0.8;

    private final List<String> privileged;
    private final double minimum;

    /**
     * Creates the check.
     *
     * @param where where it was configured, for messages
     * @param options the groups, positive label, decision and bootstrap
     * @param privileged the privileged group: one value per attribute, in the order of the attributes
     * @param minimum the lowest allowed impact ratio, in (0, 1]; {@link #FOUR_FIFTHS} for the four-fifths rule
     * @throws ConfigurationException if the privileged group does not fit the attributes or a value is out of range
     */
    public DisparateImpactCheck(String where, FairnessOptions options, List<String> privileged, double minimum) {
        super(ID, where, options);
        this.privileged = List.copyOf(privileged);
        String written = "{" + String.join(", ", this.privileged) + "}";
        if (this.privileged.size() != options.attributes().size()) {
            throw ConfigurationException.badAttribute(
                    where,
                    "privileged",
                    "must give one value per attribute " + options.attributesAsWritten() + ", in that order",
                    written);
        }
        if (!(minimum > 0 && minimum <= 1)) {
            throw ConfigurationException.badAttribute(where, "value", "must be in (0, 1]", Format.number(minimum));
        }
        this.minimum = minimum;
    }

    @Override
    void prepare(GroupTable table) {
        int index = table.indexOf(privileged);
        if (index < 0) {
            List<String> names = new ArrayList<>();
            table.groups.forEach(g -> names.add(g.name()));
            String name = String.join(" × ", privileged);
            throw new ConfigurationException(where + ": 'privileged' must name a group of "
                    + options.attributesJoined() + " in the data, was \"" + name + "\"" + Names.didYouMean(name, names)
                    + "; the groups are " + String.join(", ", names));
        }
    }

    private int privileged(GroupCheck.Run run) {
        return run.table.indexOf(privileged);
    }

    private String privilegedName() {
        return String.join(" × ", privileged);
    }

    @Override
    String what() {
        return minimum == FOUR_FIFTHS
                ? "the four-fifths rule relative to " + privilegedName()
                : "disparate impact relative to " + privilegedName();
    }

    @Override
    String statisticName() {
        return "lowest impact ratio (selection rate / " + privilegedName() + "'s)";
    }

    @Override
    boolean atMost() {
        return false;
    }

    @Override
    double limit() {
        return minimum;
    }

    @Override
    String undefinedReason(Counts counts) {
        return null;
    }

    @Override
    String notJudgeable(GroupCheck.Run run) {
        int p = privileged(run);
        if (!run.isJudged(p)) {
            return "the privileged group " + privilegedName() + " has only " + run.counts[p].n()
                    + " rows, fewer than minGroupSize " + options.minGroupSize() + ", so no ratio to it can be judged";
        }
        if (run.judged.length < 2) {
            return "no group other than " + privilegedName() + " has at least " + options.minGroupSize()
                    + " rows (minGroupSize), so there is no ratio to judge";
        }
        return null;
    }

    @Override
    double statistic(GroupTable table, Counts[] groups, int[] judged, Counts overall) {
        int p = table.indexOf(privileged);
        double reference = groups[p].selectionRate();
        if (reference == 0) {
            return Double.NaN;
        }
        double lowest = Double.POSITIVE_INFINITY;
        for (int g : judged) {
            if (g != p) {
                lowest = Math.min(lowest, groups[g].selectionRate() / reference);
            }
        }
        return lowest;
    }

    @Override
    String undefinedStatistic(GroupCheck.Run run) {
        return "the privileged group " + privilegedName()
                + " is never selected (selection rate 0), so no ratio to it is defined";
    }

    /** Returns whether group {@code g} has a ratio to report: judged, not privileged, and the privileged judged. */
    private boolean compared(GroupCheck.Run run, int g) {
        int p = privileged(run);
        return g != p && run.isJudged(g) && run.isJudged(p);
    }

    private double[] ratios(GroupCheck.Run run) {
        double reference = run.counts[privileged(run)].selectionRate();
        double[] ratios = new double[run.counts.length];
        for (int g = 0; g < ratios.length; g++) {
            ratios[g] = compared(run, g) ? run.counts[g].selectionRate() / reference : Double.NaN;
        }
        return ratios;
    }

    private ProportionTest.Result test(GroupCheck.Run run, int group) {
        Counts a = run.counts[group];
        Counts b = run.counts[privileged(run)];
        return ProportionTest.compare(a.selected(), a.n(), b.selected(), b.n());
    }

    @Override
    List<Column> columns(GroupCheck.Run run) {
        if (!run.tests()) {
            return List.of(new Column("impact ratio", "impact_ratio", ratios(run)));
        }
        double[] pValues = new double[run.counts.length];
        for (int g = 0; g < pValues.length; g++) {
            pValues[g] = compared(run, g) ? test(run, g).pValue() : Double.NaN;
        }
        return List.of(
                new Column("impact ratio", "impact_ratio", ratios(run)),
                new Column("p-value", "p_value", pValues, true));
    }

    @Override
    String groupVerdict(GroupCheck.Run run, int group) {
        if (group == privileged(run)) {
            return "privileged";
        }
        if (!compared(run, group)) {
            return "no ratio (privileged group too small)";
        }
        double ratio = ratios(run)[group];
        if (Double.isNaN(ratio) || holds(ratio)) {
            return "ok";
        }
        if (!run.tests()) {
            return "below " + Format.value(minimum);
        }
        ProportionTest.Result test = test(run, group);
        return "below " + Format.value(minimum) + (test.significant() ? "" : " (not significant)");
    }

    @Override
    String explanation(GroupCheck.Run run) {
        int p = privileged(run);
        double[] ratios = ratios(run);
        double reference = run.counts[p].selectionRate();
        List<String> below = new ArrayList<>();
        for (int g : run.judged) {
            if (g == p || Double.isNaN(ratios[g]) || holds(ratios[g])) {
                continue;
            }
            String selected = run.name(g) + " is selected at " + Format.value(run.counts[g].selectionRate()) + ", "
                    + Format.value(ratios[g]) + " of " + privilegedName() + "'s " + Format.value(reference) + " (";
            if (!run.tests()) {
                below.add(selected + run.noTest() + ")");
                continue;
            }
            ProportionTest.Result test = test(run, g);
            below.add(selected
                    + test.describe()
                    + (test.significant()
                            ? ""
                            : ": not significant at the " + Format.percent(ProportionTest.ALPHA) + " level")
                    + ")");
        }
        if (below.isEmpty()) {
            int low = -1;
            for (int g : run.judged) {
                if (g != p && (low < 0 || ratios[g] < ratios[low])) {
                    low = g;
                }
            }
            return "the lowest is " + run.name(low) + ", selected at " + Format.value(run.counts[low].selectionRate())
                    + ", " + Format.value(ratios[low]) + " of " + privilegedName() + "'s " + Format.value(reference);
        }
        return String.join("; ", below);
    }

    @Override
    void chart(GroupCheck.Run run, GroupChart chart) {
        run.rateBars(chart, "selection rate", Counts::selectionRate, Counts::selected, Counts::n);
        int p = privileged(run);
        chart.line(
                Format.value(minimum) + " × " + privilegedName() + "'s rate (lowest allowed)",
                minimum * run.counts[p].selectionRate());
    }

    @Override
    void details(GroupCheck.Run run, Map<String, Object> details) {
        details.put("privileged", privilegedName());
        if (!run.tests()) {
            return;
        }
        int p = privileged(run);
        Map<String, Object> tests = new LinkedHashMap<>();
        for (int g : run.judged) {
            if (compared(run, g)) {
                ProportionTest.Result test = test(run, g);
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("test", test.test());
                t.put("pValue", test.pValue());
                t.put(
                        "zTestPValue",
                        ProportionTest.zTest(
                                        run.counts[g].selected(),
                                        run.counts[g].n(),
                                        run.counts[p].selected(),
                                        run.counts[p].n())
                                .pValue());
                t.put(
                        "fisherPValue",
                        ProportionTest.fisher(
                                run.counts[g].selected(),
                                run.counts[g].n(),
                                run.counts[p].selected(),
                                run.counts[p].n()));
                tests.put(run.name(g), t);
            }
        }
        details.put("tests", tests);
    }
}
