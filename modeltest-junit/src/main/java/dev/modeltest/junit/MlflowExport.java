package dev.modeltest.junit;

import dev.modeltest.report.Json;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Logs one {@code @ModelTest} class's results to an MLflow run over MLflow's REST API, when the class finishes: finds
 * the experiment by name ({@code experiments/get-by-name}, creating it with {@code experiments/create} when it does not
 * exist), creates a run ({@code runs/create}), logs params, metrics and tags ({@code runs/log-batch}: one call, more
 * only when MLflow's per-request limits require), uploads the files through the server's artifact proxy ({@code PUT
 * /api/2.0/mlflow-artifacts/artifacts/...}) and ends the run ({@code runs/update}, status {@code FINISHED}).
 *
 * <p>It never throws and never waits longer than the settings' timeout for an answer: what went wrong comes back as a
 * line for the run's summary. After a request that got no answer no further request is sent; after an error answer
 * once the run exists, the run is ended with status {@code FAILED}.
 */
final class MlflowExport {

    /** The artifact proxy's root under the tracking URI. */
    static final String ARTIFACTS_API = "/api/2.0/mlflow-artifacts/artifacts";

    /** MLflow's limits on one {@code runs/log-batch} request. */
    static final int MAX_METRICS_PER_BATCH = 1000;

    static final int MAX_PARAMS_PER_BATCH = 100;
    static final int MAX_TAGS_PER_BATCH = 100;
    static final int MAX_ENTITIES_PER_BATCH = 1000;

    /** The most bytes one batch's entities may take: MLflow refuses requests over 1 MB; the rest is margin. */
    static final int MAX_BATCH_BYTES = 900_000;

    /** Every line this class returns starts so. */
    static final String PREFIX = "modeltest: MLflow: ";

    private MlflowExport() {}

    /**
     * What a run logs, under valid MLflow keys.
     *
     * @param params the gates' attributes
     * @param metrics the gates' numbers
     * @param tags verdicts, provenance and environment
     */
    record Entities(Map<String, String> params, Map<String, Double> metrics, Map<String, String> tags) {
        Entities {
            params = new LinkedHashMap<>(params);
            metrics = new LinkedHashMap<>(metrics);
            tags = new LinkedHashMap<>(tags);
        }
    }

    /**
     * A file of the run.
     *
     * @param name its name under the run's artifacts, e.g. {@code model-card.md}
     * @param contentType its media type
     * @param content its bytes
     */
    record Artifact(String name, String contentType, byte[] content) {}

    /**
     * One class's run.
     *
     * @param className the class's simple name, for messages and the run's name
     * @param experimentName the experiment to log into
     * @param runTags the tags the run starts with ({@code mlflow.source.*}, {@code mlflow.user})
     * @param entities what {@code log-batch} logs
     * @param artifacts the files to upload
     * @param startMillis when the class's first check started
     * @param endMillis when the class finished; also the metrics' timestamp
     */
    record Run(
            String className,
            String experimentName,
            Map<String, String> runTags,
            Entities entities,
            List<Artifact> artifacts,
            long startMillis,
            long endMillis) {}

    /**
     * What became of a run.
     *
     * @param lines what the summary should say: where the run is, or what went wrong, one line each
     * @param unanswered whether a request got no answer (a timeout, no connection): later classes should not wait
     *     for this server again
     */
    record Outcome(List<String> lines, boolean unanswered) {
        Outcome {
            lines = List.copyOf(lines);
        }
    }

    /** Logs a run. */
    static Outcome export(MlflowSettings settings, Run run) {
        if (!settings.isHttp()) {
            return new Outcome(
                    List.of(PREFIX + run.className() + " not logged: tracking URI '" + settings.displayUri()
                            + "' is not an http(s) tracking server; modeltest logs over MLflow's REST API only"
                            + " (start one with `mlflow server` and set its http:// URI)"),
                    false);
        }
        MlflowClient client = new MlflowClient(settings);
        List<String> lines = export(client, settings.displayUri(), settings.trackingUri(), run);
        return new Outcome(lines, client.unanswered());
    }

    private static List<String> export(MlflowClient client, String where, String trackingUri, Run run) {
        List<String> lines = new ArrayList<>();
        String experimentId;
        String runId;
        String artifactUri;
        try {
            experimentId = experiment(client, run.experimentName());
            Map<String, Object> created = client.post("runs/create", createRun(experimentId, run));
            Map<String, Object> info = map(map(created.get("run")).get("info"));
            runId = string(info.get("run_id"))
                    .or(() -> string(info.get("run_uuid")))
                    .orElse("");
            artifactUri = string(info.get("artifact_uri")).orElse("");
            if (runId.isEmpty()) {
                lines.add(PREFIX + run.className() + " not logged to " + where + ": POST " + MlflowClient.API
                        + "runs/create answered without a run_id");
                return lines;
            }
        } catch (MlflowClient.Failure e) {
            lines.add(PREFIX + run.className() + " not logged to " + where + ": " + e.getMessage());
            return lines;
        }
        String runText = "run " + runId + " of experiment '" + run.experimentName() + "'";
        try {
            for (Map<String, Object> batch : batches(runId, run.entities(), run.endMillis())) {
                client.post("runs/log-batch", batch);
            }
        } catch (MlflowClient.Failure e) {
            lines.add(PREFIX + run.className() + " only partly logged to " + where + " (" + runText + "): "
                    + e.getMessage() + end(client, runId, run, e));
            return lines;
        }
        boolean answering = upload(client, where, trackingUri, artifactUri, runText, run, lines);
        if (!answering) {
            lines.add(PREFIX + runText + " was left RUNNING: the server stopped answering");
            return lines;
        }
        try {
            client.post("runs/update", updateRun(runId, "FINISHED", run.endMillis()));
        } catch (MlflowClient.Failure e) {
            lines.add(PREFIX + run.className() + " logged to " + where + " (" + runText + "), but the run was not"
                    + " ended: " + e.getMessage());
            return lines;
        }
        lines.add(
                0,
                PREFIX + run.className() + " logged to " + runText + ": " + where + "/#/experiments/" + experimentId
                        + "/runs/" + runId);
        return lines;
    }

    /**
     * Uploads the run's files through the artifact proxy, adding a line for each that did not go; returns whether the
     * server still answers.
     */
    private static boolean upload(
            MlflowClient client,
            String where,
            String trackingUri,
            String artifactUri,
            String runText,
            Run run,
            List<String> lines) {
        Optional<String> base = artifactBase(trackingUri, artifactUri);
        if (base.isEmpty()) {
            if (!run.artifacts().isEmpty()) {
                lines.add(PREFIX + "the files of " + run.className() + " were not uploaded: the run's artifact"
                        + " location '" + MlflowSettings.display(artifactUri) + "' is not served by the tracking"
                        + " server (it serves artifacts as mlflow-artifacts:/... by default since MLflow 2.0; see"
                        + " --serve-artifacts)");
            }
            return true;
        }
        for (Artifact artifact : run.artifacts()) {
            String failed = PREFIX + artifact.name() + " of " + run.className() + " not uploaded to " + where + " ("
                    + runText + "): ";
            try {
                URI target = URI.create(base.get() + "/" + URLEncoder.encode(artifact.name(), StandardCharsets.UTF_8));
                client.put(target, artifact.content(), artifact.contentType());
            } catch (IllegalArgumentException e) {
                lines.add(failed + "no valid URL under " + base.get());
            } catch (MlflowClient.Failure e) {
                lines.add(failed + e.getMessage());
                if (!e.answered()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Ends a run whose logging failed with status FAILED, when the server still answers; says what became of it. */
    private static String end(MlflowClient client, String runId, Run run, MlflowClient.Failure failure) {
        if (!failure.answered()) {
            return "; the run was left RUNNING";
        }
        try {
            client.post("runs/update", updateRun(runId, "FAILED", run.endMillis()));
            return "; the run was ended as FAILED";
        } catch (MlflowClient.Failure e) {
            return "; the run could not be ended either: " + e.getMessage();
        }
    }

    /** Returns the experiment's id, creating the experiment when it does not exist. */
    private static String experiment(MlflowClient client, String name) throws MlflowClient.Failure {
        String query = "experiment_name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
        try {
            return experimentId(client.get("experiments/get-by-name", query), name);
        } catch (MlflowClient.Failure e) {
            if (!doesNotExist(e)) {
                throw e;
            }
        }
        try {
            Map<String, Object> created = client.post("experiments/create", Map.of("name", name));
            return string(created.get("experiment_id"))
                    .orElseThrow(() -> new MlflowClient.Failure(
                            "POST " + MlflowClient.API + "experiments/create answered without an experiment_id",
                            true,
                            200,
                            ""));
        } catch (MlflowClient.Failure e) {
            if (!"RESOURCE_ALREADY_EXISTS".equals(e.errorCode())) {
                throw e;
            }
            // Another class of the run created it in the meantime.
            return experimentId(client.get("experiments/get-by-name", query), name);
        }
    }

    private static boolean doesNotExist(MlflowClient.Failure e) {
        return e.answered() && (e.status() == 404 || "RESOURCE_DOES_NOT_EXIST".equals(e.errorCode()));
    }

    private static String experimentId(Map<String, Object> answer, String name) throws MlflowClient.Failure {
        Map<String, Object> experiment = map(answer.get("experiment"));
        if ("deleted".equals(experiment.get("lifecycle_stage"))) {
            throw new MlflowClient.Failure(
                    "experiment '" + name + "' is deleted; restore it (mlflow experiments restore) or log to another"
                            + " name (" + MlflowSettings.EXPERIMENT_PARAMETER + ")",
                    true,
                    200,
                    "");
        }
        return string(experiment.get("experiment_id"))
                .orElseThrow(() -> new MlflowClient.Failure(
                        "GET " + MlflowClient.API + "experiments/get-by-name answered without an experiment_id",
                        true,
                        200,
                        ""));
    }

    private static Map<String, Object> createRun(String experimentId, Run run) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("experiment_id", experimentId);
        body.put("run_name", run.className());
        body.put("start_time", run.startMillis());
        body.put("tags", keyValues(run.runTags()));
        return body;
    }

    private static Map<String, Object> updateRun(String runId, String status, long endMillis) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("run_id", runId);
        body.put("status", status);
        body.put("end_time", endMillis);
        return body;
    }

    /**
     * Splits the entities into {@code runs/log-batch} request bodies within MLflow's limits: at most
     * {@value #MAX_PARAMS_PER_BATCH} params, {@value #MAX_TAGS_PER_BATCH} tags and {@value #MAX_METRICS_PER_BATCH}
     * metrics, {@value #MAX_ENTITIES_PER_BATCH} in all and {@value #MAX_BATCH_BYTES} bytes of entities per request.
     * Each request takes as many params as it may, then tags, then fills up with metrics, each kind in the entities'
     * order: one request whenever one can hold them all.
     *
     * @param timestamp the metrics' timestamp, milliseconds since the epoch; every metric is at step 0
     */
    static List<Map<String, Object>> batches(String runId, Entities entities, long timestamp) {
        Deque<Map<String, Object>> params = new ArrayDeque<>(keyValues(entities.params()));
        Deque<Map<String, Object>> tags = new ArrayDeque<>(keyValues(entities.tags()));
        Deque<Map<String, Object>> metrics = new ArrayDeque<>();
        entities.metrics().forEach((key, value) -> {
            Map<String, Object> metric = new LinkedHashMap<>();
            metric.put("key", key);
            metric.put("value", value);
            metric.put("timestamp", timestamp);
            metric.put("step", 0L);
            metrics.add(metric);
        });
        List<Map<String, Object>> batches = new ArrayList<>();
        while (!params.isEmpty() || !tags.isEmpty() || !metrics.isEmpty()) {
            Batch batch = new Batch();
            batch.take("params", params, MAX_PARAMS_PER_BATCH);
            batch.take("tags", tags, MAX_TAGS_PER_BATCH);
            batch.take("metrics", metrics, MAX_METRICS_PER_BATCH);
            batches.add(batch.body(runId));
        }
        return batches;
    }

    /** A log-batch request being filled. */
    private static final class Batch {
        private final Map<String, List<Map<String, Object>>> lists = new LinkedHashMap<>();
        private int count;
        private int bytes;

        /**
         * Moves entities of one kind from the queue into the batch while the limits allow; the first entity of a
         * batch always goes in (one entity is far below every limit: values are cut to MLflow's lengths).
         */
        void take(String kind, Deque<Map<String, Object>> queue, int max) {
            List<Map<String, Object>> list = new ArrayList<>();
            while (!queue.isEmpty() && list.size() < max && count < MAX_ENTITIES_PER_BATCH) {
                int size = Json.writeLine(queue.peekFirst()).getBytes(StandardCharsets.UTF_8).length + 1;
                if (count > 0 && bytes + size > MAX_BATCH_BYTES) {
                    break;
                }
                list.add(queue.removeFirst());
                count++;
                bytes += size;
            }
            if (!list.isEmpty()) {
                lists.put(kind, list);
            }
        }

        Map<String, Object> body(String runId) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("run_id", runId);
            for (String kind : List.of("metrics", "params", "tags")) {
                if (lists.containsKey(kind)) {
                    body.put(kind, lists.get(kind));
                }
            }
            return body;
        }
    }

    private static List<Map<String, Object>> keyValues(Map<String, String> entries) {
        List<Map<String, Object>> list = new ArrayList<>();
        entries.forEach((key, value) -> {
            Map<String, Object> entity = new LinkedHashMap<>();
            entity.put("key", key);
            entity.put("value", value);
            list.add(entity);
        });
        return list;
    }

    /**
     * Returns the URL files of a run are PUT under, from the run's artifact URI: {@code mlflow-artifacts:/<path>}
     * (the tracking server's own proxy, the default of {@code mlflow server} since MLflow 2.0) maps to
     * {@code <tracking URI>/api/2.0/mlflow-artifacts/artifacts/<path>}, {@code mlflow-artifacts://host:port/<path>} to
     * the same on that host; any other location ({@code s3://}, a local folder) is not reachable over the tracking
     * server, and gives empty.
     */
    static Optional<String> artifactBase(String trackingUri, String artifactUri) {
        if (artifactUri == null || !artifactUri.startsWith("mlflow-artifacts:")) {
            return Optional.empty();
        }
        try {
            URI artifacts = new URI(artifactUri);
            String path = artifacts.getRawPath();
            if (path == null || path.isEmpty()) {
                return Optional.empty();
            }
            path = "/" + path.replaceAll("^/+", "").replaceAll("/+$", "");
            String base = trackingUri;
            if (artifacts.getHost() != null) {
                URI tracking = new URI(trackingUri);
                base = tracking.getScheme() + "://" + artifacts.getHost()
                        + (artifacts.getPort() < 0 ? "" : ":" + artifacts.getPort())
                        + (tracking.getRawPath() == null ? "" : tracking.getRawPath());
            }
            return Optional.of(base + ARTIFACTS_API + path);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static Optional<String> string(Object value) {
        return value == null || String.valueOf(value).isEmpty() ? Optional.empty() : Optional.of(String.valueOf(value));
    }
}
