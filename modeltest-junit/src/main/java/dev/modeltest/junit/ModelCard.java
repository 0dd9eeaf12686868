package dev.modeltest.junit;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Family;
import dev.modeltest.check.Format;
import dev.modeltest.check.Interval;
import dev.modeltest.check.Verdict;
import dev.modeltest.report.ModelPage;
import dev.modeltest.report.Provenance;
import dev.modeltest.subject.Sampling;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown model card of one {@code @ModelTest} class, written to {@code <output dir>/model-cards/<class>.md} when
 * the class finishes: the sections of Mitchell et al., "Model Cards for Model Reporting" (FAT* 2019), filled with what
 * the test run measured, and saying "not recorded by the test run" where a run knows nothing (intended use, training
 * data, ethical considerations...). Nothing in it is written by hand or guessed.
 */
final class ModelCard {

    /** The folder of the cards under the output directory. */
    static final String FOLDER = "model-cards";

    /** What a section says when a test run cannot fill it. */
    static final String NOT_RECORDED = "Not recorded by the test run.";

    /** The keys of a fairness check's group row that every such check reports ({@code GroupReport}). */
    private static final Set<String> GROUP_KEYS =
            Set.of("group", "values", "n", "tp", "fp", "fn", "tn", "selectionRate", "tpr", "fpr", "judged", "verdict");

    private static final Pattern APPROXIMATE = Pattern.compile("approximate here: (.+?)(, see docs/intervals\\.md|$)");

    /**
     * What the card is made of.
     *
     * @param testClass the {@code @ModelTest} class
     * @param checks its checks as they ended, in order (the model page's)
     * @param provenance the data and model as read, empty when the data never loaded
     * @param configuredData the data as configured, for when it never loaded
     * @param configuredModel the model as configured, for when it never loaded
     * @param sample the sample the class evaluated, if it evaluated one
     * @param environment the run's environment ({@code git.commit}, {@code modeltest.version}, ...)
     * @param finishedAt when the class finished
     */
    record Facts(
            Class<?> testClass,
            List<ModelPage.Check> checks,
            Optional<Provenance> provenance,
            String configuredData,
            String configuredModel,
            Optional<Sampling.Drawn> sample,
            Map<String, String> environment,
            Instant finishedAt) {

        Facts {
            checks = List.copyOf(checks);
            environment = Map.copyOf(environment);
        }
    }

    private ModelCard() {}

    /** Returns the file a class's card is written to. */
    static Path file(Path outputDir, Class<?> testClass) {
        return outputDir.resolve(FOLDER).resolve(testClass.getName() + ".md");
    }

