package dev.modeltest.junit;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where and how a model test class's results are logged to MLflow, read from the {@code modeltest.mlflow.*}
 * configuration parameters and from the environment variables MLflow's own clients read ({@code MLFLOW_TRACKING_URI},
 * {@code MLFLOW_EXPERIMENT_NAME}, {@code MLFLOW_TRACKING_TOKEN}, {@code MLFLOW_TRACKING_USERNAME} and
 * {@code MLFLOW_TRACKING_PASSWORD}); a configuration parameter wins over its environment variable. Reads strings only:
 * it knows nothing of JUnit or of modeltest's results.
 *
 * @param trackingUri the tracking server, without a trailing slash, e.g. {@code http://127.0.0.1:5000}
 * @param experimentName the experiment's name, or empty for the default: the model test class's fully qualified name
 * @param timeout how long one request may take, connecting included
 * @param authorization the {@code Authorization} header's value, when the environment has credentials
 */
record MlflowSettings(
        String trackingUri, Optional<String> experimentName, Duration timeout, Optional<String> authorization) {

    /** The tracking server's URI; default the environment variable {@code MLFLOW_TRACKING_URI}. */
    static final String TRACKING_URI_PARAMETER = "modeltest.mlflow.trackingUri";

    /** The experiment's name; default {@code MLFLOW_EXPERIMENT_NAME}, else the class's fully qualified name. */
    static final String EXPERIMENT_PARAMETER = "modeltest.mlflow.experimentName";

    /** The seconds one request may take; default {@value #DEFAULT_TIMEOUT_SECONDS}. */
    static final String TIMEOUT_PARAMETER = "modeltest.mlflow.timeoutSeconds";

    /** {@code false} turns the logging off although a tracking URI is set. */
    static final String ENABLED_PARAMETER = "modeltest.mlflow.enabled";

    static final int DEFAULT_TIMEOUT_SECONDS = 10;

    /** The longest timeout accepted, so that a typo cannot hold a build for hours. */
    static final int MAX_TIMEOUT_SECONDS = 600;

    /**
     * Reads the settings.
     *
     * @param parameters the configuration parameters, by name
     * @param environment the environment variables, by name ({@code null} when unset)
     * @return empty when nothing is to be logged: no tracking URI is set, or {@value #ENABLED_PARAMETER} is
     *     {@code false}
     * @throws IllegalArgumentException when a setting is invalid, with a message naming it and its value
     */
    static Optional<MlflowSettings> read(
            Function<String, Optional<String>> parameters, Function<String, String> environment) {
        boolean enabled = parameters
                .apply(ENABLED_PARAMETER)
                .map(v -> !v.trim().equalsIgnoreCase("false"))
                .orElse(true);
        Optional<String> uri = setting(parameters, environment, TRACKING_URI_PARAMETER, "MLFLOW_TRACKING_URI");
        if (!enabled || uri.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> experiment = setting(parameters, environment, EXPERIMENT_PARAMETER, "MLFLOW_EXPERIMENT_NAME");
        Duration timeout = parameters
                .apply(TIMEOUT_PARAMETER)
                .map(MlflowSettings::timeout)
                .orElse(Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS));
        return Optional.of(
                new MlflowSettings(stripSlashes(uri.get()), experiment, timeout, authorization(environment)));
    }

    /** Returns whether the tracking URI names an http(s) server, the only kind modeltest logs to. */
    boolean isHttp() {
        String scheme = scheme(trackingUri);
        return scheme.equals("http") || scheme.equals("https");
    }

    /** Returns the tracking URI without user information, query or fragment, for messages. */
    String displayUri() {
        return display(trackingUri);
    }

    /** Returns a URI without user information, query or fragment, so that no credential ends up in a log. */
    static String display(String uri) {
        try {
            URI parsed = new URI(uri);
            if (parsed.getRawAuthority() == null) {
                return parsed.getScheme() == null ? uri : parsed.getScheme() + ":" + parsed.getRawSchemeSpecificPart();
            }
            String host = parsed.getHost() == null ? "" : parsed.getHost();
            String port = parsed.getPort() < 0 ? "" : ":" + parsed.getPort();
            String path = parsed.getRawPath() == null ? "" : parsed.getRawPath();
            return parsed.getScheme() + "://" + host + port + path;
        } catch (URISyntaxException e) {
            int at = uri.indexOf('@');
            return at < 0 ? uri : "<a URI with credentials>";
        }
    }

    private static String scheme(String uri) {
        try {
            String scheme = new URI(uri).getScheme();
            return scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return "";
        }
    }

    private static Optional<String> setting(
            Function<String, Optional<String>> parameters,
            Function<String, String> environment,
            String parameter,
            String variable) {
        Optional<String> value = parameters.apply(parameter).map(String::trim).filter(v -> !v.isEmpty());
        if (value.isPresent()) {
            return value;
        }
        return Optional.ofNullable(environment.apply(variable))
                .map(String::trim)
                .filter(v -> !v.isEmpty());
    }

    private static Duration timeout(String text) {
        double seconds;
        try {
            seconds = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            seconds = Double.NaN;
        }
        if (!(seconds > 0 && seconds <= MAX_TIMEOUT_SECONDS)) {
            throw new IllegalArgumentException(TIMEOUT_PARAMETER + " must be a number of seconds in (0, "
                    + MAX_TIMEOUT_SECONDS + "], was '" + text + "'");
        }
        return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
    }

    /**
     * Returns the {@code Authorization} header MLflow's Python client sends for these variables: Basic when both
     * {@code MLFLOW_TRACKING_USERNAME} and {@code MLFLOW_TRACKING_PASSWORD} are set, else Bearer with
     * {@code MLFLOW_TRACKING_TOKEN}.
     */
    private static Optional<String> authorization(Function<String, String> environment) {
        String user = environment.apply("MLFLOW_TRACKING_USERNAME");
        String password = environment.apply("MLFLOW_TRACKING_PASSWORD");
        if (user != null && !user.isEmpty() && password != null && !password.isEmpty()) {
            String pair = user + ":" + password;
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        String token = environment.apply("MLFLOW_TRACKING_TOKEN");
        if (token != null && !token.isBlank()) {
            return Optional.of("Bearer " + token.trim());
        }
        return Optional.empty();
    }

    private static String stripSlashes(String uri) {
        String stripped = uri;
        while (stripped.endsWith("/")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped;
    }

    @Override
    public String toString() {
        // Never the credentials.
        return "MlflowSettings[" + displayUri() + ", experiment=" + experimentName.orElse("<class>") + ", timeout="
                + timeout + ", authorization="
                + authorization
                        .map(a -> a.substring(0, a.indexOf(' ')) + " ***")
                        .orElse("none") + "]";
    }
}
