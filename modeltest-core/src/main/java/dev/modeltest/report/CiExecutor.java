package dev.modeltest.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Recognises the CI system a run is in from its environment variables and describes the build the way Allure's
 * {@code executor.json} does: {@code name}, {@code type}, {@code url}, {@code buildOrder}, {@code buildName},
 * {@code buildUrl}. Recognised: GitHub Actions ({@code GITHUB_ACTIONS=true}), GitLab CI ({@code GITLAB_CI=true}),
 * Jenkins ({@code JENKINS_URL}), and any other system that sets {@code CI=true}.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class CiExecutor {

    private CiExecutor() {}

    /** Returns the executor of this process's environment, empty when no CI system is recognised. */
    public static Optional<Map<String, Object>> current() {
        return detect(System.getenv());
    }

    /**
     * Returns the executor described by these environment variables, empty when no CI system is recognised. Keys
     * whose variables are missing are left out.
     */
    public static Optional<Map<String, Object>> detect(Map<String, String> env) {
        Map<String, Object> executor = new LinkedHashMap<>();
        if ("true".equalsIgnoreCase(env.get("GITHUB_ACTIONS"))) {
            executor.put("name", "GitHub Actions");
            executor.put("type", "github");
            String repository = join(env.get("GITHUB_SERVER_URL"), env.get("GITHUB_REPOSITORY"));
            put(executor, "url", repository);
            putNumber(executor, "buildOrder", env.get("GITHUB_RUN_NUMBER"));
            put(executor, "buildName", numbered(env.get("GITHUB_WORKFLOW"), env.get("GITHUB_RUN_NUMBER")));
            if (repository != null && env.get("GITHUB_RUN_ID") != null) {
                executor.put("buildUrl", repository + "/actions/runs/" + env.get("GITHUB_RUN_ID"));
            }
        } else if ("true".equalsIgnoreCase(env.get("GITLAB_CI"))) {
            executor.put("name", "GitLab CI");
            executor.put("type", "gitlab");
            put(executor, "url", env.get("CI_PROJECT_URL"));
            putNumber(executor, "buildOrder", env.get("CI_PIPELINE_IID"));
            put(executor, "buildName", numbered(env.get("CI_JOB_NAME"), env.get("CI_PIPELINE_IID")));
            put(executor, "buildUrl", env.getOrDefault("CI_JOB_URL", env.get("CI_PIPELINE_URL")));
        } else if (present(env.get("JENKINS_URL"))) {
            executor.put("name", "Jenkins");
            executor.put("type", "jenkins");
            put(executor, "url", env.get("JENKINS_URL"));
            putNumber(executor, "buildOrder", env.get("BUILD_NUMBER"));
            put(executor, "buildName", numbered(env.get("JOB_NAME"), env.get("BUILD_NUMBER")));
            put(executor, "buildUrl", env.get("BUILD_URL"));
        } else if ("true".equalsIgnoreCase(env.get("CI")) || "1".equals(env.get("CI"))) {
            executor.put("name", "CI");
            executor.put("type", "ci");
        } else {
            return Optional.empty();
        }
        return Optional.of(executor);
    }

    private static String join(String server, String repository) {
        return present(server) && present(repository) ? server + "/" + repository : null;
    }

    private static String numbered(String name, String number) {
        if (!present(name)) {
            return present(number) ? "#" + number : null;
        }
        return present(number) ? name + " #" + number : name;
    }

    private static void put(Map<String, Object> executor, String key, String value) {
        if (present(value)) {
            executor.put(key, value);
        }
    }

    private static void putNumber(Map<String, Object> executor, String key, String value) {
        if (present(value)) {
            try {
                executor.put(key, Long.parseLong(value.trim()));
            } catch (NumberFormatException e) {
                // Allure orders builds by a number; a value that is not one is left out rather than guessed.
            }
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
