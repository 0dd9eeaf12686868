package dev.modeltest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * With a tracking URI set, each model test class is logged to an MLflow run over MLflow's REST API. Tested against a
 * local HTTP server ({@link MlflowStub}) that answers as MLflow's tracking server does and refuses what MLflow's
 * documented REST contract refuses; not against a real MLflow.
 */
class MlflowExportTest {

    private static final String API = "/api/2.0/mlflow/";
    private static final String GATES = GatesTestCase.class.getName();

    @TempDir
    Path output;

    private MlflowStub stub;

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class GatesTestCase {
        @Order(1)
        @AccuracyAtLeast(0.85)
        void accurate() {}

        @Order(2)
        @AccuracyAtLeast(0.95)
        void notAccurateEnough() {}

        @Order(3)
        @FBetaAtLeast(value = 0.5, beta = 2)
        void recallWeighted() {}

        @Order(4)
        @NoMissingValues
        void complete() {}
    }

    /** More gates than one log-batch request can hold params for (100). */
    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class ManyGatesTestCase {
        @AccuracyAtLeast(0.5)
        void g01() {}

        @AccuracyAtLeast(0.5)
        void g02() {}

        @AccuracyAtLeast(0.5)
        void g03() {}

        @AccuracyAtLeast(0.5)
        void g04() {}

        @AccuracyAtLeast(0.5)
        void g05() {}

        @AccuracyAtLeast(0.5)
        void g06() {}

        @AccuracyAtLeast(0.5)
        void g07() {}

        @AccuracyAtLeast(0.5)
        void g08() {}

        @AccuracyAtLeast(0.5)
        void g09() {}

        @AccuracyAtLeast(0.5)
        void g10() {}

        @AccuracyAtLeast(0.5)
        void g11() {}

        @AccuracyAtLeast(0.5)
        void g12() {}

        @AccuracyAtLeast(0.5)
        void g13() {}

        @AccuracyAtLeast(0.5)
        void g14() {}

        @AccuracyAtLeast(0.5)
        void g15() {}
    }

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class BadAttributeTestCase {
        @AccuracyAtLeast(0.85)
        void accurate() {}

        @AccuracyAtLeast(1.5)
        void impossible() {}
    }

    @BeforeEach
    void startServer() throws IOException {
        stub = new MlflowStub();
    }

    @AfterEach
    void stopServer() {
        stub.close();
    }

    @Test
    void logsTheClassAsOneRunInTheRestApisOrder() {
        EngineExecutionResults results = run(GatesTestCase.class, Map.of());

        String artifacts = "PUT /api/2.0/mlflow-artifacts/artifacts/100/" + runId() + "/artifacts/";
        assertThat(stub.endpoints())
                .containsExactly(
                        "GET " + API + "experiments/get-by-name",
                        "POST " + API + "experiments/create",
                        "POST " + API + "runs/create",
                        "POST " + API + "runs/log-batch",
                        artifacts + "summary.md",
                        artifacts + "model-card.md",
                        artifacts + "model-page.html",
                        artifacts + "run-record.json",
                        "POST " + API + "runs/update");
        assertThat(notices(results))
                .containsExactly("modeltest: MLflow: GatesTestCase logged to run " + runId() + " of experiment '"
                        + GATES + "': " + stub.uri() + "/#/experiments/100/runs/" + runId());
        // Logging changes no outcome: the failing gate fails, the others pass.
        assertThat(TestKit.succeeded(results)).containsExactly("accurate()", "complete()", "recallWeighted()");
        assertThat(TestKit.failureOf(results, "notAccurateEnough")).contains("to be at least");
    }

