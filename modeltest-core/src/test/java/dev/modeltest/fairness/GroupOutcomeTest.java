package dev.modeltest.fairness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link GroupOutcome}: the exact closing sentences of the fairness checks' messages. */
class GroupOutcomeTest {

    private static final String WHY = "women are selected 0.1200 less often than men";

    @Test
    void saysWhyTheCheckCannotBeJudged() {
        assertThat(GroupOutcome.notJudgeable("group 'x' has 3 rows, fewer than minGroupSize 30"))
                .isEqualTo("but group 'x' has 3 rows, fewer than minGroupSize 30: the gate cannot be judged.");
    }

    @Test
    void givesThePointMissOverOrBelowTheLimit() {
        assertThat(GroupOutcome.missed(0.22, 0.1, true, WHY)).isEqualTo("but it was 0.1200 over: " + WHY + ".");
        assertThat(GroupOutcome.missed(0.7, 0.8, false, WHY)).isEqualTo("but it was 0.1000 below: " + WHY + ".");
        assertThat(GroupOutcome.missed(0.10001, 0.1, true, WHY)).isEqualTo("but it was 0.00001 over: " + WHY + ".");
    }

    @Test
    void wordsWhatTheIntervalSays() {
        assertThat(GroupOutcome.intervalMisses(0.95, true, WHY))
                .isEqualTo("but the whole 95% interval is over it: " + WHY + ".");
        assertThat(GroupOutcome.intervalStraddles(0.9, WHY))
                .isEqualTo("but the 90% interval straddles it, so the data cannot decide either way (more rows per"
                        + " group would narrow it): " + WHY + ".");
        assertThat(GroupOutcome.noInterval())
                .isEqualTo("but every bootstrap resample left it undefined: the data cannot decide either way.");
    }

    @Test
    void printsAPercentSignInTheExplanationAsItIs() {
        assertThat(GroupOutcome.intervalMisses(0.95, false, "the 5% group"))
                .isEqualTo("but the whole 95% interval is below it: the 5% group.");
    }
}