    /** Writes the card and returns its file. */
    static Path write(Path outputDir, Class<?> testClass, String markdown) {
        Path file = file(outputDir, testClass);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, markdown, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model card " + file, e);
        }
        return file;
    }

    /** Returns the card as Markdown. */
    static String markdown(Facts facts) {
        List<ModelPage.Check> metrics = new ArrayList<>();
        List<ModelPage.Check> analyses = new ArrayList<>();
        List<ModelPage.Check> others = new ArrayList<>();
        for (ModelPage.Check check : facts.checks()) {
            if (check.isError()) {
                continue;
            }
            if (isAnalysis(check.result())) {
                analyses.add(check);
            } else if (check.result().family() == Family.PERFORMANCE) {
                metrics.add(check);
            } else {
                others.add(check);
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("# Model card: ").append(facts.testClass().getSimpleName()).append("\n\n");
        md.append("Written by modeltest from the test run of `")
                .append(facts.testClass().getName())
                .append("`, which finished at ")
                .append(facts.finishedAt())
                .append(". The sections are those of Mitchell et al., \"Model Cards for Model Reporting\" (2019);")
                .append(" each holds what the run measured, or says that the run did not record it.\n\n");
        modelDetails(md, facts);
        md.append("## Intended use\n\n").append(NOT_RECORDED).append("\n\n");
        factors(md, analyses);
        metrics(md, metrics);
        evaluationData(md, facts);
        md.append("## Training data\n\n").append(NOT_RECORDED).append("\n\n");
        analyses(md, analyses);
        md.append("## Ethical considerations\n\n").append(NOT_RECORDED).append("\n\n");
        caveats(md, facts);
        otherChecks(md, others);
        return md.toString();
    }

    /** A check judged per group or per slice: a fairness check, or a metric check with {@code slicedBy}. */
    private static boolean isAnalysis(CheckResult result) {
        return result.family() == Family.FAIRNESS || result.details().get("slices") instanceof List<?>;
    }

    private static void modelDetails(StringBuilder md, Facts facts) {
        md.append("## Model details\n\n| | |\n|---|---|\n");
        Optional<Provenance> provenance = facts.provenance();
        row(md, "model", provenance.map(Provenance::model).orElse(facts.configuredModel()));
        provenance.ifPresent(p -> {
            row(md, "source", p.modelSource());
            row(md, "model SHA-256", code(p.modelSha256()));
        });
        row(md, "tested by", code(facts.testClass().getName()));
        Map<String, String> environment = facts.environment();
        row(md, "git commit", code(environment.getOrDefault("git.commit", "")));
        row(md, "git branch", environment.getOrDefault("git.branch", ""));
        row(md, "uncommitted changes", environment.getOrDefault("git.dirty", ""));
        row(md, "modeltest", environment.getOrDefault("modeltest.version", ""));
        row(md, "java", environment.getOrDefault("java", ""));
        md.append(
                        "\nPerson or organisation developing the model, model date, version and type, training algorithms and")
                .append(" parameters, paper, citation, licence, contact: not recorded by the test run.\n\n");
    }

    private static void factors(StringBuilder md, List<ModelPage.Check> analyses) {
        md.append("## Factors\n\n");
        Set<String> columns = new TreeSet<>();
        for (ModelPage.Check check : analyses) {
            Map<String, Object> details = check.result().details();
            if (details.get("slicedBy") != null) {
                columns.add(String.valueOf(details.get("slicedBy")));
            }
            if (details.get("attributes") instanceof List<?> attributes) {
                attributes.forEach(a -> columns.add(String.valueOf(a)));
            }
        }
        if (columns.isEmpty()) {
            md.append(NOT_RECORDED).append("\n\n");
            return;
        }
        md.append("Evaluation factors: the columns whose groups or slices the checks compared, ");
        md.append(String.join(", ", columns.stream().map(ModelCard::code).toList()));
        md.append(" (see [Quantitative analyses](#quantitative-analyses)). Other relevant factors: not recorded by the")
                .append(" test run.\n\n");
    }

    private static void metrics(StringBuilder md, List<ModelPage.Check> metrics) {
        md.append("## Metrics\n\n");
        if (metrics.isEmpty()) {
            md.append("No metric check ran.\n\n");
            return;
        }
        resultTable(md, metrics);
    }

    private static void resultTable(StringBuilder md, List<ModelPage.Check> checks) {
        md.append("| check | test | value | interval | threshold | n | verdict |\n");
        md.append("|---|---|--:|---|---|--:|---|\n");
        for (ModelPage.Check check : checks) {
            CheckResult result = check.result();
            md.append("| ")
                    .append(cell(result.title()))
                    .append(" | ")
                    .append(code(check.test()))
                    .append(" | ")
                    .append(cell(Reporting.valueText(result)))
                    .append(" | ")
                    .append(cell(result.optionalInterval()
                            .map(i -> i + " (" + i.method() + ")")
                            .orElse("")))
                    .append(" | ")
                    .append(cell(result.threshold()))
                    .append(" | ")
                    .append(result.n())
                    .append(" | ")
                    .append(result.verdict().name())
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static void evaluationData(StringBuilder md, Facts facts) {
        md.append("## Evaluation data\n\n| | |\n|---|---|\n");
        Optional<Provenance> provenance = facts.provenance();
        if (provenance.isEmpty()) {
            row(
                    md,
                    "data",
                    facts.configuredData()
                            + ModelPages.engineOf(facts.configuredData())
                                    .map(e -> " (read by " + e + " where it lives)")
                                    .orElse(" (not read)"));
        }
        provenance.ifPresent(p -> {
            row(md, "data", p.data());
            row(md, "location", p.dataLocation());
            row(md, "data SHA-256", code(p.dataSha256()));
            row(md, "rows", Long.toString(p.rows()));
            row(md, "DVC pointer MD5", code(p.dataDvcMd5()));
        });
        facts.sample()
                .ifPresent(s -> row(
                        md,
                        "sample",
                        s.rows() + " of " + s.of() + " rows, "
                                + s.method().name().toLowerCase(Locale.ROOT) + ", seed " + s.seed()));
        md.append("\nWhy these data were chosen and how they were preprocessed: not recorded by the test run.\n\n");
    }

    private static void analyses(StringBuilder md, List<ModelPage.Check> analyses) {
        md.append("## Quantitative analyses\n\n");
        if (analyses.isEmpty()) {
            md.append("No fairness check and no sliced metric check ran.\n\n");
            return;
        }
        resultTable(md, analyses);
        for (ModelPage.Check check : analyses) {
            CheckResult result = check.result();
            md.append("### ")
                    .append(result.title())
                    .append(" (")
                    .append(code(check.test()))
                    .append(")\n\n");
            if (result.details().get("slices") instanceof List<?> slices) {
                md.append("| slice | rows | value | interval | verdict |\n|---|--:|--:|---|---|\n");
                for (Object slice : slices) {
                    Map<?, ?> s = (Map<?, ?>) slice;
                    md.append("| ")
                            .append(cell(String.valueOf(s.get("slice"))))
                            .append(" | ")
                            .append(s.get("rows"))
                            .append(" | ")
                            .append(number(s.get("value")))
                            .append(" | ")
                            .append(s.get("lower") == null ? "" : number(s.get("lower")) + "–" + number(s.get("upper")))
                            .append(" | ")
                            .append(cell(String.valueOf(s.get("verdict"))))
                            .append(" |\n");
                }
            } else if (result.details().get("groups") instanceof List<?> groups) {
                if (result.details().get("weightColumn") instanceof String weights) {
                    md.append("Rates weighted by the sample weights of column ")
                            .append(code(weights))
                            .append("; rows are the rows of weight above 0.\n\n");
                }
                groupTable(md, groups);
            } else {
                md.append("The check reported no per-group table.\n");
            }
            md.append('\n');
        }
    }

    /**
     * The per-group table of a fairness check: rows, the rates every such check reports, the figures its own gate adds
     * (a group's metric, impact ratio, gap, p-value: the row's other numbers) and the group's verdict.
     */
    private static void groupTable(StringBuilder md, List<?> groups) {
        Set<String> own = new LinkedHashSet<>();
        for (Object group : groups) {
            ((Map<?, ?>) group).keySet().forEach(k -> own.add(String.valueOf(k)));
        }
        own.removeAll(GROUP_KEYS);
        md.append("| group | rows | selection rate | true positive rate | false positive rate |");
        own.forEach(k -> md.append(' ').append(words(k)).append(" |"));
        md.append(" verdict |\n|---|--:|--:|--:|--:|");
        own.forEach(k -> md.append("--:|"));
        md.append("---|\n");
        for (Object group : groups) {
            Map<?, ?> g = (Map<?, ?>) group;
            md.append("| ")
                    .append(cell(String.valueOf(g.get("group"))))
                    .append(" | ")
                    .append(g.get("n"))
                    .append(" | ")
                    .append(number(g.get("selectionRate")))
                    .append(" | ")
                    .append(number(g.get("tpr")))
                    .append(" | ")
                    .append(number(g.get("fpr")))
                    .append(" |");
            own.forEach(k -> md.append(' ').append(number(g.get(k))).append(" |"));
            md.append(' ').append(cell(String.valueOf(g.get("verdict")))).append(" |\n");
        }
    }

    /** Turns a detail's name into words for a heading: {@code impactRatio} into {@code impact ratio}. */
    private static String words(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    private static void caveats(StringBuilder md, Facts facts) {
        List<String> caveats = new ArrayList<>();
        for (ModelPage.Check check : facts.checks()) {
            String test = code(check.test());
            if (check.isError()) {
                caveats.add(check.annotation() + " on " + test + " could not run: " + check.errorCategory() + ": "
                        + firstLine(check.errorMessage()));
                continue;
            }
            CheckResult result = check.result();
            String what = result.title() + " (" + test + ")";
            if (result.verdict() == Verdict.INCONCLUSIVE) {
                Object needed = result.details().get("estimatedRowsNeeded");
                caveats.add(what + " is INCONCLUSIVE: the data cannot decide it"
                        + (needed == null ? "" : "; about " + needed + " rows would") + ".");
            } else if (result.verdict() == Verdict.FAIL) {
                caveats.add(what + " FAILED.");
            }
            approximate(result)
                    .ifPresent(why -> caveats.add(what + ": the interval is approximate here, " + why + "."));
            Object noInterval = result.details().get("noInterval");
            if (noInterval != null && !String.valueOf(noInterval).isBlank()) {
                caveats.add(what + " has no interval: " + noInterval + ".");
            }
            List<String> small = tooSmall(result);
            if (!small.isEmpty()) {
                caveats.add(what + ": too small to judge: " + String.join(", ", small) + ".");
            }
        }
        facts.sample()
                .ifPresent(s -> caveats.add("The checks evaluated a sample of " + s.rows() + " of the " + s.of()
                        + " rows of the data, not every row."));
        md.append("## Caveats and recommendations\n\n");
        if (caveats.isEmpty()) {
            md.append("No check of the run failed, was inconclusive or could not run, flagged its interval as")
                    .append(" approximate, or left a group or slice unjudged for its size. Other caveats: not recorded")
                    .append(" by the test run.\n\n");
            return;
        }
        caveats.forEach(c -> md.append("- ").append(c.replace("\n", " ")).append('\n'));
        md.append("\nOther caveats and recommendations: not recorded by the test run.\n\n");
    }

    /** The reason an interval is approximate, from its method's text ({@code ...; approximate here: why, see ...}). */
    static Optional<String> approximate(CheckResult result) {
        List<String> texts = new ArrayList<>();
        Object how = result.details().get("intervalMethod");
        if (how != null) {
            texts.add(String.valueOf(how));
        }
        result.optionalInterval().map(Interval::method).ifPresent(texts::add);
        texts.add(result.message());
        for (String text : texts) {
            Matcher matcher = APPROXIMATE.matcher(text);
            if (matcher.find()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }

    /** The slices and groups a check left unjudged for their size, with their rows. */
    private static List<String> tooSmall(CheckResult result) {
        List<String> small = new ArrayList<>();
        if (result.details().get("slices") instanceof List<?> slices) {
            for (Object slice : slices) {
                Map<?, ?> s = (Map<?, ?>) slice;
                if (String.valueOf(s.get("verdict")).startsWith("too small")) {
                    small.add("slice " + s.get("slice") + " (" + s.get("rows") + " rows)");
                }
            }
        }
        if (result.details().get("tooSmall") instanceof List<?> groups) {
            groups.forEach(g -> small.add("group " + g));
        }
        return small;
    }

    private static void otherChecks(StringBuilder md, List<ModelPage.Check> others) {
        if (others.isEmpty()) {
            return;
        }
        md.append("## Other checks of the test run\n\n");
        md.append(
                "Checks of the data, the outputs, speed and behaviour, which the sections above have no place for.\n\n");
        resultTable(md, others);
    }

    private static void row(StringBuilder md, String key, String value) {
        if (value != null && !value.isBlank()) {
            md.append("| ").append(key).append(" | ").append(cell(value)).append(" |\n");
        }
    }

    private static String number(Object value) {
        return value instanceof Number n ? Format.value(n.doubleValue()) : "";
    }

    private static String code(String text) {
        return text == null || text.isEmpty() ? "" : "`" + text + "`";
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /** Makes text safe in a table cell: no line breaks, no column separators. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\r", "").replace("\n", "<br>");
    }
}
