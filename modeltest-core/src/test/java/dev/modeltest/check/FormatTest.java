package dev.modeltest.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one place numbers get their digits: a value beside its threshold, the gap between them, p-values. */
class FormatTest {

    @Test
    void aValueAndItsThresholdKeepFourDecimalsWhenThoseTellThemApart() {
        assertThat(Format.decimals(0.9333, 0.9)).isEqualTo(4);
        assertThat(Format.value(0.93333, Format.decimals(0.93333, 0.9))).isEqualTo("0.9333");
        assertThat(Format.decimals(0.9, 0.9)).isEqualTo(4);
        assertThat(Format.decimals(Double.NaN, 0.9)).isEqualTo(4);
    }

    @Test
    void aValueThatRoundsToItsThresholdGetsTheDigitsThatSeparateThem() {
        // Once printed "0.8712 ≥ 0.8712 FAIL".
        int decimals = Format.decimals(0.87118, 0.8712);

        assertThat(decimals).isEqualTo(5);
        assertThat(Format.value(0.87118, decimals)).isEqualTo("0.87118");
        assertThat(Format.value(0.8712, decimals)).isEqualTo("0.87120");
        assertThat(Format.decimals(0.8999999999, 0.9)).isEqualTo(10);
        assertThat(Format.value(0.8999999999, 10)).isEqualTo("0.8999999999");
    }

    @Test
    void twoNumbersOneUlpApartAreToldApartWithinSeventeenSignificantDigits() {
        double below = Math.nextDown(0.9);
        int decimals = Format.decimals(below, 0.9);

        assertThat(Format.value(below, decimals)).isNotEqualTo(Format.value(0.9, decimals));
        assertThat(decimals).isLessThanOrEqualTo(17);
    }

    @Test
    void aGapThatDecidedAVerdictIsNeverPrintedAsZero() {
        // Once printed "but it was 0.0000 below".
        assertThat(Format.gap(0.00002, 4)).isEqualTo("0.00002");
        assertThat(Format.gap(0.05, 4)).isEqualTo("0.0500");
        assertThat(Format.gap(2e-12, 5)).isEqualTo("0.000000000002");
        assertThat(Format.gap(0, 4)).isEqualTo("0.0000");
    }

    @Test
    void pValuesHaveOneFormatThreeSignificantDigitsScientificBelowOneInTenThousandAndAFloor() {
        assertThat(Format.pValue(0.5)).isEqualTo("0.500");
        assertThat(Format.pValue(0.031249)).isEqualTo("0.0312");
        assertThat(Format.pValue(1)).isEqualTo("1.00");
        assertThat(Format.pValue(0.000123456)).isEqualTo("0.000123");
        assertThat(Format.pValue(1.78e-9)).isEqualTo("1.78e-09");
        assertThat(Format.pValue(3.2e-160)).isEqualTo("3.20e-160");
        assertThat(Format.pValue(1e-301)).isEqualTo("< 1e-300");
        assertThat(Format.pValue(0)).isEqualTo("< 1e-300");
        assertThat(Format.pValue(Double.NaN)).isEqualTo("NaN");
        assertThat(Format.pEquals(0.0312)).isEqualTo("p = 0.0312");
        assertThat(Format.pEquals(0)).isEqualTo("p < 1e-300");
    }

    @Test
    void aMessagePrintsEveryDoubleWithFourDecimalsAndEverythingElseAsItIs() {
        assertThat(Format.message("%s of %s at %s: %s", 26L, 30, 0.86666, "a 95% CI"))
                .isEqualTo("26 of 30 at 0.8667: a 95% CI");
        assertThat(Format.represent(Double.NaN)).isEqualTo("NaN");
        assertThat(Format.represent(0.5f)).isEqualTo("0.5000");
        assertThat(Format.represent(null)).isEqualTo("null");
    }
}
