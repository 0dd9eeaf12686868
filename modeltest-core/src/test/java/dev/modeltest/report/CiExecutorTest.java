package dev.modeltest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CiExecutorTest {

    @Test
    void describesAGitHubActionsRun() {
        Map<String, String> env = Map.of(
                "CI", "true",
                "GITHUB_ACTIONS", "true",
                "GITHUB_SERVER_URL", "https://github.com",
                "GITHUB_REPOSITORY", "acme/churn-model",
                "GITHUB_RUN_ID", "9876543210",
                "GITHUB_RUN_NUMBER", "42",
                "GITHUB_WORKFLOW", "quality gates");

        assertThat(CiExecutor.detect(env))
                .contains(Map.of(
                        "name", "GitHub Actions",
                        "type", "github",
                        "url", "https://github.com/acme/churn-model",
                        "buildOrder", 42L,
                        "buildName", "quality gates #42",
                        "buildUrl", "https://github.com/acme/churn-model/actions/runs/9876543210"));
    }

    @Test
    void describesAGitLabPipeline() {
        Map<String, String> env = Map.of(
                "CI", "true",
                "GITLAB_CI", "true",
                "CI_PROJECT_URL", "https://gitlab.example.com/ml/churn",
                "CI_PIPELINE_IID", "17",
                "CI_JOB_NAME", "model-test",
                "CI_JOB_URL", "https://gitlab.example.com/ml/churn/-/jobs/555");

        assertThat(CiExecutor.detect(env))
                .contains(Map.of(
                        "name", "GitLab CI",
                        "type", "gitlab",
                        "url", "https://gitlab.example.com/ml/churn",
                        "buildOrder", 17L,
                        "buildName", "model-test #17",
                        "buildUrl", "https://gitlab.example.com/ml/churn/-/jobs/555"));
    }

    @Test
    void describesAJenkinsBuild() {
        Map<String, String> env = Map.of(
                "JENKINS_URL", "https://jenkins.example.com/",
                "BUILD_NUMBER", "305",
                "JOB_NAME", "churn-model/main",
                "BUILD_URL", "https://jenkins.example.com/job/churn-model/job/main/305/");

        assertThat(CiExecutor.detect(env))
                .contains(Map.of(
                        "name", "Jenkins",
                        "type", "jenkins",
                        "url", "https://jenkins.example.com/",
                        "buildOrder", 305L,
                        "buildName", "churn-model/main #305",
                        "buildUrl", "https://jenkins.example.com/job/churn-model/job/main/305/"));
    }

    @Test
    void recognisesAnyOtherCiByTheCiVariable() {
        assertThat(CiExecutor.detect(Map.of("CI", "true"))).contains(Map.of("name", "CI", "type", "ci"));
    }

    @Test
    void leavesOutValuesWhoseVariablesAreMissing() {
        assertThat(CiExecutor.detect(Map.of("GITHUB_ACTIONS", "true")))
                .contains(Map.of("name", "GitHub Actions", "type", "github"));
    }

    @Test
    void leavesOutABuildOrderThatIsNotANumber() {
        Map<String, String> env = Map.of("GITHUB_ACTIONS", "true", "GITHUB_WORKFLOW", "ci", "GITHUB_RUN_NUMBER", "abc");

        assertThat(CiExecutor.detect(env))
                .contains(Map.of("name", "GitHub Actions", "type", "github", "buildName", "ci #abc"));
    }

    @Test
    void findsNoExecutorOutsideCi() {
        assertThat(CiExecutor.detect(Map.of("HOME", "/home/me", "CI", "false"))).isEmpty();
    }
}