    @Test
    void theRequestsCarryTheFieldsMlflowDocumentsWithTheirTypes() {
        long before = System.currentTimeMillis();
        run(GatesTestCase.class, Map.of());
        long after = System.currentTimeMillis();

        assertThat(request("GET " + API + "experiments/get-by-name").query())
                .isEqualTo("experiment_name=" + GATES.replace("$", "%24"));
        assertThat(request("POST " + API + "experiments/create").json()).isEqualTo(Map.of("name", GATES));
        Map<String, Object> create = request("POST " + API + "runs/create").json();
        assertThat(create).containsEntry("experiment_id", "100").containsEntry("run_name", "GatesTestCase");
        assertThat(((Number) create.get("start_time")).longValue()).isBetween(before, after);
        assertThat(stub.tags).containsEntry("mlflow.source.name", GATES);
        MlflowStub.Request batch = request("POST " + API + "runs/log-batch");
        assertThat(batch.contentType()).isEqualTo("application/json");
        Map<String, Object> body = batch.json();
        assertThat(body.get("run_id")).isEqualTo(runId());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> metrics = (List<Map<String, Object>>) body.get("metrics");
        assertThat(metrics).allSatisfy(metric -> {
            assertThat(metric).containsOnlyKeys("key", "value", "timestamp", "step");
            assertThat(metric.get("value")).isInstanceOf(Double.class);
            assertThat(((Number) metric.get("timestamp")).longValue()).isBetween(before, after);
            assertThat(metric.get("step")).isEqualTo(0);
        });
        Map<String, Object> update = request("POST " + API + "runs/update").json();
        assertThat(update).containsEntry("run_id", runId()).containsEntry("status", "FINISHED");
        assertThat(((Number) update.get("end_time")).longValue()).isBetween(before, after);
    }

    @Test
    void metricsAreTheValuesAndBoundsUnderTheRunRecordsKeysMadeValid() {
        run(GatesTestCase.class, Map.of());

        assertThat(stub.metrics)
                .containsEntry("accurate.accuracy-at-least", 0.9)
                .containsEntry("accurate.accuracy-at-least.threshold", 0.85)
                .containsEntry("accurate.accuracy-at-least.n", 10.0)
                .containsEntry("accurate.accuracy-at-least.passed", 1.0)
                .containsEntry("notAccurateEnough.accuracy-at-least.passed", 0.0)
                .containsKeys(
                        "accurate.accuracy-at-least.lower",
                        "accurate.accuracy-at-least.upper",
                        "recallWeighted.metric-at-least_f_beta_beta_2",
                        "complete.no-missing-values.n");
        assertThat(stub.metrics.get("accurate.accuracy-at-least.lower")).isBetween(0.5958, 0.5959);
        assertThat(stub.metrics.keySet()).allSatisfy(MlflowStub::key);
    }

    @Test
    void paramsAreTheGateAttributesAndTagsTheVerdictsAndProvenance() {
        run(GatesTestCase.class, Map.of());

        assertThat(stub.params)
                .containsEntry("ModelTest.data", TestModels.TINY)
                .containsEntry("ModelTest.label", "label")
                .containsEntry("accurate.AccuracyAtLeast.value", "0.85")
                .containsEntry("accurate.AccuracyAtLeast.interval", "AUTO")
                .containsEntry("recallWeighted.FBetaAtLeast.beta", "2.0");
        assertThat(stub.tags)
                .containsEntry("modeltest.verdict", "FAIL")
                .containsEntry("modeltest.checks", "4 checks: 3 PASS, 1 FAIL")
                .containsEntry("modeltest.verdict.accurate.accuracy-at-least", "PASS")
                .containsEntry("modeltest.verdict.notAccurateEnough.accuracy-at-least", "FAIL")
                .containsEntry("modeltest.verdict.recallWeighted.metric-at-least_f_beta_beta_2", "PASS")
                .containsEntry("modeltest.testClass", GATES)
                .containsEntry("modeltest.data", "tiny.csv")
                .containsEntry("modeltest.data.rows", "10")
                .containsEntry("modeltest.model", "threshold model");
        assertThat(stub.tags.get("modeltest.data.sha256")).matches("[0-9a-f]{64}");
        String commit = dev.modeltest.env.RunEnvironment.current().gitCommit();
        if (!commit.isEmpty()) {
            assertThat(stub.tags)
                    .containsEntry("mlflow.source.git.commit", commit)
                    .containsEntry("modeltest.git.commit", commit);
        }
    }

