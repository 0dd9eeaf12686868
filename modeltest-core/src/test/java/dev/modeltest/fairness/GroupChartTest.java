package dev.modeltest.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.modeltest.check.Interval;
import dev.modeltest.stats.Wilson;
import org.junit.jupiter.api.Test;

/** Per-group charts draw rates with their Wilson intervals as error bars. */
class GroupChartTest {

    private static final Counts[] COUNTS = {new Counts(30, 10, 20, 40), new Counts(5, 0, 5, 10), Counts.ZERO};

    @Test
    void drawsEachGroupsRateWithTheLargerHalfOfItsWilsonInterval() {
        GroupChart chart = new GroupChart("selection rate per group");
        chart.category("F");
        chart.category("M");
        chart.category("X (too small)");

        chart.rateBars("selection rate", COUNTS, Counts::selected, Counts::n);

        Interval f = Wilson.interval(40, 100, 0.95);
        double expected = Math.max(0.4 - f.lower(), f.upper() - 0.4);
        assertThat(chart.seriesNames()).containsExactly("selection rate, 95% Wilson interval");
        assertThat(chart.halfWidths(0)[0]).isCloseTo(expected, within(1e-15));
        assertThat(chart.halfWidths(0)[2]).isZero();
        assertThat(chart.png()).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void drawsBarsWithoutIntervalsForAMetricThatIsNoProportion() {
        GroupChart chart = new GroupChart("F1 per group");
        chart.category("F");

        chart.bars("F1", new double[] {0.5});

        assertThat(chart.halfWidths(0)).isNull();
    }

    @Test
    void everyProportionMetricIsItsSuccessesOverItsTrials() {
        for (GroupMetric metric : GroupMetric.values()) {
            if (!metric.isProportion()) {
                assertThat(metric).isEqualTo(GroupMetric.F1);
                continue;
            }
            for (Counts counts : new Counts[] {COUNTS[0], COUNTS[1]}) {
                assertThat((double) metric.successes(counts) / metric.trials(counts))
                        .as("%s of %s", metric, counts)
                        .isEqualTo(metric.of(counts));
            }
        }
    }
}
