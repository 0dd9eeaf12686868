package dev.modeltest.junit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.modeltest.report.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A local HTTP server that answers like an MLflow tracking server, for the endpoints modeltest calls, and refuses what
 * MLflow's REST API documentation (and its server's request validation) refuses: it records every request and keeps
 * what was logged, so a test can read both.
 *
 * <p>The contract it holds requests to (MLflow REST API 2.0, "mlflow/rest-api" documentation, and the limits of
 * {@code mlflow/utils/validation.py}): {@code experiments/get-by-name} is a GET with {@code experiment_name} and
 * answers 404 {@code RESOURCE_DOES_NOT_EXIST} for an unknown name; {@code experiments/create} takes {@code name};
 * {@code runs/create} takes a string {@code experiment_id}, an integer {@code start_time} (ms), a string
 * {@code run_name} and {@code tags} as {@code {key, value}}; {@code runs/log-batch} takes {@code run_id} and lists of
 * metrics {@code {key, value (double), timestamp (long, ms), step (long)}}, params and tags {@code {key, value}}, at
 * most 1000 metrics, 100 params, 100 tags and 1000 in all, under 1 MB; keys match {@code ^[/\w.\- ]*$}, are at most
 * 250 characters and unchanged by a path normalisation; param values at most 6000 characters (500 before MLflow 2.x),
 * tag values at most 5000; a param once logged keeps its value; {@code runs/update} takes {@code run_id}, a
 * {@code status} among RUNNING, SCHEDULED, FINISHED, FAILED, KILLED and an integer {@code end_time}; files are PUT under
 * {@code /api/2.0/mlflow-artifacts/artifacts/<artifact path>}.
 */
final class MlflowStub implements AutoCloseable {

    static final Pattern KEY = Pattern.compile("^[/\\w.\\- ]*$");
    static final Set<String> STATUSES = Set.of("RUNNING", "SCHEDULED", "FINISHED", "FAILED", "KILLED");

    /**
     * One request as received.
     *
     * @param method the HTTP method
     * @param path the raw path, without the query
     * @param query the raw query, or empty
     * @param contentType the {@code Content-Type} header, or empty
     * @param authorization the {@code Authorization} header, or empty
     * @param body the body's bytes
     */
    record Request(String method, String path, String query, String contentType, String authorization, byte[] body) {

