package dev.modeltest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** modeltest's keys become valid MLflow keys by one documented rule, the same every run. */
class MlflowKeysTest {

    @Test
    void keepsWhatMlflowAcceptsAndReplacesTheRestWithAnUnderscore() {
        assertThat(MlflowKeys.valid("accurate.accuracy-at-least")).isEqualTo("accurate.accuracy-at-least");
        assertThat(MlflowKeys.valid("f1.metric-at-least:f1")).isEqualTo("f1.metric-at-least_f1");
        assertThat(MlflowKeys.valid("fb.metric-at-least:f_beta:beta=2")).isEqualTo("fb.metric-at-least_f_beta_beta_2");
        assertThat(MlflowKeys.valid("twice.accuracy-at-least#2")).isEqualTo("twice.accuracy-at-least_2");
        assertThat(MlflowKeys.valid("fair.demographic-parity:age group"))
                .isEqualTo("fair.demographic-parity_age group");
        assertThat(MlflowKeys.valid("slice.größe/a")).isEqualTo("slice.gr__e_a");
    }

    @Test
    void aKeyNeverReadsAsAnotherPath() {
        assertThat(MlflowKeys.valid("..hidden")).isEqualTo("_.hidden");
        assertThat(MlflowKeys.valid(".")).isEqualTo("_");
        assertThat(MlflowKeys.valid("")).isEqualTo("_");
        assertThat(MlflowKeys.valid("a//b/../c")).isEqualTo("a__b_.._c");
    }

    @Test
    void aLongKeyIsCutAndEndsWithAHashOfTheWholeKey() {
        String a = "m." + "x".repeat(300) + ".a";
        String b = "m." + "x".repeat(300) + ".b";

        assertThat(MlflowKeys.valid(a)).hasSize(MlflowKeys.MAX_KEY_LENGTH).matches("m\\.x{239}-[0-9a-f]{8}");
        assertThat(MlflowKeys.valid(a)).isNotEqualTo(MlflowKeys.valid(b)).isEqualTo(MlflowKeys.valid(a));
    }

    @Test
    void keysThatBecomeTheSameAreToldApartInTheOrderOfTheOriginals() {
        Map<String, Integer> entries = new LinkedHashMap<>();
        entries.put("a_b", 2);
        entries.put("a:b", 1);
        entries.put("a=b", 3);

        assertThat(MlflowKeys.valid(entries))
                .containsExactly(Map.entry("a_b", 1), Map.entry("a_b_2", 3), Map.entry("a_b_3", 2));
    }

    @Test
    void everyKeyItMakesPassesMlflowsOwnChecks() {
        for (String key : List.of(
                "f1.metric-at-least:f1", "..x", "/abs", "a/./b", "trailing/", "x".repeat(400), "ü", "tab\tkey")) {
            assertThat(MlflowStub.key(MlflowKeys.valid(key))).isNotNull();
        }
    }
}