    @Test
    void theFilesAreUploadedThroughTheArtifactProxyWithTheirContentTypes() throws IOException {
        run(GatesTestCase.class, Map.of());

        String root = "100/" + runId() + "/artifacts/";
        assertThat(stub.artifacts)
                .containsOnlyKeys(
                        root + "summary.md",
                        root + "model-card.md",
                        root + "model-page.html",
                        root + "run-record.json");
        assertThat(stub.artifacts.get(root + "model-card.md"))
                .isEqualTo(Files.readString(ModelCard.file(output, GatesTestCase.class)));
        assertThat(stub.artifacts.get(root + "model-page.html"))
                .isEqualTo(Files.readString(ModelPages.file(output, GatesTestCase.class)));
        assertThat(stub.artifacts.get(root + "run-record.json"))
                .isEqualTo(Files.readString(output.resolve("runs").resolve(GATES + ".json")));
        assertThat(stub.artifacts.get(root + "summary.md"))
                .startsWith("## ❌ modeltest: 4 checks: 3 passed, 1 failed\n")
                .contains("| GatesTestCase | accuracy ≥ 0.8500 on tiny.csv | 0.9000 |");
        Map<String, String> types = new LinkedHashMap<>();
        stub.requests().stream()
                .filter(r -> r.method().equals("PUT"))
                .forEach(r -> types.put(r.path().substring(r.path().lastIndexOf('/') + 1), r.contentType()));
        assertThat(types)
                .containsExactly(
                        Map.entry("summary.md", "text/markdown; charset=utf-8"),
                        Map.entry("model-card.md", "text/markdown; charset=utf-8"),
                        Map.entry("model-page.html", "text/html; charset=utf-8"),
                        Map.entry("run-record.json", "application/json"));
    }

    @Test
    void logsIntoTheConfiguredExperimentWhenItExists() {
        String id = stub.experiment("fraud models");
        stub.experiment("other");

        run(GatesTestCase.class, Map.of(MlflowSettings.EXPERIMENT_PARAMETER, "fraud models"));

        assertThat(stub.endpoints().subList(0, 2))
                .containsExactly("GET " + API + "experiments/get-by-name", "POST " + API + "runs/create");
        assertThat(request("GET " + API + "experiments/get-by-name").query()).isEqualTo("experiment_name=fraud+models");
        assertThat(request("POST " + API + "runs/create").json()).containsEntry("experiment_id", id);
    }

    @Test
    void theDocumentedExampleIsWhatIsLogged() throws IOException {
        run(GatesTestCase.class, Map.of());

        String docs = Files.readString(AnnotationListTest.DOCS.resolve("mlflow.md"));
        int from = docs.indexOf("```text\n", docs.indexOf("The metrics, params and tags of a class with these gates"));
        assertThat(from).as("the example in docs/mlflow.md").isPositive();
        List<String> lines =
                docs.substring(from + 8, docs.indexOf("```", from + 8)).lines().toList();
        assertThat(lines).hasSizeGreaterThan(10);
        for (String line : lines) {
            String[] kindKey = line.substring(0, line.indexOf(" = ")).split(" ");
            String value = line.substring(line.indexOf(" = ") + 3);
            Map<String, ?> logged = switch (kindKey[0]) {
                case "metric" -> stub.metrics;
                case "param" -> stub.params;
                case "tag" -> stub.tags;
                default -> throw new AssertionError("unknown kind in " + line);
            };
            assertThat(logged).as(line).containsKey(kindKey[1]);
            String actual = String.valueOf(logged.get(kindKey[1]));
            if (value.endsWith("...")) {
                assertThat(actual).as(line).startsWith(value.substring(0, value.length() - 3));
            } else {
                assertThat(actual).as(line).isEqualTo(value);
            }
        }
    }