        /** Returns the method and path, e.g. {@code POST /api/2.0/mlflow/runs/create}. */
        String endpoint() {
            return method + " " + path;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return (Map<String, Object>) Json.read(new String(body, StandardCharsets.UTF_8));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch released = new CountDownLatch(1);
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> experiments = Collections.synchronizedMap(new LinkedHashMap<>());

    /** What runs/log-batch logged, by run: params, metrics (key to value), tags. */
    final Map<String, String> params = Collections.synchronizedMap(new LinkedHashMap<>());

    final Map<String, Double> metrics = Collections.synchronizedMap(new LinkedHashMap<>());
    final Map<String, String> tags = Collections.synchronizedMap(new LinkedHashMap<>());
    /** The files PUT, by path under the artifact proxy. */
    final Map<String, String> artifacts = Collections.synchronizedMap(new LinkedHashMap<>());

    /**
     * An endpoint (e.g. {@code POST /api/2.0/mlflow/runs/log-batch}) that answers 500, or {@code *} and the end of
     * endpoints that do (e.g. {@code *model-page.html}); null for none.
     */
    volatile String failing;

    /** The names of experiments that exist but are deleted. */
    final Set<String> deleted = Collections.synchronizedSet(new java.util.HashSet<>());

    /** Whether every request waits, unanswered, until the stub is closed. */
    volatile boolean hanging;

    /** As {@link #failing}, the endpoints that wait unanswered until the stub is closed; null for none. */
    volatile String hangingOn;

    /** The artifact URI runs/create answers with; {@code %s} stands for the experiment and run path. */
    volatile String artifactUri = "mlflow-artifacts:/%s/artifacts";

    MlflowStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Returns the tracking URI, e.g. {@code http://127.0.0.1:40123}. */
    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Returns the requests' endpoints in order. */
    List<String> endpoints() {
        return requests().stream().map(Request::endpoint).toList();
    }

    /** Adds an experiment as if created before, and returns its id. */
    String experiment(String name) {
        String id = Integer.toString(100 + experiments.size());
        experiments.put(name, id);
        return id;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String query = exchange.getRequestURI().getRawQuery();
            Request request = new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    query == null ? "" : query,
                    header(exchange, "Content-Type"),
                    header(exchange, "Authorization"),
                    body);
            requests.add(request);
            if (hanging || matches(request, hangingOn)) {
                released.await(120, TimeUnit.SECONDS);
                return;
            }
            if (matches(request, failing)) {
                send(exchange, 500, error("INTERNAL_ERROR", "the stub was told to fail"));
                return;
            }
            Answer answer;
            try {
                answer = answer(request);
            } catch (Invalid e) {
                answer = new Answer(400, error("INVALID_PARAMETER_VALUE", e.getMessage()));
            } catch (RuntimeException e) {
                answer = new Answer(400, error("MALFORMED_REQUEST", String.valueOf(e)));
            }
            send(exchange, answer.status(), answer.json());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean matches(Request request, String endpoints) {
        return endpoints != null
                && (request.endpoint().equals(endpoints)
                        || (endpoints.startsWith("*") && request.endpoint().endsWith(endpoints.substring(1))));
    }

    private record Answer(int status, Map<String, Object> json) {}

    private static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    private Answer answer(Request request) {
        String api = "/api/2.0/mlflow/";
        String artifacts = "/api/2.0/mlflow-artifacts/artifacts/";
        if (request.method().equals("PUT") && request.path().startsWith(artifacts)) {
            this.artifacts.put(request.path().substring(artifacts.length()), request.text());
            return new Answer(200, Map.of());
        }
        if (!request.path().startsWith(api)) {
            return new Answer(404, error("ENDPOINT_NOT_FOUND", request.path()));
        }
        String endpoint = request.method() + " " + request.path().substring(api.length());
        return switch (endpoint) {
            case "GET experiments/get-by-name" -> getExperiment(request);
            case "POST experiments/create" -> createExperiment(request.json());
            case "POST runs/create" -> createRun(request.json());
            case "POST runs/log-batch" -> logBatch(request.json(), request.body().length);
            case "POST runs/update" -> updateRun(request.json());
            default -> new Answer(404, error("ENDPOINT_NOT_FOUND", endpoint));
        };
    }

    private Answer getExperiment(Request request) {
        String prefix = "experiment_name=";
        require(request.query().startsWith(prefix), "experiment_name is required");
        String name = URLDecoder.decode(request.query().substring(prefix.length()), StandardCharsets.UTF_8);
        String id = experiments.get(name);
        if (id == null) {
            return new Answer(
                    404, error("RESOURCE_DOES_NOT_EXIST", "Could not find experiment with name '" + name + "'"));
        }
        String stage = deleted.contains(name) ? "deleted" : "active";
        return new Answer(
                200, Map.of("experiment", Map.of("experiment_id", id, "name", name, "lifecycle_stage", stage)));
    }

    private Answer createExperiment(Map<String, Object> body) {
        String name = string(body, "name");
        require(!name.isEmpty() && name.length() <= 500, "invalid experiment name '" + name + "'");
        if (experiments.containsKey(name)) {
            return new Answer(400, error("RESOURCE_ALREADY_EXISTS", "Experiment '" + name + "' already exists."));
        }
        return new Answer(200, Map.of("experiment_id", experiment(name)));
    }

    private Answer createRun(Map<String, Object> body) {
        String experimentId = string(body, "experiment_id");
        require(experiments.containsValue(experimentId), "no experiment " + experimentId);
        integer(body, "start_time");
        string(body, "run_name");
        keyValues(body, "tags", 5000).forEach(tags::put);
        String runId = "run" + (requests.size() + 1000);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("run_id", runId);
        info.put("run_uuid", runId);
        info.put("experiment_id", experimentId);
        info.put("run_name", body.get("run_name"));
        info.put("status", "RUNNING");
        info.put("start_time", body.get("start_time"));
        info.put("artifact_uri", String.format(artifactUri, experimentId + "/" + runId));
        info.put("lifecycle_stage", "active");
        return new Answer(200, Map.of("run", Map.of("info", info, "data", Map.of())));
    }

    private Answer logBatch(Map<String, Object> body, int bytes) {
        string(body, "run_id");
        require(bytes <= 1_000_000, "Batched logging API requests must be at most 1000000 bytes, got " + bytes);
        List<Map<String, Object>> metricList = list(body, "metrics");
        require(metricList.size() <= 1000, "at most 1000 metrics, got " + metricList.size());
        Map<String, String> paramList = keyValues(body, "params", 6000);
        require(paramList.size() <= 100, "at most 100 params, got " + paramList.size());
        require(
                paramList.size() == list(body, "params").size(),
                "Duplicate parameter keys have been submitted: " + list(body, "params"));
        Map<String, String> tagList = keyValues(body, "tags", 5000);
        require(list(body, "tags").size() <= 100, "at most 100 tags, got " + tagList.size());
        int total = metricList.size()
                + list(body, "params").size()
                + list(body, "tags").size();
        require(total <= 1000, "at most 1000 metrics, params, and tags, got " + total);
        for (Map<String, Object> metric : metricList) {
            String key = key(metric.get("key"));
            require(metric.get("value") instanceof Double, "metric " + key + ": value must be a double");
            require(
                    isLong(metric.get("timestamp")) && ((Number) metric.get("timestamp")).longValue() >= 0,
                    "metric " + key + ": timestamp must be a nonnegative long");
            require(isLong(metric.get("step")), "metric " + key + ": step must be a long");
        }
        paramList.forEach((key, value) -> {
            String before = params.get(key);
            require(before == null || before.equals(value), "param " + key + " changed from " + before);
        });
        params.putAll(paramList);
        tags.putAll(tagList);
        metricList.forEach(m -> metrics.put((String) m.get("key"), (Double) m.get("value")));
        return new Answer(200, Map.of());
    }

    private Answer updateRun(Map<String, Object> body) {
        string(body, "run_id");
        require(STATUSES.contains(string(body, "status")), "status " + body.get("status"));
        integer(body, "end_time");
        return new Answer(200, Map.of("run_info", Map.of("run_id", body.get("run_id"), "status", body.get("status"))));
    }

    private static Map<String, String> keyValues(Map<String, Object> body, String field, int maxValue) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (Map<String, Object> entry : list(body, field)) {
            String key = key(entry.get("key"));
            Object value = entry.get("value");
            require(value instanceof String, field + " " + key + ": value must be a string, was " + value);
            require(((String) value).length() <= maxValue, field + " " + key + ": value longer than " + maxValue);
            entries.put(key, (String) value);
        }
        return entries;
    }

    /** Checks a key as MLflow's server does ({@code _validate_metric_name} and the like). */
    static String key(Object key) {
        require(key instanceof String, "key must be a string, was " + key);
        String text = (String) key;
        require(KEY.matcher(text).matches(), "Invalid name: '" + text + "'");
        require(text.length() <= 250, "key longer than 250: " + text);
        require(normalised(text), "Invalid name: '" + text + "': it would resolve to another path");
        return text;
    }

    /** Returns whether a POSIX path normalisation leaves the name as it is (MLflow's {@code path_not_unique}). */
    static boolean normalised(String name) {
        if (name.isEmpty() || name.equals(".") || name.startsWith("..") || name.startsWith("/")) {
            return false;
        }
        if (name.endsWith("/") || name.contains("//")) {
            return false;
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLong(Object value) {
        return value instanceof Integer || value instanceof Long;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null) {
            return List.of();
        }
        require(value instanceof List<?>, field + " must be a list");
        return (List<Map<String, Object>>) value;
    }

    private static String string(Map<String, Object> body, String field) {
        require(body.get(field) instanceof String, field + " must be a string, was " + body.get(field));
        return (String) body.get(field);
    }

    private static long integer(Map<String, Object> body, String field) {
        require(isLong(body.get(field)), field + " must be an integer, was " + body.get(field));
        return ((Number) body.get(field)).longValue();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new Invalid(message);
        }
    }

    private static Map<String, Object> error(String code, String message) {
        return Map.of("error_code", code, "message", message);
    }

    private static String header(HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value;
    }

    private static void send(HttpExchange exchange, int status, Map<String, Object> json) throws IOException {
        byte[] bytes = Json.writeLine(json).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
