package dev.modeltest.junit;

import dev.modeltest.env.RunEnvironment;
import dev.modeltest.report.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP calls to an MLflow tracking server: JSON requests to its REST API ({@code /api/2.0/mlflow/...}) and file
 * uploads to its artifact proxy. Every request, connecting included, is bounded by the settings' timeout; a call that
 * fails throws a {@link Failure} saying what was asked and what came back, never anything else.
 */
final class MlflowClient {

    /** The REST API's root under the tracking URI. */
    static final String API = "/api/2.0/mlflow/";

    private final HttpClient http;
    private final String trackingUri;
    private final Duration timeout;
    private final Optional<String> authorization;
    private final String userAgent = "modeltest/" + RunEnvironment.version();
    private volatile boolean unanswered;

    MlflowClient(MlflowSettings settings) {
        this.trackingUri = settings.trackingUri();
        this.timeout = settings.timeout();
        this.authorization = settings.authorization();
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * A call that did not succeed.
     *
     * <p>{@link #answered()} tells a server that answered (with an error status) from one that did not (a timeout, a
     * refused connection): after the latter, no further request is worth its wait.
     */
    static final class Failure extends Exception {

        private static final long serialVersionUID = 1L;

        private final boolean answered;
        private final int status;
        private final String errorCode;

        Failure(String message, boolean answered, int status, String errorCode) {
            super(message, null, false, false);
            this.answered = answered;
            this.status = status;
            this.errorCode = errorCode;
        }

        boolean answered() {
            return answered;
        }

        /** The HTTP status, or 0 when the server did not answer. */
        int status() {
            return status;
        }

        /** MLflow's {@code error_code} from the answer, e.g. {@code RESOURCE_DOES_NOT_EXIST}; empty when none. */
        String errorCode() {
            return errorCode;
        }
    }

    /** GETs an endpoint of the REST API, e.g. {@code experiments/get-by-name}, with a query already encoded. */
    Map<String, Object> get(String endpoint, String query) throws Failure {
        String path = API + endpoint;
        HttpRequest request = request(URI.create(trackingUri + path + "?" + query))
                .header("Accept", "application/json")
                .GET()
                .build();
        return json(send(request, "GET " + path));
    }

    /** POSTs a JSON body to an endpoint of the REST API, e.g. {@code runs/create}, and returns the answer. */
    Map<String, Object> post(String endpoint, Map<String, Object> body) throws Failure {
        String path = API + endpoint;
        HttpRequest request = request(URI.create(trackingUri + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.writeLine(body), StandardCharsets.UTF_8))
                .build();
        return json(send(request, "POST " + path));
    }

    /** PUTs a file's bytes to a URL of the artifact proxy. */
    void put(URI uri, byte[] content, String contentType) throws Failure {
        HttpRequest request = request(uri)
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                .build();
        send(request, "PUT " + uri.getRawPath());
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", userAgent);
        authorization.ifPresent(value -> builder.header("Authorization", value));
        return builder;
    }

    /** Returns whether a request got no answer: a timeout, a refused connection, an interruption. */
    boolean unanswered() {
        return unanswered;
    }

    private HttpResponse<String> send(HttpRequest request, String what) throws Failure {
        try {
            return answer(request, what);
        } catch (Failure e) {
            if (!e.answered()) {
                unanswered = true;
            }
            throw e;
        }
    }

    private HttpResponse<String> answer(HttpRequest request, String what) throws Failure {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new Failure(what + " got no answer within " + seconds(timeout), false, 0, "");
        } catch (IOException e) {
            throw new Failure(what + " failed: " + e.getClass().getSimpleName() + message(e), false, 0, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(what + " was interrupted", false, 0, "");
        } catch (RuntimeException e) {
            throw new Failure(what + " could not be sent: " + e, false, 0, "");
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            Error error = Error.of(response.body());
            throw new Failure(
                    what + " answered HTTP " + status + (error.text().isEmpty() ? "" : ": " + error.text()),
                    true,
                    status,
                    error.code());
        }
        return response;
    }

    private static String message(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? "" : ": " + oneLine(message, 200);
    }

    /** Returns a successful answer's JSON object; an empty map for an empty or non-object body. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(HttpResponse<String> response) {
        String body = response.body();
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        try {
            Object value = Json.read(body);
            return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        } catch (IllegalArgumentException e) {
            return Map.of();
        }
    }

    /**
     * An error answer: MLflow's {@code {"error_code": ..., "message": ...}}, or the body's first line when it is not
     * that.
     */
    private record Error(String code, String text) {
        static Error of(String body) {
            if (body == null || body.isBlank()) {
                return new Error("", "");
            }
            try {
                if (Json.read(body) instanceof Map<?, ?> map && map.get("error_code") != null) {
                    String code = String.valueOf(map.get("error_code"));
                    Object message = map.get("message");
                    return new Error(code, oneLine(code + (message == null ? "" : ": " + message), 300));
                }
            } catch (IllegalArgumentException e) {
                // not JSON: an HTML error page or a proxy's text
            }
            return new Error("", oneLine(body, 300));
        }
    }

    /** Returns a text's first non-blank line, cut to a length: a server's answer must not flood the summary. */
    static String oneLine(String text, int length) {
        String line = text.strip().lines().findFirst().orElse("").strip();
        return MlflowRecord.clip(line, length);
    }

    /** Writes a duration in seconds: {@code 10 s}, {@code 0.5 s}. */
    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
    }
}