    @Test
    void aGateWithABadAttributeIsAnErrorVerdictOfTheRun() {
        run(BadAttributeTestCase.class, Map.of());

        assertThat(stub.tags)
                .containsEntry("modeltest.verdict", "ERROR")
                .containsEntry("modeltest.verdict.impossible", "ERROR")
                .containsEntry("modeltest.verdict.accurate.accuracy-at-least", "PASS")
                .containsEntry("modeltest.checks", "2 checks: 1 PASS, 1 ERROR");
        assertThat(stub.tags.get("modeltest.error.impossible"))
                .startsWith("CONFIGURATION: @AccuracyAtLeast on BadAttributeTestCase.impossible(): 'value'");
    }

    @Test
    void aDeletedExperimentIsAWarningAndNoRun() {
        stub.experiment("old");
        stub.deleted.add("old");

        EngineExecutionResults results = run(GatesTestCase.class, Map.of(MlflowSettings.EXPERIMENT_PARAMETER, "old"));

        assertThat(notices(results))
                .containsExactly("modeltest: MLflow: GatesTestCase not logged to " + stub.uri() + ": experiment 'old'"
                        + " is deleted; restore it (mlflow experiments restore) or log to another name"
                        + " (modeltest.mlflow.experimentName)");
        assertThat(stub.endpoints()).containsExactly("GET " + API + "experiments/get-by-name");
    }

    @Test
    void aRefusedFileIsAWarningAndTheOthersAreStillUploaded() {
        stub.failing = "*model-page.html";

        EngineExecutionResults results = run(GatesTestCase.class, Map.of());

        String root = "100/" + runId() + "/artifacts/";
        assertThat(stub.artifacts)
                .containsOnlyKeys(root + "summary.md", root + "model-card.md", root + "run-record.json");
        assertThat(request("POST " + API + "runs/update").json()).containsEntry("status", "FINISHED");
        assertThat(notices(results)).hasSize(2);
        assertThat(notices(results).get(1))
                .isEqualTo("modeltest: MLflow: model-page.html of GatesTestCase not uploaded to " + stub.uri()
                        + " (run " + runId() + " of experiment '" + GATES
                        + "'): PUT /api/2.0/mlflow-artifacts/artifacts/"
                        + root + "model-page.html answered HTTP 500: INTERNAL_ERROR: the stub was told to fail");
    }

    @Test
    void moreEntitiesThanOneRequestHoldsAreSplitWithinMlflowsLimits() {
        EngineExecutionResults results = run(ManyGatesTestCase.class, Map.of());

        List<MlflowStub.Request> batches = stub.requests().stream()
                .filter(r -> r.endpoint().equals("POST " + API + "runs/log-batch"))
                .toList();
        assertThat(stub.params).hasSizeGreaterThan(100);
        assertThat(batches).hasSize(2);
        int params = 0;
        for (MlflowStub.Request batch : batches) {
            Map<String, Object> body = batch.json();
            int p = size(body, "params");
            int t = size(body, "tags");
            int m = size(body, "metrics");
            assertThat(p).isLessThanOrEqualTo(100);
            assertThat(t).isLessThanOrEqualTo(100);
            assertThat(m).isLessThanOrEqualTo(1000);
            assertThat(p + t + m).isLessThanOrEqualTo(1000);
            params += p;
        }
        assertThat(params).isEqualTo(stub.params.size());
        assertThat(stub.metrics).containsKey("g15.accuracy-at-least.passed");
        assertThat(notices(results)).singleElement().asString().contains(" logged to run ");
    }

