package dev.modeltest.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A new user's first contact, on the Maven and JDK of this build: generate a project from the archetype, run
 * {@code mvn verify} with no edit, read what it wrote; then break it in the ways the archetype's README describes.
 */
class ArchetypeIT {

    static final String VERSION = System.getProperty("it.modeltestVersion");
    static Path generated;

    @BeforeAll
    static void generate() {
        Path dir = MavenRun.work().resolve("generated").toAbsolutePath();
        MavenRun.delete(dir);
        MavenRun.write(dir.resolve(".keep"), "");
        MavenRun.Result result = MavenRun.run(
                dir,
                "generate",
                "archetype:generate",
                "-DarchetypeGroupId=dev.modeltest",
                "-DarchetypeArtifactId=modeltest-archetype",
                "-DarchetypeVersion=" + VERSION,
                "-DgroupId=com.example",
                "-DartifactId=demo",
                "-Dpackage=com.example");
        assertThat(result.exitCode()).as(result.describe()).isZero();
        generated = dir.resolve("demo");
        assertThat(generated.resolve("src/test/java/com/example/ChurnModelTest.java"))
                .exists();
        assertThat(generated.resolve(".github/workflows/model-quality.yml")).exists();
        assertThat(generated.resolve(".gitignore")).exists();
        assertThat(generated.resolve("README.md")).exists();
    }

