package dev.modeltest.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The CSV reader's number conversion (Clinger's fast path, Eisel-Lemire, fastdoubleparser) gives the double {@link
 * Double#parseDouble} gives, bit for bit, on numbers of every length and size.
 */
class EiselLemireTest {

    private static final int CASES = 400_000;

    @Test
    void readsShortestRepresentationsOfRandomDoublesExactly() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < CASES; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                continue;
            }
            assertSameAsJava(Double.toString(value).replace("E", "e"));
            assertSameAsJava(Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(-30, 30))));
        }
    }

    @Test
    void readsRandomDigitStringsExactly() {
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < CASES; i++) {
            StringBuilder text = new StringBuilder(random.nextBoolean() ? "-" : "");
            int integerDigits = random.nextInt(1, 12);
            for (int d = 0; d < integerDigits; d++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
            text.append('.');
            int fractionDigits = random.nextInt(1, 16);
            for (int d = 0; d < fractionDigits; d++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
            if (random.nextInt(4) == 0) {
                text.append('e').append(random.nextInt(-340, 320));
            }
            assertSameAsJava(text.toString());
        }
    }

    @Test
    void readsHalfwayCasesAndLimitsExactly() {
        for (String text : new String[] {
            "9007199254740993",
            "9007199254740995",
            "9007199254740992.5",
            "1.7976931348623157e308",
            "1.7976931348623159e308",
            "2.2250738585072014e-308",
            "4.9e-324",
            "2.4703282292062327e-324",
            "0.1",
            "0.30000000000000004",
            "123456789012345678",
            "1e23",
            "8.41e21",
            "5e-324",
            "1e-400",
            "1e400",
            "0.000000000000000000000000000000000000001",
            "0e999",
            "-0.0",
            "7.2057594037927933e16"
        }) {
            assertSameAsJava(text);
        }
    }

    private static void assertSameAsJava(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        FastCsv.NumberCell cell = new FastCsv.NumberCell();
        assertThat(FastCsv.NumberCell.parse(bytes, 0, bytes.length, cell))
                .as(text)
                .isTrue();
        assertThat(Double.doubleToRawLongBits(cell.value))
                .as(text)
                .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }
}