    @Test
    void anErrorAnswerAfterTheRunStartedIsAWarningAndEndsTheRunAsFailed() {
        stub.failing = "POST " + API + "runs/log-batch";

        EngineExecutionResults results = run(GatesTestCase.class, Map.of());

        assertThat(notices(results))
                .containsExactly("modeltest: MLflow: GatesTestCase only partly logged to " + stub.uri() + " (run "
                        + runId() + " of experiment '" + GATES + "'): POST " + API + "runs/log-batch answered HTTP"
                        + " 500: INTERNAL_ERROR: the stub was told to fail; the run was ended as FAILED");
        assertThat(stub.endpoints()).last().isEqualTo("POST " + API + "runs/update");
        assertThat(request("POST " + API + "runs/update").json()).containsEntry("status", "FAILED");
        assertThat(TestKit.succeeded(results)).containsExactly("accurate()", "complete()", "recallWeighted()");
    }

    @Test
    void anErrorAnswerBeforeTheRunStartedLogsNothingMoreAndSaysSo() {
        stub.failing = "GET " + API + "experiments/get-by-name";

        EngineExecutionResults results = run(GatesTestCase.class, Map.of());

        assertThat(notices(results))
                .containsExactly("modeltest: MLflow: GatesTestCase not logged to " + stub.uri() + ": GET " + API
                        + "experiments/get-by-name answered HTTP 500: INTERNAL_ERROR: the stub was told to fail");
        assertThat(stub.endpoints()).hasSize(1);
        assertThat(TestKit.succeeded(results)).hasSize(3);
    }

    @Test
    void aServerThatNeverAnswersCostsOneTimeoutAndIsAWarning() {
        stub.hanging = true;

        EngineExecutionResults results = assertTimeoutPreemptively(
                Duration.ofSeconds(60), () -> run(GatesTestCase.class, Map.of(MlflowSettings.TIMEOUT_PARAMETER, "1")));

        assertThat(notices(results))
                .containsExactly("modeltest: MLflow: GatesTestCase not logged to " + stub.uri() + ": GET " + API
                        + "experiments/get-by-name got no answer within 1 s");
        assertThat(stub.endpoints()).hasSize(1);
        assertThat(TestKit.succeeded(results)).hasSize(3);
    }

    @Test
    void aServerThatDidNotAnswerIsNotWaitedForAgainInTheSameRun() {
        stub.hanging = true;

        EngineExecutionResults results = assertTimeoutPreemptively(
                Duration.ofSeconds(60),
                () -> EngineTestKit.engine("junit-jupiter")
                        .configurationParameter(Reporting.OUTPUT_DIR_PARAMETER, output.toString())
                        .configurationParameter(MlflowSettings.TRACKING_URI_PARAMETER, stub.uri())
                        .configurationParameter(MlflowSettings.TIMEOUT_PARAMETER, "1")
                        .selectors(selectClass(GatesTestCase.class), selectClass(BadAttributeTestCase.class))
                        .execute());

        // JUnit orders the two classes as it likes: whichever ran first waited, the other did not.
        List<String> notices = notices(results);
        assertThat(notices).hasSize(2);
        String first = notices.get(0).contains("GatesTestCase") ? "GatesTestCase" : "BadAttributeTestCase";
        String second = first.equals("GatesTestCase") ? "BadAttributeTestCase" : "GatesTestCase";
        assertThat(notices)
                .containsExactly(
                        "modeltest: MLflow: " + first + " not logged to " + stub.uri() + ": GET " + API
                                + "experiments/get-by-name got no answer within 1 s",
                        "modeltest: MLflow: " + second + " not logged to " + stub.uri() + ": it did not answer for "
                                + first + " earlier in this run");
        assertThat(stub.endpoints()).hasSize(1);
    }

