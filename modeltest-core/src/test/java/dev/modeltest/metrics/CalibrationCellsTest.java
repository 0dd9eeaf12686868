package dev.modeltest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.modeltest.check.Interval;
import dev.modeltest.stats.PoissonBootstrap;
import org.junit.jupiter.api.Test;

/** The per-cell Poisson bootstrap of expected calibration error agrees with the per-row one it stands for. */
class CalibrationCellsTest {

    @Test
    void cellIntervalMatchesThePerRowPoissonBootstrap() {
        for (double prevalence : new double[] {0.5, 0.05}) {
            MetricSample ece = Metrics.sample(
                    Coverage.binary("ece", prevalence, 20_000, 3).predictions(),
                    Metric.EXPECTED_CALIBRATION_ERROR,
                    MetricOptions.defaults());

            MetricInterval cells = ece.interval(IntervalMethod.BOOTSTRAP, 0.95, 42, 1000);
            Interval rows = PoissonBootstrap.ofRows(ece.size(), ece::value, 0.95, 42, 1000)
                    .interval();

            double width = rows.upper() - rows.lower();
            assertThat(cells.how()).isEqualTo("Poisson bootstrap, 1000 resamples, seed 42");
            assertThat(cells.interval().lower()).isCloseTo(rows.lower(), within(0.12 * width));
            assertThat(cells.interval().upper()).isCloseTo(rows.upper(), within(0.12 * width));
        }
    }
}