    @Test
    void theGeneratedProjectRunsItsEightGatesGreenAndWritesTheReport() {
        Path project = MavenRun.copy(generated, MavenRun.work().resolve("green/demo"));

        MavenRun.Result result = MavenRun.run(project, "green", "verify");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.output())
                .contains("Tests run: 8, Failures: 0, Errors: 0, Skipped: 0")
                .contains("modeltest: 8 checks: 8 passed")
                .contains("BUILD SUCCESS")
                .doesNotContain("No SLF4J providers")
                .doesNotContain("SLF4J(W)");
        assertThat(MavenRun.read(project.resolve("target/surefire-reports/TEST-com.example.ChurnModelTest.xml")))
                .contains("tests=\"8\"")
                .contains("failures=\"0\"")
                .contains("errors=\"0\"")
                .contains("skipped=\"0\"");
        assertThat(MavenRun.read(project.resolve("target/modeltest/summary.md")))
                .contains("modeltest: 8 checks: 8 passed");
        assertThat(project.resolve("target/site/allure-maven-plugin/index.html"))
                .exists();
        assertThat(reportedTestCases(project)).isEqualTo(8);
        theWorkflowsStepsFitTheProject(project);
        // The last lines say where the report is.
        assertThat(MavenRun.lastLines(result.output(), 15))
                .contains("modeltest: HTML report in " + project.resolve("target/site/allure-maven-plugin/index.html"));
    }

    @Test
    void aThresholdEditedToFailFailsTheBuildAndTheReportIsStillWritten() {
        Path project = MavenRun.copy(generated, MavenRun.work().resolve("failing/demo"));
        Path test = project.resolve("src/test/java/com/example/ChurnModelTest.java");
        String source = MavenRun.read(test);
        assertThat(source).contains("@AccuracyAtLeast(value = 0.80, confidence = 0.95)");
        MavenRun.write(test, source.replace("@AccuracyAtLeast(value = 0.80", "@AccuracyAtLeast(value = 0.95"));

        MavenRun.Result result = MavenRun.run(project, "failing", "verify");

        assertThat(result.exitCode()).as(result.describe()).isNotZero();
        assertThat(result.output())
                .contains("Tests run: 8, Failures: 1, Errors: 0, Skipped: 0")
                .contains("Expecting model accuracy on scored.csv (n=400)")
                .contains("Quality gates failed")
                .contains("BUILD FAILURE");
        assertThat(project.resolve("target/site/allure-maven-plugin/index.html"))
                .exists();
        assertThat(reportedTestCases(project)).isEqualTo(8);
        assertThat(MavenRun.read(project.resolve("target/modeltest/summary.md")))
                .contains("modeltest: 8 checks: 7 passed, 1 failed");
        // What the generated README shows under "Read a failure" is what the build prints, line by line.
        assertThat(readmeSection(project, "## Read a failure").lines())
                .allSatisfy(line -> assertThat(result.output()).contains(line));
    }

    @Test
    void mistakesFailNamingTheCulprit() {
        Path project = MavenRun.copy(generated, MavenRun.work().resolve("mistakes/demo"));
        Path tests = project.resolve("src/test/java/com/example");
        String source = MavenRun.read(tests.resolve("ChurnModelTest.java"));
        MavenRun.write(
                tests.resolve("ChurnModelTest.java"), source.replace("label = \"churned\"", "label = \"churn\""));
        MavenRun.write(tests.resolve("WrongPathTest.java"), """
                package com.example;

                import dev.modeltest.junit.ModelTest;
                import dev.modeltest.junit.NoMissingValues;

                @ModelTest(predictions = "predicted", scores = "p_yes", data = "src/test/resources/score.csv", \
                label = "churned")
                class WrongPathTest {
                    @NoMissingValues
                    void everyRowIsComplete() {}
                }
                """);
        MavenRun.write(tests.resolve("PercentTest.java"), """
                package com.example;

                import dev.modeltest.junit.AccuracyAtLeast;
                import dev.modeltest.junit.ModelTest;

                @ModelTest(predictions = "predicted", scores = "p_yes", data = "src/test/resources/scored.csv", \
                label = "churned")
                class PercentTest {
                    @AccuracyAtLeast(85)
                    void accurateEnough() {}
                }
                """);

        MavenRun.Result result = MavenRun.run(project, "mistakes", "verify");

        assertThat(result.exitCode()).as(result.describe()).isNotZero();
        assertThat(result.output())
                .contains("data set scored.csv has no label column 'churn' (did you mean 'churned'?)")
                .contains("data file 'src/test/resources/score.csv' does not exist (looked at "
                        + project.resolve("src/test/resources/score.csv") + ")")
                .contains("@AccuracyAtLeast on PercentTest.accurateEnough(): 'value' must be in [0, 1], was 85")
                .contains("Quality gates failed");
        assertThat(project.resolve("target/site/allure-maven-plugin/index.html"))
                .exists();
    }

    @Test
    void aProjectInWhichNoTestRunsFailsTheBuild() {
        Path project = MavenRun.copy(generated, MavenRun.work().resolve("no-tests/demo"));
        MavenRun.delete(project.resolve("src/test/java"));

        MavenRun.Result result = MavenRun.run(project, "no-tests", "verify");

        assertThat(result.exitCode()).as(result.describe()).isNotZero();
        assertThat(result.output()).contains("No tests were executed!").contains("BUILD FAILURE");
    }

    /**
     * The generated GitHub workflow runs what was run here, puts the summary on the job page once (its shell step, run
     * here with a job summary file of its own), and uploads the report directory that the build wrote.
     */
    @SuppressWarnings("unchecked")
    static void theWorkflowsStepsFitTheProject(Path project) {
        Map<String, Object> workflow =
                (Map<String, Object>) new Load(LoadSettings.builder().build())
                        .loadFromString(MavenRun.read(project.resolve(".github/workflows/model-quality.yml")));
        assertThat((Map<String, Object>) workflow.get("on")).containsKeys("push", "pull_request");
        List<Map<String, Object>> steps = (List<Map<String, Object>>)
                ((Map<String, Object>) ((Map<String, Object>) workflow.get("jobs")).get("gates")).get("steps");
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        steps.stream().filter(s -> s.containsKey("name")).forEach(s -> byName.put((String) s.get("name"), s));

        assertThat(byName.get("Quality gates and report").get("run"))
                .isEqualTo("env -u GITHUB_STEP_SUMMARY mvn -B verify");

        Map<String, Object> summary = byName.get("Summary on the job page");
        assertThat(summary.get("if")).isEqualTo("always()");
        Path jobSummary = project.resolve("target/github-step-summary.md");
        try {
            ProcessBuilder shell = new ProcessBuilder("bash", "-e", "-c", (String) summary.get("run"))
                    .directory(project.toFile())
                    .inheritIO();
            shell.environment().put("GITHUB_STEP_SUMMARY", jobSummary.toString());
            assertThat(shell.start().waitFor()).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        String page = MavenRun.read(jobSummary);
        assertThat(page).contains("modeltest: 8 checks: 8 passed");
        assertThat(page.split("modeltest: 8 checks", -1)).hasSize(2);

        Map<String, Object> upload = byName.get("Keep the HTML report");
        assertThat(upload.get("if")).isEqualTo("always()");
        String path = (String) ((Map<String, Object>) upload.get("with")).get("path");
        assertThat(project.resolve(path).resolve("index.html")).exists();
    }

    /** The fenced blocks of the generated README's section, joined. */
    static String readmeSection(Path project, String heading) {
        String readme = MavenRun.read(project.resolve("README.md"));
        int start = readme.indexOf("\n" + heading + "\n");
        assertThat(start).as("README section " + heading).isNotNegative();
        int end = readme.indexOf("\n## ", start + heading.length() + 2);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        return String.join("", MavenRun.fencedBlocks(section));
    }

    /** The number of test results in the HTML report's data. */
    static long reportedTestCases(Path project) {
        Path cases = project.resolve("target/site/allure-maven-plugin/data/test-cases");
        try (Stream<Path> files = Files.list(cases)) {
            return files.filter(f -> f.toString().endsWith(".json")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
