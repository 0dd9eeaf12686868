package dev.modeltest.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelTestExceptionTest {

    @Test
    void keepsAMessageUpToTheLimitAsItIs() {
        String message = "x".repeat(ModelTestException.MAX_MESSAGE_LENGTH);

        assertThat(new DataException(message).getMessage()).isEqualTo(message);
    }

    @Test
    void cutsALongerMessageAndSaysHowMuchWasLeftOut() {
        String message = "column 'a' is bad: " + "y".repeat(3 * ModelTestException.MAX_MESSAGE_LENGTH);

        String kept = new ConfigurationException(message).getMessage();

        assertThat(kept)
                .isEqualTo(message.substring(0, ModelTestException.MAX_MESSAGE_LENGTH)
                        + "… (40019 more characters left out)");
    }
}