    @Test
    void aServerThatStopsAnsweringDuringTheUploadsLeavesTheRunRunningAndIsNotAskedAgain() {
        stub.hangingOn = "*summary.md";

        EngineExecutionResults results = assertTimeoutPreemptively(
                Duration.ofSeconds(60), () -> run(GatesTestCase.class, Map.of(MlflowSettings.TIMEOUT_PARAMETER, "1")));

        String root = "/api/2.0/mlflow-artifacts/artifacts/100/" + runId() + "/artifacts/";
        String runText = "run " + runId() + " of experiment '" + GATES + "'";
        assertThat(notices(results))
                .containsExactly(
                        "modeltest: MLflow: summary.md of GatesTestCase not uploaded to " + stub.uri() + " (" + runText
                                + "): PUT " + root + "summary.md got no answer within 1 s",
                        "modeltest: MLflow: " + runText + " was left RUNNING: the server stopped answering");
        assertThat(stub.endpoints()).last().isEqualTo("PUT " + root + "summary.md");
    }

    @Test
    void anUnreachableServerIsAWarning() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String uri = "http://127.0.0.1:" + port;

        EngineExecutionResults results = run(GatesTestCase.class, Map.of(MlflowSettings.TRACKING_URI_PARAMETER, uri));

        assertThat(notices(results))
                .singleElement()
                .asString()
                .startsWith("modeltest: MLflow: GatesTestCase not logged to " + uri + ": GET " + API
                        + "experiments/get-by-name failed: ConnectException");
    }

    @Test
    void aServerThatDoesNotServeArtifactsGetsEverythingElseAndAWarning() {
        stub.artifactUri = "s3://models-bucket/%s/artifacts";

        EngineExecutionResults results = run(GatesTestCase.class, Map.of());

        assertThat(stub.endpoints()).noneMatch(e -> e.startsWith("PUT "));
        assertThat(stub.endpoints()).last().isEqualTo("POST " + API + "runs/update");
        assertThat(request("POST " + API + "runs/update").json()).containsEntry("status", "FINISHED");
        assertThat(notices(results))
                .containsExactly(
                        "modeltest: MLflow: GatesTestCase logged to run " + runId() + " of experiment '" + GATES + "': "
                                + stub.uri() + "/#/experiments/100/runs/" + runId(),
                        "modeltest: MLflow: the files of GatesTestCase were not uploaded: the run's artifact"
                                + " location 's3://models-bucket/100/" + runId() + "/artifacts' is not served by the"
                                + " tracking server (it serves artifacts as mlflow-artifacts:/... by default since"
                                + " MLflow 2.0; see --serve-artifacts)");
    }

    @Test
    void aLocalFileStoreIsAWarningThatOnlyHttpServersAreSupported() {
        EngineExecutionResults results =
                run(GatesTestCase.class, Map.of(MlflowSettings.TRACKING_URI_PARAMETER, "file:///tmp/mlruns"));

        assertThat(notices(results))
                .containsExactly("modeltest: MLflow: GatesTestCase not logged: tracking URI 'file:///tmp/mlruns' is"
                        + " not an http(s) tracking server; modeltest logs over MLflow's REST API only (start one"
                        + " with `mlflow server` and set its http:// URI)");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void anInvalidTimeoutIsAWarningNamingTheParameter() {
        EngineExecutionResults results = run(GatesTestCase.class, Map.of(MlflowSettings.TIMEOUT_PARAMETER, "soon"));

        assertThat(notices(results))
                .containsExactly("modeltest: MLflow: GatesTestCase not logged: modeltest.mlflow.timeoutSeconds must be"
                        + " a number of seconds in (0, 600], was 'soon'");
        assertThat(stub.requests()).isEmpty();
        assertThat(TestKit.succeeded(results)).hasSize(3);
    }

    @Test
    void withoutATrackingUriNothingIsSentAndNothingSaid() {
        assumeTrue(System.getenv("MLFLOW_TRACKING_URI") == null, "MLFLOW_TRACKING_URI is set in this environment");

        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(Reporting.OUTPUT_DIR_PARAMETER, output.toString())
                .selectors(selectClass(GatesTestCase.class))
                .execute();

        assertThat(notices(results)).isEmpty();
        assertThat(stub.requests()).isEmpty();
        assertThat(TestKit.succeeded(results)).hasSize(3);
    }

    @Test
    void turnedOffNothingIsSentAlthoughAUriIsSet() {
        EngineExecutionResults results = run(GatesTestCase.class, Map.of(MlflowSettings.ENABLED_PARAMETER, "false"));

        assertThat(notices(results)).isEmpty();
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void credentialsFromTheEnvironmentGoOnEveryRequest() {
        Map<String, String> environment = Map.of("MLFLOW_TRACKING_TOKEN", "s3cr3t");
        MlflowSettings settings = MlflowSettings.read(
                        name -> name.equals(MlflowSettings.TRACKING_URI_PARAMETER)
                                ? Optional.of(stub.uri())
                                : Optional.empty(),
                        environment::get)
                .orElseThrow();
        MlflowExport.Run run = new MlflowExport.Run(
                "Direct",
                "direct",
                Map.of("mlflow.source.name", "Direct"),
                new MlflowExport.Entities(Map.of("p", "1"), Map.of("m", 0.5), Map.of("t", "x")),
                List.of(new MlflowExport.Artifact(
                        "summary.md", "text/markdown", "# s\n".getBytes(StandardCharsets.UTF_8))),
                1_000L,
                2_000L);

        List<String> lines = MlflowExport.export(settings, run).lines();

        assertThat(lines).singleElement().asString().startsWith("modeltest: MLflow: Direct logged to run ");
        assertThat(stub.requests())
                .hasSize(6)
                .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer s3cr3t"));
        assertThat(stub.metrics).containsExactly(Map.entry("m", 0.5));
    }

    @Test
    void theSummaryPrintsTheLineAndWritesItIntoTheMarkdown() throws IOException {
        stub.failing = "POST " + API + "runs/create";
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        SummaryListener listener = new SummaryListener(
                new PrintStream(console, true, StandardCharsets.UTF_8), StandardCharsets.UTF_8, name -> null);

        LauncherFactory.create(LauncherConfig.builder()
                        .enableTestExecutionListenerAutoRegistration(false)
                        .build())
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(selectClass(GatesTestCase.class))
                                .configurationParameter(Reporting.OUTPUT_DIR_PARAMETER, output.toString())
                                .configurationParameter(MlflowSettings.TRACKING_URI_PARAMETER, stub.uri())
                                .build(),
                        listener);

        String line = "modeltest: MLflow: GatesTestCase not logged to " + stub.uri() + ": POST " + API
                + "runs/create answered HTTP 500: INTERNAL_ERROR: the stub was told to fail";
        assertThat(console.toString(StandardCharsets.UTF_8).lines()).contains(line);
        assertThat(Files.readString(output.resolve(SummaryListener.SUMMARY_FILE)))
                .endsWith("\n" + line + "\n");
    }

    @Test
    void batchesHoldEveryEntityOnceAndKeepMlflowsLimits() {
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, String> tags = new LinkedHashMap<>();
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (int i = 0; i < 250; i++) {
            params.put("p" + i, "v");
        }
        for (int i = 0; i < 120; i++) {
            tags.put("t" + i, "x".repeat(5000));
        }
        for (int i = 0; i < 2500; i++) {
            metrics.put("m" + i, (double) i);
        }

        List<Map<String, Object>> batches =
                MlflowExport.batches("r", new MlflowExport.Entities(params, metrics, tags), 7L);

        List<String> keys = new ArrayList<>();
        for (Map<String, Object> batch : batches) {
            assertThat(batch.get("run_id")).isEqualTo("r");
            int p = size(batch, "params");
            int t = size(batch, "tags");
            int m = size(batch, "metrics");
            assertThat(p).isLessThanOrEqualTo(100);
            assertThat(t).isLessThanOrEqualTo(100);
            assertThat(m).isLessThanOrEqualTo(1000);
            assertThat(p + t + m).isLessThanOrEqualTo(1000);
            assertThat(dev.modeltest.report.Json.writeLine(batch).getBytes(StandardCharsets.UTF_8).length)
                    .isLessThan(1_000_000);
            for (String kind : List.of("params", "tags", "metrics")) {
                entities(batch, kind).forEach(e -> keys.add(kind + ":" + e.get("key")));
            }
        }
        assertThat(keys).hasSize(250 + 120 + 2500).doesNotHaveDuplicates();
        // 250 params need 3 requests, 2500 metrics need 3 (2870 entities too): 3 requests are used.
        assertThat(batches).hasSize(3);
        assertThat(entities(batches.get(0), "params")).hasSize(100);
        assertThat(entities(batches.get(0), "tags")).hasSize(100);
        assertThat(entities(batches.get(0), "metrics")).hasSize(800);
        assertThat(entities(batches.get(batches.size() - 1), "metrics").get(0))
                .containsEntry("timestamp", 7L)
                .containsEntry("step", 0L);
    }

    @Test
    void aBatchSmallEnoughIsOneRequest() {
        List<Map<String, Object>> batches = MlflowExport.batches(
                "r", new MlflowExport.Entities(Map.of("p", "1"), Map.of("m", 1.0), Map.of("t", "PASS")), 1L);

        assertThat(batches).hasSize(1);
        assertThat(batches.get(0)).containsOnlyKeys("run_id", "metrics", "params", "tags");
    }

    @Test
    void artifactLocationsMapToTheProxyOfTheTrackingServer() {
        assertThat(MlflowExport.artifactBase("http://h:5000", "mlflow-artifacts:/1/abc/artifacts"))
                .contains("http://h:5000/api/2.0/mlflow-artifacts/artifacts/1/abc/artifacts");
        assertThat(MlflowExport.artifactBase("https://h/mlflow", "mlflow-artifacts:/1/abc/artifacts"))
                .contains("https://h/mlflow/api/2.0/mlflow-artifacts/artifacts/1/abc/artifacts");
        assertThat(MlflowExport.artifactBase("http://h:5000", "mlflow-artifacts://store:6000/1/abc/artifacts"))
                .contains("http://store:6000/api/2.0/mlflow-artifacts/artifacts/1/abc/artifacts");
        assertThat(MlflowExport.artifactBase("http://h:5000", "s3://bucket/1/abc/artifacts"))
                .isEmpty();
        assertThat(MlflowExport.artifactBase("http://h:5000", "./mlruns/1/abc/artifacts"))
                .isEmpty();
        assertThat(MlflowExport.artifactBase("http://h:5000", "")).isEmpty();
    }

    private String runId() {
        Map<String, Object> created = new HashMap<>();
        stub.requests().stream()
                .filter(r -> r.endpoint().equals("POST " + API + "runs/update")
                        || r.endpoint().equals("POST " + API + "runs/log-batch"))
                .findFirst()
                .ifPresent(r -> created.putAll(r.json()));
        return String.valueOf(created.get("run_id"));
    }

    private MlflowStub.Request request(String endpoint) {
        return stub.requests().stream()
                .filter(r -> r.endpoint().equals(endpoint))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + endpoint + " among " + stub.endpoints()));
    }

    private EngineExecutionResults run(Class<?> fixture, Map<String, String> configuration) {
        Map<String, String> all = new HashMap<>();
        all.put(MlflowSettings.TRACKING_URI_PARAMETER, stub.uri());
        all.putAll(configuration);
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(Reporting.OUTPUT_DIR_PARAMETER, output.toString())
                .configurationParameters(all)
                .selectors(selectClass(fixture))
                .execute();
    }

    /** Returns the lines published for the end of the summary, in order. */
    static List<String> notices(EngineExecutionResults results) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getRequiredPayload(ReportEntry.class)
                        .getKeyValuePairs()
                        .get(Reporting.NOTICE_KEY))
                .filter(Objects::nonNull)
                .toList();
    }

    private static int size(Map<String, Object> body, String kind) {
        return entities(body, kind).size();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entities(Map<String, Object> body, String kind) {
        return (List<Map<String, Object>>) body.getOrDefault(kind, List.of());
    }
}
