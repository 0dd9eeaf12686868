package dev.modeltest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;

/** The YAML limits every reader shares, and the capped echo of values read from files. */
class YamlLimitsTest {

    private static final LoadSettings SETTINGS =
            YamlLimits.settings("test.yaml").build();

    @Test
    void saysWhereAFileNestsDeeperThanTheLimit() {
        String yaml = "a: 1\nb:\n" + YamlBombs.nested("  c", 20_000);

        assertThat(YamlLimits.tooDeep(new Parse(SETTINGS).parseString(yaml)))
                .contains("it nests mappings and lists more than 100 levels deep (line 3)");
    }

    @Test
    void acceptsNestingAsDeepAsTheLimit() {
        // The top-level mapping is one level, so 99 lists inside it make the 100 allowed.
        String yaml = YamlBombs.nested("a", YamlLimits.MAX_NESTING_DEPTH - 1);

        assertThat(YamlLimits.tooDeep(new Parse(SETTINGS).parseString(yaml))).isEmpty();
        assertThat(YamlLimits.tooDeep(new Parse(SETTINGS).parseString(YamlBombs.nested("a", 100))))
                .contains("it nests mappings and lists more than 100 levels deep (line 1)");
    }

    @Test
    void echoesAnAliasChainOfSixtyMillionCharactersInTwoHundred() {
        Map<?, ?> root = (Map<?, ?>) new Load(SETTINGS).loadFromString(YamlBombs.aliasChain());
        Object top = ((List<?>) root.get("chain")).get(5);

        String echoed = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> Echo.of(top));

        assertThat(echoed).hasSize(Echo.MAX_CHARS + 1).startsWith("[[[[[[xxxx").endsWith("…");
    }

    @Test
    void echoesShortValuesWhole() {
        assertThat(Echo.of(List.of("a", 1, Map.of("k", "v")))).isEqualTo("[a, 1, {k=v}]");
        assertThat(Echo.of(null)).isEqualTo("null");
        assertThat(Echo.of(new byte[3])).isEqualTo("<3 bytes>");
    }

    @Test
    void cutsLongTextSayingHowLongItWas() {
        assertThat(Echo.text("y".repeat(5000))).isEqualTo("y".repeat(200) + "… (5000 characters)");
        assertThat(Echo.text("short")).isEqualTo("short");
    }

    @Test
    void echoesAListOfAMillionElementsWithoutWalkingThemAll() {
        List<Object> many = new ArrayList<>(Collections.nCopies(1_000_000, "v"));

        assertThat(Echo.of(many)).hasSize(Echo.MAX_CHARS + 1);
    }

    @Test
    void echoesAFewNamesWholeAndTenThousandCut() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            many.add("column" + i);
        }

        assertThat(Echo.names(List.of("a", "b"))).isEqualTo("a, b");
        assertThat(Echo.names(many))
                .startsWith("column0, column1, ")
                .endsWith("… (10000 names)")
                .hasSizeLessThan(2100);
    }
}
