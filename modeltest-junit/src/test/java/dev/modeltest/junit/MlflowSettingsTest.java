package dev.modeltest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** MLflow logging is configured by modeltest.mlflow.* parameters and MLflow's own environment variables. */
class MlflowSettingsTest {

    private final Map<String, String> parameters = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();

    @Test
    void isOffWithoutATrackingUri() {
        assertThat(read()).isEmpty();
    }

    @Test
    void readsMlflowsEnvironmentVariables() {
        environment.put("MLFLOW_TRACKING_URI", "http://mlflow:5000/");
        environment.put("MLFLOW_EXPERIMENT_NAME", "fraud");

        MlflowSettings settings = read().orElseThrow();

        assertThat(settings.trackingUri()).isEqualTo("http://mlflow:5000");
        assertThat(settings.experimentName()).contains("fraud");
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.authorization()).isEmpty();
        assertThat(settings.isHttp()).isTrue();
    }

    @Test
    void aConfigurationParameterWinsOverItsEnvironmentVariable() {
        environment.put("MLFLOW_TRACKING_URI", "http://env:5000");
        environment.put("MLFLOW_EXPERIMENT_NAME", "env");
        parameters.put(MlflowSettings.TRACKING_URI_PARAMETER, "https://param");
        parameters.put(MlflowSettings.EXPERIMENT_PARAMETER, "param");
        parameters.put(MlflowSettings.TIMEOUT_PARAMETER, "2.5");

        MlflowSettings settings = read().orElseThrow();

        assertThat(settings.trackingUri()).isEqualTo("https://param");
        assertThat(settings.experimentName()).contains("param");
        assertThat(settings.timeout()).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void canBeTurnedOffAlthoughAUriIsSet() {
        environment.put("MLFLOW_TRACKING_URI", "http://env:5000");
        parameters.put(MlflowSettings.ENABLED_PARAMETER, "false");

        assertThat(read()).isEmpty();
    }

    @Test
    void sendsBasicAuthenticationForAUserAndPasswordAsMlflowsClientDoes() {
        environment.put("MLFLOW_TRACKING_URI", "http://env:5000");
        environment.put("MLFLOW_TRACKING_USERNAME", "ada");
        environment.put("MLFLOW_TRACKING_PASSWORD", "pw");
        environment.put("MLFLOW_TRACKING_TOKEN", "token");

        assertThat(read().orElseThrow().authorization()).contains("Basic YWRhOnB3");
    }

    @Test
    void sendsABearerTokenWithoutAUser() {
        environment.put("MLFLOW_TRACKING_URI", "http://env:5000");
        environment.put("MLFLOW_TRACKING_TOKEN", "token");

        MlflowSettings settings = read().orElseThrow();

        assertThat(settings.authorization()).contains("Bearer token");
        assertThat(settings.toString()).doesNotContain("token").contains("Bearer ***");
    }

    @Test
    void aTimeoutThatIsNotAPositiveNumberOfSecondsIsRefusedByName() {
        environment.put("MLFLOW_TRACKING_URI", "http://env:5000");
        for (String bad : new String[] {"0", "-1", "soon", "NaN", "601"}) {
            parameters.put(MlflowSettings.TIMEOUT_PARAMETER, bad);
            assertThatThrownBy(this::read)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("modeltest.mlflow.timeoutSeconds must be a number of seconds in (0, 600], was '" + bad
                            + "'");
        }
    }

    @Test
    void aFileStoreOrADatabricksUriIsNotHttp() {
        environment.put("MLFLOW_TRACKING_URI", "file:///tmp/mlruns");
        assertThat(read().orElseThrow().isHttp()).isFalse();
        environment.put("MLFLOW_TRACKING_URI", "databricks");
        assertThat(read().orElseThrow().isHttp()).isFalse();
        environment.put("MLFLOW_TRACKING_URI", "./mlruns");
        assertThat(read().orElseThrow().isHttp()).isFalse();
    }

    @Test
    void messagesShowTheUriWithoutCredentials() {
        assertThat(MlflowSettings.display("https://ada:pw@mlflow.example:8443/base?token=x"))
                .isEqualTo("https://mlflow.example:8443/base");
        assertThat(MlflowSettings.display("http://127.0.0.1:5000")).isEqualTo("http://127.0.0.1:5000");
        assertThat(MlflowSettings.display("file:///tmp/mlruns")).isEqualTo("file:///tmp/mlruns");
    }

    private Optional<MlflowSettings> read() {
        return MlflowSettings.read(name -> Optional.ofNullable(parameters.get(name)), environment::get);
    }
}
