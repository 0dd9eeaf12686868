package dev.modeltest.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.modeltest.check.Attachment;
import dev.modeltest.check.CheckResult;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** What a fairness result offers reports: the per-group table as CSV and a chart as PNG. */
class FairnessReportTest {

    private static CheckResult fourFifths() {
        return Fixture.with("sex")
                .selected("F", 100, 35)
                .selected("M", 100, 50)
                .selected("X, other", 12, 2)
                .run(new DisparateImpactCheck("w", FairnessOptions.of("sex"), List.of("M"), 0.8));
    }

    @Test
    void attachesThePerGroupTableAsCsv() {
        Attachment csv = fourFifths().attachments().get(0);

        assertThat(csv.name()).isEqualTo("per-group table");
        assertThat(csv.mediaType()).isEqualTo("text/csv");
        assertThat(new String(csv.content().get(), StandardCharsets.UTF_8))
                .isEqualTo("group,sex,n,tp,fp,fn,tn,selection_rate,tpr,fpr,impact_ratio,p_value,verdict\n"
                        + "F,F,100,35,0,65,0,0.35,0.35,,0.7,0.031905255236596514,below 0.8000\n"
                        + "M,M,100,50,0,50,0,0.5,0.5,,,,privileged\n"
                        + "\"X, other\",\"X, other\",12,2,0,10,0,0.16666666666666666,0.16666666666666666,,,,"
                        + "too small (n < 30)\n");
    }

    @Test
    void attachesThePerGroupTableForPeopleAsHtml() {
        Attachment html = fourFifths().attachments().get(2);

        assertThat(html.name()).isEqualTo("per-group results");
        assertThat(html.mediaType()).isEqualTo("text/html");
        assertThat(new String(html.content().get(), StandardCharsets.UTF_8))
                .contains("<tr><td>F</td><td>F</td><td class=\"num\">100</td>")
                .contains("<td class=\"num\">0.7</td><td class=\"num\">0.0319</td><td>below 0.8000</td></tr>")
                .contains("<td>X, other</td>")
                .doesNotContain("0.031905255236596514");
    }

    @Test
    void attachesABarChartOfTheGroupsAsPng() throws IOException {
        Attachment png = fourFifths().attachments().get(1);

        assertThat(png.name()).isEqualTo("per-group chart");
        assertThat(png.mediaType()).isEqualTo("image/png");
        BufferedImage image =
                ImageIO.read(new ByteArrayInputStream(png.content().get()));
        assertThat(image.getWidth()).isEqualTo(GroupChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(GroupChart.HEIGHT);
    }

    @Test
    void theChartDrawsTheLimitAsALineAmongTheGroupsBars() {
        Fixture data = Fixture.with("sex").selected("F", 100, 20).selected("M", 100, 50);
        FairnessOptions sex = FairnessOptions.of("sex");

        // Difference: the highest rate allowed, the lowest plus 0.1; ratio: the lowest allowed, 0.8 of the highest.
        assertThat(chart(data, new DemographicParityCheck("w", sex, 0.1, Double.NaN))
                        .lines())
                .containsExactly(entry("lowest + 0.1000 (highest allowed)", 0.2 + 0.1));
        assertThat(chart(data, new DemographicParityCheck("w", sex, Double.NaN, 0.8))
                        .lines())
                .containsExactly(entry("highest × 0.8000 (lowest allowed)", 0.5 * 0.8));
        assertThat(chart(data, new DisparateImpactCheck("w", sex, List.of("M"), 0.8))
                        .lines())
                .containsExactly(entry("0.8000 × M's rate (lowest allowed)", 0.8 * 0.5));
        assertThat(chart(data, new GroupMetricAtLeastCheck("w", sex, GroupMetric.RECALL, 0.7))
                        .lines())
                .containsExactly(entry("floor 0.7000", 0.7));
    }

    @Test
    void theChartsValueAxisHoldsEveryErrorBarAsDrawn() {
        // All of F selected, none of M: rates 1 and 0, whose symmetric error bars reach past 1 and below 0.
        Fixture data = Fixture.with("sex").selected("F", 5, 5).selected("M", 5, 0);

        for (GroupChart chart : List.of(
                chart(data, new DemographicParityCheck("w", FairnessOptions.of("sex"), 0.1, Double.NaN)),
                chart(data, new DisparateImpactCheck("w", FairnessOptions.of("sex"), List.of("F"), 0.8)))) {
            double[] halfWidths = chart.halfWidths(0);
            double[] axis = chart.axis();

            assertThat(halfWidths[0]).isGreaterThan(0.3);
            assertThat(axis[1]).as("top").isGreaterThan(1 + halfWidths[0]);
            assertThat(axis[0]).as("bottom").isLessThan(0 - halfWidths[1]);
        }
    }

    private static GroupChart chart(Fixture data, GroupCheck check) {
        Outcomes outcomes = Outcomes.of("w", data.predictions(), check.options);
        GroupTable table = GroupTable.of("w", data.data(), outcomes, check.options.attributes());
        GroupCheck.Run run = new GroupCheck.Run(check, Fixture.DATA, outcomes, table);
        GroupChart chart = new GroupChart("t");
        check.chart(run, chart);
        return chart;
    }

    @Test
    void theMessageListsAtMostFiftyGroupsAndTheCsvAll() {
        Fixture data = Fixture.with("id");
        for (int i = 0; i < 60; i++) {
            data.selected(String.format("g%02d", i), 30, i % 30);
        }

        CheckResult result = data.run(new DemographicParityCheck("w", FairnessOptions.of("id"), 1, Double.NaN));

        assertThat(result.message())
                .contains("  g49 ")
                .doesNotContain("  g50 ")
                .endsWith("  ... and 10 more groups (see the per-group table attachment)");
        assertThat(new String(result.attachments().get(0).content().get(), StandardCharsets.UTF_8).lines())
                .hasSize(61);
    }
}
